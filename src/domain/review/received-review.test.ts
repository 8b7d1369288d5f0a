import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReceivedReview } from './received-review';

const golden = (name: string): unknown =>
  JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/review/v1', name), 'utf8'));

describe('the review an establishment imported, as its screens read it', () => {
  it('gives the opinion and each item’s mark with the auditor’s comment', () => {
    const review = readReceivedReview(golden('to-complete-from-snapshot.json'));
    expect(review?.opinion).toMatchObject({ outcome: 'to-complete', reliance: 'moderate' });
    expect(review?.reviewer.organisation).toBe('ARS Centre-Val de Loire');
    expect(review?.marks.get('care.gov.02')).toEqual({
      status: 'to-complete',
      comment: 'Joindre la PSSI signée par le directeur.',
    });
    expect(review?.marks.get('care.gov.01')).toEqual({ status: 'accepted' });
    expect(review?.marks.has('care.gov.03')).toBe(false);
  });

  it('reads nothing from a stored document without the review’s shape', () => {
    const good = golden('accepted.json') as Record<string, unknown>;
    expect(readReceivedReview(good)).toBeDefined();
    expect(readReceivedReview(undefined)).toBeUndefined();
    expect(
      readReceivedReview({ ...good, opinion: { outcome: 'maybe', reliance: 'high', reason: 'x' } }),
    ).toBeUndefined();
    expect(readReceivedReview({ ...good, items: [{ itemId: 'care.gov.01', status: 'lost' }] })).toBeUndefined();
    expect(readReceivedReview({ ...good, reviewer: 'ARS' })).toBeUndefined();
  });
});
