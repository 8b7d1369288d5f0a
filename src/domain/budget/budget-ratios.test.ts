import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetInputs } from './budget-record';
import {
  aggregateBudgets,
  budgetTrend,
  checkBudgetInputs,
  computeBudgetRatios,
  computePerUnit,
  cyberShareBand,
  defaultBudgetTargets,
  issuesOfField,
  itShareBand,
  missingFieldsOfRatio,
  ratioNames,
  memberGaps,
  readBudgetTargets,
  sumBudgetInputs,
} from './budget-ratios';

const targets = defaultBudgetTargets;

/** A hospital, every figure given; each ratio below is worked out by hand. */
const hospital: BudgetInputs = {
  totalOperatingCharges: 100_000_000,
  itOperatingCharges: 1_700_000,
  itStaffCharges: 700_000,
  totalCapex: 10_000_000,
  itCapex: 300_000,
  cyberOperating: 119_000,
  cyberCapex: 31_000,
  externalCyberFunding: 50_000,
  itFte: 20,
  securityFte: 1.5,
  workstations: 1_000,
  bedsAndPlaces: 400,
};

describe('computeBudgetRatios, worked by hand', () => {
  it('computes every ratio and gap of a hospital', () => {
    const r = computeBudgetRatios(hospital, targets);
    // 1 700 000 / 100 000 000 = 1.7 %: exactly the observed national mean, below the 2 % target.
    expect(r.itShareOfOperating.value).toBeCloseTo(0.017, 12);
    expect(r.itShareOfOperating.band).toBe('below');
    // 2 % × 100 000 000 − 1 700 000 = 300 000 €.
    expect(r.gapToItTargetEur).toBe(300_000);
    // 119 000 / 1 700 000 = 7 %: in the FSSI's 6-10 % range, yet below the 10 % target in force (issue 15).
    expect(r.cyberShareOfIt.value).toBeCloseTo(0.07, 12);
    expect(r.cyberShareOfIt.band).toBe('below');
    expect(r.cyberShareOfIt.shortfall?.points).toBeCloseTo(3, 12);
    expect(r.cyberShareOfIt.shortfall?.euros).toBe(51_000);
    // 10 % × 1 700 000 − 119 000 = 51 000 €.
    expect(r.gapToCyberTargetEur).toBe(51_000);
    // (1 700 000 + 300 000) / (100 000 000 + 10 000 000) = 2 000 000 / 110 000 000 = 1.8181… %.
    expect(r.itShareTotal.value).toBeCloseTo(2 / 110, 12);
    expect(r.itShareTotal.band).toBe('below');
    // (119 000 + 31 000) / (1 700 000 + 300 000) = 150 000 / 2 000 000 = 7.5 %.
    expect(r.cyberShareTotal.value).toBeCloseTo(0.075, 12);
    expect(r.cyberShareTotal.band).toBe('below');
    // 10 % × 2 000 000 − 150 000 = 50 000 €, 2.5 points.
    expect(r.cyberShareTotal.shortfall?.euros).toBe(50_000);
    expect(r.cyberShareTotal.shortfall?.points).toBeCloseTo(2.5, 12);
    // (150 000 − 50 000) / 2 000 000 = 5 %: the lower bound of "below" is inclusive.
    expect(r.cyberShareNet.value).toBeCloseTo(0.05, 12);
    expect(r.cyberShareNet.band).toBe('below');
    // 1.5 / 20 = 7.5 %; no reference, hence no band.
    expect(r.securityStaffShare.value).toBeCloseTo(0.075, 12);
    expect(r.securityStaffShare.band).toBeUndefined();
  });

  it('computes the figures of a small EHPAD, at risk on both ratios', () => {
    const r = computeBudgetRatios(
      { totalOperatingCharges: 5_000_000, itOperatingCharges: 50_000, cyberOperating: 2_000 },
      targets,
    );
    // 50 000 / 5 000 000; 1 point and 100 000 − 50 000 € short of 2 %.
    expect(r.itShareOfOperating).toEqual({ value: 0.01, band: 'at-risk', shortfall: { points: 1, euros: 50_000 } });
    expect(r.gapToItTargetEur).toBe(50_000); // 100 000 − 50 000
    expect(r.cyberShareOfIt.value).toBe(0.04); // 2 000 / 50 000
    expect(r.cyberShareOfIt.band).toBe('at-risk');
    expect(r.cyberShareOfIt.shortfall?.euros).toBe(3_000);
    expect(r.gapToCyberTargetEur).toBe(3_000); // 5 000 − 2 000
    expect(r.itShareTotal.value).toBeUndefined(); // capex not given
  });

  it('has no gap once a target is reached, and reads a cyber share beyond the target as on target', () => {
    const r = computeBudgetRatios(
      { totalOperatingCharges: 10_000_000, itOperatingCharges: 250_000, cyberOperating: 30_000 },
      targets,
    );
    expect(r.itShareOfOperating).toEqual({ value: 0.025, band: 'on-target' });
    expect(r.gapToItTargetEur).toBe(0);
    expect(r.cyberShareOfIt).toEqual({ value: 0.12, band: 'on-target' });
    expect(r.cyberShareOfIt.shortfall).toBeUndefined();
    expect(r.gapToCyberTargetEur).toBe(0);
  });

  it('uses the targets it is given', () => {
    const r = computeBudgetRatios(
      { totalOperatingCharges: 100_000_000, itOperatingCharges: 2_500_000, cyberOperating: 200_000 },
      { itShare: 0.03, cyberShare: 0.08 },
    );
    expect(r.gapToItTargetEur).toBe(500_000); // 3 % × 100 M − 2.5 M
    expect(r.itShareOfOperating.band).toBe('below');
    expect(r.cyberShareOfIt).toEqual({ value: 0.08, band: 'on-target' }); // 200 000 / 2 500 000, = target
    expect(r.gapToCyberTargetEur).toBe(0);
  });

  it('floors the net cyber effort at zero when funding exceeds spending', () => {
    const r = computeBudgetRatios(
      {
        itOperatingCharges: 1_000_000,
        itCapex: 0,
        cyberOperating: 10_000,
        cyberCapex: 0,
        externalCyberFunding: 50_000,
      },
      targets,
    );
    expect(r.cyberShareNet).toEqual({ value: 0, band: 'at-risk', shortfall: { points: 10, euros: 100_000 } });
  });

  it('leaves a ratio undefined when a figure is missing or the denominator is zero', () => {
    const none = computeBudgetRatios({}, targets);
    for (const name of ratioNames) expect(none[name]).toEqual({ value: undefined, band: undefined });
    expect(none.gapToItTargetEur).toBeUndefined();
    expect(none.gapToCyberTargetEur).toBeUndefined();
    const zero = computeBudgetRatios(
      { totalOperatingCharges: 0, itOperatingCharges: 0, itFte: 0, securityFte: 0 },
      targets,
    );
    expect(zero.itShareOfOperating.value).toBeUndefined();
    expect(zero.securityStaffShare.value).toBeUndefined();
    expect(zero.gapToItTargetEur).toBe(0);
    // The net view needs the funding figure: type 0 when there is none.
    const noFunding = computeBudgetRatios({ ...hospital, externalCyberFunding: undefined }, targets);
    expect(noFunding.cyberShareNet.value).toBeUndefined();
    expect(missingFieldsOfRatio({ itOperatingCharges: 1 }, 'cyberShareNet')).toEqual([
      'itCapex',
      'cyberOperating',
      'cyberCapex',
      'externalCyberFunding',
    ]);
  });

  it('rounds the gaps to the cent', () => {
    const r = computeBudgetRatios({ totalOperatingCharges: 1_234_567.89, itOperatingCharges: 1_000 }, targets);
    expect(r.gapToItTargetEur).toBe(23_691.36); // 24 691.3578 − 1 000
  });

  it('computes per-unit figures', () => {
    expect(computePerUnit(hospital)).toEqual({ itSpendPerBed: 4_250, cyberSpendPerWorkstation: 119 });
    expect(computePerUnit({ itOperatingCharges: 1, bedsAndPlaces: 0 })).toEqual({
      itSpendPerBed: undefined,
      cyberSpendPerWorkstation: undefined,
    });
  });
});

