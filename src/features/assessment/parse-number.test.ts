import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTypedNumber } from './parse-number';

describe('parseTypedNumber', () => {
  it('reads French and English writing', () => {
    expect(parseTypedNumber('1\u202f234,5')).toBe(1234.5);
    expect(parseTypedNumber('1234.5')).toBe(1234.5);
    expect(parseTypedNumber('66 %')).toBe(66);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', 'abc', '1,2,3', '12a', '--1']) expect(parseTypedNumber(text)).toBeUndefined();
  });

  it('reads back any number written the French way (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const rounded = Math.round(n * 100) / 100;
        const written = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: true }).format(rounded);
        expect(parseTypedNumber(written.replace('\u2212', '-'))).toBeCloseTo(rounded, 2);
      }),
    );
  });
});
