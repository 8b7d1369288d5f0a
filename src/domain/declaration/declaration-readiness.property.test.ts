import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvidenceRules } from '../evidence/evidence-validity';
import type { AssessmentScore, ItemScore } from '../scoring/score-assessment';
import { readWindow, type DeclarationProof } from './declaration-readiness';

/**
 * The rule that decides « ready » (issue 18): an expired proof never makes an objective ready, and adding a valid
 * proof never makes a ready objective not ready — on any answers, proofs and dates.
 */
const asOf = '2026-12-02';
const itemIds = ['a.1', 'a.2', 'a.3', 'b.1'] as const;
const rules: EvidenceRules = {
  questionnaireId: 'q',
  version: '2026.1',
  // a.1 and b.1 have a validity rule; a.2 and a.3 do not (their proofs count as they are).
  rules: [
    { itemId: 'a.1', validForDays: 365, basis: { kind: 'official', source: 'texte' } },
    { itemId: 'b.1', validForDays: 60, basis: { kind: 'inferred', rationale: { fr: 'lecture', en: 'reading' } } },
  ],
  windows: [
    {
      id: 'care-d2',
      title: { fr: 'Fenêtre', en: 'Window' },
      source: 'texte',
      objectives: [
        { id: 'O.A', title: { fr: 'A', en: 'A' } },
        { id: 'O.B', title: { fr: 'B', en: 'B' } },
      ],
    },
  ],
  expectations: [
    ...['a.1', 'a.2', 'a.3'].map((itemId) => ({
      itemId,
      window: 'care-d2' as const,
      objectiveId: 'O.A',
      proofs: [{ fr: 'preuve', en: 'proof' }],
      basis: { kind: 'official' as const, source: 'texte' },
    })),
    {
      itemId: 'b.1',
      window: 'care-d2',
      objectiveId: 'O.B',
      proofs: [{ fr: 'preuve', en: 'proof' }],
      basis: { kind: 'official', source: 'texte' },
    },
  ],
};

const outcome = fc.constantFrom<Pick<ItemScore, 'outcome' | 'value'>>(
  { outcome: 'scored', value: 1 },
  { outcome: 'scored', value: 0.5 },
  { outcome: 'scored', value: 0 },
  { outcome: 'unanswered', value: undefined },
  { outcome: 'unknown', value: 0 },
  { outcome: 'not-applicable', value: undefined },
);

const scoreArb = fc.tuple(...itemIds.map(() => outcome)).map((outcomes): AssessmentScore => ({
  asOf,
  items: outcomes.map((o, i) => ({
    itemId: itemIds[i] ?? 'x',
    domainId: 'd',
    weight: 'high',
    points: 2,
    target: undefined,
    ...o,
  })),
  domains: [],
  overall: {
    score: undefined,
    earnedPoints: 0,
    possiblePoints: 0,
    applicable: 4,
    answered: 0,
    notApplicable: 0,
    unknown: 0,
    met: 0,
    completeness: undefined,
  },
}));

const dateArb = fc
  .integer({ min: 0, max: 2000 })
  .map((days) => new Date(Date.UTC(2026, 11, 2) - days * 86_400_000).toISOString().slice(0, 10));

const proofArb = fc.record({
  itemId: fc.constantFrom(...itemIds),
  documentDate: fc.option(dateArb, { nil: undefined }),
});

const proofsArb = fc
  .array(proofArb, { maxLength: 8 })
  .map((list) =>
    list.map((p, i): DeclarationProof => ({ id: `e${i}`, name: `preuve-${i}.pdf`, sha256: '0'.repeat(64), ...p })),
  );

const states = (score: AssessmentScore, proofs: readonly DeclarationProof[]) =>
  new Map(readWindow('care-d2', rules, score, proofs, itemIds)?.objectives.map((o) => [o.objective.id, o.state]) ?? []);

