import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationInputSchema, buildApplication } from './application-input';
import {
  applicationKinds,
  applicationRecordSchema,
  authenticationMeans,
  homologationStates,
  type ApplicationRecord,
} from './application-record';
import { anApplication } from '../../testing/domain/applications/builders';
import {
  applicationStatus,
  computeMfaCompliance,
  isSensitive,
  listMfaFindings,
  meansBehind,
  meetsRule2026,
  reliesOnRpps,
  rule2026Gaps,
  sortApplications,
  twoFactorUsersOf,
} from './mfa-compliance';

const app = anApplication;

describe('isSensitive (RIE: health data, and shared or reachable from outside)', () => {
  it('needs health data and one of the two openings', () => {
    expect(isSensitive(app())).toBe(true);
    expect(isSensitive(app({ sharedOrExternal: false, remoteAccess: true }))).toBe(true);
    expect(isSensitive(app({ sharedOrExternal: false, remoteAccess: false }))).toBe(false);
    expect(isSensitive(app({ handlesHealthData: false, remoteAccess: true }))).toBe(false);
  });
});

describe('meetsRule2026 (RIE: a password alone is non-compliant from 1 January 2026)', () => {
  it('accepts national means without homologation', () => {
    for (const means of ['cps-card', 'e-cps', 'pro-sante-connect'] as const) {
      expect(meetsRule2026(app({ authentication: [means], homologation: 'to-do' })), means).toBe(true);
    }
  });

  it('reads Pro Santé Connect as the federation that authenticates with a CPS card or an e-CPS, not a means beside them', () => {
    expect(meansBehind('pro-sante-connect')).toEqual(['cps-card', 'e-cps']);
    expect(meansBehind('otp')).toEqual(['otp']);
    // Through the federation, the professional has the two factors of the card or of the e-CPS.
    expect(twoFactorUsersOf(app({ authentication: ['pro-sante-connect'], users: 40 }))).toBe(40);
    expect(rule2026Gaps(app({ authentication: ['pro-sante-connect'], homologation: 'to-do' }))).toEqual([]);
    // Connected to the federation does not make a password beside it compliant.
    expect(rule2026Gaps(app({ authentication: ['pro-sante-connect', 'password-only'] }))).toEqual(['password-only']);
    // The e-CPS, directly or through the federation, needs the professional's RPPS registration.
    expect(reliesOnRpps(app({ authentication: ['pro-sante-connect'] }))).toBe(true);
    expect(reliesOnRpps(app({ authentication: ['e-cps'] }))).toBe(true);
    expect(reliesOnRpps(app({ authentication: ['cps-card', 'otp'] }))).toBe(false);
  });

  it('refuses a password, even beside a strong means', () => {
    expect(rule2026Gaps(app({ authentication: ['password-only'] }))).toEqual(['password-only']);
    expect(rule2026Gaps(app({ authentication: ['password-only', 'e-cps'] }))).toEqual(['password-only']);
    expect(rule2026Gaps(app({ authentication: [] }))).toEqual(['no-means']);
  });

  it('accepts a local means only once homologated', () => {
    expect(rule2026Gaps(app({ authentication: ['otp'], homologation: 'to-do' }))).toEqual(['means-not-homologated']);
    expect(rule2026Gaps(app({ authentication: ['fido2-key'], homologation: 'in-progress' }))).toEqual([
      'means-not-homologated',
    ]);
    expect(meetsRule2026(app({ authentication: ['establishment-card'], homologation: 'with-reservations' }))).toBe(
      true,
    );
    expect(meetsRule2026(app({ authentication: ['otp', 'e-cps'], homologation: 'without-reservations' }))).toBe(true);
  });

  it('refuses an application where some users still have no second factor', () => {
    expect(rule2026Gaps(app({ users: 100, usersWithTwoFactors: 80 }))).toEqual(['users-without-two-factors']);
    expect(meetsRule2026(app({ users: 100, usersWithTwoFactors: 100 }))).toBe(true);
  });
});

describe('twoFactorUsersOf', () => {
  it('takes the figure given, else infers it from the means', () => {
    expect(twoFactorUsersOf(app({ users: 100, usersWithTwoFactors: 40 }))).toBe(40);
    expect(twoFactorUsersOf(app({ users: 100, usersWithTwoFactors: 140 }))).toBe(100);
    expect(twoFactorUsersOf(app({ users: 100 }))).toBe(100);
    expect(twoFactorUsersOf(app({ users: 100, authentication: ['password-only'] }))).toBe(0);
    expect(twoFactorUsersOf(app({ users: 100, authentication: ['password-only', 'otp'] }))).toBeUndefined();
    expect(twoFactorUsersOf(app({ users: 100, authentication: ['other'] }))).toBeUndefined();
    expect(twoFactorUsersOf(app({}))).toBeUndefined();
  });
});

