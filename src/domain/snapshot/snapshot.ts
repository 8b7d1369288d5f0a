import canonicalize from 'canonicalize';
import { z } from 'zod';
import { actionRecordSchema } from '../actions/action-record';
import { applicationRecordSchema } from '../applications/application-record';
import { answerSchema } from '../assessment/answer';
import { assessmentSchema, type Assessment } from '../assessment/assessment';
import { budgetRecordSchema } from '../budget/budget-record';
import { audiencesOf, establishmentSchema } from '../establishment/establishment';
import { sha256Hex } from '../hash';
import type { Questionnaire } from '../questionnaire/questionnaire-schema';
import { isoDateOf } from '../scoring/iso-date';
import { scoreAssessment, type AssessmentScore, type ScoreSummary } from '../scoring/score-assessment';

/**
 * A snapshot: an assessment frozen as it stood at one moment (« Figer l'évaluation », issue 18), so that what was
 * declared, printed or sent to the auditor can be shown again exactly, while work goes on in the living assessment.
 *
 * It holds everything its report and its export file are made from, copied at freeze time: the answers, the evidence
 * manifest (name, type, size, SHA-256, document date; the bytes stay in the evidence store, kept there for as long as
 * a snapshot lists them: src/storage/snapshot-repository.ts), the scores computed by the app's scoring on that day,
 * the questionnaire id, version and content hash, the establishment as it was, its budgets, applications and actions.
 * The digest is the SHA-256 of the RFC 8785 canonical JSON of every other member (as an export's integrity digest,
 * docs/export-format.md), so a snapshot that changed after it was frozen no longer matches it.
 *
 * A snapshot is never edited: the repository has no update, only freeze, read and delete.
 */

const scoreFiguresSchema = z.object({
  score: z.number().optional(),
  earnedPoints: z.number(),
  possiblePoints: z.number(),
  applicable: z.number().int(),
  answered: z.number().int(),
  notApplicable: z.number().int(),
  unknown: z.number().int(),
  met: z.number().int(),
  completeness: z.number().optional(),
});

export const snapshotScoresSchema = z.object({
  /** The date the targets were read at: the freeze date. */
  asOf: z.iso.date(),
  overall: scoreFiguresSchema,
  domains: z.array(scoreFiguresSchema.extend({ domainId: z.string().min(1) })),
  /** Each scored item's value (0 to 1), for the before/after comparison; unanswered and N/A items are absent. */
  itemValues: z.record(z.string(), z.number()),
});
export type SnapshotScores = z.infer<typeof snapshotScoresSchema>;

export const snapshotEvidenceSchema = z.object({
  /** The id of the evidence row whose bytes this entry names: kept while a snapshot lists it. */
  id: z.string().min(1),
  itemId: z.string().min(1),
  name: z.string(),
  type: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  documentDate: z.iso.date().optional(),
  addedAt: z.number(),
});
export type SnapshotEvidence = z.infer<typeof snapshotEvidenceSchema>;

