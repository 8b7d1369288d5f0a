import { afterEach, describe, expect, it, vi } from 'vitest';

// A fresh i18next for each test: the test set-up (src/testing/setup.ts) registers both languages in the shared one.
async function freshTexts() {
  vi.resetModules();
  const i18next = (await import('i18next')).default;
  const texts = await import('./i18n');
  return { i18next, ...texts };
}

afterEach(() => {
  vi.resetModules();
});

describe('the texts of the screens, loaded one language at a time', () => {
  it('loads the language shown, not the other one', async () => {
    const { i18next, initI18n, loadScreenTexts } = await freshTexts();
    initI18n('fr');
    await loadScreenTexts();
    expect(i18next.t('results.open')).toBe('Voir les résultats et les écarts');
    expect(i18next.getResourceBundle('en', 'translation')).not.toHaveProperty('results');
  });

  it('loads the other language when the interface switches to it', async () => {
    const { i18next, initI18n, loadScreenTexts, changeLanguage } = await freshTexts();
    initI18n('fr');
    await loadScreenTexts();
    const stored = new Map<string, string>();
    await changeLanguage('en', { setItem: (key, value) => stored.set(key, value) });
    expect(i18next.language).toBe('en');
    expect(i18next.t('results.open')).not.toBe('Voir les résultats et les écarts');
    expect(i18next.getResourceBundle('en', 'translation')).toHaveProperty('results');
    expect([...stored.values()]).toEqual(['en']);
  });
});
