import { describe, expect, it } from 'vitest';
import { aggregateBudgets, defaultBudgetTargets } from '../budget/budget-ratios';
import { buildSubmission, finessOf, withScores } from '../../testing/domain/consolidation/builders';
import { addSubmission, consolidate, createConsolidation, finishConsolidation } from './consolidate';
import {
  consolidatedCsvRecords,
  consolidatedCsvTable,
  CSV_BOM,
  csvNumber,
  decodeCsvBytes,
  parseCsv,
  serializeCsv,
  serializeCsvRecords,
} from './consolidated-csv';
import { matchExpected, readExpectedList } from './expected-list';
import { describeDistribution, quantileOfSorted } from './quantiles';
import {
  benchmarkOf,
  buildHeatMap,
  heatBandOf,
  listDomainIds,
  listFilterOptions,
  listScatterPoints,
  listSelections,
  rankCriticalGaps,
  selectRows,
  summarizeBudgets,
  summarizeDistributions,
  summarizeRegion,
  totalMfa,
  totalMfaBy,
} from './regional-views';
import { niceAxis, scatterGeometry, tickDecimals } from './scatter-geometry';

const ej1 = finessOf('01000001');
const ej2 = finessOf('01000002');
const ej3 = finessOf('69000003');

describe('quantiles (Hyndman & Fan 7, as QUARTILE.INC)', () => {
  it('interpolates between order statistics', () => {
    expect(describeDistribution([4, 1, 3, 2])).toEqual({ count: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    expect(describeDistribution([10, 20, 30, 40, 50])).toEqual({
      count: 5,
      min: 10,
      q1: 20,
      median: 30,
      q3: 40,
      max: 50,
    });
  });

  it('gives the value itself for one value, nothing for none, and leaves out missing values', () => {
    expect(describeDistribution([42])).toEqual({ count: 1, min: 42, q1: 42, median: 42, q3: 42, max: 42 });
    expect(describeDistribution([])).toBeUndefined();
    expect(describeDistribution([undefined, Number.NaN, 7, undefined])?.count).toBe(1);
    expect(quantileOfSorted([], 0.5)).toBeUndefined();
  });
});

describe('addSubmission / finishConsolidation', () => {
  it('keeps one row per FINESS × questionnaire × campaign: the file exported last', () => {
    const older = buildSubmission({ exportedAt: '2026-03-01T10:00:00Z', establishment: { finessEj: ej1 } });
    const newer = withScores(
      buildSubmission({ exportedAt: '2026-03-02T09:00:00+02:00', establishment: { finessEj: ej1 } }),
      80,
      [80],
    );
    const acc = createConsolidation();
    addSubmission(acc, newer);
    addSubmission(acc, older);
    const result = finishConsolidation(acc);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.score).toBe(80);
    expect(result).toMatchObject({ filesAdded: 2, duplicates: 1 });
  });

  it('breaks a tie of export instants on the digest, whatever the order', () => {
    const a = withScores(buildSubmission({ integrity: { digest: 'b'.repeat(64) } }), 10, []);
    const b = withScores(buildSubmission({ integrity: { digest: 'c'.repeat(64) } }), 90, []);
    expect(consolidate([a, b]).rows[0]?.score).toBe(90);
    expect(consolidate([b, a]).rows[0]?.score).toBe(90);
  });

  it('keeps two sites of one legal entity apart (keyed by FINESS EG when given)', () => {
    const siteA = buildSubmission({ establishment: { finessEj: ej1, finessEg: finessOf('01000010') } });
    const siteB = buildSubmission({ establishment: { finessEj: ej1, finessEg: finessOf('01000011') } });
    expect(consolidate([siteA, siteB]).rows).toHaveLength(2);
  });

  it('recomputes the budget ratios from the figures, and takes the ratios of a statistics file as they are', () => {
    const withFigures = buildSubmission({
      content: {
        budget: {
          year: 2025,
          inputs: { totalOperatingCharges: 1000, itOperatingCharges: 20, cyberOperating: 1 },
          ratios: { itShareOfOperating: 0.5, cyberShareOfIt: 0.5 },
        },
      },
    });
    const ratiosOnly = buildSubmission({
      establishment: { finessEj: ej2 },
      sharingLevel: 'statistics',
      content: { budget: { year: 2025, ratios: { itShareOfOperating: 0.03, cyberShareOfIt: 0.07 } } },
    });
    const [first, second] = consolidate([withFigures, ratiosOnly]).rows;
    expect(first?.budget).toMatchObject({ itShare: 0.02, cyberShare: 0.05 });
    expect(second?.budget).toMatchObject({ inputs: undefined, itShare: 0.03, cyberShare: 0.07 });
  });
});

describe('regional views', () => {
  const rows = consolidate([
    withScores(
      buildSubmission({
        establishment: { finessEj: ej1, name: 'Bravo', category: 'ch', ghtName: 'GHT Ain' },
        content: { criticalGaps: ['care.d1.01', 'care.d2.02'] },
      }),
      70,
      [70, undefined],
    ),
    withScores(
      buildSubmission({
        establishment: { finessEj: ej2, name: 'Alpha', category: 'ch', ghtName: 'GHT Ain' },
        content: { criticalGaps: ['care.d2.02'] },
      }),
      30,
      [20, 40],
    ),
    withScores(
      buildSubmission({
        establishment: { finessEj: ej3, name: 'Charlie', category: 'ehpad', sector: 'medico-social', department: '69' },
      }),
      55,
      [50, 60],
    ),
    buildSubmission({ establishment: { finessEj: ej1 }, content: { campaignYear: 2025 } }),
  ]).rows;
  const selection = { questionnaireId: 'care', campaignYear: 2026 };
  const selected = selectRows(rows, selection);

  it('lists the questionnaire × campaign pairs, the latest campaign first', () => {
    expect(listSelections(rows)).toEqual([
      { questionnaireId: 'care', campaignYear: 2026, count: 3 },
      { questionnaireId: 'care', campaignYear: 2025, count: 1 },
    ]);
  });

  it('filters by category, GHT ("" for none), department and sector', () => {
    expect(selectRows(rows, selection, { category: 'ch' })).toHaveLength(2);
    expect(selectRows(rows, selection, { ghtName: '' }).map((r) => r.name)).toEqual(['Charlie']);
    expect(selectRows(rows, selection, { department: '69', sector: 'medico-social' })).toHaveLength(1);
    expect(listFilterOptions(selected)).toEqual({
      categories: ['ch', 'ehpad'],
      sectors: ['health', 'medico-social'],
      ghtNames: ['', 'GHT Ain'],
      departments: ['01', '69'],
    });
  });

  it('sorts the heat map by a domain, missing scores last in both directions', () => {
    const domainIds = listDomainIds(selected, ['d2', 'd1']);
    expect(domainIds).toEqual(['d2', 'd1']);
    const down = buildHeatMap(selected, domainIds, {
      column: { kind: 'domain', domainId: 'd2' },
      direction: 'descending',
    });
    expect(down.rows.map((r) => r.row.name)).toEqual(['Charlie', 'Alpha', 'Bravo']);
    const up = buildHeatMap(selected, domainIds, {
      column: { kind: 'domain', domainId: 'd2' },
      direction: 'ascending',
    });
    expect(up.rows.map((r) => r.row.name)).toEqual(['Alpha', 'Charlie', 'Bravo']);
    expect(buildHeatMap(selected, domainIds).rows.map((r) => r.row.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(up.rows[2]?.cells).toEqual([undefined, 70]);
  });

  it('reads colour bands from the score, and none for a missing one', () => {
    expect([undefined, null, 0, 19.9, 20, 45, 60, 80, 100].map(heatBandOf)).toEqual([
      'none',
      'none',
      'very-low',
      'very-low',
      'low',
      'medium',
      'good',
      'high',
      'high',
    ]);
  });

  it('gives medians and quartiles per category and per domain', () => {
    const byCategory = summarizeDistributions(selected, ['d1', 'd2'], 'category');
    expect(byCategory.map((g) => [g.group, g.count])).toEqual([
      ['ch', 2],
      ['ehpad', 1],
    ]);
    expect(byCategory[0]?.overall).toMatchObject({ median: 50, q1: 40, q3: 60 });
    expect(byCategory[0]?.domains.d2).toMatchObject({ count: 1, median: 40 });
    expect(summarizeDistributions(selected, ['d1'], 'region')[0]?.overall?.median).toBe(55);
  });

  it('ranks the critical gaps by frequency among the establishments that report them', () => {
    expect(rankCriticalGaps(selected)).toEqual({
      reporting: 3,
      gaps: [
        { itemId: 'care.d2.02', count: 2, share: 2 / 3 },
        { itemId: 'care.d1.01', count: 1, share: 1 / 3 },
      ],
    });
    expect(rankCriticalGaps(selected, 1).gaps).toHaveLength(1);
  });

  it('gathers every figure of a selection for the regional report', () => {
    const summary = summarizeRegion(rows, selection, { filters: { category: 'ch' }, domainOrder: ['d2', 'd1'] });
    expect(summary.rows).toHaveLength(2);
    expect(summary.domainIds).toEqual(['d2', 'd1']);
    expect(summary.heatMap.rows.map((r) => r.row.name)).toEqual(['Alpha', 'Bravo']);
    expect(summary.region?.overall?.median).toBe(50);
    expect(summary.byCategory.map((g) => g.group)).toEqual(['ch']);
    expect(summary.criticalGaps.gaps[0]?.itemId).toBe('care.d2.02');
  });

  it('benchmarks one establishment against its category, hiding groups too small to stay anonymous', () => {
    const benchmark = benchmarkOf(selected, selected[0]?.key ?? '', ['d1', 'd2'], 'category', 2);
    expect(benchmark?.groupCount).toBe(2);
    expect(benchmark?.overall.group?.median).toBe(50);
    expect(benchmark?.domains.map((d) => d.domainId)).toEqual(['d1', 'd2']);
    const charlie = selected.find((r) => r.name === 'Charlie');
    expect(benchmarkOf(selected, charlie?.key ?? '', ['d1'], 'category', 2)?.overall.group).toBeUndefined();
    expect(benchmarkOf(selected, 'nobody', [])).toBeUndefined();
  });
});

describe('ratios of sums', () => {
  const big = buildSubmission({
    establishment: { finessEj: ej1, department: '01' },
    content: {
      mfa: { sensitiveCount: 10, compliantCount: 9, users: 9000, usersWithTwoFactors: 8100 },
      budget: {
        year: 2025,
        inputs: { totalOperatingCharges: 900_000_000, itOperatingCharges: 18_000_000, cyberOperating: 1_800_000 },
        ratios: {},
      },
    },
  });
  const small = buildSubmission({
    establishment: { finessEj: ej3, department: '69' },
    content: {
      mfa: { sensitiveCount: 2, compliantCount: 0, users: 100, usersWithTwoFactors: 0 },
      budget: {
        year: 2025,
        inputs: { totalOperatingCharges: 5_000_000, itOperatingCharges: 50_000, cyberOperating: 0 },
        ratios: {},
      },
    },
  });
  const rows = consolidate([big, small]).rows;

  it('totals two-factor coverage as Σ users with two factors / Σ users, not a mean of shares', () => {
    const totals = totalMfa(rows);
    expect(totals).toMatchObject({ establishments: 2, sensitiveCount: 12, compliantCount: 9, users: 9100 });
    expect(totals.usersShare).toBeCloseTo(8100 / 9100);
    expect(totals.usersShare).not.toBeCloseTo((0.9 + 0) / 2);
    expect(totalMfaBy(rows, 'department').map((g) => g.group)).toEqual(['01', '69']);
  });

  it('aggregates the budgets with aggregateBudgets over the figures', () => {
    const region = summarizeBudgets(rows);
    expect(region).toMatchObject({ withBudget: 2, withFigures: 2 });
    expect(region.ratios).toEqual(
      aggregateBudgets(
        rows.map((r) => r.budget?.inputs ?? {}),
        defaultBudgetTargets,
      ),
    );
    expect(region.ratios.itShareOfOperating.value).toBeCloseTo(18_050_000 / 905_000_000);
    expect(listScatterPoints(rows).map((p) => [p.itShare, p.cyberShare])).toEqual([
      [0.02, 0.1],
      [0.01, 0],
    ]);
  });
});

describe('expected list', () => {
  it('reads the French header and its variants, restores a dropped leading zero and reports bad lines', () => {
    const list = readExpectedList([
      ['N° FINESS', 'Raison sociale', 'Catégorie', 'GHT', 'Département'],
      [ej1, 'CH de Bourg', 'CH', 'GHT Ain', '01'],
      [ej2.slice(1), 'Clinique', '', '', '01'],
      ['123', 'Faux', '', '', ''],
      [ej1, 'Doublon', '', '', ''],
      ['', '', '', '', ''],
    ]);
    expect(list.columns).toEqual(['finess', 'name', 'category', 'ghtName', 'department']);
    expect(list.entries.map((e) => [e.finess, e.name, e.category, e.line])).toEqual([
      [ej1, 'CH de Bourg', 'CH', 2],
      [ej2, 'Clinique', undefined, 3],
    ]);
    expect(list.issues.map((i) => [i.code, i.line])).toEqual([
      ['leading-zero-restored', 3],
      ['finess-invalid', 4],
      ['duplicate', 5],
    ]);
  });

  it('refuses a file without a FINESS column', () => {
    expect(readExpectedList([['nom'], ['CH']]).issues).toEqual([{ code: 'no-finess-column', line: 1 }]);
    expect(readExpectedList([]).issues[0]?.code).toBe('empty-file');
  });

  it('marks as missing an expected FINESS that no file carries, as EJ or as EG', () => {
    const eg = finessOf('01000020');
    const rows = consolidate([
      buildSubmission({ establishment: { finessEj: ej1 } }),
      buildSubmission({ establishment: { finessEj: ej2, finessEg: eg } }),
      buildSubmission({ establishment: { finessEj: ej3 } }),
    ]).rows;
    const match = matchExpected(rows, [{ finess: ej1 }, { finess: eg }, { finess: finessOf('01000099') }]);
    expect(match.submitted).toBe(2);
    expect(match.missing).toEqual([{ finess: finessOf('01000099') }]);
    expect(match.unexpected.map((r) => r.finessEj)).toEqual([ej3]);
  });
});

describe('consolidated CSV', () => {
  it('writes a BOM, semicolons, decimal commas, and neutralises formulas', () => {
    const rows = consolidate([
      withScores(buildSubmission({ establishment: { finessEj: ej1, name: '=HYPERLINK("http://x")' } }), 57.25, [12.5]),
    ]).rows;
    const text = serializeCsv(consolidatedCsvTable(rows));
    expect(text.startsWith('\uFEFFstatut;finess_ej;')).toBe(true);
    const [header, line] = parseCsv(text);
    expect(header).toContain('score_d1');
    expect(line?.[header?.indexOf('nom') ?? -1]).toBe('\'=HYPERLINK("http://x")');
    expect(line?.[header?.indexOf('score_global') ?? -1]).toBe('57,3');
    expect(line?.[header?.indexOf('score_d1') ?? -1]).toBe('12,5');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('appends the missing establishments of the expected list and flags the unexpected files', () => {
    const rows = consolidate([
      buildSubmission({ establishment: { finessEj: ej1 } }),
      buildSubmission({ establishment: { finessEj: ej3 } }),
    ]).rows;
    const expected = readExpectedList([
      ['finess', 'nom', 'departement'],
      [ej1, 'Un', '01'],
      [ej2, 'Deux', '01'],
    ]).entries;
    const table = consolidatedCsvTable(rows, { expected });
    expect(table.slice(1).map((l) => [l[0], l[1], l[3]])).toEqual([
      ['soumis', ej1, `Établissement ${ej1}`],
      ['hors_liste', ej3, `Établissement ${ej3}`],
      ['manquant', ej2, 'Deux'],
    ]);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
  });

  it('formats numbers for French spreadsheets', () => {
    expect([csvNumber(undefined), csvNumber(3), csvNumber(0.125, 2), csvNumber(-0.01), csvNumber(1 / 3, 2)]).toEqual([
      '',
      '3',
      '0,13',
      '0',
      '0,33',
    ]);
  });
});

describe('scatter geometry', () => {
  it('places every point inside the plot and draws the targets', () => {
    const points = [
      { key: 'a', name: 'A', category: 'ch' as const, itShare: 0.017, cyberShare: 0.04 },
      { key: 'b', name: 'B', category: 'ch' as const, itShare: 0.031, cyberShare: 0.12 },
    ];
    const g = scatterGeometry(
      points,
      { width: 600, height: 400, margin: { left: 60, right: 20, top: 20, bottom: 50 } },
      {
        itShare: 0.02,
        cyberShare: 0.1,
      },
    );
    for (const p of g.points) {
      expect(p.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(p.x).toBeLessThanOrEqual(g.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
    }
    expect(g.xTicks[0]?.at).toBe(60);
    expect(g.xMin).toBeLessThanOrEqual(0.017);
    expect(g.xMax).toBeGreaterThanOrEqual(0.031);
    expect(g.targetX).toBeDefined();
    expect(g.targetY).toBeDefined();
    expect(niceAxis([], undefined)).toEqual({ min: 0, max: 0.01, step: 0.002 });
  });

  it('starts an axis at 0 only when the data come near it', () => {
    // IT shares of 1.2 % to 2.45 % and a 2 % target: from 1 % to 2.5 %, not half the plot empty from 0.
    expect(niceAxis([0.012, 0.0245, 0.015], 0.02)).toEqual({ min: 0.01, max: 0.025, step: 0.005 });
    // Values from 0.1 % to 3 %: from 0.
    expect(niceAxis([0.001, 0.03], 0.02)).toEqual({ min: 0, max: 0.03, step: 0.01 });
    // A single value is shown from 0, not magnified.
    expect(niceAxis([0.05], undefined).min).toBe(0);
  });

  it('ticks on steps of 1, 2 or 5 × 10ⁿ, labelled without rounding (no « 13 % » for 12.5 %)', () => {
    // Cyber shares of 4.3 % to 12.3 % with a 10 % target: 4, 6, … 14 %, where 2.5 % steps printed « 13 % ».
    const axis = niceAxis([0.043, 0.123], 0.1);
    expect(axis).toEqual({ min: 0.04, max: 0.14, step: 0.02 });
    for (const values of [
      [0.0123, 0.0477],
      [0.2, 0.9],
      [0.0004, 0.0031],
      [0.07, 0.071, 0.3],
    ]) {
      const { min, max, step } = niceAxis(values, undefined);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContainEqual(Number(mantissa.toPrecision(6)));
      expect((max - min) / step).toBeLessThanOrEqual(5 + 1e-9);
      expect(min).toBeLessThanOrEqual(Math.min(...values));
      expect(max).toBeGreaterThanOrEqual(Math.max(...values));
    }
    expect(tickDecimals(0.02)).toBe(0);
    expect(tickDecimals(0.005)).toBe(1);
    expect(tickDecimals(0.0002)).toBe(2);
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with or without BOM, and Windows-1252 from French Excel', () => {
    const utf8 = new TextEncoder().encode('\uFEFFfiness;catégorie');
    expect(decodeCsvBytes(utf8)).toBe('finess;catégorie');
    expect(decodeCsvBytes(Uint8Array.from([0x63, 0x61, 0x74, 0xe9, 0x67]))).toBe('catég');
  });
});

describe('consolidated CSV in chunks', () => {
  it('gives the same text written a few records at a time as the whole table at once', () => {
    const rows = consolidate(
      Array.from({ length: 7 }, (_, i) => buildSubmission({ establishment: { finessEj: finessOf(`0100001${i}`) } })),
    ).rows;
    const records = [...consolidatedCsvRecords(rows)];
    let chunked = CSV_BOM;
    for (let i = 0; i < records.length; i += 3) chunked += serializeCsvRecords(records.slice(i, i + 3));
    expect(chunked).toBe(serializeCsv(consolidatedCsvTable(rows)));
  });
});
