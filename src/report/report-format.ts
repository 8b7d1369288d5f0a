import type { Language } from '../domain/localized-text';
import { formatNumber as formatAnyNumber } from '../texts/format';

/** The report's formatting is the app's (src/texts/format.ts); its numbers keep at most two decimals. */
export { formatDate, formatEuros, formatPercent, formatScore, formatShortDate, groupHex } from '../texts/format';

export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return formatAnyNumber(value, language, maximumFractionDigits);
}
