import { describe, expect, it } from 'vitest';
import { hasBidiControls, revealBidiControls } from '../domain/visible-text';
import { displayName } from './format';

describe('bidirectional controls made visible', () => {
  it('shows each control as its code point, so that a spoofing name reads as what it holds', () => {
    const spoof = 'Centre \u202elanoigér\u202c \u2066A\u2069\u200e\u200f\u061c\u202a\u202b\u202d\u2067\u2068';
    expect(revealBidiControls(spoof)).toBe(
      'Centre ‹U+202E›lanoigér‹U+202C› ‹U+2066›A‹U+2069›‹U+200E›‹U+200F›‹U+061C›‹U+202A›‹U+202B›‹U+202D›‹U+2067›‹U+2068›',
    );
    expect(hasBidiControls(revealBidiControls(spoof))).toBe(false);
    expect(hasBidiControls(spoof)).toBe(true);
  });

  it('leaves every other text as it is, right-to-left letters included', () => {
    for (const text of ['CH de Bourg-en-Bresse', 'مستشفى', 'a\u202fb', '']) expect(displayName(text)).toBe(text);
  });
});
