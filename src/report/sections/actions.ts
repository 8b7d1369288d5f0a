import { costAgainstGap, isOverdue } from '../../domain/actions/action-plan';
import type { ActionRecord } from '../../domain/actions/action-record';
import { nonBlank } from '../answer-text';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import { formatEuros, formatPercent, formatShortDate } from '../../texts/format';
import type { ReportSection } from './report-section';

/** The action plan, in plan order, with the cost of the open actions against the gap to the cybersecurity target. */

export interface ActionLine {
  title: string;
  itemId: string | undefined;
  status: ActionRecord['status'];
  owner: string | undefined;
  dueDate: string | undefined;
  estimatedCost: number | undefined;
  overdue: boolean;
  description: string | undefined;
}

export interface ReportActions {
  lines: ActionLine[];
  /** False when the sharing level of the source left the plan out. */
  known: boolean;
  openCost: number;
  openWithoutEstimate: number;
  costShareOfGap: number | undefined;
  cyberGap: number | undefined;
}

export function buildActionsSection({ input, actions, budget, omitted }: ReportContext): ReportActions {
  const cyberGap = budget.campaignYear?.ratios.gapToCyberTargetEur;
  return {
    known: !omitted.includes('actions'),
    lines: actions.sorted.map((a) => ({
      title: a.title,
      itemId: a.itemId,
      status: a.status,
      owner: nonBlank(a.owner),
      dueDate: a.dueDate,
      estimatedCost: a.estimatedCost,
      overdue: isOverdue(a, input.asOf),
      description: nonBlank(a.description),
    })),
    openCost: actions.open,
    openWithoutEstimate: actions.openWithoutEstimate,
    costShareOfGap: costAgainstGap(actions.open, cyberGap).share,
    cyberGap,
  };
}

export function drawActionsSection(l: Layout, a: ReportActions): void {
  const { t, language } = l;
  if (!a.known) {
    l.paragraph(`${t('report.completeness.omitted')} ${t('report.completeness.omittedContent.actions')}`);
    return;
  }
  if (a.lines.length === 0) {
    l.paragraph(t('report.actions.none'));
    return;
  }
  const colon = language === 'fr' ? '\u00a0:' : ':';
  l.table({
    head: [
      t('report.actions.title'),
      t('report.actions.item'),
      t('report.actions.status'),
      t('report.actions.owner'),
      t('report.actions.due'),
      t('report.actions.cost'),
    ],
    widths: [70, 22, 20, 24, 19, 19],
    size: 7.5,
    body: a.lines.map((line) => [
      clean(
        [
          line.title,
          ...(line.description ? [`${t('report.actions.description')}${colon} ${line.description}`] : []),
        ].join('\n'),
      ),
      line.itemId ?? '',
      t(`report.actionStatuses.${line.status}`) + (line.overdue ? `\n${t('report.actions.overdue')}` : ''),
      clean(line.owner ?? ''),
      line.dueDate ? formatShortDate(line.dueDate, language) : '',
      line.estimatedCost !== undefined ? formatEuros(line.estimatedCost, language) : '',
    ]),
  });
  const amount = formatEuros(a.openCost, language);
  l.paragraph(
    a.openWithoutEstimate > 0
      ? t('report.actions.openCostAtLeast', { amount, count: a.openWithoutEstimate })
      : t('report.actions.openCost', { amount }),
  );
  if (a.costShareOfGap !== undefined && a.cyberGap !== undefined)
    l.paragraph(
      t('report.actions.againstGap', {
        share: formatPercent(a.costShareOfGap, language, 0),
        gap: formatEuros(a.cyberGap, language),
      }),
    );
}

export const actionsSection: ReportSection<'actions', ReportActions> = {
  key: 'actions',
  start: 'flow',
  build: buildActionsSection,
  draw: drawActionsSection,
};
