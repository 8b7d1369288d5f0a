import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Response } from '../assessment/answer';
import { applyMerge, mergeRows, type DelegatedAnswer, type MergeDecision } from './delegation-merge';

const itemIds = ['care.gov.01', 'care.gov.02', 'care.gov.03', 'care.exp.01', 'care.exp.02', 'care.cri.01'];

const response: fc.Arbitrary<Response> = fc.oneof(
  fc.constantFrom('yes', 'partial', 'no').map((value) => ({ kind: 'status' as const, value })),
  fc.integer({ min: 0, max: 100 }).map((value) => ({ kind: 'number' as const, value })),
  fc.constant({ kind: 'unknown' as const }),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .map((justification) => ({ kind: 'not-applicable' as const, justification: `x${justification}` })),
);
const answer: fc.Arbitrary<Answer> = fc.record(
  { response, comment: fc.string({ maxLength: 30 }), updatedAt: fc.integer({ min: 1, max: 2_000_000_000_000 }) },
  { requiredKeys: ['updatedAt'] },
);
const answers = fc.dictionary(fc.constantFrom(...itemIds), answer);
const delegated = (ids: string[]): fc.Arbitrary<DelegatedAnswer[]> =>
  fc.tuple(
    ...ids.map((itemId) => fc.record({ itemId: fc.constant(itemId), response, comment: fc.string({ maxLength: 30 }) })),
  );

const provenance = (digit: string) => ({
  requestId: `request-${digit}`,
  respondentName: 'Claire Martin',
  respondentRole: 'Prestataire informatique',
  answeredAt: '2026-11-30T10:00:00.000Z',
  fileDigest: digit.repeat(64),
});

/** The request as written: the items sent, with the answers they had then (here, the answers now). */
const requestOf = (ids: string[], current: Record<string, Answer>) =>
  ids.map((itemId) => ({ itemId, atRequest: current[itemId] }));

const withoutTimes = (all: Record<string, Answer>) =>
  Object.fromEntries(Object.entries(all).map(([id, { updatedAt: _time, ...rest }]) => [id, rest]));

const decideAll = (ids: string[], kind: 'accept' | 'refuse'): Record<string, MergeDecision> =>
  Object.fromEntries(ids.map((id) => [id, { kind }]));

describe('merging a delegated answer file', () => {
  it('accepting every row gives the recipient’s answers, with their provenance, and touches no other item', () => {
    fc.assert(
      fc.property(
        answers,
        fc.subarray(itemIds, { minLength: 1 }).chain((ids) => fc.tuple(fc.constant(ids), delegated(ids))),
        (current, [ids, sent]) => {
          const rows = mergeRows(requestOf(ids, current), current, sent);
          const { answers: merged, written } = applyMerge(current, rows, decideAll(ids, 'accept'), provenance('a'));
          for (const proposal of sent) {
            const kept = merged[proposal.itemId];
            expect(kept?.response).toEqual(proposal.response);
            expect(kept?.comment).toBe(proposal.comment?.trim() ? proposal.comment : undefined);
            expect(kept?.delegatedFrom).toEqual({ ...provenance('a'), edited: false });
            expect(kept?.updatedAt).toBeGreaterThan(current[proposal.itemId]?.updatedAt ?? 0);
          }
          expect(written).toEqual(ids);
          for (const id of itemIds.filter((i) => !ids.includes(i))) expect(merged[id]).toBe(current[id]);
        },
      ),
    );
  });

  it('refusing every row, or deciding nothing, changes nothing', () => {
    fc.assert(
      fc.property(answers, fc.subarray(itemIds, { minLength: 1 }), fc.boolean(), (current, ids, refuse) => {
        const sent = ids.map((itemId) => ({
          itemId,
          response: { kind: 'unknown' as const },
          comment: 'Vu avec la DSI',
        }));
        const rows = mergeRows(requestOf(ids, current), current, sent);
        const result = applyMerge(current, rows, refuse ? decideAll(ids, 'refuse') : {}, provenance('a'));
        expect(result.answers).toEqual(current);
        expect(result.written).toEqual([]);
      }),
    );
  });

  it('two answer files on different items give the same answers whichever is merged first', () => {
    fc.assert(
      fc.property(
        answers,
        fc.shuffledSubarray(itemIds, { minLength: 2 }).chain((ids) => {
          const cut = Math.ceil(ids.length / 2);
          const first = ids.slice(0, cut);
          const second = ids.slice(cut);
          return fc.tuple(fc.constant(first), fc.constant(second), delegated(first), delegated(second));
        }),
        (current, [firstIds, secondIds, firstSent, secondSent]) => {
          const merge = (base: Record<string, Answer>, ids: string[], sent: DelegatedAnswer[], digit: string) =>
            applyMerge(
              base,
              mergeRows(requestOf(ids, current), base, sent),
              decideAll(ids, 'accept'),
              provenance(digit),
            ).answers;
          const oneWay = merge(merge(current, firstIds, firstSent, 'a'), secondIds, secondSent, 'b');
          const otherWay = merge(merge(current, secondIds, secondSent, 'b'), firstIds, firstSent, 'a');
          expect(withoutTimes(oneWay)).toEqual(withoutTimes(otherWay));
        },
      ),
    );
  });

  it('shows a conflict exactly when the item’s answer changed after the request was written', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom(...itemIds), answer, (atRequest, itemId, changed) => {
        const sent = [{ itemId, response: { kind: 'status' as const, value: 'yes' as const } }];
        const request = requestOf([itemId], atRequest);
        const [untouched] = mergeRows(request, atRequest, sent);
        expect(untouched?.conflict).toBe(false);
        const now = { ...atRequest, [itemId]: changed };
        const [row] = mergeRows(request, now, sent);
        const moved =
          JSON.stringify(changed.response) !== JSON.stringify(atRequest[itemId]?.response) ||
          (changed.comment?.trim() || undefined) !== (atRequest[itemId]?.comment?.trim() || undefined);
        expect(row?.conflict).toBe(moved);
      }),
    );
  });

  it('never writes an item the request did not hold, whatever the answer file says', () => {
    fc.assert(
      fc.property(answers, delegated(itemIds), (current, sent) => {
        const requested = itemIds.slice(0, 2);
        const rows = mergeRows(requestOf(requested, current), current, sent);
        expect(rows.map((row) => row.itemId)).toEqual(requested);
        const { answers: merged } = applyMerge(current, rows, decideAll(itemIds, 'accept'), provenance('a'));
        for (const id of itemIds.slice(2)) expect(merged[id]).toBe(current[id]);
      }),
    );
  });

  it('keeps the CISO’s edited version, marked as edited', () => {
    const current: Record<string, Answer> = { 'care.gov.01': { response: { kind: 'unknown' }, updatedAt: 5 } };
    const rows = mergeRows(requestOf(['care.gov.01'], current), current, [
      { itemId: 'care.gov.01', response: { kind: 'status', value: 'yes' }, comment: 'PSSI 2026 signée' },
    ]);
    const edit: MergeDecision = {
      kind: 'edit',
      response: { kind: 'status', value: 'partial' },
      comment: 'Signée, pas diffusée',
    };
    const { answers: merged } = applyMerge(current, rows, { 'care.gov.01': edit }, provenance('c'));
    expect(merged['care.gov.01']).toMatchObject({
      response: { kind: 'status', value: 'partial' },
      comment: 'Signée, pas diffusée',
      delegatedFrom: { edited: true, respondentName: 'Claire Martin' },
    });
  });
});
