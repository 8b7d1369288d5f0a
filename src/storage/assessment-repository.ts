import type { Answer } from '../domain/assessment/answer';
import { moveAnswers, previousCampaign, type Assessment, type VersionMove } from '../domain/assessment/assessment';
import type { ItemChange } from '../domain/questionnaire/compare-versions';
import type { CareDatabase } from './care-database';
import { StorageError, toStorageError } from './storage-error';
import type { StoredAnswer } from './vault/record-seal';
import { openRow, openRows, RecordChangedError, writeSealed } from './vault/sealed-io';
import { laterWrite } from '../domain/later-write';

export interface NewAssessment {
  establishmentId: string;
  questionnaireId: string;
  questionnaireVersion: string;
  contentHash: string;
  campaignYear: number;
  /** Start from an earlier campaign: its answers, proposed "to review", and a link to it. */
  from?: { previous: Assessment; answers: Assessment['answers'] };
}

/** The newer version of its questionnaire an assessment moves to (AssessmentRepository.moveToVersion). */
export interface VersionTarget {
  /** The version `changes` was worked out from: an assessment no longer on it (moved meanwhile) is left alone. */
  fromVersion: string;
  questionnaireVersion: string;
  contentHash: string;
  /** compareItemVersions(the version it was answered against, the newer one). */
  changes: ReadonlyMap<string, ItemChange>;
}

/** What became of a saved answer: stored, or left alone because a newer version (another tab) was there. */
export type SaveAnswerOutcome = 'saved' | 'kept-newer';

export class AssessmentRepository {
  constructor(private readonly db: CareDatabase) {}

  async get(id: string): Promise<Assessment | undefined> {
    return openRow(this.db, 'assessments', await this.db.assessments.get(id));
  }

  async listByEstablishment(establishmentId: string): Promise<Assessment[]> {
    const stored = await this.db.assessments.where('establishmentId').equals(establishmentId).toArray();
    const rows = await openRows(this.db, 'assessments', stored);
    return rows.sort((a, b) => b.campaignYear - a.campaignYear || a.questionnaireId.localeCompare(b.questionnaireId));
  }

  async create(input: NewAssessment, now: number = Date.now()): Promise<Assessment> {
    this.db.assertWritable();
    const assessment: Assessment = {
      id: crypto.randomUUID(),
      establishmentId: input.establishmentId,
      questionnaireId: input.questionnaireId,
      questionnaireVersion: input.questionnaireVersion,
      contentHash: input.contentHash,
      campaignYear: input.campaignYear,
      answers: input.from?.answers ?? {},
      ...(input.from
        ? {
            basedOn: {
              assessmentId: input.from.previous.id,
              campaignYear: input.from.previous.campaignYear,
              questionnaireVersion: input.from.previous.questionnaireVersion,
            },
          }
        : {}),
      createdAt: now,
      updatedAt: now,
    };
    await writeSealed(
      this.db,
      [this.db.assessments],
      (sealer) => sealer.record('assessments', assessment),
      async (stored) => {
        const existing = await this.db.assessments
          .where('[establishmentId+questionnaireId+campaignYear]')
          .equals([input.establishmentId, input.questionnaireId, input.campaignYear])
          .first();
        if (existing) throw new StorageError('assessment-exists', existing.id);
        await this.db.assessments.add(stored);
      },
    );
    return assessment;
  }

