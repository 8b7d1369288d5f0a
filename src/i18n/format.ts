import type { Language } from '../domain/localized-text';

/** Numbers, dates and sizes formatted for fr-FR (principle 3) or en-GB. */
const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locales[language], options).format(value);
}

export function formatDate(value: number | string | Date, language: Language): string {
  const date = typeof value === 'string' ? new Date(`${value}T00:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long' }).format(date);
}

export function formatDateTime(value: number, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value));
}

export function formatBytes(bytes: number, language: Language): string {
  const units = language === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = formatNumber(value, language, { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return `${number}\u00a0${units[unit] ?? ''}`;
}

/**
 * An amount in euros: "1 234 567,50 €" in French (narrow no-break spaces between thousands, a no-break space before
 * €), "€1,234,567.50" in English; whole amounts lose their ",00".
 */
export function formatEuros(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], {
    style: 'currency',
    currency: 'EUR',
    trailingZeroDisplay: 'stripIfInteger',
  }).format(value);
}

/** A fraction as a percentage: 0.017 → "1,7 %" in French (narrow no-break space), "1.7%" in English. */
export function formatPercent(fraction: number, language: Language, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits }).format(fraction);
}
