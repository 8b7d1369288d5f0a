import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from './parse-questionnaire';
import type { Questionnaire } from './questionnaire-schema';

/**
 * Coherence of the shipped question bank (in the spirit of MonAideCyber's coherenceDiagnostic.spec.ts): every file
 * valid, ids unique and stable, both languages everywhere, every published official objective carried once.
 */
const root = join(process.cwd(), 'questionnaires');
const files = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, d.name))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ dir: d.name, file: f, path: join(root, d.name, f) })),
  );

function load(): { file: string; q: Questionnaire }[] {
  return files.map(({ path, file, dir }) => {
    const result = parseQuestionnaire(JSON.parse(readFileSync(path, 'utf8')), `${dir}/${file}`);
    if (!result.ok) throw new Error(`${result.fileName}: ${JSON.stringify(result.issues, null, 1)}`);
    return { file: `${dir}/${file}`, q: result.questionnaire };
  });
}

function latest(all: { q: Questionnaire }[], id: string): Questionnaire | undefined {
  return all
    .map((x) => x.q)
    .filter((q) => q.id === id)
    .sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0];
}

/** A French action opens on an infinitive (« Faire valider… », « S’inscrire… », « N’ouvrir… »). */
const frenchInfinitive = /^(?:[SN]’)?\p{Lu}?\p{Ll}+(?:er|ir|re|oir)$/u;
/** An English action is an imperative: it never opens like a question. */
const englishQuestionOpening = /^(?:Is|Are|Does|Do|Did|Was|Were|Can|Could|Will|Should|How|What|When|Which|Who|Why)\b/;

describe('shipped questionnaires', () => {
  it('give every item an action wording in both languages: an imperative sentence, never the question', () => {
    for (const { file, q } of load()) {
      for (const item of q.items) {
        const where = `${file} ${item.id}`;
        for (const language of ['fr', 'en'] as const) {
          const action = item.action[language];
          expect(action, `${where} ${language}`).not.toMatch(/[?？]/);
          expect(action, `${where} ${language}: a title, without a final full stop`).not.toMatch(/[.!;:]$/);
          expect(action, `${where} ${language}`).not.toBe(item.question[language]);
          expect(action.length, `${where} ${language}: one short sentence`).toBeLessThanOrEqual(160);
        }
        const firstFrench = item.action.fr.split(/[\s\u00a0]/)[0] ?? '';
        expect(firstFrench, `${where}: « ${item.action.fr} » opens on an infinitive`).toMatch(frenchInfinitive);
        expect(item.action.en, `${where}: “${item.action.en}” is an imperative`).not.toMatch(englishQuestionOpening);
        expect(item.action.en, where).toMatch(/^\p{Lu}/u);
      }
    }
  });

  it('are all valid and stored at questionnaires/<id>/<version>.json', () => {
    const all = load();
    expect(all.length).toBeGreaterThan(0);
    for (const { file, q } of all) expect(file).toBe(`${q.id}/${q.version}.json`);
  });

  it('never give one item id to two questionnaires', () => {
    const owner = new Map<string, string>();
    for (const { q } of load()) {
      for (const item of q.items) {
        const previous = owner.get(item.id);
        expect(previous === undefined || previous === q.id, `${item.id} in ${previous} and ${q.id}`).toBe(true);
        owner.set(item.id, q.id);
      }
    }
  });

  it('keep, across versions, every item id of an earlier version in the same domain or mark it gone', () => {
    const all = load();
    for (const { q } of all) {
      for (const older of all.map((x) => x.q).filter((o) => o.id === q.id && o.version < q.version)) {
        const now = new Map(q.items.map((i) => [i.id, i]));
        for (const item of older.items) {
          const same = now.get(item.id);
          if (same) expect(same.domain, `${item.id} moved domain`).toBe(item.domain);
        }
      }
    }
  });

  it('write the French and the English text differently (no untranslated copy)', () => {
    for (const { q } of load()) {
      for (const item of q.items) {
        expect(item.question.en, item.id).not.toBe(item.question.fr);
        expect(item.help.meaning.en, item.id).not.toBe(item.help.meaning.fr);
      }
    }
  });

  it('give every choice item distinct options, one of which fully meets it', () => {
    for (const { q } of load()) {
      for (const item of q.items.filter((i) => i.answerType === 'choice')) {
        const ids = item.choices?.map((c) => c.id) ?? [];
        expect(new Set(ids).size, item.id).toBe(ids.length);
        expect(
          item.choices?.some((c) => c.score === 1),
          item.id,
        ).toBe(true);
      }
    }
  });

  it('carry every official reference once, or once per numbered part', () => {
    for (const { q } of load()) {
      const parts = new Map<string, (number | undefined)[]>();
      for (const item of q.items) {
        if (item.basis.kind !== 'official') continue;
        parts.set(item.basis.reference, [...(parts.get(item.basis.reference) ?? []), item.basis.part]);
      }
      for (const [reference, numbers] of parts) {
        if (numbers.length === 1) continue;
        const sorted = [...numbers].sort();
        expect(
          sorted.every((n, i) => n === i + 1),
          `${q.id}: ${reference} appears ${numbers.length} times with parts ${numbers.join(',')}`,
        ).toBe(true);
      }
    }
  });
});

describe('the CaRE questionnaire', () => {
  it('has at least 60 items and every published D1/D2 objective', () => {
    const care = latest(load(), 'care');
    expect(care).toBeDefined();
    if (!care) return;
    expect(care.items.length).toBeGreaterThanOrEqual(60);
    const references = new Set(care.items.flatMap((i) => (i.basis.kind === 'official' ? [i.basis.reference] : [])));
    const published = ['D2.P1', 'D2.P2', 'D2.O1.A', 'D2.O1.B', 'D2.O1.C', 'D2.O1.D', 'D2.O2.A', 'D2.O2.B'];
    published.push('D2.O3.A', 'D2.O3.B', 'D2.O3.C', 'D2.O3.D', 'D2.O4', 'D1.O2.B', 'D1.O6.B');
    for (const id of published) expect(references.has(id), id).toBe(true);
    for (const item of care.items.filter((i) => i.basis.kind === 'official' && /^D[12]\./.test(i.basis.reference))) {
      expect(item.deadline, `${item.id} has a deadline`).toBeDefined();
    }
  });
});
