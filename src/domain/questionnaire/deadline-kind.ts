import { daysBetween, endOfYear } from '../scoring/iso-date';
import type { Deadline, DeadlineKind, QuestionnaireItem } from './questionnaire-schema';

/**
 * What a deadline's date means (questionnaire-schema.ts, `deadlineKinds`) and the date an establishment counts to.
 *
 * A deadline written with a `kind` keeps it. Without one (every deadline of the frozen 2026.1 files), the kind is
 * derived, so that those files need not change and keep their content hash:
 * - the CaRE domain 2 date, 16 January 2026, is the opening of the declaration window (« ouverture du guichet de
 *   déclaration », esante.gouv.fr, axe 4 page), not a due date; no closing date was published;
 * - hc.gov.03, the RIE commitment (« engagement de sécurisation »), first due 31 May 2023, is renewed every year
 *   (« au plus tard avant le 31/05/2023 (fréquence annuelle) », signed by the legal representative, ANS FAQ);
 * - care.d2.06, the field test of a continuity plan, is marked "continuous" in 2026.1 while its label gives
 *   November 2026: it reads as due on {@link D2_PCA_TEST_DATE}, the one date the programme deadlines use too;
 * - otherwise `recurrence: 'annual'` is yearly, `recurrence: 'continuous'` continuous, a date alone a due date.
 */

/** The opening of the CaRE domain 2 declaration window (esante.gouv.fr, axe 4 page). */
export const D2_WINDOW_OPENING = '2026-01-16';

/**
 * Test at least one continuity plan in a field exercise « d'ici novembre 2026 »: DSIH, article 5982, a trade-press
 * opinion piece (secondary source); the end of November stands for "by November".
 */
export const D2_PCA_TEST_DATE = '2026-11-30';

export interface ResolvedDeadline {
  kind: DeadlineKind;
  /** The date of the text: the due date, the day the window opened, the first yearly due date, the day a
   * continuous obligation took effect. */
  date?: string;
}

/** Deadlines of the 2026.1 files that need another kind than their fields say; keyed by item id. */
const derivedFor2026_1: Readonly<Record<string, ResolvedDeadline>> = {
  'hc.gov.03': { kind: 'yearly', date: '2023-05-31' },
  'care.d2.06': { kind: 'due-date', date: D2_PCA_TEST_DATE },
};

/** The kind and date of an item's deadline, the kind derived when the file gives none (see above). */
export function resolveDeadline(item: Pick<QuestionnaireItem, 'id' | 'deadline'>): ResolvedDeadline | undefined {
  const deadline: Deadline | undefined = item.deadline;
  if (!deadline) return undefined;
  const date = deadline.date;
  if (deadline.kind) return date === undefined ? { kind: deadline.kind } : { kind: deadline.kind, date };
  const derived = derivedFor2026_1[item.id];
  if (derived) return derived;
  if (deadline.recurrence === 'annual') return date === undefined ? { kind: 'yearly' } : { kind: 'yearly', date };
  if (deadline.recurrence === 'continuous') {
    return date === undefined ? { kind: 'continuous' } : { kind: 'continuous', date };
  }
  if (date === D2_WINDOW_OPENING) return { kind: 'window-opening', date };
  // The schema refuses a deadline with neither date, recurrence nor kind.
  return date === undefined ? undefined : { kind: 'due-date', date };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day-month of `date` in `year`, 29 February read as 28 in a common year. */
function anniversaryIn(date: string, year: number): string {
  const monthDay = date.slice(5) === '02-29' && !isLeapYear(year) ? '02-28' : date.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/**
 * When a yearly obligation is next due, on or after `asOf`: its date's anniversary (never before its first due
 * date), or, without a date, the end of the current calendar year.
 */
export function nextYearlyDue(date: string | undefined, asOf: string): string {
  if (date === undefined) return endOfYear(asOf);
  if (date >= asOf) return date;
  const year = Number(asOf.slice(0, 4));
  const thisYear = anniversaryIn(date, year);
  return thisYear >= asOf ? thisYear : anniversaryIn(date, year + 1);
}

/** The date a deadline is counted to on `asOf`: none for a continuous obligation. */
export function countedDateOf(deadline: ResolvedDeadline, asOf: string): string | undefined {
  switch (deadline.kind) {
    case 'due-date':
    case 'window-opening':
      return deadline.date;
    case 'yearly':
      return nextYearlyDue(deadline.date, asOf);
    case 'continuous':
      return undefined;
  }
}

/**
 * How an unmet obligation stands on `asOf`, whatever shows it (the gap ranking, the deadlines view, the summary, the
 * report): `overdue` only for a due date that has passed; `to-declare` once a declaration window is open; a yearly
 * obligation is never overdue, it is due again; a continuous one is `ongoing`.
 */
export type DeadlineStanding = 'overdue' | 'to-declare' | 'coming' | 'ongoing';

export function standingOf(deadline: ResolvedDeadline, asOf: string): DeadlineStanding {
  const counted = countedDateOf(deadline, asOf);
  if (counted === undefined) return 'ongoing';
  const daysLeft = daysBetween(asOf, counted);
  if (deadline.kind === 'window-opening') return daysLeft <= 0 ? 'to-declare' : 'coming';
  if (deadline.kind === 'due-date' && daysLeft < 0) return 'overdue';
  return 'coming';
}
