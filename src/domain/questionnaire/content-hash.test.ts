import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildItem, buildQuestionnaire } from '../../testing/domain/scoring/builders';
import { hashQuestionnaire, parseQuestionnaire } from './parse-questionnaire';

/**
 * The content hash names what an assessment was answered against (design §5, version clock 3): any change of a
 * question changes it; the action wording, advice printed for a gap, does not, so that it can be written into a
 * released version without orphaning the assessments and export files that name that version.
 */
describe('the content hash of a questionnaire', () => {
  const base = buildQuestionnaire([buildItem({ id: 'test.a.01' }), buildItem({ id: 'test.a.02' })]);

  it('does not change with the action wording or the $schema pointer', async () => {
    const reworded = {
      ...base,
      $schema: '../questionnaire.schema.json',
      items: base.items.map((item) => ({ ...item, action: { fr: 'Faire autrement', en: 'Do otherwise' } })),
    };
    expect(await hashQuestionnaire(reworded)).toBe(await hashQuestionnaire(base));
  });

  it('changes with a question, a weight or an answer type', async () => {
    const before = await hashQuestionnaire(base);
    const change = (patch: Partial<(typeof base.items)[number]>) => ({
      ...base,
      items: [{ ...base.items[0]!, ...patch }, ...base.items.slice(1)],
    });
    expect(await hashQuestionnaire(change({ question: { fr: 'Autre ?', en: 'Other?' } }))).not.toBe(before);
    expect(await hashQuestionnaire(change({ weight: 'critical' }))).not.toBe(before);
    expect(
      await hashQuestionnaire(change({ answerType: 'percent', targets: [{ comparator: 'at-least', value: 90 }] })),
    ).not.toBe(before);
  });

  it('of every shipped version is still the one the golden export files recorded', async () => {
    const fixtures = join(process.cwd(), 'tests/fixtures/exports');
    const recorded = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.json'))
      .map(
        (name) =>
          JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as {
            content: { questionnaire: { id: string; version: string; contentHash: string } };
          },
      )
      .map((file) => file.content.questionnaire);
    expect(recorded.length).toBeGreaterThan(0);
    for (const { id, version, contentHash } of recorded) {
      const parsed = parseQuestionnaire(
        JSON.parse(readFileSync(join(process.cwd(), 'questionnaires', id, `${version}.json`), 'utf8')),
        `${id}/${version}.json`,
      );
      if (!parsed.ok) throw new Error(parsed.fileName);
      expect(await hashQuestionnaire(parsed.questionnaire), `${id} ${version}`).toBe(contentHash);
    }
  });
});
