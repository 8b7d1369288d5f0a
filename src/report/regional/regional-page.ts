import type { ConsolidatedRow } from '../../domain/consolidation/consolidate';
import type { RowFilters, Selection } from '../../domain/consolidation/regional-views';
import { establishmentCategories, type EstablishmentCategory } from '../../domain/establishment/establishment';
import type { Language } from '../../domain/localized-text';
import { Layout } from '../pdf/layout';
import { COLORS } from '../pdf/page-geometry';
import type { ReportFonts } from '../pdf/report-fonts';
import { formatNumber, formatPercent } from '../../texts/format';
import type { Translate } from '../../texts/translator';
import { createReportTranslator } from '../report-translator';

/**
 * What the auditor's two PDFs (render-regional.ts, render-benchmark.ts) share: their options, the page set up with the
 * gap-analysis report's layout (src/report/pdf/layout.ts: same fonts, tables, footer "page n / N"), the cover title
 * and the number cells.
 */

export interface ExpectedForReport {
  finess: string;
  name?: string | undefined;
  department?: string | undefined;
}

export interface RegionalPdfOptions {
  fonts: ReportFonts;
  language?: Language;
  /** The region's name, printed on the cover when given. */
  region?: string;
  /** ISO date printed on the cover (default: today, UTC). */
  asOf?: string;
  /** The questionnaire × campaign pairs to print (default: every pair present, latest campaign first). */
  selections?: readonly Selection[];
  filters?: RowFilters;
  /** The list of expected establishments, when the auditor gave one. */
  expected?: readonly ExpectedForReport[];
  questionnaireTitle?: (questionnaireId: string) => string;
  domainTitle?: (questionnaireId: string, domainId: string) => string;
  /** A domain's short label (the heat map's legend), its title when not given. */
  domainShortTitle?: (questionnaireId: string, domainId: string) => string;
  domainOrder?: (questionnaireId: string) => readonly string[];
  /** The question of an item, printed beside its id when known. */
  question?: (itemId: string) => string | undefined;
  criticalGapLimit?: number;
}

export type BenchmarkPdfOptions = Omit<
  RegionalPdfOptions,
  'selections' | 'filters' | 'expected' | 'criticalGapLimit'
> & {
  /** The questionnaire × campaign to compare in (default: the latest one the establishment submitted). */
  selection?: Selection;
};

export interface RegionalPage {
  l: Layout;
  language: Language;
  asOf: string;
  /** The texts of the PDF's language (src/texts/locales/<language>/regional.json and report.json). */
  t: Translate;
  none: string;
  /** A count, formatted. */
  n: (value: number) => string;
  questionnaireTitle: (questionnaireId: string) => string;
  domainTitle: (questionnaireId: string, domainId: string) => string;
  domainShortTitle: (questionnaireId: string, domainId: string) => string;
  domainOrder: (questionnaireId: string) => readonly string[];
}

const today = () => new Date().toISOString().slice(0, 10);

export function setUpRegionalPage(options: RegionalPdfOptions | BenchmarkPdfOptions): RegionalPage {
  const language = options.language ?? 'fr';
  const t = createReportTranslator(language);
  const l = new Layout(t, language, options.fonts);
  const asOf = options.asOf ?? today();
  l.doc.setCreationDate(new Date(`${asOf}T00:00:00Z`));
  return {
    l,
    language,
    asOf,
    t,
    none: t('regional.none'),
    n: (value: number) => formatNumber(value, language, 2),
    questionnaireTitle: options.questionnaireTitle ?? ((id: string) => id),
    domainTitle: options.domainTitle ?? ((_: string, id: string) => id),
    domainShortTitle: options.domainShortTitle ?? options.domainTitle ?? ((_: string, id: string) => id),
    domainOrder: options.domainOrder ?? (() => []),
  };
}

/** The title of the cover. */
export function drawTitle(l: Layout, text: string): void {
  l.y = 36;
  l.font('bold', 20, COLORS.accent);
  l.titleLines(text, 20);
  l.y += 6;
  l.font('normal', 9);
}

export function numberCell(value: number | undefined, page: RegionalPage, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? page.none : formatNumber(value, page.language, digits);
}

export function shareCell(value: number | undefined, page: RegionalPage, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? page.none : formatPercent(value, page.language, digits);
}

/** The name of an establishment category; a category this version does not know is printed as it is. */
export function categoryLabel(page: RegionalPage, category: string): string {
  return establishmentCategories.includes(category as EstablishmentCategory)
    ? page.l.t(`report.categories.${category as EstablishmentCategory}`)
    : category;
}

export function finessOf(row: ConsolidatedRow): string {
  return row.finessEg ?? row.finessEj;
}
