import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../questionnaire/parse-questionnaire';
import { checkFrenchTypography, collectFrenchTexts } from '../questionnaire/french-typography';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { parseFrameworkMapping } from './framework-mapping-schema';
import type { FrameworkMapping } from './framework-types';

/**
 * Integrity of the shipped framework mappings (questionnaires/mappings/<framework>/<version>.json), in the spirit of
 * questionnaire-content.test.ts: every file valid (ids unique, groups known, each measure linked or said « not
 * covered »), named after its framework and version, every linked item an item of the questionnaire versions it
 * names, both languages everywhere and French typography in every French text.
 */
const root = join(process.cwd(), 'questionnaires');
const mappingsRoot = join(root, 'mappings');

const files = readdirSync(mappingsRoot, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(mappingsRoot, d.name))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ folder: d.name, file: f, path: join(mappingsRoot, d.name, f) })),
  );

function loadMapping(path: string, name: string): FrameworkMapping {
  const result = parseFrameworkMapping(JSON.parse(readFileSync(path, 'utf8')), name);
  if (!result.ok) throw new Error(`${result.fileName}: ${JSON.stringify(result.issues.slice(0, 5), null, 1)}`);
  return result.mapping;
}

const questionnaires = new Map<string, Questionnaire>();
function loadQuestionnaire(id: string, version: string): Questionnaire | undefined {
  const key = `${id}/${version}`;
  if (!questionnaires.has(key)) {
    const path = join(root, id, `${version}.json`);
    if (!existsSync(path)) return undefined;
    const parsed = parseQuestionnaire(JSON.parse(readFileSync(path, 'utf8')), `${key}.json`);
    if (!parsed.ok) throw new Error(`${key}: invalid`);
    questionnaires.set(key, parsed.questionnaire);
  }
  return questionnaires.get(key);
}

const shipped = (folder: string, file: string) => loadMapping(join(mappingsRoot, folder, file), `${folder}/${file}`);

describe('shipped framework mappings', () => {
  it('are there: ReCyF, the hygiene guide and the HAS ESSMS criteria', () => {
    expect(files.map((f) => `${f.folder}/${f.file}`).sort()).toEqual(
      expect.arrayContaining(['anssi-hygiene/2017.json', 'has-essms/2022.json', 'recyf/2.5.json']),
    );
  });

  it('hold ReCyF 2.5 whole: 20 objectives, 152 measures, each tagged EE and/or EI', () => {
    const recyf = shipped('recyf', '2.5.json');
    expect(recyf.groups.filter((g) => g.parent === undefined).map((g) => g.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1)),
    );
    expect(recyf.measures).toHaveLength(152);
    for (const measure of recyf.measures) expect(measure.entities?.length, measure.id).toBeGreaterThan(0);
    // Spot checks against the published text (docs/frameworks.md, Sources).
    const tags = (id: string) => recyf.measures.find((m) => m.id === id)?.entities;
    expect(tags('2.B.4')).toEqual(['EI', 'EE']);
    expect(tags('8.3')).toEqual(['EE']);
    expect(tags('19.1')).toEqual(['EE']);
  });

  it('hold the hygiene guide whole: 42 measures in 10 parts, each with its level', () => {
    const hygiene = shipped('anssi-hygiene', '2017.json');
    expect(hygiene.groups).toHaveLength(10);
    expect(hygiene.measures.map((m) => m.id)).toEqual(Array.from({ length: 42 }, (_, i) => String(i + 1)));
    for (const measure of hygiene.measures) expect(measure.levels?.length, measure.id).toBeGreaterThan(0);
    expect(hygiene.measures.filter((m) => m.levels?.join() === 'reinforced').map((m) => m.id)).toEqual([
      '38',
      '41',
      '42',
    ]);
  });

  it('hold the HAS criteria on crisis, continuity and digital security', () => {
    const has = shipped('has-essms', '2022.json');
    expect(has.measures.map((m) => m.id)).toEqual(
      expect.arrayContaining(['3.14.1', '3.14.2', '3.14.3', '3.14.4', '3.15.2']),
    );
    expect(has.measures.filter((m) => m.imperative).map((m) => m.id)).toEqual(['3.14.1', '3.14.2']);
  });
});

describe.each(files)('questionnaires/mappings/$folder/$file', ({ folder, file, path }) => {
  const mapping = loadMapping(path, `${folder}/${file}`);

  it('is named after its framework and version', () => {
    expect(mapping.framework).toBe(folder);
    expect(`${mapping.version}.json`).toBe(file);
    expect(mapping.$schema).toBe('../../framework-mapping.schema.json');
  });

  it('links only items of the questionnaire versions it names, each in exactly one of them', () => {
    const named = mapping.questionnaires.map(({ id, version }) => {
      const questionnaire = loadQuestionnaire(id, version);
      expect(questionnaire, `${id} ${version} is shipped`).toBeDefined();
      return questionnaire;
    });
    const problems: string[] = [];
    for (const measure of mapping.measures) {
      for (const link of measure.links) {
        const holders = named.filter((q) => q?.items.some((item) => item.id === link.item));
        if (holders.length !== 1) problems.push(`${measure.id}: ${link.item} is in ${holders.length} questionnaires`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('says, for every measure without a counting link, why the questionnaires do not cover it', () => {
    for (const measure of mapping.measures) {
      const counted = measure.links.some((l) => l.strength !== 'related');
      expect(counted !== (measure.notCovered !== undefined), measure.id).toBe(true);
    }
  });

  it('tells the reader the correspondence is the project’s, not an official one', () => {
    expect(mapping.disclaimer.fr).toMatch(/non officielle/);
    expect(mapping.disclaimer.en).toMatch(/not an official one/);
  });

  it('follows French typography', () => {
    const problems = collectFrenchTexts(mapping).flatMap(({ path: at, text }) =>
      checkFrenchTypography(text).map((issue) => `${at}: ${issue.rule} — “${issue.excerpt}”`),
    );
    expect(problems).toEqual([]);
  });

  it('writes every English text apart from the French one', () => {
    const same = collectFrenchTexts(mapping).length;
    expect(same).toBeGreaterThan(0);
    for (const measure of mapping.measures) expect(measure.title.en).not.toBe(measure.title.fr);
  });
});
