import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateBudgets, computeBudgetRatios, defaultBudgetTargets } from '../budget/budget-ratios';
import { establishmentCategories, sectorOfCategory } from '../establishment/establishment';
import { buildSubmission, finessOf } from '../../testing/domain/consolidation/builders';
import { consolidate, type Consolidation } from './consolidate';
import { consolidatedCsvTable } from './consolidated-csv';
import { describeDistribution } from './quantiles';
import {
  listDomainIds,
  listSelections,
  rankCriticalGaps,
  selectRows,
  summarizeBudgets,
  summarizeDistributions,
  totalMfa,
} from './regional-views';
import type { SubmissionInput } from './submission-input';

/** Properties of the consolidation (fast-check): quartile order, order independence, ratios of sums. */

/** A 32-bit FNV-1a hash in hex: a stand-in for the SHA-256 digest, deterministic and cheap. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const score = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined });

const submission: fc.Arbitrary<SubmissionInput> = fc
  .record({
    establishment: fc.integer({ min: 0, max: 12 }),
    category: fc.constantFrom(...establishmentCategories),
    questionnaire: fc.constantFrom('care', 'hospiconnect'),
    campaignYear: fc.constantFrom(2025, 2026),
    // Few distinct instants and digests, so that duplicates and ties happen often.
    exportedAt: fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-01T01:00:00+01:00', '2026-02-01T00:00:00Z'),
    overall: score,
    domains: fc.array(score, { minLength: 0, maxLength: 4 }),
    gaps: fc.option(fc.uniqueArray(fc.constantFrom('care.d1.01', 'care.d1.02', 'care.d2.01'), { maxLength: 3 }), {
      nil: undefined,
    }),
    mfa: fc.option(
      fc
        .record({ sensitive: fc.nat(20), compliant: fc.nat(20), users: fc.nat(10_000), twoFactor: fc.nat(10_000) })
        .map((m) => ({
          sensitiveCount: m.sensitive,
          compliantCount: Math.min(m.compliant, m.sensitive),
          users: m.users,
          usersWithTwoFactors: Math.min(m.twoFactor, m.users),
        })),
      { nil: undefined },
    ),
    budget: fc.option(
      fc.record({
        total: fc.integer({ min: 1_000_000, max: 1_000_000_000 }),
        itPerMille: fc.integer({ min: 0, max: 60 }),
        cyberPercent: fc.integer({ min: 0, max: 20 }),
      }),
      { nil: undefined },
    ),
  })
  .map((r) => {
    const finessEj = finessOf(`0100${String(r.establishment).padStart(4, '0')}`);
    const it = (r.budget ? r.budget.total * r.budget.itPerMille : 0) / 1000;
    return buildSubmission({
      exportedAt: r.exportedAt,
      // As in a real file, the digest follows from the content: equal digests mean equal files.
      integrity: { digest: fnv1a(JSON.stringify(r)).repeat(8) },
      establishment: { finessEj, category: r.category, sector: sectorOfCategory(r.category) },
      content: {
        questionnaire: { id: r.questionnaire, version: '2026.1' },
        campaignYear: r.campaignYear,
        scores: {
          asOf: '2026-01-01',
          overall: { score: r.overall, answered: 1, applicable: 1, unknown: 0, notApplicable: 0 },
          domains: r.domains.map((s, i) => ({ domainId: `d${i}`, score: s })),
        },
        criticalGaps: r.gaps,
        mfa: r.mfa,
        budget: r.budget && {
          year: 2025,
          inputs: {
            totalOperatingCharges: r.budget.total,
            itOperatingCharges: it,
            cyberOperating: (it * r.budget.cyberPercent) / 100,
          },
          ratios: {},
        },
      },
    });
  });

/** Everything the dashboard and the CSV derive from a consolidation, for every selection. */
function views(result: Consolidation) {
  return listSelections(result.rows).map((selection) => {
    const rows = selectRows(result.rows, selection);
    const domainIds = listDomainIds(rows);
    return {
      selection,
      distributions: summarizeDistributions(rows, domainIds, 'category'),
      gaps: rankCriticalGaps(rows, 100),
      mfa: totalMfa(rows),
      budget: summarizeBudgets(rows),
    };
  });
}

