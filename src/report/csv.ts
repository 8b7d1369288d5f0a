import Papa from 'papaparse';
import { budgetFields, ratioNames } from '../domain/budget/budget-ratios';
import type { ReportModel } from './report-model';
import { createReportTranslator } from './report-translator';
import { displayName } from '../texts/format';

/**
 * The five CSV exports of an assessment (answers, gaps, action plan, budget, applications), made from the report
 * model so that a spreadsheet and the PDF never disagree. Shaped for French Excel, which is what establishments open
 * them with: semicolon-separated, CRLF line ends, UTF-8 with a byte-order mark (without it Excel reads the file as
 * Windows-1252 and breaks every accent), one header row.
 *
 * Formula injection (OWASP "CSV Injection"): papaparse's `escapeFormulae` prefixes a cell starting with = + - @, tab
 * or carriage return with a quote, so that a comment such as "=HYPERLINK(…)" stays text in a spreadsheet.
 * Numbers are written with a decimal comma in French, as Excel fr-FR reads them.
 */
export const csvKinds = ['answers', 'gaps', 'actions', 'budget', 'applications'] as const;
/**
 * Beside the five, the coverage of the frameworks whose annex the report prints (issue 17): one row per measure,
 * with the framework, the mapping version read, the measure's id, title, EE/EI tags, state and linked items. Offered
 * only when an annex is chosen.
 */
export type CsvKind = (typeof csvKinds)[number] | 'frameworks';

export interface CsvFile {
  kind: CsvKind;
  fileName: string;
  text: string;
  rows: number;
}

/**
 * The cells to neutralise: those starting with = + - @, tab or CR. papaparse's own pattern for `escapeFormulae: true`
 * is /^[=+\-@\t\r].*$/, whose `.*$` fails on a cell with a line break, so a multi-line comment starting with "="
 * would pass through unescaped (found by csv.test.ts); the start of the cell is all that matters.
 */
const formulaStart = /^[=+\-@\t\r]/;

function toCsv(fields: string[], data: (string | number)[][]): string {
  return `\ufeff${Papa.unparse({ fields, data }, { delimiter: ';', escapeFormulae: formulaStart, newline: '\r\n', quotes: false })}\r\n`;
}

function numberCell(value: number | undefined, language: ReportModel['language']): string {
  if (value === undefined) return '';
  const text = String(Math.round(value * 10000) / 10000);
  return language === 'fr' ? text.replace('.', ',') : text;
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'etablissement'
  );
}

export function csvFileName(model: ReportModel, kind: CsvKind): string {
  const e = model.meta.establishment;
  return `${slug(e.name)}-${e.finessEg ?? e.finessEj}-${model.meta.questionnaire.id}-${model.meta.campaignYear}-${kind}.csv`;
}

export function buildCsv(model: ReportModel, kind: CsvKind): CsvFile {
  const { language } = model;
  const t = createReportTranslator(language);
  const yesNo = (v: boolean) => (v ? t('report.csv.yes') : t('report.csv.no'));
  let fields: string[];
  let data: (string | number)[][];
  switch (kind) {
    case 'answers': {
      fields = (
        [
          'itemId',
          'domain',
          'question',
          'weight',
          'basis',
          'answer',
          'comment',
          'justification',
          'toReview',
          'evidence',
        ] as const
      ).map((column) => t(`report.csv.answers.${column}`));
      data = model.annex.flatMap((group) =>
        group.entries.map((e) => [
          e.itemId,
          group.title,
          e.question,
          t(`report.weights.${e.weight}`),
          e.reference ?? t('report.gaps.inferred'),
          e.answered ? e.answerText : t('report.answers.unanswered'),
          e.comment ?? '',
          e.justification ?? '',
          yesNo(e.toReview),
          e.evidence
            .map((ev) => `${ev.name} (${ev.documentDate ?? t('report.annex.undated')}, SHA-256 ${ev.sha256})`)
            .join(' | '),
        ]),
      );
      break;
    }
    case 'gaps': {
      fields = (
        [
          'rank',
          'itemId',
          'domain',
          'question',
          'weight',
          'state',
          'basis',
          'due',
          'urgency',
          'evidence',
          'comment',
        ] as const
      ).map((column) => t(`report.csv.gaps.${column}`));
      data = model.gaps.map((g) => [
        g.rank,
        g.itemId,
        g.domainTitle,
        g.question,
        t(`report.weights.${g.weight}`),
        g.answerText,
        g.reference ?? t('report.gaps.inferred'),
        g.due ?? '',
        t(`report.urgencies.${g.urgency}`),
        g.evidenceExpected,
        g.comment ?? '',
      ]);
      break;
    }
    case 'actions': {
      fields = (['title', 'itemId', 'status', 'owner', 'dueDate', 'cost', 'overdue', 'description'] as const).map(
        (column) => t(`report.csv.actions.${column}`),
      );
      data = model.actions.lines.map((a) => [
        a.title,
        a.itemId ?? '',
        t(`report.actionStatuses.${a.status}`),
        a.owner ?? '',
        a.dueDate ?? '',
        numberCell(a.estimatedCost, language),
        yesNo(a.overdue),
        a.description ?? '',
      ]);
      break;
    }
    case 'budget': {
      fields = (['year', 'field', 'value'] as const).map((column) => t(`report.csv.budget.${column}`));
      data = model.budget.years.flatMap((y) => [
        ...budgetFields
          .filter((f) => y.inputs?.[f] !== undefined)
          .map((f) => [y.year, t(`report.csv.budgetFields.${f}`), numberCell(y.inputs?.[f], language)]),
        ...ratioNames
          .filter((r) => y.ratios[r].value !== undefined)
          .map((r) => [y.year, t(`report.csv.budgetFields.${r}`), numberCell(y.ratios[r].value, language)]),
        ...(['gapToItTargetEur', 'gapToCyberTargetEur'] as const)
          .filter((g) => y.ratios[g] !== undefined)
          .map((g) => [y.year, t(`report.csv.budgetFields.${g}`), numberCell(y.ratios[g], language)]),
      ]);
      break;
    }
    case 'applications': {
      fields = (
        [
          'name',
          'kind',
          'sensitive',
          'means',
          'users',
          'twoFactor',
          'homologation',
          'targetDate',
          'status',
          'findings',
        ] as const
      ).map((column) => t(`report.csv.applications.${column}`));
      data = model.applications.lines.map((a) => [
        displayName(a.name),
        t(`report.applicationKinds.${a.kind}`),
        yesNo(a.sensitive),
        a.authentication.map((m) => t(`report.means.${m}`)).join(', '),
        a.users ?? '',
        a.usersWithTwoFactors ?? '',
        t(`report.homologation.${a.homologation}`),
        a.targetDate ?? '',
        t(`report.applicationStatuses.${a.status}`),
        a.gaps.map((g) => t(`report.rule2026Gaps.${g}`)).join(' | '),
      ]);
      break;
    }
    case 'frameworks': {
      fields = (['framework', 'version', 'measureId', 'title', 'entities', 'state', 'items'] as const).map((column) =>
        t(`report.csv.frameworks.${column}`),
      );
      data = model.frameworks.flatMap((annex) =>
        annex.measures.map((m) => [
          annex.shortTitle,
          annex.version,
          m.id,
          m.title,
          m.entities,
          annex.known ? t(`report.frameworks.states.${m.state}`) : '',
          m.items.join(' | '),
        ]),
      );
      break;
    }
  }
  return { kind, fileName: csvFileName(model, kind), text: toCsv(fields, data), rows: data.length };
}
