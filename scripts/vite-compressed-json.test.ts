// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashQuestionnaire, parseQuestionnaire } from '../src/domain/questionnaire/parse-questionnaire';
import { en, fr } from '../src/texts/locales';
import { decodeDelta, encodeDelta } from '../src/storage/questionnaire-delta';
import { parseFrameworkMapping } from '../src/domain/frameworks/framework-mapping-schema';
import {
  checkFrameworkMappingAtBuild,
  checkQuestionnaireAtBuild,
  areasOutsideScreenTexts,
  firstScreenAreas,
  gatherLocaleTexts,
  newerSibling,
} from './vite-compressed-json';
import { frCore } from '../src/texts/locales/core';
import { enCore } from '../src/texts/locales/core-en';

describe('the texts of the screens stored as one compressed file per language in the build', () => {
  it('holds exactly what src/texts/locales/fr.ts and en.ts export', () => {
    const folder = fileURLToPath(new URL('../src/texts/locales', import.meta.url));
    expect(gatherLocaleTexts(folder)).toEqual({ fr, en });
  });

  it("leaves out, in the build, the first screen's areas (bundled or fetched first) and the command line's", () => {
    expect(areasOutsideScreenTexts).toEqual([...Object.keys(frCore), 'cli']);
    // The English first screen is stored compressed with exactly the areas core-en.ts names.
    expect(firstScreenAreas).toEqual(Object.keys(enCore));
    expect(Object.keys(enCore)).toEqual(Object.keys(frCore));
    const folder = fileURLToPath(new URL('../src/texts/locales', import.meta.url));
    const built = gatherLocaleTexts(folder, areasOutsideScreenTexts);
    for (const language of ['fr', 'en'] as const) {
      expect(Object.keys(built[language]).sort()).toEqual(
        Object.keys(language === 'fr' ? fr : en)
          .filter((area) => !areasOutsideScreenTexts.includes(area))
          .sort(),
      );
    }
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

  it('stores an older version as its delta against the newest, which rebuilds it exactly and weighs far less', async () => {
    for (const id of ['care', 'hospiconnect', 'esms']) {
      const path = (version: string) =>
        fileURLToPath(new URL(`../questionnaires/${id}/${version}.json`, import.meta.url));
      expect(newerSibling(path('2026.1'))).toBe(path('2026.2'));
      expect(newerSibling(path('2026.2'))).toBeUndefined();
      const older = await checkQuestionnaireAtBuild(JSON.parse(readFileSync(path('2026.1'), 'utf8')), id);
      const newer = await checkQuestionnaireAtBuild(JSON.parse(readFileSync(path('2026.2'), 'utf8')), id);
      const delta = encodeDelta(older.questionnaire, newer.questionnaire);
      // What the browser reads back: the delta as JSON, rebuilt against the newest version as JSON.
      const rebuilt = decodeDelta(
        JSON.parse(JSON.stringify(delta)) as typeof delta,
        JSON.parse(JSON.stringify(newer.questionnaire)) as unknown,
      );
      expect(rebuilt).toEqual(older.questionnaire);
      const parsed = parseQuestionnaire(rebuilt, id);
      if (!parsed.ok) throw new Error(`${id} 2026.1 rebuilt does not parse`);
      expect(await hashQuestionnaire(parsed.questionnaire)).toBe(older.contentHash);
      expect(JSON.stringify(delta).length, id).toBeLessThan(JSON.stringify(older.questionnaire).length / 3);
    }
  });

  it('fails the build on a questionnaire the app would refuse, naming the file and the field', async () => {
    await expect(
      checkQuestionnaireAtBuild({ id: 'care', version: '2026.1', domains: 'none' }, 'care/2026.1.json'),
    ).rejects.toThrow(/^care\/2026\.1\.json: /);
  });
});

describe('a shipped framework mapping checked at build time', () => {
  it('is the mapping the app parses itself, and a broken one fails the build naming the file', () => {
    const file = 'has-essms/2022.json';
    const raw = JSON.parse(
      readFileSync(new URL(`../questionnaires/mappings/${file}`, import.meta.url), 'utf8'),
    ) as unknown;
    const parsed = parseFrameworkMapping(raw, file);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    expect(checkFrameworkMappingAtBuild(raw, file)).toEqual(parsed.mapping);
    expect(() => checkFrameworkMappingAtBuild({ framework: 'recyf' }, 'recyf/2.5.json')).toThrow(
      /^recyf\/2\.5\.json: /,
    );
  });
});
