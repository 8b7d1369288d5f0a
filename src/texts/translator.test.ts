import { describe, expect, it } from 'vitest';
import { exportErrorCodes } from '../exchange/export-error';
import { en, fr } from './locales';
import { createTranslator, type Translate } from './translator';

describe('createTranslator', () => {
  it('reads the same texts as the app in both languages', () => {
    expect(createTranslator('fr')('common.appName')).toBe(fr.common.appName);
    expect(createTranslator('en')('errors.storage.locked')).toBe(en.errors.storage.locked);
  });

  it('puts values in without escaping them (a PDF or a terminal shows text as it is)', () => {
    const t = createTranslator('fr');
    for (const code of exportErrorCodes) {
      const sentence = t(`exchange.errors.${code}`, { file: '<l’export & co>.json', path: 'a.b' });
      expect(sentence).not.toContain('&lt;');
      expect(sentence).not.toContain('{{');
    }
    expect(t('exchange.errors.not-json', { file: '<l’export & co>.json' })).toContain('<l’export & co>.json');
  });

  it('applies the plural rules of each language (zero is singular in French, plural in English)', () => {
    const open = (t: Translate, count: number) => t('actions.counts', { count });
    const [frT, enT] = [createTranslator('fr'), createTranslator('en')];
    expect(open(frT, 0)).toBe(fr.actions.counts_one.replace('{{count}}', '0'));
    expect(open(frT, 2)).toBe(fr.actions.counts_other.replace('{{count}}', '2'));
    expect(open(enT, 0)).toBe(en.actions.counts_other.replace('{{count}}', '0'));
    expect(open(enT, 1)).toBe(en.actions.counts_one.replace('{{count}}', '1'));
  });

  it('gives each language its own translator, made once', () => {
    expect(createTranslator('fr')).toBe(createTranslator('fr'));
    expect(createTranslator('fr')).not.toBe(createTranslator('en'));
  });
});
