import { startTransition, useEffect, useMemo, useState } from 'react';
import { ActionRepository } from './action-repository';
import { ApplicationRepository } from './application-repository';
import type { Assessment } from '../domain/assessment/assessment';
import type { Establishment } from '../domain/establishment/establishment';
import { AssessmentRepository } from './assessment-repository';
import type { CareDatabase } from './care-database';
import { BudgetRepository } from './budget-repository';
import { EstablishmentRepository } from './establishment-repository';
import { EvidenceRepository } from './evidence-repository';
import { MetaRepository } from './meta-repository';
import { ReviewDraftRepository } from './review-draft-repository';
import {
  loadAllQuestionnaires,
  loadLatestQuestionnaires,
  loadQuestionnaire,
  type LoadedQuestionnaire,
} from './questionnaire-catalog';

import { useDatabase, useLiveQuery } from './use-database';
import { loadEvidenceRules } from './evidence-rules-catalog';
import type { EvidenceRules } from '../domain/evidence/evidence-validity';
import { openRows } from './vault/sealed-io';
import { ReviewExchangeRepository } from './review-exchange-repository';
import { readReceivedReview, type ReceivedReview } from '../domain/review/received-review';

/** React access to the repositories: features use these hooks and never Dexie itself. */

export interface Repositories {
  establishments: EstablishmentRepository;
  assessments: AssessmentRepository;
  evidence: EvidenceRepository;
  meta: MetaRepository;
  budgets: BudgetRepository;
  applications: ApplicationRepository;
  actions: ActionRepository;
  reviewDrafts: ReviewDraftRepository;
}

export function useRepositories(): Repositories {
  const db = useDatabase();
  return useMemo(
    () => ({
      establishments: new EstablishmentRepository(db),
      assessments: new AssessmentRepository(db),
      evidence: new EvidenceRepository(db),
      meta: new MetaRepository(db),
      budgets: new BudgetRepository(db),
      applications: new ApplicationRepository(db),
      actions: new ActionRepository(db),
      reviewDrafts: new ReviewDraftRepository(db),
    }),
    [db],
  );
}

/**
 * One assessment and its establishment, kept up to date: `undefined` while either is being read, `null` when the
 * assessment or its establishment does not exist (the screens then say « introuvable »).
 */
export function useAssessmentWithEstablishment(
  assessmentId: string,
): { assessment: Assessment; establishment: Establishment } | null | undefined {
  const { assessments, establishments } = useRepositories();
  const assessment = useLiveQuery(
    async () => (await assessments.get(assessmentId)) ?? null,
    [assessments, assessmentId],
  );
  // Until the assessment is read there is no establishment to look for: undefined (loading), not null (missing),
  // or the screens would say « not found » for a moment.
  const establishment = useLiveQuery(
    async () => (assessment ? ((await establishments.get(assessment.establishmentId)) ?? null) : undefined),
    [establishments, assessment?.establishmentId],
  );
  if (assessment === undefined || (assessment && establishment === undefined)) return undefined;
  if (assessment === null || !establishment) return null;
  return { assessment, establishment };
}

/**
 * The auditor's review last imported for an assessment (issue 18), as the answering screen, the gaps and the report
 * show it: `undefined` while it is read, `null` when there is none.
 */
export function useReceivedReview(assessmentId: string | undefined): ReceivedReview | null | undefined {
  const db = useDatabase();
  const reviews = useMemo(() => new ReviewExchangeRepository(db), [db]);
  return useLiveQuery(async () => {
    if (!assessmentId) return null;
    const row = await reviews.latestReview(assessmentId);
    return row ? (readReceivedReview(row.document) ?? null) : null;
  }, [reviews, assessmentId]);
}

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

const LOADING = { status: 'loading' } as const;

/**
 * The state of a promise made from inputs. The outcome of earlier inputs never shows for new ones: it reads as
 * loading until the new promise settles (a rejection for "no questionnaire yet", before the assessment had loaded,
 * showed the screens' "not found" or "questionnaire missing" for a moment).
 */
