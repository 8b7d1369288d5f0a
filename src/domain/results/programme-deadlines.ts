import type { MfaCompliance } from '../applications/mfa-compliance';
import type { Sector } from '../establishment/establishment';
import {
  D2_PCA_TEST_DATE,
  D2_WINDOW_OPENING,
  countedDateOf,
  standingOf,
  type DeadlineStanding,
} from '../questionnaire/deadline-kind';
import type { DeadlineKind } from '../questionnaire/questionnaire-schema';
import { daysBetween } from '../scoring/iso-date';
import type { ItemScore } from '../scoring/score-assessment';
import { hospiConnectVerdict, type HospiConnectVerdict } from './hospiconnect-verdict';

/**
 * The programme dates an establishment is held to, and whether its answers show each one met. Dates are data, here
 * in one place, because they move (CaRE D1's declaration closed on 28 March 2025, then 30 June 2025): see
 * docs/sources.md and the domain reference. Each date names the items whose answers tell whether it is met; the
 * interface gives its title and explanation (results.deadlines.catalog.<id>).
 */
export const programmes = ['rie', 'hospiconnect', 'care', 'crisis-exercise'] as const;
export type Programme = (typeof programmes)[number];

export const deadlineIds = [
  'rie-remote-2fa',
  'rie-commitment',
  'rie-identity-repository',
  'rie-no-password-only',
  'rie-homologation',
  'care-d1-declaration',
  'care-d2-application',
  'care-d2-declaration',
  'care-d1bis-application',
  'care-d2-pca-test',
  'hospiconnect-2026',
  'hospiconnect-2027',
  'hospiconnect-2028',
  'crisis-exercise',
] as const;
export type DeadlineId = (typeof deadlineIds)[number];

export interface ProgrammeDeadline {
  id: DeadlineId;
  programme: Programme;
  /**
   * What the date means (questionnaire-schema.ts, `deadlineKinds`): a due date; the opening of a declaration
   * window (unmet reads « à déclarer », never late); a yearly obligation, due again on the date's anniversary, or
   * without a date at the end of each calendar year; a continuous obligation, in force since the date.
   */
  kind: DeadlineKind;
  /** The date of the text; only a yearly obligation may have none. */
  date?: string;
  /** For a window opening: what the window receives, declarations of objectives met or applications. */
  window?: 'declaration' | 'application';
  /** The sectors held to it. */
  concerns: readonly Sector[];
  /** Sectors for which it is a recommendation rather than an obligation. */
  recommendedFor?: readonly Sector[];
  /** Items of any questionnaire whose answers tell whether the date is met. */
  itemIds: readonly string[];
  /** The text the date comes from, as a French reference (shown as is in both languages). */
  source: string;
}

const both: Sector[] = ['health', 'medico-social'];
const health: Sector[] = ['health'];

/** Items answering the CaRE domain 2 objectives (arrêté du 3 juillet 2025, annexe 1: D2.O1.A to D2.O4). */
const d2Objectives = [
  'care.gov.04',
  'care.cri.03',
  'care.cri.04',
  'care.d2.01',
  'care.d2.02',
  'care.d2.03',
  'care.d2.04',
  'care.d2.05',
  'care.d2.08',
  'care.d2.09',
  'care.d2.10',
  'care.d2.11',
  'care.d2.12',
  'care.d2.13',
  'care.d2.14',
  'care.d2.15',
  'care.d2.16',
  'care.d2.17',
  'care.d2.19',
];

