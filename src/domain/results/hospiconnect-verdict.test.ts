import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../applications/application-record';
import { computeMfaCompliance } from '../applications/mfa-compliance';
import type { ItemScore } from '../scoring/score-assessment';
import { hospiConnectVerdict } from './hospiconnect-verdict';
import { listDeadlines } from './programme-deadlines';
import { anApplication } from '../../testing/domain/applications/builders';

/** The patient record « DPI » unless the patch names another application. */
const record = (patch: Partial<ApplicationRecord>) => anApplication({ id: patch.name ?? 'dpi', name: 'DPI', ...patch });

const met = computeMfaCompliance([record({ users: 100, usersWithTwoFactors: 100 })]);
const missed = computeMfaCompliance([
  record({ name: 'DPI urgences', authentication: ['password-only'], users: 50, doctorsAndNurses: 20 }),
]);
const passwordBesideOtp = computeMfaCompliance([record({ name: 'DPI SSR', authentication: ['otp', 'password-only'] })]);

describe('hospiConnectVerdict: the answers and the application inventory read together', () => {
  it('is met only when both say so', () => {
    expect(hospiConnectVerdict(2027, 'met', met)).toMatchObject({ status: 'met', reason: 'both-met' });
    expect(hospiConnectVerdict(2027, 'not-applicable', met)).toMatchObject({ status: 'met' });
  });

  it('is missed when either says so, naming which and the patient records concerned', () => {
    expect(hospiConnectVerdict(2027, 'not-met', missed)).toEqual({
      year: 2027,
      status: 'not-met',
      reason: 'both-missed',
      applicationNames: ['DPI urgences'],
    });
    expect(hospiConnectVerdict(2027, 'not-met', met)).toMatchObject({ status: 'not-met', reason: 'answers-missed' });
    // The answers say 2027 is met, the inventory shows doctors and nurses on a password: missed, with the reason.
    expect(hospiConnectVerdict(2027, 'met', missed)).toMatchObject({
      status: 'not-met',
      reason: 'inventory-missed',
      applicationNames: ['DPI urgences'],
    });
  });

  it('is unknown otherwise, saying what is missing', () => {
    expect(hospiConnectVerdict(2028, 'met', computeMfaCompliance([]))).toMatchObject({
      status: 'unknown',
      reason: 'no-patient-record',
    });
    expect(hospiConnectVerdict(2028, 'unknown', met)).toMatchObject({
      status: 'unknown',
      reason: 'answers-incomplete',
    });
    expect(hospiConnectVerdict(2028, 'not-evaluated', met)).toMatchObject({ status: 'unknown', reason: 'no-answers' });
    expect(hospiConnectVerdict(2028, 'not-evaluated', computeMfaCompliance([]))).toMatchObject({
      status: 'not-evaluated',
      reason: 'no-answers',
    });
    expect(hospiConnectVerdict(2028, 'met', passwordBesideOtp)).toMatchObject({
      status: 'not-met',
      reason: 'inventory-missed',
    });
    // Doctors and nurses may all use the e-CPS beside the password: without the numbers, nobody can tell.
    const noNumbers = computeMfaCompliance([record({ name: 'DPI SSR', authentication: ['e-cps', 'password-only'] })]);
    expect(hospiConnectVerdict(2027, 'met', noNumbers)).toEqual({
      year: 2027,
      status: 'unknown',
      reason: 'inventory-incomplete',
      applicationNames: ['DPI SSR'],
    });
  });

  it('gives the deadlines one status for HospiConnect 2027 and 2028, from both readings', () => {
    const score = (itemId: string, value: number): ItemScore =>
      ({ itemId, outcome: 'scored', value, weight: 2 }) as unknown as ItemScore;
    const items = new Map([['hc.auth.03', score('hc.auth.03', 1)]]);
    const results = listDeadlines('health', '2026-12-02', items, missed);
    const hc2027 = results.find((r) => r.deadline.id === 'hospiconnect-2027');
    expect(hc2027).toMatchObject({ status: 'not-met', verdict: { reason: 'inventory-missed' } });
    const withoutInventory = listDeadlines('health', '2026-12-02', items);
    expect(withoutInventory.find((r) => r.deadline.id === 'hospiconnect-2027')?.status).toBe('met');
  });
});
