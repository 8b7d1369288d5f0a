import type { RowInput } from 'jspdf-autotable';
import type { ConsolidatedRow, Consolidation } from '../../domain/consolidation/consolidate';
import { benchmarkOf, listDomainIds, listSelections, selectRows } from '../../domain/consolidation/regional-views';
import type { RenderedReport } from '../pdf/layout';
import { drawFooters } from '../pdf/page-furniture';
import { numericColumns } from '../pdf/page-geometry';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import { formatDate } from '../../texts/format';
import { drawTitle, numberCell, setUpRegionalPage, type BenchmarkPdfOptions } from './regional-page';

/**
 * The auditor's benchmark report of one establishment (issue 8): its scores beside the median and quartiles of its
 * category in the region. No other establishment is ever named in it: only distributions of groups of at least three
 * (MINIMUM_BENCHMARK_GROUP, src/domain/consolidation/regional-views.ts). Rendered from a finished consolidation; fonts
 * are handed in, bytes handed back.
 */

/** The paragraphs of regional.benchmark.guide, in the order they are printed. */
const guide = ['median', 'quartiles', 'anonymity'] as const;

/** Whether a row is the establishment of this FINESS (geographic or legal). */
const isEstablishment = (row: ConsolidatedRow, finess: string) => row.finessEg === finess || row.finessEj === finess;

export function renderBenchmarkPdf(
  consolidation: Consolidation,
  finess: string,
  options: BenchmarkPdfOptions,
): RenderedReport {
  const page = setUpRegionalPage(options);
  const { l, language, asOf, t, none, n, questionnaireTitle, domainTitle, domainOrder } = page;
  const own = consolidation.rows.filter((row) => isEstablishment(row, finess));
  const selection = options.selection ?? listSelections(own)[0];
  const rows = selection ? selectRows(consolidation.rows, selection) : [];
  const row = rows.find((candidate) => isEstablishment(candidate, finess));
  if (!selection || !row) throw new Error(t('regional.benchmark.notFound', { finess }));
  const qid = selection.questionnaireId;
  const domainIds = listDomainIds(rows, domainOrder(qid));
  const benchmark = benchmarkOf(rows, row.key, domainIds, 'category');
  if (!benchmark) throw new Error(t('regional.benchmark.notFound', { finess }));
  const categoryLabel = t(`report.categories.${row.category}`);

  l.doc.setDocumentProperties({
    title: clean(
      `${t('regional.benchmarkTitle')} — ${row.name} — ${questionnaireTitle(qid)} ${selection.campaignYear}`,
    ),
    creator: 'Autodiag CaRE',
  });
  drawTitle(l, t('regional.benchmarkTitle'));
  l.font('bold', 15);
  l.titleLines(row.name, 15);
  l.y += 4;
  l.pairs(
    [
      [t('report.cover.finessEj'), row.finessEj],
      ...(row.finessEg ? [[t('report.cover.finessEg'), row.finessEg] as [string, string]] : []),
      [t('regional.benchmark.category'), categoryLabel],
      ...(options.region ? [[t('regional.cover.region'), options.region] as [string, string]] : []),
      [t('regional.cover.questionnaire'), questionnaireTitle(qid)],
      [t('regional.cover.campaign'), String(selection.campaignYear)],
      [t('regional.cover.date'), formatDate(asOf, language)],
    ],
    9.5,
    58,
  );
  // Its own figures as the establishment declared them (statistics level): said before they are compared.
  if (row.declared) l.paragraph(t('regional.declared.own'), { bold: true });
  l.paragraph(t('regional.benchmark.group', { number: n(benchmark.groupCount) }));
  l.paragraph(t('regional.benchmark.region', { number: n(benchmark.regionCount) }));

  l.chapter(t('regional.benchmark.scoresTitle'));
  const widths = [62, 22, 30, 34, 26];
  const ownScore = (b: typeof benchmark.overall) =>
    row.declared ? `${numberCell(b.score, page)} (${t('regional.declared.mark')})` : numberCell(b.score, page);
  const line = (label: string, b: typeof benchmark.overall): RowInput => [
    clean(label),
    ownScore(b),
    b.group ? numberCell(b.group.median, page, 1) : t('regional.benchmark.tooSmall'),
    b.group ? `${numberCell(b.group.q1, page, 1)} – ${numberCell(b.group.q3, page, 1)}` : none,
    b.region ? numberCell(b.region.median, page, 1) : t('regional.benchmark.tooSmall'),
  ];
  l.table({
    head: [
      t('regional.benchmark.domain'),
      t('regional.benchmark.own'),
      `${t('regional.benchmark.categoryMedian')} (${categoryLabel})`,
      t('regional.benchmark.categoryQuartiles'),
      t('regional.benchmark.regionMedian'),
    ],
    widths,
    body: [
      line(t('regional.distributions.overall'), benchmark.overall),
      ...benchmark.domains.map((d) => line(domainTitle(qid, d.domainId ?? ''), d)),
    ],
    extra: { columnStyles: numericColumns(widths, 1) },
  });

  l.heading(t('regional.benchmark.guideTitle'), 2);
  for (const p of guide) l.paragraph(t(`regional.benchmark.guide.${p}`));

  drawFooters(l, `${t('regional.benchmarkTitle')} — ${row.name}`);
  return l.output();
}