describe('consolidation properties', () => {
  it('quartiles are ordered: min ≤ q1 ≤ median ≤ q3 ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }), (v) => {
        const d = describeDistribution(v);
        expect(d).toBeDefined();
        if (!d) return;
        expect(d.min).toBe(Math.min(...v));
        expect(d.max).toBe(Math.max(...v));
        expect(d.min).toBeLessThanOrEqual(d.q1);
        expect(d.q1).toBeLessThanOrEqual(d.median);
        expect(d.median).toBeLessThanOrEqual(d.q3);
        expect(d.q3).toBeLessThanOrEqual(d.max);
        expect(d.count).toBe(v.length);
      }),
    );
  });

  it('the median of an odd count is its middle value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 41 }), (v) => {
        const odd = v.length % 2 === 1 ? v : v.slice(1);
        if (odd.length === 0) return;
        const sorted = [...odd].sort((a, b) => a - b);
        expect(describeDistribution(odd)?.median).toBe(sorted[(sorted.length - 1) / 2]);
      }),
    );
  });

  it('the order of the files does not change the result', () => {
    fc.assert(
      fc.property(
        fc
          .array(submission, { minLength: 1, maxLength: 40 })
          .chain((files) => fc.tuple(fc.constant(files), fc.shuffledSubarray(files, { minLength: files.length }))),
        ([files, shuffled]) => {
          const a = consolidate(files);
          const b = consolidate(shuffled);
          expect(b).toEqual(a);
          expect(views(b)).toEqual(views(a));
          expect(consolidatedCsvTable(b.rows)).toEqual(consolidatedCsvTable(a.rows));
        },
      ),
    );
  });

  it('keeps exactly one row per establishment × questionnaire × campaign', () => {
    fc.assert(
      fc.property(fc.array(submission, { maxLength: 40 }), (files) => {
        const result = consolidate(files);
        const keys = new Set(
          files.map((f) => `${f.establishment.finessEj}|${f.content.questionnaire.id}|${f.content.campaignYear}`),
        );
        expect(result.rows).toHaveLength(keys.size);
        expect(result.duplicates).toBe(files.length - keys.size);
      }),
    );
  });

  it('regional shares are ratios of sums, hence between the smallest and the largest share', () => {
    fc.assert(
      fc.property(fc.array(submission, { maxLength: 30 }), (files) => {
        const rows = consolidate(files).rows.filter((r) => r.questionnaireId === 'care' && r.campaignYear === 2026);
        const mfa = totalMfa(rows);
        const withMfa = rows.flatMap((r) => (r.mfa ? [r.mfa] : []));
        const users = withMfa.reduce((n, m) => n + m.users, 0);
        const twoFactor = withMfa.reduce((n, m) => n + m.usersWithTwoFactors, 0);
        expect(mfa.usersShare).toBe(users > 0 ? twoFactor / users : undefined);
        const shares = withMfa.filter((m) => m.users > 0).map((m) => m.usersWithTwoFactors / m.users);
        if (mfa.usersShare !== undefined) {
          expect(mfa.usersShare).toBeGreaterThanOrEqual(Math.min(...shares) - 1e-12);
          expect(mfa.usersShare).toBeLessThanOrEqual(Math.max(...shares) + 1e-12);
        }
        const inputs = rows.flatMap((r) => (r.budget?.inputs ? [r.budget.inputs] : []));
        const region = summarizeBudgets(rows).ratios;
        expect(region).toEqual(aggregateBudgets(inputs, defaultBudgetTargets));
        const itShares = inputs.flatMap((i) => {
          const v = computeBudgetRatios(i, defaultBudgetTargets).itShareOfOperating.value;
          return v === undefined ? [] : [v];
        });
        const value = region.itShareOfOperating.value;
        if (value !== undefined) {
          expect(value).toBeGreaterThanOrEqual(Math.min(...itShares) - 1e-12);
          expect(value).toBeLessThanOrEqual(Math.max(...itShares) + 1e-12);
        }
      }),
    );
  });
});
