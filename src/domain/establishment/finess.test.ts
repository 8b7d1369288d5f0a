import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFiness, finessDepartment, luhnValid } from './finess';

describe('checkFiness', () => {
  it('accepts real FINESS numbers from the ANS sample', () => {
    for (const n of ['010780914', '010003820', '010003812'])
      expect(checkFiness(n)).toEqual({ status: 'valid', normalized: n });
  });

  it('accepts spaces and dots typed by the user, and keeps the bare number', () => {
    expect(checkFiness(' 01 078 091 4 ')).toEqual({ status: 'valid', normalized: '010780914' });
  });

  it('refuses a wrong key, a wrong length, letters and an empty field, each with its reason', () => {
    expect(checkFiness('010780915')).toEqual({ status: 'invalid', error: 'finess-key' });
    expect(checkFiness('01078091')).toEqual({ status: 'invalid', error: 'finess-length' });
    expect(checkFiness('01078O914')).toEqual({ status: 'invalid', error: 'finess-characters' });
    expect(checkFiness('  ')).toEqual({ status: 'invalid', error: 'finess-empty' });
  });

  it('accepts Corsican numbers (2A/2B) with a warning, since their key cannot be checked', () => {
    expect(checkFiness('2a0000123')).toEqual({
      status: 'valid-key-unchecked',
      normalized: '2A0000123',
      warning: 'corsica-key-unchecked',
    });
  });

  it('detects every single-digit typing error (property)', () => {
    const validNumbers = fc
      .stringMatching(/^\d{8}$/)
      .map((body) => body + ([...Array(10).keys()].map(String).find((k) => luhnValid(body + k)) ?? ''));
    fc.assert(
      fc.property(validNumbers, fc.nat(8), fc.integer({ min: 1, max: 9 }), (finess, position, delta) => {
        expect(checkFiness(finess).status).toBe('valid');
        const digit = (Number(finess[position]) + delta) % 10;
        const typo = finess.slice(0, position) + String(digit) + finess.slice(position + 1);
        expect(checkFiness(typo)).toEqual({ status: 'invalid', error: 'finess-key' });
      }),
    );
  });

  it('never throws, whatever is typed (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => ['valid', 'valid-key-unchecked', 'invalid'].includes(checkFiness(s).status)),
    );
  });
});

describe('finessDepartment', () => {
  it('reads two characters in mainland France and the overseas department from the fourth', () => {
    expect(finessDepartment('010780914')).toBe('01');
    expect(finessDepartment('970400000')).toBe('974');
    expect(finessDepartment('980000000')).toBe('976');
    expect(finessDepartment('2A0000123')).toBe('2A');
  });
});