describe('bands', () => {
  it('reads the IT share against the observed 1.7 % and the target', () => {
    expect(itShareBand(0.0169, targets)).toBe('at-risk');
    expect(itShareBand(0.017, targets)).toBe('below');
    expect(itShareBand(0.0199, targets)).toBe('below');
    expect(itShareBand(0.02, targets)).toBe('on-target');
    expect(itShareBand(0.09, targets)).toBe('on-target');
    // A target below the observed mean takes its place.
    expect(itShareBand(0.016, { itShare: 0.015, cyberShare: 0.1 })).toBe('on-target');
    expect(itShareBand(0.014, { itShare: 0.015, cyberShare: 0.1 })).toBe('at-risk');
  });

  it('reads the cyber share against 5 % and the target in force: « dans la cible » only at or above it', () => {
    expect(cyberShareBand(0.0499, targets)).toBe('at-risk');
    expect(cyberShareBand(0.05, targets)).toBe('below');
    expect(cyberShareBand(0.0599, targets)).toBe('below');
    // 6.1 %: in the FSSI's "ideal" range, but below the 10 % target (issue 15: it read « Dans la cible »).
    expect(cyberShareBand(0.061, targets)).toBe('below');
    expect(cyberShareBand(0.0999, targets)).toBe('below');
    expect(cyberShareBand(0.1, targets)).toBe('on-target');
    expect(cyberShareBand(0.1001, targets)).toBe('on-target');
    expect(cyberShareBand(0.045, { itShare: 0.02, cyberShare: 0.04 })).toBe('on-target');
    expect(cyberShareBand(0.039, { itShare: 0.02, cyberShare: 0.04 })).toBe('at-risk');
    expect(cyberShareBand(0.07, { itShare: 0.02, cyberShare: 0.08 })).toBe('below');
  });

  it('says how far below the target a share is, in points and in euros (6.1 % against 10 %)', () => {
    // 6 100 / 100 000 = 6.1 %: 3.9 points and 3 900 € short of 10 %; never « on target » beside a missing amount.
    const r = computeBudgetRatios({ itOperatingCharges: 100_000, cyberOperating: 6_100 }, targets);
    expect(r.cyberShareOfIt.band).toBe('below');
    expect(r.cyberShareOfIt.shortfall?.points).toBeCloseTo(3.9, 12);
    expect(r.cyberShareOfIt.shortfall?.euros).toBe(3_900);
    expect(r.gapToCyberTargetEur).toBe(3_900);
  });

  it('reads stored targets, falling back to the defaults', () => {
    expect(readBudgetTargets({ itShare: 0.025, cyberShare: 0.08 })).toEqual({ itShare: 0.025, cyberShare: 0.08 });
    expect(readBudgetTargets(undefined)).toEqual(defaultBudgetTargets);
    expect(readBudgetTargets({ itShare: 0, cyberShare: 0.1 })).toEqual(defaultBudgetTargets);
    expect(readBudgetTargets({ itShare: 2, cyberShare: 10 })).toEqual(defaultBudgetTargets);
  });
});

