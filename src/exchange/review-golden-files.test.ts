// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewSubmissionOf } from './build-review';
import { REVIEW_FORMAT_VERSION } from './review-format';
import { validateTestFile } from '../testing/exchange/shipped-questionnaires';
import { validateTestReview } from '../testing/exchange/review-test-data';

/**
 * The golden review files of every released review format version (tests/fixtures/review/v<n>/), written once by
 * scripts/generate-golden-reviews.ts and never rewritten: each must keep importing, and keep answering the golden
 * export file it names by digest.
 */
const root = join(process.cwd(), 'tests/fixtures/review');
const versions = readdirSync(root)
  .filter((name) => /^v\d+$/.test(name))
  .map((name) => Number(name.slice(1)))
  .sort((a, b) => a - b);

async function goldenExports() {
  const folder = join(process.cwd(), 'tests/fixtures/exports/v2');
  const submissions = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    const result = await validateTestFile(readFileSync(join(folder, file), 'utf8'), file);
    if (result.ok) submissions.push(reviewSubmissionOf(result.envelope));
  }
  return submissions;
}

describe('golden review files', () => {
  it('exist for every review format version up to the current one', () => {
    expect(versions).toEqual(Array.from({ length: REVIEW_FORMAT_VERSION }, (_, i) => i + 1));
  });

  for (const version of versions) {
    const folder = join(root, `v${version}`);
    for (const file of readdirSync(folder).sort()) {
      it(`v${version}/${file} still imports, answering a golden export by its digest`, async () => {
        const result = await validateTestReview(readFileSync(join(folder, file)), file, {
          submissions: await goldenExports(),
          requireSignature: !file.includes('unsigned'),
        });
        if (!result.ok) throw new Error(`${file}: ${result.code} ${result.path ?? ''} ${result.detail ?? ''}`);
        expect(result.migratedFrom).toBe(version === REVIEW_FORMAT_VERSION ? undefined : version);
        expect(result.envelope.reviewer.organisation).toMatch(/^ARS /);
        if (!file.includes('unsigned')) expect(result.keyFingerprint).toMatch(/^[0-9a-f]{64}$/);
      });
    }
  }

  it('v1 holds both outcomes, the three statuses and a review of a snapshot', async () => {
    const read = async (file: string) => {
      const result = await validateTestReview(readFileSync(join(root, 'v1', file), 'utf8'), file);
      if (!result.ok) throw new Error(result.code);
      return result.envelope;
    };
    const accepted = await read('accepted.json');
    const toComplete = await read('to-complete-from-snapshot.json');
    expect([accepted.opinion.outcome, toComplete.opinion.outcome]).toEqual(['accepted', 'to-complete']);
    expect(new Set(toComplete.items.map((item) => item.status))).toEqual(
      new Set(['accepted', 'to-complete', 'refused']),
    );
    expect(toComplete.submission.snapshot?.id).toBe('snapshot-demo-chu-care-2026-1');
    expect(accepted.submission.snapshot).toBeUndefined();
  });
});