function usePromise<T>(factory: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [settled, setSettled] = useState<{ deps: readonly unknown[]; state: AsyncState<T> } | null>(null);
  useEffect(() => {
    let live = true;
    factory().then(
      // A transition, like the live queries' results (./use-live-query.ts says why).
      (value) => live && startTransition(() => setSettled({ deps, state: { status: 'ready', value } })),
      (error: unknown) => live && setSettled({ deps, state: { status: 'error', error } }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the inputs of its factory
  }, deps);
  const current =
    settled !== null && settled.deps.length === deps.length && settled.deps.every((d, i) => Object.is(d, deps[i]));
  return current ? settled.state : LOADING;
}

export function useQuestionnaire(id: string | undefined, version: string | undefined): AsyncState<LoadedQuestionnaire> {
  return usePromise(
    () => (id && version ? loadQuestionnaire(id, version) : Promise.reject(new Error('no questionnaire'))),
    [id, version],
  );
}

/** The evidence validity rules and expected proofs of a questionnaire version (issue 18): a small lazy file. */
export function useEvidenceRules(id: string | undefined, version: string | undefined): AsyncState<EvidenceRules> {
  return usePromise(
    () => (id && version ? loadEvidenceRules(id, version) : new Promise<never>(() => undefined)),
    [id, version],
  );
}

export function useLatestQuestionnaires(): AsyncState<LoadedQuestionnaire[]> {
  return usePromise(loadLatestQuestionnaires, []);
}

export function useAllQuestionnaires(): AsyncState<LoadedQuestionnaire[]> {
  return usePromise(loadAllQuestionnaires, []);
}

/**
 * The questionnaire versions some assessments were answered against, once the assessments are known (`undefined`
 * reads as loading). Only those are fetched and decoded, not every version shipped: on a phone each one is tens of
 * milliseconds of main-thread work (design §8). A version this build does not ship is left out: the screen says
 * that its questionnaire is missing.
 */
export function useQuestionnairesOf(
  assessments: readonly Pick<Assessment, 'questionnaireId' | 'questionnaireVersion'>[] | undefined,
): AsyncState<LoadedQuestionnaire[]> {
  // The versions wanted, as one string, so that the same list read again does not load again.
  const wanted = assessments
    ? JSON.stringify([...new Set(assessments.map((a) => `${a.questionnaireId}@${a.questionnaireVersion}`))].sort())
    : undefined;
  return usePromise(async () => {
    if (wanted === undefined) return new Promise<never>(() => undefined);
    const loaded = await Promise.allSettled(
      (JSON.parse(wanted) as string[]).map((key) => {
        const at = key.lastIndexOf('@');
        return loadQuestionnaire(key.slice(0, at), key.slice(at + 1));
      }),
    );
    return loaded.flatMap((l) => (l.status === 'fulfilled' ? [l.value] : []));
  }, [wanted]);
}

/** Submissions read per page: enough to keep the reads few, small enough to keep memory flat (design §8). */
const SUBMISSION_PAGE = 200;

/**
 * Every stored submission's document, handed over one at a time, never all in memory at once: the auditor's
 * consolidation of thousands of files reads them this way (design §8). They are read a page at a time rather than
 * through one cursor so that, with the passphrase lock on, each page is opened between reads (WebCrypto cannot run
 * inside the cursor's transaction).
 */
export async function forEachSubmissionDocument(db: CareDatabase, visit: (document: unknown) => void): Promise<void> {
  const ids = await db.submissions.toCollection().primaryKeys();
  for (let start = 0; start < ids.length; start += SUBMISSION_PAGE) {
    const page = await db.submissions.bulkGet(ids.slice(start, start + SUBMISSION_PAGE));
    const rows = await openRows(
      db,
      'submissions',
      page.filter((row) => row !== undefined),
    );
    for (const row of rows) visit(row.document);
  }
}
