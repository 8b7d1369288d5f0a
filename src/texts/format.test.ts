import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatEuros,
  formatNumber,
  formatPercent,
  formatScore,
  formatShortDate,
  groupHex,
} from './format';

// French typography (design principle 3; Imprimerie nationale, Lexique des règles typographiques): a narrow no-break
// space (U+202F) between groups of thousands, a no-break space (U+00A0) before € and before units, and a no-break
// space before %, narrow or not depending on the CLDR data of the runtime's ICU (Node 24 writes U+00A0).
const narrow = '\u202f';
const noBreak = '\u00a0';
const beforePercent = '[\u00a0\u202f]';

describe('numbers', () => {
  it('group thousands with a narrow no-break space and use a decimal comma in French', () => {
    expect(formatNumber(1234567.891, 'fr')).toBe(`1${narrow}234${narrow}567,891`);
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.891');
  });

  it('take either Intl options or a maximum number of decimals', () => {
    expect(formatNumber(56.456, 'fr', 1)).toBe('56,5');
    expect(formatNumber(56.456, 'fr', { maximumFractionDigits: 2 })).toBe('56,46');
    expect(formatNumber(3, 'en', { minimumFractionDigits: 1 })).toBe('3.0');
  });
});

describe('percentages and scores', () => {
  it('put a no-break space before % in French only', () => {
    expect(formatPercent(0.017, 'fr')).toMatch(new RegExp(`^1,7${beforePercent}%$`));
    expect(formatPercent(0.017, 'en')).toBe('1.7%');
    expect(formatPercent(0.5, 'fr', 0)).toMatch(new RegExp(`^50${beforePercent}%$`));
    expect(formatPercent(12.345, 'fr')).toMatch(new RegExp(`^1${narrow}234,5${beforePercent}%$`));
  });

  it('round a 0–100 score to the unit', () => {
    expect(formatScore(56.5, 'fr')).toMatch(new RegExp(`^57${beforePercent}%$`));
    expect(formatScore(56.4, 'en')).toBe('56%');
  });
});

describe('euros', () => {
  it('put a no-break space before € in French and drop the cents of whole amounts', () => {
    expect(formatEuros(1234567.5, 'fr')).toBe(`1${narrow}234${narrow}567,50${noBreak}€`);
    expect(formatEuros(1500, 'fr')).toBe(`1${narrow}500${noBreak}€`);
    expect(formatEuros(1234567.5, 'en')).toBe('€1,234,567.50');
  });
});

describe('dates', () => {
  it('read an ISO date in UTC so that it never shifts a day', () => {
    expect(formatDate('2025-07-03', 'fr')).toBe('3 juillet 2025');
    expect(formatDate('2025-07-03', 'en')).toBe('3 July 2025');
    expect(formatDate('2025-01-01', 'fr')).toBe('1 janvier 2025');
    expect(formatShortDate('2025-07-03', 'fr')).toBe('03/07/2025');
    expect(formatShortDate('2025-07-03', 'en')).toBe('03/07/2025');
  });

  it('give back what is not a date as it is', () => {
    expect(formatDate('bientôt', 'fr')).toBe('bientôt');
    expect(formatShortDate('2025-13-45', 'en')).toBe('2025-13-45');
  });

  it('show timestamps in the local time zone, with the time for a moment', () => {
    const moment = new Date(2025, 6, 3, 14, 5).getTime();
    expect(formatDate(moment, 'fr')).toBe('3 juillet 2025');
    expect(formatShortDate(moment, 'en')).toBe('03/07/2025');
    expect(formatDateTime(moment, 'fr')).toBe('3 juillet 2025 à 14:05');
    expect(formatDateTime(moment, 'en')).toBe('3 July 2025 at 14:05');
  });
});

describe('sizes', () => {
  it('use binary multiples, French units and a no-break space before the unit', () => {
    expect(formatBytes(512, 'fr')).toBe(`512${noBreak}o`);
    expect(formatBytes(1536, 'fr')).toBe(`1,5${noBreak}Ko`);
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe(`1.5${noBreak}MB`);
    expect(formatBytes(3 * 1024 ** 4, 'fr')).toBe(`3${noBreak}072${noBreak}Go`.replace(noBreak, narrow));
  });
});

describe('fingerprints', () => {
  it('group hexadecimal digits by four, cut to a length when asked', () => {
    expect(groupHex('0123456789abcdef')).toBe('0123 4567 89ab cdef');
    expect(groupHex('0123456789abcdef', 6)).toBe('0123 45');
  });
});