describe('checkBudgetInputs', () => {
  const codes = (inputs: BudgetInputs) => {
    const { errors, warnings } = checkBudgetInputs(inputs);
    return { errors: errors.map((e) => `${e.field}:${e.code}`), warnings: warnings.map((w) => `${w.field}:${w.code}`) };
  };

  it('accepts a consistent budget', () => {
    expect(codes(hospital)).toEqual({ errors: [], warnings: [] });
    expect(codes({})).toEqual({ errors: [], warnings: [] });
  });

  it('refuses impossible figures and names the field', () => {
    expect(codes({ totalOperatingCharges: 1_000_000, itOperatingCharges: 2_000_000 }).errors).toEqual([
      'itOperatingCharges:it-above-total',
    ]);
    expect(codes({ itOperatingCharges: 1_700_000, cyberOperating: 2_000_000 }).errors).toEqual([
      'cyberOperating:cyber-above-it',
    ]);
    expect(codes({ itOperatingCharges: 100, itStaffCharges: 101 }).errors).toEqual([
      'itStaffCharges:it-staff-above-it',
    ]);
    expect(codes({ totalCapex: 100, itCapex: 101 }).errors).toEqual(['itCapex:it-capex-above-total-capex']);
    expect(codes({ itCapex: 100, cyberCapex: 101 }).errors).toEqual(['cyberCapex:cyber-capex-above-it-capex']);
    expect(codes({ itFte: 2, securityFte: 2.5 }).errors).toEqual(['securityFte:security-fte-above-it-fte']);
    expect(codes({ cyberCapex: -1 }).errors).toEqual(['cyberCapex:negative']);
    expect(codes({ workstations: 10.5 }).errors).toEqual(['workstations:not-integer']);
    expect(codes({ itFte: Number.NaN }).errors).toEqual(['itFte:not-a-number']);
    const [issue] = checkBudgetInputs({ totalOperatingCharges: 1, itOperatingCharges: 2 }).errors;
    expect(issue).toEqual({ field: 'itOperatingCharges', code: 'it-above-total', related: 'totalOperatingCharges' });
    expect(issuesOfField([issue!], 'totalOperatingCharges')).toEqual([issue]);
  });

  it('warns about odd figures without refusing them', () => {
    expect(codes({ itOperatingCharges: 1_000_000, cyberOperating: 300_001 })).toEqual({
      errors: [],
      warnings: ['cyberOperating:cyber-share-high'],
    });
    expect(codes({ itOperatingCharges: 1_000_000, cyberOperating: 300_000 }).warnings).toEqual([]);
    expect(codes({ totalOperatingCharges: 1_000_000, itOperatingCharges: 150_000 }).warnings).toEqual([
      'itOperatingCharges:it-share-high',
    ]);
    expect(codes({ cyberOperating: 10, cyberCapex: 5, externalCyberFunding: 20 }).warnings).toEqual([
      'externalCyberFunding:funding-above-cyber-spend',
    ]);
    expect(codes({ totalOperatingCharges: 5_000 }).warnings).toEqual(['totalOperatingCharges:total-looks-small']);
  });
});