describe('declaration readiness', () => {
  it('an expired proof never makes an objective ready', () => {
    fc.assert(
      fc.property(
        scoreArb,
        proofsArb,
        fc.constantFrom('a.1', 'b.1'),
        fc.integer({ min: 0, max: 800 }),
        (score, proofs, itemId, extra) => {
          const days = itemId === 'a.1' ? 365 + extra : 60 + extra;
          const documentDate = new Date(Date.UTC(2026, 11, 2) - days * 86_400_000).toISOString().slice(0, 10);
          const expired: DeclarationProof = {
            id: 'expired',
            itemId,
            name: 'vieille.pdf',
            sha256: '1'.repeat(64),
            documentDate,
          };
          const before = states(score, proofs);
          const after = states(score, [...proofs, expired]);
          for (const [id, state] of after) if (state === 'ready') expect(before.get(id)).toBe('ready');
        },
      ),
    );
  });

  it('an undated proof under a rule never makes an objective ready', () => {
    fc.assert(
      fc.property(scoreArb, proofsArb, fc.constantFrom('a.1', 'b.1'), (score, proofs, itemId) => {
        const undated: DeclarationProof = { id: 'undated', itemId, name: 'sans-date.pdf', sha256: '1'.repeat(64) };
        const before = states(score, proofs);
        for (const [id, state] of states(score, [...proofs, undated])) {
          if (state === 'ready') expect(before.get(id)).toBe('ready');
        }
      }),
    );
  });

  it('adding a valid proof never makes a ready objective not ready', () => {
    fc.assert(
      fc.property(
        scoreArb,
        proofsArb,
        fc.constantFrom(...itemIds),
        fc.integer({ min: 0, max: 59 }),
        (score, proofs, itemId, age) => {
          const documentDate = new Date(Date.UTC(2026, 11, 2) - age * 86_400_000).toISOString().slice(0, 10);
          const valid: DeclarationProof = {
            id: 'valid',
            itemId,
            name: 'récente.pdf',
            sha256: '2'.repeat(64),
            documentDate,
          };
          const before = states(score, proofs);
          const after = states(score, [...proofs, valid]);
          for (const [id, state] of before) if (state === 'ready') expect(after.get(id)).toBe('ready');
        },
      ),
    );
  });

  it('says why an objective is not ready', () => {
    const met = (
      value: number | undefined,
      outcome: ItemScore['outcome'] = 'scored',
    ): Pick<ItemScore, 'outcome' | 'value'> => ({ outcome, value });
    const build = (values: Pick<ItemScore, 'outcome' | 'value'>[]): AssessmentScore => ({
      asOf,
      items: values.map((o, i) => ({
        itemId: itemIds[i] ?? 'x',
        domainId: 'd',
        weight: 'high',
        points: 2,
        target: undefined,
        ...o,
      })),
      domains: [],
      overall: {
        score: undefined,
        earnedPoints: 0,
        possiblePoints: 0,
        applicable: 4,
        answered: 0,
        notApplicable: 0,
        unknown: 0,
        met: 0,
        completeness: undefined,
      },
    });
    const window = readWindow(
      'care-d2',
      rules,
      build([met(1), met(0.5), met(1), met(undefined, 'not-applicable')]),
      [
        { id: '1', itemId: 'a.1', name: 'pssi-2024.pdf', sha256: '0'.repeat(64), documentDate: '2024-01-01' },
        { id: '2', itemId: 'a.2', name: 'plan.pdf', sha256: '0'.repeat(64) },
      ],
      itemIds,
    );
    const a = window?.objectives[0];
    expect(a?.state).toBe('not-ready');
    expect(a?.items.map((i) => [i.itemId, i.problems])).toEqual([
      ['a.1', ['proof-expired']],
      ['a.2', ['not-met']],
      ['a.3', ['proof-missing']],
    ]);
    expect(a?.items[0]?.proofs[0]?.validity).toMatchObject({ status: 'expired', expiresOn: '2024-12-31' });
    expect(window?.objectives[1]?.state).toBe('not-applicable');
  });
});
