// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConsolidatedRow } from '../../domain/consolidation/consolidate';
import { buildMapping, buildMeasure, linkTo } from '../../testing/domain/frameworks/builders';
import { computeRegionCoverage } from './region-framework-coverage';

/**
 * The region's ReCyF coverage per objective is read from the answers of the files the consolidation kept: a file
 * without answers (statistics level) is left out and counted, a file the consolidation did not keep is not read.
 */
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../tests/fixtures/exports/v1/${name}.json`, import.meta.url), 'utf8')) as {
    integrity: { digest: string };
    content: { campaignYear: number; answers?: Record<string, { response?: { kind: string; value?: string } }> };
  };

const mapping = buildMapping(
  [
    buildMeasure({ id: '1.1', group: '1', entities: ['EE', 'EI'], links: [linkTo('care.gov.01')] }),
    buildMeasure({ id: '1.2', group: '1', entities: ['EE'], links: [linkTo('care.gov.02')] }),
    buildMeasure({ id: '2.1', group: '2', entities: ['EI'] }),
  ],
  { framework: 'recyf', version: '2.5' },
);

const row = (digest: string) => ({ digest, campaignYear: 2026 }) as ConsolidatedRow;

describe('the region’s ReCyF coverage', () => {
  it('adds up each establishment’s measures per objective from the answers, and counts the files without any', async () => {
    const full = fixture('full');
    const statistics = fixture('statistics');
    const auditor = fixture('auditor');
    const files = [full, statistics, auditor];
    const result = await computeRegionCoverage(
      (visit) => {
        files.forEach((f) => visit(f));
        return Promise.resolve();
      },
      [row(full.integrity.digest), row(statistics.integrity.digest)],
      2026,
      mapping,
    );
    expect(result.establishments).toBe(1);
    expect(result.withoutAnswers).toBe(1);
    expect(result.objectives.map((o) => o.group.id)).toEqual(['1', '2']);
    expect(result.objectives[0]?.totals.total).toBe(2);
    expect(result.objectives[1]?.totals.counts['not-covered']).toBe(1);
    expect(result.overall.total).toBe(3);
    const answered = ['care.gov.01', 'care.gov.02'].filter((id) => full.content.answers?.[id]?.response);
    expect(result.overall.counts['not-assessed']).toBe(2 - answered.length);
  });
});