describe('aggregateBudgets', () => {
  it('takes the ratio of sums, not the mean of ratios (worked by hand)', () => {
    const big = { totalOperatingCharges: 100_000_000, itOperatingCharges: 1_000_000, cyberOperating: 50_000 };
    const small = { totalOperatingCharges: 10_000_000, itOperatingCharges: 1_000_000, cyberOperating: 150_000 };
    const r = aggregateBudgets([big, small], targets);
    // (1 M + 1 M) / (100 M + 10 M) = 1.818… %, where the mean of 1 % and 10 % would be 5.5 %.
    expect(r.itShareOfOperating.value).toBeCloseTo(2 / 110, 12);
    expect(r.itShareOfOperating.band).toBe('below');
    // The mean of ratios would even read "on target", hiding 200 000 € missing.
    expect(itShareBand((0.01 + 0.1) / 2, targets)).toBe('on-target');
    // (50 000 + 150 000) / 2 000 000 = 10 %, where the mean of 5 % and 15 % would be… 10 % too: not always different.
    expect(r.cyberShareOfIt.value).toBeCloseTo(0.1, 12);
    // Gap of the summed budget: 2 % × 110 M − 2 M = 200 000 €.
    expect(r.gapToItTargetEur).toBe(200_000);
    const mean = (0.01 + 0.1) / 2;
    expect(Math.abs((r.itShareOfOperating.value ?? 0) - mean)).toBeGreaterThan(0.03);
  });

  it('counts, for each ratio, only the establishments that gave every figure of its formula', () => {
    const r = aggregateBudgets(
      [
        { totalOperatingCharges: 100_000_000, itOperatingCharges: 2_000_000 },
        { totalOperatingCharges: 50_000_000 }, // no IT figure: left out of the IT share
        { itOperatingCharges: 500_000, cyberOperating: 50_000 }, // no total: counted for the cyber share only
      ],
      targets,
    );
    expect(r.itShareOfOperating.value).toBeCloseTo(0.02, 12);
    expect(r.cyberShareOfIt.value).toBeCloseTo(0.1, 12);
    expect(aggregateBudgets([], targets).itShareOfOperating.value).toBeUndefined();
  });

  it('sums the inputs of a group', () => {
    expect(sumBudgetInputs([{ itFte: 1.5, workstations: 10 }, { itFte: 2 }, {}])).toEqual({
      itFte: 3.5,
      workstations: 10,
    });
  });
});