export const programmeDeadlines: readonly ProgrammeDeadline[] = [
  {
    id: 'rie-remote-2fa',
    kind: 'due-date',
    programme: 'rie',
    date: '2022-06-01',
    concerns: both,
    itemIds: ['care.ra.01', 'hc.auth.01', 'esms.rem.01'],
    source: 'Arrêté du 28 mars 2022 (RIE) ; FAQ esante.gouv.fr, obligations depuis le 1ᵉʳ juin 2022',
  },
  {
    id: 'rie-commitment',
    kind: 'yearly',
    programme: 'rie',
    date: '2023-05-31',
    concerns: both,
    itemIds: ['hc.gov.03'],
    // First due 31 May 2023, then every year (« au plus tard avant le 31/05/2023 (fréquence annuelle) »).
    source:
      'FAQ esante.gouv.fr, obligations depuis le 1ᵉʳ juin 2022 : engagement de sécurisation signé par le représentant légal, au plus tard le 31 mai 2023 puis chaque année',
  },
  {
    id: 'rie-identity-repository',
    kind: 'due-date',
    programme: 'rie',
    date: '2024-01-01',
    concerns: both,
    itemIds: ['hc.id.01', 'hc.id.02'],
    source: 'RIE, exigence 27 ; FAQ esante.gouv.fr sur le répertoire d’identités local',
  },
  {
    id: 'rie-no-password-only',
    kind: 'due-date',
    programme: 'rie',
    date: '2026-01-01',
    concerns: both,
    itemIds: ['hc.auth.02', 'esms.auth.02'],
    source: 'FAQ esante.gouv.fr : le simple identifiant et mot de passe n’est plus conforme au 1ᵉʳ janvier 2026',
  },
  {
    id: 'rie-homologation',
    kind: 'due-date',
    programme: 'rie',
    date: '2026-01-01',
    concerns: both,
    itemIds: ['hc.auth.08'],
    source: 'FAQ esante.gouv.fr : homologation des moyens d’identification électronique',
  },
  {
    id: 'care-d1-declaration',
    kind: 'due-date',
    programme: 'care',
    date: '2025-06-30',
    concerns: health,
    itemIds: ['care.d1.03', 'care.d1.12'],
    source: 'esante.gouv.fr : clôture du guichet de déclaration du domaine 1 (30 juin 2025)',
  },
  {
    id: 'care-d2-application',
    kind: 'due-date',
    programme: 'care',
    date: '2025-10-31',
    concerns: health,
    itemIds: ['care.gov.01', 'care.gov.05', 'care.res.07'],
    source: 'Arrêté du 3 juillet 2025, annexe 1 (prérequis D2.P1, D2.P2) ; DSIH, article 6070',
  },
  {
    id: 'care-d2-declaration',
    kind: 'window-opening',
    programme: 'care',
    date: D2_WINDOW_OPENING,
    concerns: health,
    itemIds: d2Objectives,
    source: 'esante.gouv.fr, axe 4 : guichet de déclaration du domaine 2 ouvert le 16 janvier 2026',
  },
  {
    id: 'care-d1bis-application',
    kind: 'window-opening',
    programme: 'care',
    date: '2026-02-13',
    concerns: health,
    itemIds: ['care.res.07'],
    source: 'esante.gouv.fr, axe 4 : candidatures au domaine 1 bis à partir du 13 février 2026',
  },
  {
    id: 'care-d2-pca-test',
    kind: 'due-date',
    programme: 'care',
    date: D2_PCA_TEST_DATE,
    concerns: health,
    itemIds: ['care.d2.06'],
    source: 'DSIH, article 5982 (source secondaire) : un PCA testé d’ici novembre 2026',
  },
  {
    id: 'hospiconnect-2026',
    kind: 'due-date',
    programme: 'hospiconnect',
    date: '2026-12-31',
    concerns: health,
    itemIds: ['hc.gov.01', 'hc.gov.02'],
    source: 'Objectifs HospiConnect – Hop’en 2, 2026 (transcription communautaire des exigences de l’ANS)',
  },
  {
    // hc.gov.05 (homologation with reservations) and hc.id.04 (manual procedure) accept a partial answer in 2027;
    // they are read at the 2028 date, when only the full answer meets them.
    id: 'hospiconnect-2027',
    kind: 'due-date',
    programme: 'hospiconnect',
    date: '2027-12-31',
    concerns: health,
    itemIds: ['hc.gov.04', 'hc.id.03', 'hc.id.05', 'hc.auth.03', 'hc.dmp.01', 'hc.dmp.02', 'hc.dmp.03'],
    source: 'Objectifs HospiConnect – Hop’en 2, 2027 (transcription communautaire des exigences de l’ANS)',
  },
  {
    id: 'hospiconnect-2028',
    kind: 'due-date',
    programme: 'hospiconnect',
    date: '2028-12-31',
    concerns: health,
    itemIds: ['hc.gov.05', 'hc.id.04', 'hc.id.08', 'hc.id.09', 'hc.auth.04', 'hc.auth.09', 'hc.dmp.04'],
    source: 'Objectifs HospiConnect – Hop’en 2, 2028 (transcription communautaire des exigences de l’ANS)',
  },
  {
    id: 'crisis-exercise',
    kind: 'yearly',
    programme: 'crisis-exercise',
    concerns: both,
    recommendedFor: ['medico-social'],
    itemIds: ['care.cri.01', 'esms.cri.01'],
    source: 'Instruction N° SHFDS/FSSI/2023/15 du 30 janvier 2023',
  },
];

/** « Not evaluated »: none of the related items is in the establishment's assessments (the questionnaire that
 * asks them was never started); such a date is shown quietly, never as passed, since nothing was asked. */
export type DeadlineStatus = 'met' | 'not-met' | 'unknown' | 'not-applicable' | 'not-evaluated';

