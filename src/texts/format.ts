import type { Language } from '../domain/localized-text';
import { revealBidiControls } from '../domain/visible-text';

/**
 * Numbers, percentages, euros, scores, dates and sizes, formatted for fr-FR (design principle 3: narrow no-break
 * spaces between thousands, a no-break space before % and €) or en-GB. The one formatting module of the app,
 * the printed reports and the command line: pure, without i18next, so that it runs in Node as in the browser.
 */
const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

// Building an Intl formatter costs far more than using one: a report or a consolidation formats thousands of values.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A number: « 1 234,5 » / "1,234.5". `options` is either Intl's number options or, for short, the maximum number of
 * decimals; without it, Intl's default (at most three decimals).
 */
export function formatNumber(
  value: number,
  language: Language,
  options: Intl.NumberFormatOptions | number = {},
): string {
  return numberFormat(language, typeof options === 'number' ? { maximumFractionDigits: options } : options).format(
    value,
  );
}

/** A fraction as a percentage: 0.017 → « 1,7 % » (no-break space before %) or "1.7%". */
export function formatPercent(fraction: number, language: Language, maximumFractionDigits = 1): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits }).format(fraction);
}

/** A score already on a 0–100 scale, rounded to the unit as on screen: 56.6 → « 57 % » / "57%". */
export function formatScore(score: number, language: Language): string {
  return formatPercent(Math.round(score) / 100, language, 0);
}

/**
 * An amount in euros: « 1 234 567,50 € » in French (narrow no-break spaces between thousands, a no-break space before
 * €), "€1,234,567.50" in English; whole amounts lose their ",00".
 */
export function formatEuros(value: number, language: Language): string {
  return numberFormat(language, { style: 'currency', currency: 'EUR', trailingZeroDisplay: 'stripIfInteger' }).format(
    value,
  );
}

/**
 * A calendar date as « 3 juillet 2025 » / "3 July 2025". An ISO date (YYYY-MM-DD) is read in UTC so that it never
 * shifts a day, whatever the time zone, and is returned as it is when it is not a date; a timestamp or a Date is
 * shown in the local time zone.
 */
export function formatDate(value: string | number | Date, language: Language): string {
  return calendarDate(value, language, 'long');
}

/** A calendar date as « 03/07/2025 » / "03/07/2025": compact, for table cells. */
export function formatShortDate(value: string | number | Date, language: Language): string {
  return calendarDate(value, language, 'short');
}

function calendarDate(value: string | number | Date, language: Language, dateStyle: 'long' | 'short'): string {
  if (typeof value !== 'string') return dateFormat(language, { dateStyle }).format(new Date(value));
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(language, { dateStyle, timeZone: 'UTC' }).format(date);
}

/** A moment (a timestamp) as « 3 juillet 2025 à 14:05 » / "3 July 2025 at 14:05", in the local time zone. */
export function formatDateTime(value: number | Date, language: Language): string {
  return dateFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value));
}

/** A size in bytes, in binary multiples: « 1,5 Mo » / "1.5 MB", with a no-break space before the unit. */
export function formatBytes(bytes: number, language: Language): string {
  const units = language === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = formatNumber(value, language, unit === 0 ? 0 : 1);
  return `${number}\u00a0${units[unit] ?? ''}`;
}

/** A SHA-256 in groups of four, as the app shows key fingerprints: easier to read aloud and compare. */
export function groupHex(hex: string, length = hex.length): string {
  return (hex.slice(0, length).match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * A name as every screen, CSV and PDF shows it: an establishment's, a GHT's, an application's, a file's, whether it
 * came from an imported file or was typed. Its bidirectional control characters are shown as ‹U+202E›
 * (src/domain/visible-text.ts), so that a name cannot pretend to be another; on screen it is also isolated from the
 * text around it (the DisplayName component puts it in a <bdi>).
 */
export function displayName(name: string): string {
  return revealBidiControls(name);
}
