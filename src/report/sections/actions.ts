import { costAgainstGap, isOverdue } from '../../domain/actions/action-plan';
import type { ActionRecord } from '../../domain/actions/action-record';
import { nonBlank } from '../answer-text';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import { formatEuros, formatPercent, formatShortDate } from '../report-format';
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
    l.paragraph(`${t.completeness.omitted} ${t.completeness.omittedContent.actions}`);
    return;
  }
  if (a.lines.length === 0) {
    l.paragraph(t.actions.none);
    return;
  }
  const colon = language === 'fr' ? '\u00a0:' : ':';
  l.table({
    head: [t.actions.title, t.actions.item, t.actions.status, t.actions.owner, t.actions.due, t.actions.cost],
    widths: [70, 22, 20, 24, 19, 19],
    size: 7.5,
    body: a.lines.map((line) => [
      clean(
        [line.title, ...(line.description ? [`${t.actions.description}${colon} ${line.description}`] : [])].join('\n'),
      ),
      line.itemId ?? '',
      t.actionStatuses[line.status] + (line.overdue ? `\n${t.actions.overdue}` : ''),
      clean(line.owner ?? ''),
      line.dueDate ? formatShortDate(line.dueDate, language) : '',
      line.estimatedCost !== undefined ? formatEuros(line.estimatedCost, language) : '',
    ]),
  });
  l.paragraph(t.actions.openCost(formatEuros(a.openCost, language), a.openWithoutEstimate));
  if (a.costShareOfGap !== undefined && a.cyberGap !== undefined)
    l.paragraph(t.actions.againstGap(formatPercent(a.costShareOfGap, language, 0), formatEuros(a.cyberGap, language)));
}

export const actionsSection: ReportSection<'actions', ReportActions> = {
  key: 'actions',
  newPage: true,
  build: buildActionsSection,
  draw: drawActionsSection,
};