describe('computeMfaCompliance, worked by hand', () => {
  const dpi = app({
    name: 'DPI',
    authentication: ['password-only'],
    remoteAccess: true,
    users: 500,
    doctorsAndNurses: 300,
    doctorsAndNursesWithTwoFactors: 0,
  });
  const pacs = app({ name: 'PACS', kind: 'imaging', authentication: ['cps-card', 'e-cps'], users: 100 });
  const lab = app({ name: 'SIL', kind: 'laboratory', authentication: ['otp'], homologation: 'to-do', users: 50 });
  const payroll = app({ name: 'Paie', kind: 'hr', handlesHealthData: false, authentication: ['password-only'] });
  const local = app({ name: 'Bloc', kind: 'other', sharedOrExternal: false, authentication: ['password-only'] });

  it('counts sensitive applications and their users', () => {
    const c = computeMfaCompliance([payroll, lab, pacs, dpi, local]);
    expect(c.sensitiveCount).toBe(3); // DPI, PACS, SIL; payroll has no health data, Bloc is neither shared nor remote
    expect(c.compliantCount).toBe(1); // PACS
    expect(c.compliantShare).toBeCloseTo(1 / 3, 12);
    // DPI 500 users, none with 2FA; PACS 100 all with 2FA (national means); SIL 50 with OTP (2FA, not homologated).
    expect(c.users).toBe(650);
    expect(c.usersWithTwoFactors).toBe(150);
    expect(c.usersShare).toBeCloseTo(150 / 650, 12);
    expect(c.patientRecordTwoFactorShare).toBe(0);
    expect(c.target2027Met).toBe(false);
    expect(c.target2028Met).toBe(false);
    // Non-compliant, the most used first.
    expect(c.nonCompliant.map((a) => a.name)).toEqual(['DPI', 'SIL']);
  });

  it('meets 2027 when doctors and nurses have two factors on the patient record, before every user does', () => {
    const record = app({
      authentication: ['password-only', 'e-cps'],
      users: 1000,
      usersWithTwoFactors: 400,
      doctorsAndNurses: 400,
      doctorsAndNursesWithTwoFactors: 400,
    });
    const c = computeMfaCompliance([record]);
    expect(c.target2027Met).toBe(true);
    expect(c.target2028Met).toBe(false);
    expect(c.patientRecordTwoFactorShare).toBe(0.4);
    expect(c.compliantCount).toBe(0);
  });

  it('meets 2028 when every patient-record user has two factors and the homologation has no reservation', () => {
    const done = app({ authentication: ['establishment-card'], homologation: 'without-reservations', users: 800 });
    expect(computeMfaCompliance([done])).toMatchObject({
      target2027Met: true,
      target2028Met: true,
      patientRecordTwoFactorShare: 1,
      compliantShare: 1,
    });
    const reserved = { ...done, homologation: 'with-reservations' as const };
    expect(computeMfaCompliance([reserved])).toMatchObject({ target2027Met: true, target2028Met: false });
  });

  it('says "unknown" rather than guess when counts are missing', () => {
    const c = computeMfaCompliance([
      app({ authentication: ['password-only', 'otp'], homologation: 'without-reservations' }),
    ]);
    expect(c.target2027Met).toBeUndefined();
    expect(c.target2028Met).toBe(false); // the password is still there: 2028 is missed whatever the counts
    const empty = computeMfaCompliance([]);
    expect(empty).toMatchObject({
      sensitiveCount: 0,
      compliantShare: undefined,
      usersShare: undefined,
      patientRecordTwoFactorShare: undefined,
      target2027Met: undefined,
      target2028Met: undefined,
      nonCompliant: [],
    });
  });

  it('orders the inventory with the non-compliant sensitive applications first', () => {
    expect(sortApplications([payroll, pacs, local, lab, dpi]).map((a) => a.name)).toEqual([
      'DPI',
      'SIL',
      'Bloc',
      'PACS',
      'Paie',
    ]);
    expect(applicationStatus(local)).toBe('non-compliant-not-sensitive');
    expect(applicationStatus(payroll)).toBe('out-of-scope');
  });

  it('lists findings for the results, with their rule and deadline', () => {
    const findings = listMfaFindings([dpi, pacs, lab]);
    expect(findings).toEqual([
      { code: 'password-only', applicationId: dpi.id, reference: 'RIE', deadline: '2026-01-01' },
      { code: 'users-without-two-factors', applicationId: dpi.id, reference: 'RIE', deadline: '2026-01-01' },
      { code: 'means-not-homologated', applicationId: lab.id, reference: 'RIE', deadline: '2026-01-01' },
      { code: 'target-2027-missed', reference: 'h2.2027.1-3', deadline: '2027-12-31' },
      { code: 'target-2028-missed', reference: 'h2.2028.1-3', deadline: '2028-12-31' },
    ]);
  });
});

