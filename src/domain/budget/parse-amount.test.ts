import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, parseEuros, parsePercent } from './parse-amount';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('parseEuros', () => {
  it('reads French writing with every kind of space, with or without the euro sign', () => {
    expect(parseEuros('1 234 567,50')).toBe(1234567.5);
    expect(parseEuros('1 234 567,50 €')).toBe(1234567.5);
    expect(parseEuros(`1${NBSP}234${NBSP}567,50${NBSP}€`)).toBe(1234567.5);
    expect(parseEuros(`1${NNBSP}234${NNBSP}567,50${NBSP}€`)).toBe(1234567.5);
    expect(parseEuros('1234567,5')).toBe(1234567.5);
    expect(parseEuros('  300 000  ')).toBe(300000);
    expect(parseEuros('12 EUR')).toBe(12);
    expect(parseEuros('0')).toBe(0);
  });

  it('reads the dot as a decimal separator, and English grouping', () => {
    expect(parseEuros('1234567.5')).toBe(1234567.5);
    expect(parseEuros('€1,234,567.50')).toBe(1234567.5);
    expect(parseEuros('1.234.567,50')).toBe(1234567.5);
    expect(parseEuros('1,234,567')).toBe(1234567);
  });

  it('reads a minus sign (so that a negative amount can be refused by name rather than misread)', () => {
    expect(parseEuros('-1 234,50 €')).toBe(-1234.5);
    expect(parseEuros('\u22125')).toBe(-5);
    expect(parseEuros('-€5')).toBe(-5);
  });

  it('refuses what is not an amount', () => {
    for (const text of [
      '',
      ' ',
      '€',
      'abc',
      '12a',
      '1,2,3',
      '1.234,5,6',
      '1,23.4',
      '--1',
      '1 2 3,4,5',
      '12,',
      ',5',
      'Infinity',
    ])
      expect(parseEuros(text), text).toBeUndefined();
  });

  it('gives back any amount formatted by Intl in French (property)', () => {
    const fr = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        const value = cents / 100;
        expect(parseEuros(fr.format(value))).toBe(value);
      }),
    );
  });

  it('gives back any amount formatted in French without decimals or in English (property)', () => {
    const frWhole = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const en = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (cents) => {
        expect(parseEuros(frWhole.format(Math.round(cents / 100)))).toBe(Math.round(cents / 100));
        expect(parseEuros(en.format(cents / 100))).toBe(cents / 100);
      }),
    );
  });
});

describe('parseDecimal and parsePercent', () => {
  it('read FTEs and percentages', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('0.75')).toBe(0.75);
    expect(parsePercent('2')).toBe(2);
    expect(parsePercent(`2,5${NNBSP}%`)).toBe(2.5);
    expect(parsePercent('10 %')).toBe(10);
    expect(parsePercent('dix')).toBeUndefined();
  });
});