describe('budgetTrend', () => {
  it('lists the years entered, oldest first, leaving out empty years', () => {
    const trend = budgetTrend(
      [
        { year: 2025, inputs: { totalOperatingCharges: 100, itOperatingCharges: 2 } },
        { year: 2023, inputs: { totalOperatingCharges: 100, itOperatingCharges: 1 } },
        { year: 2024, inputs: {} },
      ],
      targets,
    );
    expect(trend.map((p) => [p.year, p.ratios.itShareOfOperating.value])).toEqual([
      [2023, 0.01],
      [2025, 0.02],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const euros = fc.integer({ min: 0, max: 5_000_000_000_00 }).map((cents) => cents / 100);
const share = fc.double({ min: 0, max: 1, noNaN: true });

/** Any budget that passes the checks: every part drawn as a share of its whole, any figure possibly missing. */
const validInputs: fc.Arbitrary<BudgetInputs> = fc
  .record({
    total: euros,
    totalCapex: euros,
    it: share,
    itStaff: share,
    itCapex: share,
    cyber: share,
    cyberCapex: share,
    funding: euros,
    itFte: fc.integer({ min: 0, max: 2000 }).map((n) => n / 4),
    securityFte: share,
    workstations: fc.integer({ min: 0, max: 50_000 }),
    beds: fc.integer({ min: 0, max: 5_000 }),
    present: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  })
  .map((g) => {
    const round = (n: number) => Math.floor(n * 100) / 100;
    const it = round(g.total * g.it);
    const itCapex = round(g.totalCapex * g.itCapex);
    const full: Required<BudgetInputs> = {
      totalOperatingCharges: g.total,
      itOperatingCharges: it,
      itStaffCharges: round(it * g.itStaff),
      totalCapex: g.totalCapex,
      itCapex,
      cyberOperating: round(it * g.cyber),
      cyberCapex: round(itCapex * g.cyberCapex),
      externalCyberFunding: g.funding,
      itFte: g.itFte,
      securityFte: Math.floor(g.itFte * g.securityFte * 4) / 4,
      workstations: g.workstations,
      bedsAndPlaces: g.beds,
    };
    const inputs: BudgetInputs = {};
    Object.entries(full).forEach(([key, value], i) => {
      if (g.present[i]) inputs[key as keyof BudgetInputs] = value;
    });
    return inputs;
  });

describe('properties', () => {
  it('every ratio stays within [0, 1] and every gap is ≥ 0 for any valid budget', () => {
    fc.assert(
      fc.property(validInputs, share, share, (inputs, itTarget, cyberTarget) => {
        expect(checkBudgetInputs(inputs).errors).toEqual([]);
        const t = { itShare: Math.max(itTarget, 0.001), cyberShare: Math.max(cyberTarget, 0.001) };
        const r = computeBudgetRatios(inputs, t);
        for (const name of ratioNames) {
          const { value, band } = r[name];
          if (value === undefined) expect(band).toBeUndefined();
          else {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
        for (const gap of [r.gapToItTargetEur, r.gapToCyberTargetEur])
          if (gap !== undefined) expect(gap).toBeGreaterThanOrEqual(0);
        // The net effort never exceeds the gross one.
        if (r.cyberShareNet.value !== undefined && r.cyberShareTotal.value !== undefined)
          expect(r.cyberShareNet.value).toBeLessThanOrEqual(r.cyberShareTotal.value + 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('a gap is zero exactly when the ratio reaches its target (to the cent)', () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const r = computeBudgetRatios(inputs, targets);
        const { value } = r.itShareOfOperating;
        const total = inputs.totalOperatingCharges ?? 0;
        const it = inputs.itOperatingCharges ?? 0;
        if (value === undefined || r.gapToItTargetEur === undefined) return;
        // Below the target always misses at least a cent, so that the band and the euros never disagree.
        if (value >= targets.itShare) expect(r.gapToItTargetEur).toBe(0);
        else expect(r.gapToItTargetEur).toBeGreaterThanOrEqual(0.01);
        const expected = value >= targets.itShare ? 0 : Math.max(0.01, targets.itShare * total - it);
        expect(Math.abs(r.gapToItTargetEur - expected)).toBeLessThanOrEqual(0.0051);
      }),
      { numRuns: 300 },
    );
  });

  it('aggregation is the ratio of sums, lies between the smallest and largest ratio, and stays within [0, 1]', () => {
    const complete = validInputs.filter(
      (i) => i.totalOperatingCharges !== undefined && i.itOperatingCharges !== undefined && i.totalOperatingCharges > 0,
    );
    fc.assert(
      fc.property(fc.array(complete, { minLength: 1, maxLength: 12 }), (list) => {
        const r = aggregateBudgets(list, targets);
        const it = list.reduce((s, i) => s + (i.itOperatingCharges ?? 0), 0);
        const total = list.reduce((s, i) => s + (i.totalOperatingCharges ?? 0), 0);
        expect(r.itShareOfOperating.value).toBeCloseTo(it / total, 12);
        const singles = list.map((i) => computeBudgetRatios(i, targets).itShareOfOperating.value ?? 0);
        expect(r.itShareOfOperating.value).toBeGreaterThanOrEqual(Math.min(...singles) - 1e-12);
        expect(r.itShareOfOperating.value).toBeLessThanOrEqual(Math.max(...singles) + 1e-12);
        for (const name of ratioNames) {
          const value = r[name].value;
          if (value !== undefined) expect(value >= 0 && value <= 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads every band against the target in force: on target exactly at or above it, else how far below', () => {
    fc.assert(
      fc.property(validInputs, share, share, (inputs, itTarget, cyberTarget) => {
        const t = { itShare: Math.max(itTarget, 0.001), cyberShare: Math.max(cyberTarget, 0.001) };
        const r = computeBudgetRatios(inputs, t);
        for (const name of ratioNames) {
          const { value, band, shortfall } = r[name];
          const target = name.startsWith('it') ? t.itShare : name.startsWith('cyber') ? t.cyberShare : undefined;
          if (value === undefined || target === undefined) {
            expect(shortfall).toBeUndefined();
            continue;
          }
          expect(band === 'on-target').toBe(value >= target);
          if (value >= target) {
            expect(shortfall).toBeUndefined();
            continue;
          }
          // Below: the points are what is missing to the target, the euros at least a cent.
          expect(band === 'at-risk' || band === 'below').toBe(true);
          expect(shortfall?.points).toBeCloseTo((target - value) * 100, 9);
          expect(shortfall?.euros ?? 0).toBeGreaterThanOrEqual(0.01);
        }
        // The euro gaps of the operating ratios are their shortfalls.
        if (r.cyberShareOfIt.value !== undefined)
          expect(r.gapToCyberTargetEur).toBe(r.cyberShareOfIt.shortfall?.euros ?? 0);
        if (r.itShareOfOperating.value !== undefined)
          expect(r.gapToItTargetEur).toBe(r.itShareOfOperating.shortfall?.euros ?? 0);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the euros of a shortfall as the points of its denominator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000_00 }).map((c) => c / 100),
        share,
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (it, cyberShare, target) => {
          const cyber = Math.floor(it * cyberShare * 100) / 100;
          const r = computeBudgetRatios(
            { itOperatingCharges: it, cyberOperating: cyber },
            { itShare: 0.02, cyberShare: target },
          );
          const shortfall = r.cyberShareOfIt.shortfall;
          if (!shortfall) return;
          const raw = (shortfall.points / 100) * it;
          expect(Math.abs(shortfall.euros - Math.max(0.01, raw))).toBeLessThanOrEqual(0.0051 + 1e-9 * it);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adds up the members’ own gaps of a group, never below the gap of its summed budget', () => {
    const complete = validInputs.filter(
      (i) =>
        i.totalOperatingCharges !== undefined &&
        i.itOperatingCharges !== undefined &&
        i.cyberOperating !== undefined &&
        i.totalOperatingCharges > 0,
    );
    fc.assert(
      fc.property(fc.array(complete, { minLength: 1, maxLength: 12 }), (list) => {
        const group = aggregateBudgets(list, targets);
        const own = memberGaps(list, targets);
        const singles = list.map((i) => computeBudgetRatios(i, targets));
        const sum = (gaps: (number | undefined)[]) => gaps.reduce<number>((a, b) => a + (b ?? 0), 0);
        expect(own.it.totalEur).toBeCloseTo(sum(singles.map((r) => r.gapToItTargetEur)), 2);
        expect(own.it.below).toBe(singles.filter((r) => (r.gapToItTargetEur ?? 0) > 0).length);
        // max(0, ·) is subadditive: each member rounded to the cent, a cent of slack per member.
        const slack = 0.01 * list.length + 0.01;
        expect((own.it.totalEur ?? 0) + slack).toBeGreaterThanOrEqual(group.gapToItTargetEur ?? 0);
        expect((own.cyber.totalEur ?? 0) + slack).toBeGreaterThanOrEqual(group.gapToCyberTargetEur ?? 0);
        // A member below the target always shows, whatever the others spend.
        if (own.it.below > 0) expect(own.it.totalEur ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a member below the target visible beside one above it (worked by hand)', () => {
    // A: 100 M€ of charges, 2.5 M€ of IT: 500 000 € above 2 %. B: 10 M€, 0 € of IT: 200 000 € below 2 %.
    const a = { totalOperatingCharges: 100_000_000, itOperatingCharges: 2_500_000, cyberOperating: 250_000 };
    const b = { totalOperatingCharges: 10_000_000, itOperatingCharges: 0, cyberOperating: 0 };
    const group = aggregateBudgets([a, b], targets);
    expect(group.gapToItTargetEur).toBe(0); // 2.5 M€ / 110 M€ = 2.27 %: the summed budget reaches 2 %
    expect(memberGaps([a, b], targets).it).toEqual({ totalEur: 200_000, counted: 2, below: 1 });
  });

  it('refuses any budget whose IT charges exceed the total', () => {
    fc.assert(
      fc.property(euros, fc.integer({ min: 1, max: 1e9 }), (total, extra) => {
        const { errors } = checkBudgetInputs({ totalOperatingCharges: total, itOperatingCharges: total + extra / 100 });
        expect(errors.map((e) => e.code)).toContain('it-above-total');
      }),
    );
  });
});
