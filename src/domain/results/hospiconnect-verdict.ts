import type { MfaCompliance } from '../applications/mfa-compliance';
import type { DeadlineStatus } from './programme-deadlines';

/**
 * The HospiConnect (Hop'en 2) status of 2027 and 2028, read from the questionnaire answers and the application
 * inventory together, so that the deadlines view, the indicators, the summary and the report give one verdict with
 * one reason, never "met" on one screen and "missed" on another.
 *
 * - The answers: the items of the year (hospiconnect-2027 / hospiconnect-2028 in programme-deadlines.ts), read as a
 *   deadline status (met, not met, unknown, not applicable, not evaluated).
 * - The inventory: objective 1.3 of the year on the patient records (doctors and nurses with a homologated
 *   two-factor means in 2027; every user, homologation without reservation in 2028), mfa-compliance.ts.
 *
 * Either one missed makes the year missed (the reason says which, or both); met needs both; otherwise the verdict
 * is unknown and the reason says what is missing (answers to give, numbers to enter, no patient record listed).
 */
export type HospiConnectYear = 2027 | 2028;

export const verdictReasons = [
  'both-met',
  'both-missed',
  'answers-missed',
  'inventory-missed',
  'answers-incomplete',
  'inventory-incomplete',
  'no-patient-record',
  'no-answers',
] as const;
export type VerdictReason = (typeof verdictReasons)[number];

export interface HospiConnectVerdict {
  year: HospiConnectYear;
  status: DeadlineStatus;
  reason: VerdictReason;
  /** Patient records that miss the year's objective 1.3 (or whose numbers do not tell), for the reason's text. */
  applicationNames: string[];
}

/** What the inventory tells of the year: met, missed or unknown, and the patient records concerned. */
export interface InventoryReading {
  met: boolean | undefined;
  patientRecords: number;
  /** Patient records that miss the objective (when missed) or whose numbers are missing (when unknown). */
  concerned: string[];
}

export function inventoryReading(mfa: MfaCompliance | undefined, year: HospiConnectYear): InventoryReading {
  if (!mfa) return { met: undefined, patientRecords: 0, concerned: [] };
  const met = year === 2027 ? mfa.target2027Met : mfa.target2028Met;
  const byRecord = year === 2027 ? mfa.patientRecords2027 : mfa.patientRecords2028;
  const wanted = met === false ? false : undefined;
  return {
    met,
    patientRecords: byRecord.length,
    concerned: met === true ? [] : byRecord.filter((r) => r.met === wanted).map((r) => r.name),
  };
}

export function hospiConnectVerdict(
  year: HospiConnectYear,
  answers: DeadlineStatus,
  mfa: MfaCompliance | undefined,
): HospiConnectVerdict {
  const inventory = inventoryReading(mfa, year);
  const verdict = (status: DeadlineStatus, reason: VerdictReason, applicationNames: string[] = []) => ({
    year,
    status,
    reason,
    applicationNames,
  });
  const answersMissed = answers === 'not-met';
  const inventoryMissed = inventory.met === false;
  if (answersMissed && inventoryMissed) return verdict('not-met', 'both-missed', inventory.concerned);
  if (answersMissed) return verdict('not-met', 'answers-missed');
  if (inventoryMissed) return verdict('not-met', 'inventory-missed', inventory.concerned);
  const answersMet = answers === 'met' || answers === 'not-applicable';
  if (answersMet && inventory.met === true) return verdict('met', 'both-met');
  if (answers === 'not-evaluated' && inventory.patientRecords === 0) return verdict('not-evaluated', 'no-answers');
  if (answers === 'not-evaluated') return verdict('unknown', 'no-answers');
  if (answers === 'unknown') return verdict('unknown', 'answers-incomplete');
  if (inventory.patientRecords === 0) return verdict('unknown', 'no-patient-record');
  return verdict('unknown', 'inventory-incomplete', inventory.concerned);
}
