import type { Language } from '../domain/localized-text';

/**
 * Numbers, dates, percentages and euros for the printed report, formatted for fr-FR (principle 3: narrow no-break
 * spaces between thousands and before %, a no-break space before €) or en-GB. The app formats the same way in
 * src/i18n/format.ts; the report keeps its own copy because it runs without i18next, in Node as in the browser.
 */
const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[language], options);
    cache.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return numberFormat(language, { maximumFractionDigits }).format(value);
}

/** A fraction as a percentage: 0.017 → « 1,7 % » (narrow no-break space) or "1.7%". */
export function formatPercent(fraction: number, language: Language, maximumFractionDigits = 1): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits }).format(fraction);
}

/** A score already on a 0–100 scale, rounded to the unit as on screen. */
export function formatScore(score: number, language: Language): string {
  return formatPercent(Math.round(score) / 100, language, 0);
}

export function formatEuros(value: number, language: Language): string {
  return numberFormat(language, { style: 'currency', currency: 'EUR', trailingZeroDisplay: 'stripIfInteger' }).format(
    value,
  );
}

/** An ISO date (YYYY-MM-DD) as « 3 juillet 2025 » / "3 July 2025", read in UTC so that it never shifts a day. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, dateStyle: 'long' | 'short'): Intl.DateTimeFormat {
  const key = `${language}-${dateStyle}`;
  let format = dateFormats.get(key);
  if (!format) {
    // Building an Intl formatter costs far more than using one: a report formats thousands of dates.
    format = new Intl.DateTimeFormat(locales[language], { dateStyle, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, 'long').format(date);
}

/** An ISO date as « 03/07/2025 » / "03/07/2025": compact, for table cells. */
export function formatShortDate(iso: string, language: Language): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, 'short').format(date);
}

/** A SHA-256 in groups of four, as the app shows key fingerprints: easier to read aloud and compare. */
export function groupHex(hex: string, length = hex.length): string {
  return (hex.slice(0, length).match(/.{1,4}/g) ?? []).join(' ');
}