const anyApplication: fc.Arbitrary<ApplicationRecord> = fc
  .record({
    kind: fc.constantFrom(...applicationKinds),
    handlesHealthData: fc.boolean(),
    sharedOrExternal: fc.boolean(),
    remoteAccess: fc.boolean(),
    authentication: fc.subarray([...authenticationMeans]),
    homologation: fc.constantFrom(...homologationStates),
    users: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    twoFactor: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ twoFactor, ...a }) =>
    app({
      ...a,
      ...(a.users !== undefined && twoFactor !== undefined
        ? { usersWithTwoFactors: Math.floor(a.users * twoFactor) }
        : {}),
    }),
  );

describe('properties', () => {
  it('every share stays within [0, 1] and counts add up, for any inventory', () => {
    fc.assert(
      fc.property(fc.array(anyApplication, { maxLength: 15 }), (apps) => {
        const c = computeMfaCompliance(apps);
        for (const share of [c.compliantShare, c.usersShare, c.patientRecordTwoFactorShare]) {
          if (share !== undefined) expect(share >= 0 && share <= 1).toBe(true);
        }
        expect(c.compliantCount).toBeLessThanOrEqual(c.sensitiveCount);
        expect(c.usersWithTwoFactors).toBeLessThanOrEqual(c.users);
        expect(c.nonCompliant).toHaveLength(c.sensitiveCount - c.compliantCount);
        expect(c.nonCompliant.every((a) => isSensitive(a) && !meetsRule2026(a))).toBe(true);
        // A password anywhere always breaks the 2026 rule.
        for (const a of apps) if (a.authentication.includes('password-only')) expect(meetsRule2026(a)).toBe(false);
        // Meeting 2028 implies meeting 2027.
        if (c.target2028Met === true) expect(c.target2027Met).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('applicationInputSchema', () => {
  const valid = {
    name: ' DPI ',
    kind: 'patient-record' as const,
    handlesHealthData: true,
    sharedOrExternal: false,
    remoteAccess: true,
    sensitiveReason: '',
    authentication: ['e-cps' as const, 'password-only' as const],
    users: '1 200',
    usersWithTwoFactors: '',
    doctorsAndNurses: '300',
    doctorsAndNursesWithTwoFactors: '',
    homologation: 'to-do' as const,
    targetDate: '',
  };

  it('turns the form into a valid record', () => {
    const parsed = applicationInputSchema.parse(valid);
    const record = buildApplication(parsed, { id: 'a', establishmentId: 'e' }, { createdAt: 1, updatedAt: 2 });
    expect(record).toEqual({
      id: 'a',
      establishmentId: 'e',
      name: 'DPI',
      kind: 'patient-record',
      handlesHealthData: true,
      sharedOrExternal: false,
      authentication: ['password-only', 'e-cps'],
      remoteAccess: true,
      users: 1200,
      doctorsAndNurses: 300,
      homologation: 'to-do',
      createdAt: 1,
      updatedAt: 2,
    });
    expect(applicationRecordSchema.parse(record)).toEqual(record);
  });

  it('refuses inconsistent counts with a code on the field', () => {
    const messages = (input: object) => {
      const result = applicationInputSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(messages({ ...valid, name: ' ' })).toEqual(['name:application-name-required']);
    expect(messages({ ...valid, authentication: [] })).toEqual(['authentication:application-means-required']);
    expect(messages({ ...valid, users: '12,5' })).toEqual(['users:application-count-invalid']);
    expect(messages({ ...valid, usersWithTwoFactors: '1201' })).toEqual([
      'usersWithTwoFactors:application-two-factor-above-users',
    ]);
    expect(messages({ ...valid, doctorsAndNurses: '2000' })).toEqual([
      'doctorsAndNurses:application-clinicians-above-users',
    ]);
    expect(messages({ ...valid, doctorsAndNursesWithTwoFactors: '301' })).toEqual([
      'doctorsAndNursesWithTwoFactors:application-two-factor-above-clinicians',
    ]);
    expect(messages({ ...valid, targetDate: '2027-02-30' })).toEqual(['targetDate:application-date-invalid']);
  });
});