  /**
   * Moves an assessment to a newer version of its questionnaire, in place (same id, campaign and establishment, so
   * its evidence and actions stay attached): unchanged items keep their answers as they are, changed ones keep them
   * marked "to review", answers to items the newer version dropped go (moveAnswers). `basedOn` then names the version
   * it left, with `movedAt`, for the unchanged / changed / new marks. Refused if a write landed since it was read.
   */
  async moveToVersion(
    assessmentId: string,
    target: VersionTarget,
    now: number = Date.now(),
  ): Promise<{ assessment: Assessment; move: VersionMove }> {
    this.db.assertWritable();
    type Result = { assessment: Assessment; move: VersionMove };
    type Prepared = { result: Result; write?: { seen: { updatedAt: number; version: string }; stored: Assessment } };
    return writeSealed(
      this.db,
      [this.db.assessments],
      async (sealer): Promise<Prepared> => {
        const current = await this.get(assessmentId);
        if (!current) throw new StorageError('not-found', assessmentId);
        if (current.questionnaireVersion !== target.fromVersion) {
          // Another tab moved it first: applying these changes again would drop the answers given since.
          const kept = Object.keys(current.answers).length;
          return { result: { assessment: current, move: { answers: current.answers, kept, toReview: 0, dropped: 0 } } };
        }
        const move = moveAnswers(current.answers, target.changes, now);
        const assessment: Assessment = {
          ...current,
          questionnaireVersion: target.questionnaireVersion,
          contentHash: target.contentHash,
          answers: move.answers,
          basedOn: {
            assessmentId: current.id,
            campaignYear: current.campaignYear,
            questionnaireVersion: current.questionnaireVersion,
            movedAt: now,
          },
          updatedAt: Math.max(now, current.updatedAt + 1),
        };
        return {
          result: { assessment, move },
          write: {
            seen: { updatedAt: current.updatedAt, version: current.questionnaireVersion },
            stored: await sealer.record('assessments', assessment),
          },
        };
      },
      async ({ result, write }) => {
        if (!write) return result;
        const { seen, stored } = write;
        const row = await this.db.assessments.get(assessmentId);
        if (!row) throw new StorageError('not-found', assessmentId);
        if (row.updatedAt !== seen.updatedAt || row.questionnaireVersion !== seen.version) {
          throw new RecordChangedError();
        }
        await this.db.assessments.put(stored);
        return result;
      },
    );
  }

  /**
   * The mapping version of a framework the assessment reads (issue 17, « Versions »): the one it was first read
   * against, recorded now if it has none yet (`offered`), or `offered` in place of the old one when `move` is set
   * (the user moved it to a newer version). Not an answer: `updatedAt` is left as it is, so reading a framework never
   * makes an assessment look edited, nor wins over another tab's answer. The field is kept in clear with the lock on
   * (record-seal.ts), so the row is changed inside the transaction without opening anything.
   */
  async frameworkVersion(
    assessmentId: string,
    frameworkId: string,
    offered: string,
    options: { move?: boolean } = {},
  ): Promise<string> {
    const read = await this.db.assessments.get(assessmentId);
    if (!read) throw new StorageError('not-found', assessmentId);
    const current = read.frameworkVersions?.[frameworkId];
    if (current !== undefined && !options.move) return current;
    if (current === offered || this.db.access !== 'read-write') return current ?? offered;
    try {
      return await this.db.transaction('rw', this.db.assessments, async () => {
        const row = await this.db.assessments.get(assessmentId);
        if (!row) throw new StorageError('not-found', assessmentId);
        const kept = row.frameworkVersions?.[frameworkId];
        if (kept !== undefined && !options.move) return kept;
        row.frameworkVersions = { ...row.frameworkVersions, [frameworkId]: offered };
        await this.db.assessments.put(row);
        return offered;
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Stores one answer and resolves once the transaction has committed, so that "saved" is only ever shown for
   * data on disk. Read-modify-write in one transaction, rather than Dexie's update() with a key path, because item
   * ids contain dots, which update() would read as nesting. An answer older than the stored one (a second tab
   * that was behind) is not written.
   *
   * With the passphrase lock on, the answer is sealed before the transaction; inside it, only the answers' dates
   * (kept in clear for this) are compared, with the rule of laterWrite: the later wins, on a tie the one stored.
   */
  async saveAnswer(assessmentId: string, itemId: string, answer: Answer): Promise<SaveAnswerOutcome> {
    this.db.assertWritable();
    return writeSealed(
      this.db,
      [this.db.assessments],
      (sealer) => sealer.answer(assessmentId, itemId, answer),
      async (sealed) => {
        const assessment = await this.db.assessments.get(assessmentId);
        if (!assessment) throw new StorageError('not-found', assessmentId);
        const answers = assessment.answers as Record<string, StoredAnswer>;
        const stored = answers[itemId];
        if (laterWrite(stored, answer) !== answer) return 'kept-newer';
        const next = { ...answers, [itemId]: sealed };
        assessment.answers = next;
        assessment.updatedAt = Math.max(assessment.updatedAt, answer.updatedAt);
        await this.db.assessments.put(assessment);
        return 'saved';
      },
    );
  }
}

/** The latest earlier campaign of the same questionnaire for an establishment, to start a new one from. */
export async function findPreviousCampaign(
  repository: AssessmentRepository,
  establishmentId: string,
  questionnaireId: string,
  campaignYear: number,
): Promise<Assessment | undefined> {
  return previousCampaign(await repository.listByEstablishment(establishmentId), questionnaireId, campaignYear);
}
