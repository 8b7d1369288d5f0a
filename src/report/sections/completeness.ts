import { countContent, type ContentCounts } from '../../domain/results/content-counts';
import type { Layout } from '../pdf/layout';
import { COLORS } from '../pdf/page-geometry';
import type { ReportContext } from '../report-context';
import type { ReportSection } from './report-section';

/**
 * What the report holds and what it misses. Users of peer tools complain above all of reports that silently miss
 * content (peers.md §3 items 2–3: CISO Assistant #2097, CSET #1642); hence this block, which counts what the report
 * holds and lists what is missing, printed on the cover and on page 2 (peers.md §4 item 18), and shown by the report
 * screen before the PDF is made.
 */

/** What a sharing level below "full" leaves out of an export file, hence out of a report printed from it. */
export type OmittedContent =
  | 'comments'
  | 'justifications'
  | 'evidence'
  | 'application-names'
  | 'action-details'
  | 'answers'
  | 'applications'
  | 'actions'
  | 'budget-inputs';

export type MissingCode =
  | 'unanswered'
  | 'missing-justification'
  | 'to-review'
  | 'no-budget'
  | 'no-applications'
  | 'no-actions'
  | 'evidence-unknown-item';

export interface MissingEntry {
  code: MissingCode;
  count: number;
  /** The items concerned, for the app's links to the questions (empty for budget, applications, actions). */
  itemIds: string[];
  /** The domain of each item, in the same order (for links to the questionnaire page of that domain). */
  domainIds: string[];
}

export interface ReportCompleteness {
  /** Every applicable question answered, every "not applicable" justified, nothing left "to review". */
  complete: boolean;
  applicable: number;
  answered: number;
  /** What the report holds (the cover, page 2, the report screen and the command line print these). */
  counts: ContentCounts;
  missing: MissingEntry[];
  omittedBySharingLevel: OmittedContent[];
}

export function buildCompletenessSection(context: ReportContext): ReportCompleteness {
  const { input, answers, score, itemsById, omitted, overall } = context;
  const entries = context.annex.flatMap((g) => g.entries);
  const unanswered = score.items.filter((s) => s.outcome === 'unanswered');
  const missingJustification =
    input.sharingLevel === 'full' && answers
      ? entries.filter((e) => answers[e.itemId]?.response?.kind === 'not-applicable' && e.justification === undefined)
      : [];
  const toReview = entries.filter((e) => e.toReview);
  const unknownEvidence = input.evidence.filter((e) => !itemsById.has(e.itemId));
  const itemDomain = (id: string) => itemsById.get(id)?.domain ?? '';
  const missing: MissingEntry[] = [];
  const addMissing = (code: MissingCode, ids: string[], count = ids.length) => {
    if (count > 0) missing.push({ code, count, itemIds: ids, domainIds: ids.map(itemDomain) });
  };
  if (answers) {
    addMissing(
      'unanswered',
      unanswered.map((s) => s.itemId),
    );
    addMissing(
      'missing-justification',
      missingJustification.map((e) => e.itemId),
    );
    addMissing(
      'to-review',
      toReview.map((e) => e.itemId),
    );
  }
  if (!context.budget.campaignYear) addMissing('no-budget', [], 1);
  if (
    !omitted.includes('applications') &&
    input.establishment.sector === 'health' &&
    context.applications.mfa.sensitiveCount === 0
  )
    addMissing('no-applications', [], 1);
  if (!omitted.includes('actions') && input.actions.length === 0 && context.gaps.length > 0)
    addMissing('no-actions', [], 1);
  addMissing('evidence-unknown-item', [...new Set(unknownEvidence.map((e) => e.itemId))], unknownEvidence.length);

  return {
    complete:
      answers !== undefined
        ? unanswered.length === 0 && missingJustification.length === 0 && toReview.length === 0
        : (input.storedScores?.overall.completeness ?? 0) >= 1,
    applicable: overall.applicable,
    answered: overall.answered,
    counts: countContent(entries, {
      applicable: overall.applicable,
      actions: context.actions.sorted.length,
      applications: context.applications.records.length,
    }),
    missing,
    omittedBySharingLevel: omitted,
  };
}

/** « Évaluation complète » or « incomplète », in bold (red when incomplete). */
export function drawCompletenessVerdict(l: Layout, completeness: ReportCompleteness): void {
  const { t } = l;
  l.paragraph(completeness.complete ? t('report.completeness.complete') : t('report.completeness.incomplete'), {
    bold: true,
    color: completeness.complete ? COLORS.text : COLORS.draft,
  });
}

export function drawCompletenessSection(l: Layout, c: ReportCompleteness): void {
  const { t } = l;
  drawCompletenessVerdict(l, c);
  l.paragraph(t('report.completeness.counts', c.counts));
  if (c.missing.length === 0) l.paragraph(t('report.completeness.nothingMissing'));
  else
    l.bullets(
      c.missing.map((m) => {
        const label = t(`report.completeness.missing.${m.code}`, { count: m.count });
        return m.itemIds.length > 0
          ? `${label}${l.language === 'fr' ? '\u00a0:' : ':'} ${m.itemIds.join(', ')}`
          : label;
      }),
    );
  if (c.omittedBySharingLevel.length > 0) {
    l.paragraph(t('report.completeness.omitted'), { bold: true });
    l.bullets(c.omittedBySharingLevel.map((o) => t(`report.completeness.omittedContent.${o}`)));
  }
}

export const completenessSection: ReportSection<'completeness', ReportCompleteness> = {
  key: 'completeness',
  start: 'page-unless-room',
  build: buildCompletenessSection,
  draw: drawCompletenessSection,
};
