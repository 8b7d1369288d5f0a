import { describe, expect, it } from 'vitest';
import type { Answer } from '../assessment/answer';
import { answerFingerprint, answerFingerprints, changedReviewedItems } from './review-changes';

const yes: Answer = { response: { kind: 'status', value: 'yes' }, updatedAt: 1 };
const no: Answer = { response: { kind: 'status', value: 'no' }, updatedAt: 2 };

describe('reviewed items changed since the review', () => {
  it('compares responses and comments only, not dates or flags', () => {
    expect(answerFingerprint({ ...yes })).toBe(answerFingerprint({ ...yes, updatedAt: 99, toReview: true } as Answer));
    expect(answerFingerprint(yes)).not.toBe(answerFingerprint({ ...yes, comment: 'PSSI signée' }));
    expect(answerFingerprint(undefined)).toBe('');
  });

  it('lists the reviewed items whose answer changed, in questionnaire order, an answer removed included', () => {
    const exported = answerFingerprints({ 'care.gov.01': yes, 'care.gov.02': no, 'care.gov.03': yes });
    const now = { 'care.gov.01': { ...yes, updatedAt: 50 }, 'care.gov.02': yes, 'care.gov.05': no };
    const order = ['care.gov.01', 'care.gov.02', 'care.gov.03', 'care.gov.05'];
    expect(
      changedReviewedItems(['care.gov.05', 'care.gov.03', 'care.gov.02', 'care.gov.01'], exported, now, order),
    ).toEqual(['care.gov.02', 'care.gov.03', 'care.gov.05']);
    expect(changedReviewedItems(['care.gov.01'], exported, now, order)).toEqual([]);
  });
});
