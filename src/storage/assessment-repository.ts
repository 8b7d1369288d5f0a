import { newerAnswer, type Answer } from '../domain/assessment/answer';
import type { Assessment } from '../domain/assessment/assessment';
import type { CareDatabase } from './care-database';
import { StorageError, toStorageError } from './storage-error';

export interface NewAssessment {
  establishmentId: string;
  questionnaireId: string;
  questionnaireVersion: string;
  contentHash: string;
  campaignYear: number;
  /** Start from an earlier campaign: its answers, proposed "to review", and a link to it. */
  from?: { previous: Assessment; answers: Assessment['answers'] };
}

/** What became of a saved answer: stored, or left alone because a newer version (another tab) was there. */
export type SaveAnswerOutcome = 'saved' | 'kept-newer';

export class AssessmentRepository {
  constructor(private readonly db: CareDatabase) {}

  async get(id: string): Promise<Assessment | undefined> {
    return this.db.assessments.get(id);
  }

  async listByEstablishment(establishmentId: string): Promise<Assessment[]> {
    const rows = await this.db.assessments.where('establishmentId').equals(establishmentId).toArray();
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
    try {
      await this.db.transaction('rw', this.db.assessments, async () => {
        const existing = await this.db.assessments
          .where('[establishmentId+questionnaireId+campaignYear]')
          .equals([input.establishmentId, input.questionnaireId, input.campaignYear])
          .first();
        if (existing) throw new StorageError('assessment-exists', existing.id);
        await this.db.assessments.add(assessment);
      });
    } catch (error) {
      throw toStorageError(error);
    }
    return assessment;
  }

  /**
   * Stores one answer and resolves once the transaction has committed, so that "saved" is only ever shown for
   * data on disk. Read-modify-write in one transaction, rather than Dexie's update() with a key path, because item
   * ids contain dots, which update() would read as nesting. An answer older than the stored one (a second tab
   * that was behind) is not written.
   */
  async saveAnswer(assessmentId: string, itemId: string, answer: Answer): Promise<SaveAnswerOutcome> {
    this.db.assertWritable();
    try {
      return await this.db.transaction('rw', this.db.assessments, async () => {
        const assessment = await this.db.assessments.get(assessmentId);
        if (!assessment) throw new StorageError('not-found', assessmentId);
        const stored = assessment.answers[itemId];
        const kept = newerAnswer(stored, answer);
        if (kept !== answer) return 'kept-newer';
        assessment.answers = { ...assessment.answers, [itemId]: answer };
        assessment.updatedAt = Math.max(assessment.updatedAt, answer.updatedAt);
        await this.db.assessments.put(assessment);
        return 'saved';
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }
}

/** The latest earlier campaign of the same questionnaire for an establishment, to start a new one from. */
export async function findPreviousCampaign(
  repository: AssessmentRepository,
  establishmentId: string,
  questionnaireId: string,
  campaignYear: number,
): Promise<Assessment | undefined> {
  const all = await repository.listByEstablishment(establishmentId);
  return all
    .filter((a) => a.questionnaireId === questionnaireId && a.campaignYear < campaignYear)
    .sort((a, b) => b.campaignYear - a.campaignYear)[0];
}
