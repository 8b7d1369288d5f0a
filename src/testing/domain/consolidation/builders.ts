import { luhnValid } from '../../../domain/establishment/finess';
import type { SubmissionInput } from '../../../domain/consolidation/submission-input';

/**
 * Builders for consolidation tests: a validated export file reduced to what the consolidation reads, with valid
 * defaults for everything a test does not care about.
 */

/** A FINESS number with a valid key from an eight-digit body (department first). */
export function finessOf(body: string): string {
  const key = [...Array(10).keys()].map(String).find((k) => luhnValid(body + k));
  return body + (key ?? '0');
}

type DeepPartialInput = Partial<Omit<SubmissionInput, 'establishment' | 'content'>> & {
  establishment?: Partial<SubmissionInput['establishment']>;
  content?: Partial<SubmissionInput['content']>;
};

export function buildSubmission(overrides: DeepPartialInput = {}): SubmissionInput {
  const finessEj = overrides.establishment?.finessEj ?? finessOf('01000001');
  return {
    exportedAt: '2026-03-01T10:00:00.000Z',
    sharingLevel: 'auditor',
    integrity: { digest: 'a'.repeat(64) },
    ...overrides,
    establishment: {
      finessEj,
      name: `Établissement ${finessEj}`,
      category: 'ch',
      sector: 'health',
      department: finessEj.slice(0, 2),
      isGhtSupport: false,
      ...overrides.establishment,
    },
    content: {
      questionnaire: { id: 'care', version: '2026.1' },
      campaignYear: 2026,
      scores: {
        asOf: '2026-03-01',
        overall: { score: 50, completeness: 1, answered: 10, applicable: 10, unknown: 1, notApplicable: 0 },
        domains: [
          { domainId: 'governance', score: 40 },
          { domainId: 'incidents', score: 60 },
        ],
      },
      criticalGaps: [],
      ...overrides.content,
    },
  };
}

/** A submission with the given overall and domain scores (domains named d1, d2…). */
export function withScores(base: SubmissionInput, overall: number | undefined, domains: (number | undefined)[]) {
  return {
    ...base,
    content: {
      ...base.content,
      scores: {
        ...base.content.scores,
        overall: { ...base.content.scores.overall, score: overall },
        domains: domains.map((score, i) => ({ domainId: `d${i + 1}`, score })),
      },
    },
  } satisfies SubmissionInput;
}
