// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashQuestionnaire, parseQuestionnaire } from '../src/domain/questionnaire/parse-questionnaire';
import { en, fr } from '../src/texts/locales';
import { checkQuestionnaireAtBuild, gatherLocaleTexts } from './vite-compressed-json';

describe('the texts of the screens stored as one compressed file in the build', () => {
  it('holds exactly what src/texts/locales/index.ts exports, in both languages', () => {
    const folder = fileURLToPath(new URL('../src/texts/locales', import.meta.url));
    expect(gatherLocaleTexts(folder)).toEqual({ fr, en });
  });
});

describe('a shipped questionnaire checked at build time', () => {
  it('is the questionnaire and the content hash the app computes itself', async () => {
    for (const file of ['care/2026.1.json', 'hospiconnect/2026.1.json', 'esms/2026.1.json']) {
      const raw = JSON.parse(readFileSync(new URL(`../questionnaires/${file}`, import.meta.url), 'utf8')) as unknown;
      const parsed = parseQuestionnaire(raw, file);
      if (!parsed.ok) throw new Error(`${file} does not parse`);
      const checked = await checkQuestionnaireAtBuild(raw, file);
      expect(checked.questionnaire).toEqual(parsed.questionnaire);
      expect(checked.contentHash).toBe(await hashQuestionnaire(parsed.questionnaire));
      // What the browser reads back from the stored file is the same questionnaire.
      expect(JSON.parse(JSON.stringify(checked))).toEqual(checked);
    }
  });

  it('fails the build on a questionnaire the app would refuse, naming the file and the field', async () => {
    await expect(
      checkQuestionnaireAtBuild({ id: 'care', version: '2026.1', domains: 'none' }, 'care/2026.1.json'),
    ).rejects.toThrow(/^care\/2026\.1\.json: /);
  });
});
