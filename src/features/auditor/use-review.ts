import { useCallback, useEffect, useMemo, useRef } from 'react';
import { audiencesOf } from '../../domain/establishment/establishment';
import type { Questionnaire, QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import {
  lastExportedReview,
  type ExportedReview,
  type ReviewDraft,
  type ReviewMarkStatus,
} from '../../domain/review/review-draft';
import type { ExportEnvelope } from '../../exchange/export-format';
import type { SubmissionRow } from '../../storage/care-database';
import type { ReviewDraftSubject } from '../../storage/review-draft-repository';
import { findSubmissionByDigest } from '../../storage/submission-repository';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useQuestionnaire, useRepositories } from '../../storage/use-repositories';
import { useSaveStatus } from '../../components/save-status';

/**
 * What the auditor's review screen reads: the imported file (found by its digest), its questionnaire, the drafts of
 * its campaign (this file's, and any earlier one's review), and what changed since the last review written.
 */

/** A kept file as validated on import (migrated to the current export format: content.snapshot, reviewChanges). */
export type ReviewedFile = ExportEnvelope;

export interface ChangedItem {
  itemId: string;
  /** The mark the earlier review gave it. */
  previousMark: ReviewMarkStatus | undefined;
  /** Its answer in the reviewed file, when the earlier review kept it. */
  previousAnswer: unknown;
}

export interface ReviewModel {
  submission: SubmissionRow;
  file: ReviewedFile;
  questionnaire: Questionnaire;
  /** The items the establishment is asked (its audiences), in the questionnaire's order. */
  items: readonly QuestionnaireItem[];
  /** Whether the file carries answers (the auditor and full levels). */
  hasAnswers: boolean;
  subject: ReviewDraftSubject;
  draft: ReviewDraft | undefined;
  /** The last review written for an earlier file of this campaign. */
  previous: (ReviewDraft & { exported: ExportedReview }) | undefined;
  /** Items the earlier review marked whose answer changed since, in the questionnaire's order. */
  changed: readonly ChangedItem[];
}

export type ReviewScreenState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'questionnaire-missing'; file: ReviewedFile }
  | { status: 'ready'; model: ReviewModel };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The items of an earlier review whose answer changed: the file's own list (format 2, `content.reviewChanges`) when it
 * answers that review; otherwise worked out here from the answers the review kept (a version-1 file).
 */
function changedSince(
  file: ReviewedFile,
  previous: (ReviewDraft & { exported: ExportedReview }) | undefined,
  items: readonly QuestionnaireItem[],
): ChangedItem[] {
  if (!previous) return [];
  const listed = file.content.reviewChanges;
  const answers = file.content.answers ?? {};
  const ids = new Set(
    listed
      ? listed.changedItemIds
      : Object.keys(previous.exported.marks).filter(
          (id) => id in previous.exported.answers && !sameJson(previous.exported.answers[id], answers[id]),
        ),
  );
  return items
    .filter((item) => ids.has(item.id))
    .map((item) => ({
      itemId: item.id,
      previousMark: previous.exported.marks[item.id],
      previousAnswer: previous.exported.answers[item.id],
    }));
}

export function useReview(submissionDigest: string): ReviewScreenState {
  const db = useDatabase();
  const { reviewDrafts } = useRepositories();
  const submission = useLiveQuery(
    async () => (await findSubmissionByDigest(db, submissionDigest)) ?? null,
    [db, submissionDigest],
  );
  const file = submission ? (submission.document as ReviewedFile) : undefined;
  const questionnaire = useQuestionnaire(file?.content.questionnaire.id, file?.content.questionnaire.version);
  // The drafts of the file's campaign, tagged with the file they were read for: a live query keeps its last result
  // while it runs again, and the screen must never start from drafts read before the file was known (it reads the
  // stored draft once, when it opens).
  const drafts = useLiveQuery(
    async () =>
      submission
        ? {
            for: submission.id,
            list: await reviewDrafts.listByCampaign(
              submission.finess,
              submission.questionnaireId,
              submission.campaignYear,
            ),
          }
        : undefined,
    [reviewDrafts, submission?.id, submission?.finess, submission?.questionnaireId, submission?.campaignYear],
  );

  return useMemo((): ReviewScreenState => {
    if (submission === undefined) return { status: 'loading' };
    if (submission === null || !file) return { status: 'not-found' };
    if (questionnaire.status === 'loading' || drafts?.for !== submission.id) return { status: 'loading' };
    if (questionnaire.status === 'error') return { status: 'questionnaire-missing', file };
    const q = questionnaire.value.questionnaire;
    const audiences = new Set<string>(audiencesOf(file.establishment));
    const items = q.items.filter(
      (item) => item.appliesTo.some((a) => audiences.has(a)) || file.content.answers?.[item.id] !== undefined,
    );
    const draft = drafts.list.find((d) => d.id === submissionDigest);
    const previous = lastExportedReview(drafts.list.filter((d) => d.id !== submissionDigest));
    return {
      status: 'ready',
      model: {
        submission,
        file,
        questionnaire: q,
        items,
        hasAnswers: file.content.answers !== undefined,
        subject: {
          id: submissionDigest,
          finess: submission.finess,
          questionnaireId: file.content.questionnaire.id,
          questionnaireVersion: file.content.questionnaire.version,
          campaignYear: file.content.campaignYear,
          submissionExportedAt: file.exportedAt,
        },
        draft,
        previous,
        changed: changedSince(file, previous, items),
      },
    };
  }, [submission, file, questionnaire, drafts, submissionDigest]);
}

/**
 * Writes a change to the draft through the save status (« Enregistré » once committed). Changes are queued one after
 * the other: each is a read-modify-write of the same record, and running them in order keeps every one of them.
 */
export function useDraftWriter(subject: ReviewDraftSubject | undefined) {
  const { reviewDrafts } = useRepositories();
  const { save } = useSaveStatus();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // The subject is read when a write runs, so that the writer stays the same function while the model is read again
  // (a new subject object each time the drafts change): the items, memoised, then do not all render again.
  const current = useRef(subject);
  useEffect(() => {
    current.current = subject;
  }, [subject]);
  return useCallback(
    (key: string, change: (draft: ReviewDraft) => ReviewDraft) => {
      const target = current.current;
      if (!target) return Promise.resolve(undefined);
      const run = queue.current.catch(() => undefined).then(() => reviewDrafts.update(target, change));
      queue.current = run;
      return save(`review:${target.id}:${key}`, () => run);
    },
    [reviewDrafts, save],
  );
}