export const snapshotSchema = z.object({
  id: z.string().min(1),
  assessmentId: z.string().min(1),
  establishmentId: z.string().min(1),
  /** The name the user gave it (« Déclaration CaRE domaine 1 »), or the one proposed. */
  name: z.string().trim().min(1).max(200),
  frozenAt: z.number(),
  questionnaireId: z.string().min(1),
  questionnaireVersion: z.string().min(1),
  contentHash: assessmentSchema.shape.contentHash,
  campaignYear: assessmentSchema.shape.campaignYear,
  answers: z.record(z.string(), answerSchema),
  evidence: z.array(snapshotEvidenceSchema),
  /** The ids of `evidence`, in clear and indexed, so that a deletion can tell which evidence bytes a snapshot keeps. */
  evidenceIds: z.array(z.string().min(1)),
  scores: snapshotScoresSchema,
  establishment: establishmentSchema,
  budgets: z.array(budgetRecordSchema),
  applications: z.array(applicationRecordSchema),
  actions: z.array(actionRecordSchema),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** What a snapshot is frozen from: the living assessment and what its report and export read beside it. */
export interface SnapshotSource {
  assessment: Assessment;
  establishment: Snapshot['establishment'];
  budgets: Snapshot['budgets'];
  applications: Snapshot['applications'];
  actions: Snapshot['actions'];
  evidence: readonly (SnapshotEvidence & { assessmentId: string })[];
  /** The assessment scored by scoreAssessment on the freeze date. */
  score: AssessmentScore;
}

function figures(summary: ScoreSummary): z.infer<typeof scoreFiguresSchema> {
  const { score, completeness, ...counts } = summary;
  return {
    ...counts,
    ...(score === undefined ? {} : { score }),
    ...(completeness === undefined ? {} : { completeness }),
  };
}

/** The scores a snapshot keeps: overall, per domain and per item, as the app's scoring gave them. */
export function snapshotScoresOf(score: AssessmentScore): SnapshotScores {
  const itemValues: Record<string, number> = {};
  for (const item of score.items) if (item.value !== undefined) itemValues[item.itemId] = item.value;
  return {
    asOf: score.asOf,
    overall: figures(score.overall),
    domains: score.domains.map((d) => ({ domainId: d.domainId, ...figures(d) })),
    itemValues,
  };
}

/** SHA-256 (hex) of the canonical JSON of the snapshot without its digest. */
export async function snapshotDigest(snapshot: Omit<Snapshot, 'digest'> | Snapshot): Promise<string> {
  const { digest: _digest, ...content } = snapshot as Snapshot;
  const canonical = canonicalize(content);
  if (canonical === undefined) throw new Error('snapshot cannot be canonicalised');
  return sha256Hex(new TextEncoder().encode(canonical));
}

/** Whether a snapshot still matches its digest. */
export async function snapshotIsIntact(snapshot: Snapshot): Promise<boolean> {
  return (await snapshotDigest(snapshot)) === snapshot.digest;
}

/**
 * Freezes an assessment: a deep copy of what it and its report are made from (JSON clone: the records hold only
 * plain data), with its scores and digest. Pure but for the digest's hashing; `id` and `frozenAt` are arguments.
 */
export async function freezeSnapshot(
  source: SnapshotSource,
  options: { id: string; name: string; frozenAt: number },
): Promise<Snapshot> {
  const { assessment } = source;
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const evidence = source.evidence
    .filter((row) => row.assessmentId === assessment.id)
    .map(({ id, itemId, name, type, size, sha256, documentDate, addedAt }) => ({
      id,
      itemId,
      name,
      type,
      size,
      sha256,
      ...(documentDate ? { documentDate } : {}),
      addedAt,
    }))
    .sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
  const content: Omit<Snapshot, 'digest'> = {
    id: options.id,
    assessmentId: assessment.id,
    establishmentId: assessment.establishmentId,
    name: options.name.trim(),
    frozenAt: options.frozenAt,
    questionnaireId: assessment.questionnaireId,
    questionnaireVersion: assessment.questionnaireVersion,
    contentHash: assessment.contentHash,
    campaignYear: assessment.campaignYear,
    answers: copy(assessment.answers),
    evidence,
    evidenceIds: evidence.map((e) => e.id),
    scores: snapshotScoresOf(source.score),
    establishment: copy(source.establishment),
    budgets: copy(source.budgets),
    applications: copy(source.applications),
    actions: copy(source.actions),
  };
  return { ...content, digest: await snapshotDigest(content) };
}

/**
 * Freezes an assessment with the questionnaire it was answered against: scored by the app's scoring, targets read on
 * the freeze date, for the establishment's audiences (as the results screen scores it).
 */
export function freezeAssessment(
  source: Omit<SnapshotSource, 'score'>,
  questionnaire: Questionnaire,
  options: { id: string; name: string; frozenAt: number },
): Promise<Snapshot> {
  const { assessment, establishment } = source;
  if (questionnaire.id !== assessment.questionnaireId || questionnaire.version !== assessment.questionnaireVersion) {
    throw new Error(`questionnaire ${questionnaire.id} ${questionnaire.version} is not the assessment's`);
  }
  const score = scoreAssessment(
    questionnaire,
    assessment.answers,
    audiencesOf(establishment),
    isoDateOf(options.frozenAt),
  );
  return freezeSnapshot({ ...source, score }, options);
}

/**
 * The snapshot read as an assessment (same id as the living one, dated at its freeze), for the code that prints and
 * exports an assessment: the report and the export file of a snapshot are those of this assessment.
 */
export function assessmentOfSnapshot(snapshot: Snapshot): Assessment {
  return {
    id: snapshot.assessmentId,
    establishmentId: snapshot.establishmentId,
    questionnaireId: snapshot.questionnaireId,
    questionnaireVersion: snapshot.questionnaireVersion,
    contentHash: snapshot.contentHash,
    campaignYear: snapshot.campaignYear,
    answers: snapshot.answers,
    createdAt: snapshot.frozenAt,
    updatedAt: snapshot.frozenAt,
  };
}
