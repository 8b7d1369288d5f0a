import { describe, expect, it } from 'vitest';
import { checkFrenchTypography } from '../../domain/questionnaire/french-typography';
import { en, fr } from './index';

function keys(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('interface locales', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('leave no English string empty or identical to a long French one', () => {
    const frStrings = new Set(strings(fr).filter((s) => s.replace(/\{\{\w+\}\}/g, '').length > 20));
    for (const s of strings(en)) {
      expect(s.trim()).not.toBe('');
      expect(frStrings.has(s), s).toBe(false);
    }
  });

  it('set the French text by French typography rules', () => {
    const problems: string[] = [];
    for (const text of strings(fr)) {
      for (const issue of checkFrenchTypography(text.replace(/\{\{\w+\}\}/g, 'x')))
        problems.push(`${issue.rule}: ${text}`);
    }
    expect(problems).toEqual([]);
  });
});
