import type { ContentRefusal } from './content-refusal';
import type { ExportEnvelope } from './export-format';

/**
 * The dates of a file (docs/export-format.md, "Checks of the content"). Of two files of one campaign the later
 * export is kept, so a file dated in the future would shadow every file sent after it: an export dated more than
 * {@link FUTURE_TOLERANCE_MS} after now is refused (the tolerance covers a computer's clock set a little ahead and
 * time zones). The other dates must agree with the export date, as the app writes them:
 *
 * - `content.scores.asOf` is the export's date (the app reads the targets on the day of the export): the date as
 *   the export time is written, or its date in UTC, which are the same for the app's files (written in UTC);
 * - `content.campaignYear` is at most the year after the export's year (the app opens the campaigns of last year,
 *   this year and next year; an old campaign may be exported any time later);
 * - `content.budget.year` is at most the campaign year (the app exports the campaign year's budget, else the latest
 *   earlier one);
 * - since version 2, `content.snapshot.frozenAt` is not after the export, nor `content.reviewChanges.reviewedAt` (the
 *   review answered an earlier export; the same 24 hours of tolerance, the review coming from another computer).
 */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export function checkDates(envelope: ExportEnvelope, now: number): ContentRefusal | undefined {
  const { exportedAt, content } = envelope;
  const exportedMs = Date.parse(exportedAt);
  if (!(exportedMs <= now + FUTURE_TOLERANCE_MS))
    return {
      code: 'future-date',
      path: ['exportedAt'],
      detail: `${exportedAt} is after ${new Date(now + FUTURE_TOLERANCE_MS).toISOString()} (now + 24 h)`,
    };
  const utcDate = new Date(exportedMs).toISOString().slice(0, 10);
  const writtenDate = exportedAt.slice(0, 10);
  if (content.scores.asOf !== writtenDate && content.scores.asOf !== utcDate)
    return {
      code: 'dates-disagree',
      path: ['content', 'scores', 'asOf'],
      detail: `${content.scores.asOf}, exported on ${writtenDate}`,
    };
  const exportYear = Number(writtenDate.slice(0, 4));
  if (content.campaignYear > exportYear + 1)
    return {
      code: 'dates-disagree',
      path: ['content', 'campaignYear'],
      detail: `campaign ${content.campaignYear}, exported in ${exportYear}`,
    };
  // Version 2: a snapshot is frozen, and a review written, before the export that names them.
  if (content.snapshot && !(Date.parse(content.snapshot.frozenAt) <= exportedMs))
    return {
      code: 'dates-disagree',
      path: ['content', 'snapshot', 'frozenAt'],
      detail: `frozen at ${content.snapshot.frozenAt}, exported at ${exportedAt}`,
    };
  if (content.reviewChanges && !(Date.parse(content.reviewChanges.reviewedAt) <= exportedMs + FUTURE_TOLERANCE_MS))
    return {
      code: 'dates-disagree',
      path: ['content', 'reviewChanges', 'reviewedAt'],
      detail: `reviewed at ${content.reviewChanges.reviewedAt}, exported at ${exportedAt}`,
    };
  if (content.budget && content.budget.year > content.campaignYear)
    return {
      code: 'dates-disagree',
      path: ['content', 'budget', 'year'],
      detail: `budget of ${content.budget.year}, campaign ${content.campaignYear}`,
    };
  return undefined;
}
