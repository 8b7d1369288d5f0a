/**
 * The auditor's review of one imported submission while it is being written (issue 18; the file it becomes is
 * docs/review-format.md, `care-autodiag/review`): a mark per item (accepted, to complete, refused) with an optional
 * comment, and an overall opinion — the outcome, how far the self-assessment can be relied on, and why.
 *
 * A draft is keyed by the digest of the export file it answers (integrity.digest), the tie the review file carries,
 * and names that file's establishment, questionnaire and campaign, so that the dashboard can say where each
 * establishment's review stands. Once a review file is written the draft remembers it (`exported`), with the answers
 * the marked items had in the reviewed file: the establishment's next export names the reviewed items whose answer
 * changed since (content.reviewChanges), and the screen of that new submission shows the old answer beside the new
 * one even though the auditor's store keeps only the newest file of a campaign.
 *
 * Pure: no storage, no texts. The values are those of the review format (src/exchange/review-format.ts), written out
 * here because the domain imports no other layer.
 */
import { z } from 'zod';

export const reviewItemStatuses = ['accepted', 'to-complete', 'refused'] as const;
export type ReviewMarkStatus = (typeof reviewItemStatuses)[number];

export const reviewOutcomes = ['accepted', 'to-complete'] as const;
export type ReviewOpinionOutcome = (typeof reviewOutcomes)[number];

export const reviewReliances = ['high', 'moderate', 'low'] as const;
export type ReviewOpinionReliance = (typeof reviewReliances)[number];

/** The longest comment or reason the review format accepts. */
export const REVIEW_TEXT_MAX = 2000;
/** The longest reviewer name or organisation the review format accepts. */
export const REVIEWER_FIELD_MAX = 200;

export interface ReviewMark {
  status?: ReviewMarkStatus;
  comment?: string;
}

export interface ReviewOpinionDraft {
  outcome?: ReviewOpinionOutcome;
  reliance?: ReviewOpinionReliance;
  reason?: string;
}

export interface Reviewer {
  name: string;
  organisation: string;
}

/** An answer as the reviewed file gave it (the export format's answer: a response, a comment at the full level). */
export type ReviewedAnswer = unknown;

/** The review file last written from a draft. */
export interface ExportedReview {
  /** The review file's integrity digest (what the establishment's next export names in reviewChanges). */
  reviewDigest: string;
  reviewedAt: string;
  outcome: ReviewOpinionOutcome;
  reliance: ReviewOpinionReliance;
  /** The marks as written in the file. */
  marks: Readonly<Record<string, ReviewMarkStatus>>;
  /** The answers the marked items had in the reviewed file, by item id (absent at the statistics level). */
  answers: Readonly<Record<string, ReviewedAnswer>>;
}

export interface ReviewDraft {
  /** The reviewed export file's integrity digest. */
  id: string;
  finess: string;
  questionnaireId: string;
  questionnaireVersion: string;
  campaignYear: number;
  /** The reviewed file's export date. */
  submissionExportedAt: string;
  marks: Readonly<Record<string, ReviewMark>>;
  opinion: ReviewOpinionDraft;
  reviewer?: Reviewer;
  createdAt: number;
  updatedAt: number;
  exported?: ExportedReview;
}

/** What an opinion still lacks before a review file can be written, in the order the screen asks for it. */
export type MissingForExport = 'reviewer-name' | 'reviewer-organisation' | 'outcome' | 'reliance' | 'reason';

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

export function missingForExport(draft: Pick<ReviewDraft, 'opinion' | 'reviewer'>): MissingForExport[] {
  const missing: MissingForExport[] = [];
  if (blank(draft.reviewer?.name)) missing.push('reviewer-name');
  if (blank(draft.reviewer?.organisation)) missing.push('reviewer-organisation');
  if (!draft.opinion.outcome) missing.push('outcome');
  if (!draft.opinion.reliance) missing.push('reliance');
  if (blank(draft.opinion.reason)) missing.push('reason');
  return missing;
}

/** The marks a review file carries: marked items only, comments trimmed, blank comments left out. */
export function marksToWrite(
  marks: Readonly<Record<string, ReviewMark>>,
  itemOrder: readonly string[],
): { itemId: string; status: ReviewMarkStatus; comment?: string }[] {
  const order = new Map(itemOrder.map((id, index) => [id, index]));
  return Object.entries(marks)
    .flatMap(([itemId, mark]) => {
      if (!mark.status) return [];
      const comment = mark.comment?.trim();
      return [{ itemId, status: mark.status, ...(comment ? { comment } : {}) }];
    })
    .sort(
      (a, b) =>
        (order.get(a.itemId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.itemId) ?? Number.MAX_SAFE_INTEGER) ||
        a.itemId.localeCompare(b.itemId),
    );
}

