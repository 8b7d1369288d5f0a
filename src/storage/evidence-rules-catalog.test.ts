import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evidenceRulesSchema,
  listProofsToRenew,
  proofValidity,
  rulesByItem,
} from '../domain/evidence/evidence-validity';
import { checkFrenchTypography, collectFrenchTexts } from '../domain/questionnaire/french-typography';
import { listEvidenceRuleFiles, loadEvidenceRules } from './evidence-rules-catalog';
import { listCatalog, loadQuestionnaire } from './questionnaire-catalog';

/**
 * Integrity of the evidence validity rules (issue 18): every file matches its schema, names its own questionnaire and
 * version, and every rule names an item of that version, once; every shipped questionnaire version has a file. The
 * rules live beside the questionnaire, outside its hashed content (hashQuestionnaire), which they leave unchanged.
 */
const root = resolve(__dirname, '../../questionnaires');

describe('evidence validity rules', () => {
  it(
    'exist for every shipped questionnaire version and name only its items, once each',
    { timeout: 30_000 },
    async () => {
      const versions = listCatalog();
      expect(listEvidenceRuleFiles()).toHaveLength(versions.length);
      for (const { id, version } of versions) {
        const path = resolve(root, id, 'evidence-rules', `${version}.json`);
        const parsed = evidenceRulesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
        expect(parsed).toMatchObject({ questionnaireId: id, version });
        const { questionnaire } = await loadQuestionnaire(id, version);
        const itemIds = new Set(questionnaire.items.map((item) => item.id));
        const ruled = parsed.rules.map((rule) => rule.itemId);
        for (const itemId of ruled) expect(itemIds.has(itemId), `${id} ${version}: ${itemId}`).toBe(true);
        expect(new Set(ruled).size).toBe(ruled.length);
        // Expected proofs (issue 18): each names an item of this version and an objective of a window of the file,
        // and every objective is served by at least one item.
        const objectives = new Set((parsed.windows ?? []).flatMap((w) => w.objectives.map((o) => `${w.id} ${o.id}`)));
        const served = new Set<string>();
        for (const e of parsed.expectations ?? []) {
          expect(itemIds.has(e.itemId), `${id} ${version}: ${e.itemId}`).toBe(true);
          expect(objectives.has(`${e.window} ${e.objectiveId}`), `${id} ${version}: ${e.objectiveId}`).toBe(true);
          served.add(`${e.window} ${e.objectiveId}`);
        }
        expect([...objectives].filter((o) => !served.has(o))).toEqual([]);
        expect(
          collectFrenchTexts(parsed).flatMap(({ path: at, text }) =>
            checkFrenchTypography(text).map((issue) => `${at}: ${issue.rule}`),
          ),
        ).toEqual([]);
        expect(await loadEvidenceRules(id, version)).toEqual(parsed);
      }
    },
  );

  it('reads a proof as valid, expired from the day its period ends, or undated', () => {
    const rules = rulesByItem({
      questionnaireId: 'care',
      version: '2026.2',
      rules: [{ itemId: 'care.gov.01', validForDays: 365, basis: { kind: 'official', source: 'ReCyF 2.B.4' } }],
    });
    const at = (documentDate?: string) => proofValidity({ itemId: 'care.gov.01', documentDate }, rules, '2026-12-02');
    expect(at('2026-01-10')).toMatchObject({ status: 'valid', expiresOn: '2027-01-10' });
    expect(at('2025-12-02')).toMatchObject({ status: 'expired', expiresOn: '2026-12-02' });
    expect(at('2025-12-03')).toMatchObject({ status: 'valid' });
    expect(at(undefined)).toMatchObject({ status: 'undated', expiresOn: undefined });
    expect(proofValidity({ itemId: 'care.gov.02', documentDate: '2001-01-01' }, rules, '2026-12-02')).toBeUndefined();
    const list = listProofsToRenew(
      [
        { itemId: 'care.gov.01', name: 'récente.pdf', documentDate: '2026-06-01' },
        { itemId: 'care.gov.01', name: 'sans date.pdf' },
        { itemId: 'care.gov.01', name: 'ancienne.pdf', documentDate: '2023-05-01' },
        { itemId: 'care.gov.02', name: 'sans règle.pdf' },
      ],
      rules,
      '2026-12-02',
    );
    expect(list.map((p) => [p.proof.name, p.validity.status])).toEqual([
      ['ancienne.pdf', 'expired'],
      ['sans date.pdf', 'undated'],
    ]);
  });
});
