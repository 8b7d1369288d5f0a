import type { Language } from '../../domain/localized-text';
import { formatNumber, formatPercent } from '../../texts/format';

/** A 0–100 score as a whole number of percent ("57 %"), or a dash. */
export function formatScore(score: number | undefined | null, language: Language): string {
  return score === undefined || score === null ? '—' : formatPercent(score / 100, language, 0);
}

/** A 0–100 score as a bare whole number, for dense tables whose caption says "percent". */
export function formatScoreNumber(score: number | undefined | null, language: Language): string {
  return score === undefined || score === null ? '—' : formatNumber(Math.round(score), language);
}

/** A fraction 0–1 as a percentage with `digits` decimals, or a dash. */
export function formatShare(share: number | undefined, language: Language, digits = 1): string {
  return share === undefined ? '—' : formatPercent(share, language, digits);
}