/** Whether a draft holds anything the auditor wrote (a mark, a comment, part of the opinion). */
export function draftHasWork(draft: Pick<ReviewDraft, 'marks' | 'opinion'>): boolean {
  return (
    Object.values(draft.marks).some((mark) => mark.status !== undefined || !blank(mark.comment)) ||
    draft.opinion.outcome !== undefined ||
    draft.opinion.reliance !== undefined ||
    !blank(draft.opinion.reason)
  );
}

/**
 * Where an establishment's review stands, for one campaign: not reviewed; in review (a draft of the file kept, not
 * written yet); or the outcome of the last review written. `olderSubmission` says that the review written answered
 * an older file than the one kept now (a newer export arrived since).
 */
export type ReviewState = 'not-reviewed' | 'in-review' | 'accepted' | 'to-complete';

export interface ReviewStanding {
  state: ReviewState;
  olderSubmission: boolean;
  /** The draft of the file kept, when there is one (to open it). */
  currentDraft?: ReviewDraft;
  /** The last review written for this campaign, of any file. */
  lastExported?: ReviewDraft & { exported: ExportedReview };
}

export const reviewStates: readonly ReviewState[] = ['not-reviewed', 'in-review', 'accepted', 'to-complete'];

/** The key under which a campaign's drafts are grouped (FINESS | questionnaire | year). */
export function reviewCampaignKey(finess: string, questionnaireId: string, campaignYear: number): string {
  return `${finess}|${questionnaireId}|${campaignYear}`;
}

function isExported(draft: ReviewDraft): draft is ReviewDraft & { exported: ExportedReview } {
  return draft.exported !== undefined;
}

/** The last review written among a campaign's drafts (by its reviewedAt date), if any. */
export function lastExportedReview(
  drafts: readonly ReviewDraft[],
): (ReviewDraft & { exported: ExportedReview }) | undefined {
  let last: (ReviewDraft & { exported: ExportedReview }) | undefined;
  for (const draft of drafts.filter(isExported)) {
    if (!last || Date.parse(draft.exported.reviewedAt) > Date.parse(last.exported.reviewedAt)) last = draft;
  }
  return last;
}

/**
 * The standing of the file kept (`submissionDigest`) given the drafts of its campaign. A draft of that very file
 * that was written counts by its outcome (even if the auditor reopened it since); one not written yet is « in
 * review »; with no draft of it, a review written for an older file still gives the state, flagged as older.
 */
export function reviewStandingOf(submissionDigest: string, drafts: readonly ReviewDraft[]): ReviewStanding {
  const currentDraft = drafts.find((d) => d.id === submissionDigest);
  const lastExported = lastExportedReview(drafts);
  const base = {
    ...(currentDraft ? { currentDraft } : {}),
    ...(lastExported ? { lastExported } : {}),
  };
  if (currentDraft?.exported) return { state: currentDraft.exported.outcome, olderSubmission: false, ...base };
  if (currentDraft && draftHasWork(currentDraft)) return { state: 'in-review', olderSubmission: false, ...base };
  if (lastExported) return { state: lastExported.exported.outcome, olderSubmission: true, ...base };
  return { state: 'not-reviewed', olderSubmission: false, ...base };
}

/** The review standing of every row (by its FINESS, questionnaire, year and digest), from all the drafts. */
export function reviewStandings<Row extends { key: string; digest: string }>(
  rows: readonly Row[],
  drafts: readonly ReviewDraft[],
  campaignKeyOf: (row: Row) => string,
): Map<string, ReviewStanding> {
  const byCampaign = new Map<string, ReviewDraft[]>();
  for (const draft of drafts) {
    const key = reviewCampaignKey(draft.finess, draft.questionnaireId, draft.campaignYear);
    byCampaign.set(key, [...(byCampaign.get(key) ?? []), draft]);
  }
  return new Map(rows.map((row) => [row.key, reviewStandingOf(row.digest, byCampaign.get(campaignKeyOf(row)) ?? [])]));
}

const markSchema = z.object({ status: z.enum(reviewItemStatuses).optional(), comment: z.string().optional() });

/** A stored draft as a backup carries it (src/storage/backup.ts checks every row before restoring it). */
export const reviewDraftSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  finess: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.string(),
  campaignYear: z.number().int(),
  submissionExportedAt: z.string(),
  marks: z.record(z.string(), markSchema),
  opinion: z.object({
    outcome: z.enum(reviewOutcomes).optional(),
    reliance: z.enum(reviewReliances).optional(),
    reason: z.string().optional(),
  }),
  reviewer: z.object({ name: z.string(), organisation: z.string() }).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  exported: z
    .object({
      reviewDigest: z.string(),
      reviewedAt: z.string(),
      outcome: z.enum(reviewOutcomes),
      reliance: z.enum(reviewReliances),
      marks: z.record(z.string(), z.enum(reviewItemStatuses)),
      answers: z.record(z.string(), z.unknown()),
    })
    .optional(),
});
