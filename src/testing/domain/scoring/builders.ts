import type { Answer, Response } from '../../../domain/assessment/answer';
import type { Assessment } from '../../../domain/assessment/assessment';
import type { Questionnaire, QuestionnaireItem } from '../../../domain/questionnaire/questionnaire-schema';

/**
 * Builders for test data of scoring, gaps and the action plan: a questionnaire item or a whole questionnaire with
 * only the fields a test cares about, the rest filled with valid defaults.
 */
const text = (fr: string, en = fr) => ({ fr, en });

export function buildItem(overrides: Partial<QuestionnaireItem> & Pick<QuestionnaireItem, 'id'>): QuestionnaireItem {
  return {
    domain: 'governance',
    question: text(`Question ${overrides.id} ?`, `Question ${overrides.id}?`),
    action: text(`Faire le point ${overrides.id}`, `Do point ${overrides.id}`),
    help: { meaning: text('Sens'), why: text('Raison') },
    evidence: text(`Preuve ${overrides.id}`, `Evidence ${overrides.id}`),
    answerType: 'status',
    weight: 'medium',
    appliesTo: ['ES', 'GHT', 'ESMS'],
    basis: { kind: 'inferred', rationale: text('Déduit'), confidence: 'secondary' },
    ...overrides,
  };
}

export function buildQuestionnaire(
  items: QuestionnaireItem[],
  domainIds: string[] = [...new Set(items.map((i) => i.domain))],
): Questionnaire {
  return {
    id: 'test',
    version: '2026.1',
    releasedAt: '2026-01-01',
    title: text('Questionnaire d’essai', 'Test questionnaire'),
    description: text('Essai', 'Test'),
    audience: ['ES', 'GHT', 'ESMS'],
    sources: [{ id: 'test', title: 'Test', reference: 'test', confidence: 'official' }],
    domains: domainIds.map((id) => ({ id, title: text(`Domaine ${id}`, `Domain ${id}`), description: text('D') })),
    items,
  };
}

export function answerOf(response: Response, updatedAt = 1): Answer {
  return { response, updatedAt };
}

export const yes: Response = { kind: 'status', value: 'yes' };
export const partial: Response = { kind: 'status', value: 'partial' };
export const no: Response = { kind: 'status', value: 'no' };
export const unknown: Response = { kind: 'unknown' };
export const notApplicable: Response = { kind: 'not-applicable', justification: 'Pas de GHT' };

export function answersOf(responses: Record<string, Response>): Assessment['answers'] {
  return Object.fromEntries(Object.entries(responses).map(([id, r]) => [id, answerOf(r)]));
}
