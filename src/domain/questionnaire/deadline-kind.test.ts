import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programmeDeadlines } from '../results/programme-deadlines';
import { daysBetween } from '../scoring/iso-date';
import {
  D2_PCA_TEST_DATE,
  D2_WINDOW_OPENING,
  countedDateOf,
  nextYearlyDue,
  resolveDeadline,
  standingOf,
} from './deadline-kind';
import { parseQuestionnaire } from './parse-questionnaire';
import { deadlineSchema, type Questionnaire } from './questionnaire-schema';

const label = { fr: 'x', en: 'x' };

function shipped(id: string, version: string): Questionnaire {
  const parsed = parseQuestionnaire(
    JSON.parse(readFileSync(join(process.cwd(), 'questionnaires', id, `${version}.json`), 'utf8')),
    `${id}/${version}.json`,
  );
  if (!parsed.ok) throw new Error(parsed.fileName);
  return parsed.questionnaire;
}

describe('the kind of a deadline', () => {
  it('is optional in a file, and read from recurrence and date when absent', () => {
    expect(resolveDeadline({ id: 'x.a.01', deadline: { recurrence: 'annual', label } })).toEqual({ kind: 'yearly' });
    expect(resolveDeadline({ id: 'x.a.01', deadline: { recurrence: 'continuous', label } })).toEqual({
      kind: 'continuous',
    });
    expect(resolveDeadline({ id: 'x.a.01', deadline: { date: '2027-12-31', label } })).toEqual({
      kind: 'due-date',
      date: '2027-12-31',
    });
    expect(resolveDeadline({ id: 'x.a.01' })).toBeUndefined();
  });

  it('keeps the kind a file gives, over any derivation', () => {
    expect(resolveDeadline({ id: 'care.d2.06', deadline: { kind: 'continuous', label } })).toEqual({
      kind: 'continuous',
    });
    expect(resolveDeadline({ id: 'x.a.01', deadline: { kind: 'window-opening', date: '2026-02-13', label } })).toEqual({
      kind: 'window-opening',
      date: '2026-02-13',
    });
  });

  it('refuses a due date or a window opening without a date, and a kind that contradicts the recurrence', () => {
    expect(deadlineSchema.safeParse({ kind: 'due-date', label }).success).toBe(false);
    expect(deadlineSchema.safeParse({ kind: 'window-opening', label }).success).toBe(false);
    expect(deadlineSchema.safeParse({ kind: 'yearly', recurrence: 'continuous', label }).success).toBe(false);
    expect(deadlineSchema.safeParse({ kind: 'yearly', label }).success).toBe(true);
    expect(deadlineSchema.safeParse({ kind: 'continuous', label }).success).toBe(true);
    expect(deadlineSchema.safeParse({ kind: 'yearly', recurrence: 'annual', date: '2023-05-31', label }).success).toBe(
      true,
    );
  });

  it('reads the CaRE domain 2 date of the frozen 2026.1 file as the opening of the declaration window', () => {
    const care = shipped('care', '2026.1');
    const d2 = care.items.filter((i) => i.deadline?.date === D2_WINDOW_OPENING);
    expect(d2.length).toBeGreaterThan(10);
    for (const item of d2) expect(resolveDeadline(item)?.kind, item.id).toBe('window-opening');
    // 320 days after the opening, an unmet D2 item is to declare, not late.
    expect(standingOf({ kind: 'window-opening', date: D2_WINDOW_OPENING }, '2026-12-02')).toBe('to-declare');
    expect(standingOf({ kind: 'window-opening', date: D2_WINDOW_OPENING }, '2026-01-15')).toBe('coming');
  });

  it('reads the RIE commitment (hc.gov.03) as yearly, due again each 31 May', () => {
    const item = shipped('hospiconnect', '2026.1').items.find((i) => i.id === 'hc.gov.03');
    if (!item) throw new Error('hc.gov.03');
    const resolved = resolveDeadline(item);
    expect(resolved).toEqual({ kind: 'yearly', date: '2023-05-31' });
    if (!resolved) return;
    expect(countedDateOf(resolved, '2026-12-02')).toBe('2027-05-31');
    expect(countedDateOf(resolved, '2026-05-31')).toBe('2026-05-31');
    expect(standingOf(resolved, '2026-12-02')).toBe('coming');
    const programme = programmeDeadlines.find((d) => d.id === 'rie-commitment');
    expect(programme).toMatchObject({ kind: 'yearly', date: '2023-05-31' });
    expect(programme?.source).toContain('représentant légal');
  });

  it('gives care.d2.06 one date, the one of the programme deadlines, with its secondary source', () => {
    const item = shipped('care', '2026.1').items.find((i) => i.id === 'care.d2.06');
    if (!item) throw new Error('care.d2.06');
    expect(resolveDeadline(item)).toEqual({ kind: 'due-date', date: D2_PCA_TEST_DATE });
    const programme = programmeDeadlines.find((d) => d.id === 'care-d2-pca-test');
    expect(programme).toMatchObject({ kind: 'due-date', date: D2_PCA_TEST_DATE });
    expect(programme?.source).toContain('source secondaire');
  });

  it('never makes a continuous obligation late, and a due date late only once passed', () => {
    expect(standingOf({ kind: 'continuous' }, '2030-01-01')).toBe('ongoing');
    expect(standingOf({ kind: 'continuous', date: '2022-06-01' }, '2030-01-01')).toBe('ongoing');
    expect(standingOf({ kind: 'due-date', date: '2026-01-01' }, '2026-01-01')).toBe('coming');
    expect(standingOf({ kind: 'due-date', date: '2026-01-01' }, '2026-01-02')).toBe('overdue');
    expect(standingOf({ kind: 'yearly' }, '2026-12-31')).toBe('coming');
  });

  it('puts the next yearly due date within a year of the day, on the same day and month', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (first, asOf) => {
        const next = nextYearlyDue(first, asOf);
        expect(next >= asOf).toBe(true);
        expect(next >= first).toBe(true);
        if (first < asOf) expect(daysBetween(asOf, next)).toBeLessThanOrEqual(366);
        const monthDay = first.slice(5) === '02-29' && next.slice(5) === '02-28' ? '02-28' : first.slice(5);
        expect(next.slice(5)).toBe(monthDay);
      }),
    );
    expect(nextYearlyDue('2024-02-29', '2025-01-10')).toBe('2025-02-28');
    expect(nextYearlyDue(undefined, '2026-03-04')).toBe('2026-12-31');
  });
});

describe('the sources the programme deadlines cite (issue 15, correction 7)', () => {
  it('credit the HospiConnect 2026, 2027 and 2028 objectives to the community transcription, not to the order of 27 January 2026', () => {
    const hospiconnect = programmeDeadlines.filter((d) => d.programme === 'hospiconnect');
    expect(hospiconnect.map((d) => d.id)).toEqual(['hospiconnect-2026', 'hospiconnect-2027', 'hospiconnect-2028']);
    for (const deadline of hospiconnect) {
      expect(deadline.source, deadline.id).not.toMatch(/27 janvier 2026/);
      expect(deadline.source, deadline.id).toMatch(/transcription communautaire/);
    }
  });
});
