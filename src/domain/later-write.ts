/** Anything written with the time of its last change (ms since epoch). */
export interface Timestamped {
  updatedAt: number;
}

/**
 * Of two versions of one record, the one to keep: `candidate` only when it was written strictly later than `kept`,
 * otherwise `kept` (a tie keeps what is already there). It is the one rule by which two tabs, or a screen and the
 * database, settle which version of an answer or of a year's budget figures stands: the repositories apply it
 * inside their write transaction, the screens apply it between what is typed and what another tab stored.
 */
export function laterWrite<K extends Timestamped, C extends Timestamped>(
  kept: K | undefined,
  candidate: C | undefined,
): K | C | undefined {
  if (kept === undefined) return candidate;
  if (candidate === undefined) return kept;
  return candidate.updatedAt > kept.updatedAt ? candidate : kept;
}

/**
 * The time to give a new write: now, or just after the versions it replaces when the clock is behind them (another
 * tab's clock, or two changes within one millisecond), so that laterWrite always prefers it to what it replaces.
 */
export function writeTimeAfter(...replaced: (number | undefined)[]): number {
  return Math.max(Date.now(), ...replaced.map((time) => (time ?? 0) + 1));
}
