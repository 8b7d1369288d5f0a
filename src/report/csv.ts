import Papa from 'papaparse';
import { budgetFields, ratioNames } from '../domain/budget/budget-ratios';
import type { ReportModel } from './report-model';
import { reportTexts } from './report-texts';

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
export type CsvKind = (typeof csvKinds)[number];

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
  const t = reportTexts[language];
  const yesNo = (v: boolean) => (v ? t.csv.yes : t.csv.no);
  let fields: string[];
  let data: (string | number)[][];
  switch (kind) {
    case 'answers': {
      const h = t.csv.answers;
      fields = [
        h.itemId,
        h.domain,
        h.question,
        h.weight,
        h.basis,
        h.answer,
        h.comment,
        h.justification,
        h.toReview,
        h.evidence,
      ];
      data = model.annex.flatMap((group) =>
        group.entries.map((e) => [
          e.itemId,
          group.title,
          e.question,
          t.weights[e.weight],
          e.reference ?? t.gaps.inferred,
          e.answered ? e.answerText : t.answers.unanswered,
          e.comment ?? '',
          e.justification ?? '',
          yesNo(e.toReview),
          e.evidence
            .map((ev) => `${ev.name} (${ev.documentDate ?? t.annex.undated}, SHA-256 ${ev.sha256})`)
            .join(' | '),
        ]),
      );
      break;
    }
    case 'gaps': {
      const h = t.csv.gaps;
      fields = [
        h.rank,
        h.itemId,
        h.domain,
        h.question,
        h.weight,
        h.state,
        h.basis,
        h.due,
        h.urgency,
        h.evidence,
        h.comment,
      ];
      data = model.gaps.map((g) => [
        g.rank,
        g.itemId,
        g.domainTitle,
        g.question,
        t.weights[g.weight],
        g.answerText,
        g.reference ?? t.gaps.inferred,
        g.due ?? '',
        t.urgencies[g.urgency],
        g.evidenceExpected,
        g.comment ?? '',
      ]);
      break;
    }
    case 'actions': {
      const h = t.csv.actions;
      fields = [h.title, h.itemId, h.status, h.owner, h.dueDate, h.cost, h.overdue, h.description];
      data = model.actions.lines.map((a) => [
        a.title,
        a.itemId ?? '',
        t.actionStatuses[a.status],
        a.owner ?? '',
        a.dueDate ?? '',
        numberCell(a.estimatedCost, language),
        yesNo(a.overdue),
        a.description ?? '',
      ]);
      break;
    }
    case 'budget': {
      const h = t.csv.budget;
      fields = [h.year, h.field, h.value];
      data = model.budget.years.flatMap((y) => [
        ...budgetFields
          .filter((f) => y.inputs?.[f] !== undefined)
          .map((f) => [y.year, t.csv.budgetFields[f] ?? f, numberCell(y.inputs?.[f], language)]),
        ...ratioNames
          .filter((r) => y.ratios[r].value !== undefined)
          .map((r) => [y.year, t.csv.budgetFields[r] ?? r, numberCell(y.ratios[r].value, language)]),
        ...(['gapToItTargetEur', 'gapToCyberTargetEur'] as const)
          .filter((g) => y.ratios[g] !== undefined)
          .map((g) => [y.year, t.csv.budgetFields[g] ?? g, numberCell(y.ratios[g], language)]),
      ]);
      break;
    }
    case 'applications': {
      const h = t.csv.applications;
      fields = [
        h.name,
        h.kind,
        h.sensitive,
        h.means,
        h.users,
        h.twoFactor,
        h.homologation,
        h.targetDate,
        h.status,
        h.findings,
      ];
      data = model.applications.lines.map((a) => [
        a.name,
        t.applicationKinds[a.kind],
        yesNo(a.sensitive),
        a.authentication.map((m) => t.means[m]).join(', '),
        a.users ?? '',
        a.usersWithTwoFactors ?? '',
        t.homologation[a.homologation],
        a.targetDate ?? '',
        t.applicationStatuses[a.status],
        a.gaps.map((g) => t.rule2026Gaps[g]).join(' | '),
      ]);
      break;
    }
  }
  return { kind, fileName: csvFileName(model, kind), text: toCsv(fields, data), rows: data.length };
}
