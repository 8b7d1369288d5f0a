import { formatDate } from '../../texts/format';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import type { ReportSection } from './report-section';

/**
 * « Avis de l'auditeur » (issue 18): the opinion of the review the establishment imported for this assessment, and
 * each item it marked, with the auditor's comment. Printed only when a review was received (the report page passes
 * it as `ReportInput.review`); the reviewer's words come from a file and are printed as text.
 */
export interface ReviewSectionModel {
  intro: string;
  reason: string;
  marks: { itemId: string; question: string; status: string; comment: string }[];
}

export function buildReviewSection(context: ReportContext): ReviewSectionModel | undefined {
  const { input, language, itemsById, t } = context;
  const review = input.review;
  if (!review) return undefined;
  const order = [...itemsById.keys()];
  const marked = [...review.marks].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  return {
    intro: t('review.report.intro', {
      name: review.reviewer.name,
      organisation: review.reviewer.organisation,
      date: formatDate(review.reviewedAt.slice(0, 10), language),
      outcome: t(`review.outcome.${review.opinion.outcome}`),
      reliance: t(`review.reliance.${review.opinion.reliance}`),
    }),
    reason: t('review.report.reason', { reason: review.opinion.reason }),
    marks: marked.map(([itemId, mark]) => ({
      itemId,
      question: itemsById.get(itemId)?.question[language] ?? itemId,
      status: t(`review.status.${mark.status}`),
      comment: mark.comment ?? '',
    })),
  };
}

export function drawReviewSection(l: Layout, model: ReviewSectionModel | undefined): void {
  if (!model) return;
  const { t } = l;
  l.paragraph(clean(model.intro));
  l.paragraph(clean(model.reason), { keepWithNext: model.marks.length > 0 });
  if (model.marks.length === 0) {
    l.paragraph(t('review.report.none'));
    return;
  }
  l.table({
    head: [t('report.annex.item'), t('review.report.question'), t('review.report.mark'), t('review.report.comment')],
    widths: [26, 70, 24, 54],
    size: 8,
    body: model.marks.map((mark) => [mark.itemId, clean(mark.question), mark.status, clean(mark.comment)]),
  });
}

export const reviewSection: ReportSection<'review', ReviewSectionModel | undefined> = {
  key: 'review',
  start: 'page-unless-room',
  build: buildReviewSection,
  draw: drawReviewSection,
  printed: (model) => model !== undefined,
};