export interface DeadlineResult {
  deadline: ProgrammeDeadline;
  /** The date counted to: the fixed date, the opening of the window, the next yearly due date (the end of the
   * current year for a yearly obligation without a date), the day a continuous obligation took effect. */
  due: string;
  /** Days from the date of the check to `due` (negative once it has passed). */
  daysLeft: number;
  status: DeadlineStatus;
  /** How the date stands, whatever the answers: only a passed due date is `overdue` (deadline-kind.ts). */
  standing: DeadlineStanding;
  recommendation: boolean;
  /** The related items found in the establishment's assessments, those not met and those still unanswered. */
  itemIds: string[];
  notMetItemIds: string[];
  unansweredItemIds: string[];
  /** HospiConnect 2027 and 2028: the answers and the application inventory read together (its status is `status`). */
  verdict?: HospiConnectVerdict;
}

/** Late: a due date passed while the answers show it not met (or do not tell). A window open, a yearly or a
 * continuous obligation is never late. */
export function isLate(result: DeadlineResult): boolean {
  return result.standing === 'overdue' && (result.status === 'not-met' || result.status === 'unknown');
}

/** To declare (or apply for): a window is open and the answers do not show its objectives met. */
export function isToDeclare(result: DeadlineResult): boolean {
  return result.standing === 'to-declare' && (result.status === 'not-met' || result.status === 'unknown');
}

/**
 * Whether the answers show a date met: not evaluated when none of the related items is in the establishment's
 * assessments; not met as soon as one related item is not fully met (or is "don't know"); unknown while a related
 * item is unanswered; not applicable
 * when every related item was marked so; met otherwise.
 */
export function deadlineStatusOf(related: readonly ItemScore[]): DeadlineStatus {
  if (related.length === 0) return 'not-evaluated';
  if (related.some((s) => s.value !== undefined && s.value < 1)) return 'not-met';
  if (related.some((s) => s.outcome === 'unanswered')) return 'unknown';
  if (related.every((s) => s.outcome === 'not-applicable')) return 'not-applicable';
  return 'met';
}

/** The deadlines whose status also reads the application inventory (hospiconnect-verdict.ts). */
const inventoryYears: Partial<Record<DeadlineId, 2027 | 2028>> = {
  'hospiconnect-2027': 2027,
  'hospiconnect-2028': 2028,
};

/**
 * The dates that concern an establishment of this sector, in date order, each with its status from the scores of
 * the items of its assessments for the campaign (items that do not apply to it must be left out of `items`). Given
 * the application inventory's compliance, the HospiConnect 2027 and 2028 dates read it with the answers: one
 * verdict, with its reason.
 */
export function listDeadlines(
  sector: Sector,
  asOf: string,
  items: ReadonlyMap<string, ItemScore>,
  inventory?: MfaCompliance,
): DeadlineResult[] {
  return programmeDeadlines
    .filter((d) => d.concerns.includes(sector))
    .map((deadline) => {
      const resolved =
        deadline.date === undefined ? { kind: deadline.kind } : { kind: deadline.kind, date: deadline.date };
      // Only a yearly deadline may lack a date, and it is then counted to the end of the year.
      const due = countedDateOf(resolved, asOf) ?? deadline.date ?? asOf;
      const related = deadline.itemIds.flatMap((id) => {
        const s = items.get(id);
        return s ? [s] : [];
      });
      const answers = deadlineStatusOf(related);
      const year = inventoryYears[deadline.id];
      const verdict =
        year !== undefined && inventory !== undefined ? hospiConnectVerdict(year, answers, inventory) : undefined;
      return {
        deadline,
        due,
        daysLeft: daysBetween(asOf, due),
        status: verdict?.status ?? answers,
        ...(verdict ? { verdict } : {}),
        standing: standingOf(resolved, asOf),
        recommendation: deadline.recommendedFor?.includes(sector) ?? false,
        itemIds: related.map((s) => s.itemId),
        notMetItemIds: related.filter((s) => s.value !== undefined && s.value < 1).map((s) => s.itemId),
        unansweredItemIds: related.filter((s) => s.outcome === 'unanswered').map((s) => s.itemId),
      };
    })
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.deadline.id < b.deadline.id ? -1 : 1));
}

/**
 * The dates a director should see first: up to two passed due dates not met (the oldest first: they have been due
 * longest), then the open windows whose objectives are not shown met (to declare now), then the coming ones,
 * soonest first. Passed dates whose status is unknown or not evaluated (their questionnaire not started) stay on
 * the results screen, quiet; a window open, a yearly or a continuous obligation is never "passed".
 */
export function nextDeadlines(results: readonly DeadlineResult[], count: number): DeadlineResult[] {
  const missed = results.filter((r) => r.standing === 'overdue' && r.status === 'not-met');
  const toDeclare = results.filter((r) => r.standing === 'to-declare' && r.status === 'not-met');
  const coming = results.filter((r) => r.standing === 'coming');
  return [...missed.slice(0, 2), ...toDeclare, ...coming].slice(0, count);
}
