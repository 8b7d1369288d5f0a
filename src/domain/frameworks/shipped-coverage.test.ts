import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Response } from '../assessment/answer';
import type { Assessment } from '../assessment/assessment';
import { parseQuestionnaire } from '../questionnaire/parse-questionnaire';
import type { Audience, Questionnaire, QuestionnaireItem } from '../questionnaire/questionnaire-schema';
import { frameworkCoverage, type AnsweredAssessment } from './framework-coverage';
import { parseFrameworkMapping } from './framework-mapping-schema';
import type { FrameworkMapping } from './framework-types';

/**
 * The shipped mappings read against the shipped questionnaires (2026.2): what a hospital that answers everything at
 * best, or everything « non », sees on each framework. These are the figures the « Référentiels » view and the report
 * annex start from.
 */
const root = join(process.cwd(), 'questionnaires');
const asOf = '2026-12-01';

function questionnaire(id: string): Questionnaire {
  const parsed = parseQuestionnaire(JSON.parse(readFileSync(join(root, id, '2026.2.json'), 'utf8')), id);
  if (!parsed.ok) throw new Error(`${id} does not parse`);
  return parsed.questionnaire;
}

function mapping(path: string): FrameworkMapping {
  const parsed = parseFrameworkMapping(JSON.parse(readFileSync(join(root, 'mappings', path), 'utf8')), path);
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.mapping;
}

function best(item: QuestionnaireItem): Response {
  switch (item.answerType) {
    case 'choice':
      return { kind: 'choice', value: [...(item.choices ?? [])].sort((a, b) => b.score - a.score)[0]?.id ?? '' };
    case 'date':
      return { kind: 'date', value: asOf };
    case 'number':
    case 'percent': {
      const targets = item.targets ?? [];
      const atMost = targets.some((t) => t.comparator !== 'at-least');
      return { kind: 'number', value: atMost ? 0 : Math.max(...targets.map((t) => t.value)) };
    }
    default:
      return { kind: 'status', value: 'yes' };
  }
}

function worst(item: QuestionnaireItem): Response {
  switch (item.answerType) {
    case 'choice':
      return { kind: 'choice', value: [...(item.choices ?? [])].sort((a, b) => a.score - b.score)[0]?.id ?? '' };
    case 'date':
      return { kind: 'date', value: '2020-01-01' };
    case 'number':
    case 'percent': {
      const atMost = (item.targets ?? []).some((t) => t.comparator !== 'at-least');
      return { kind: 'number', value: atMost ? 1000 : 0 };
    }
    default:
      return { kind: 'status', value: 'no' };
  }
}

function answered(
  id: string,
  audiences: Audience[],
  respond: (item: QuestionnaireItem) => Response,
): AnsweredAssessment {
  const q = questionnaire(id);
  const answers: Assessment['answers'] = {};
  for (const item of q.items) answers[item.id] = { response: respond(item), updatedAt: 1 };
  return { questionnaire: q, answers, audiences };
}

const hospital = (respond: (item: QuestionnaireItem) => Response) => [
  answered('care', ['ES', 'GHT'], respond),
  answered('hospiconnect', ['ES', 'GHT'], respond),
];

describe('the shipped mappings read against the shipped questionnaires', () => {
  const recyf = mapping('recyf/2.5.json');
  const hygiene = mapping('anssi-hygiene/2017.json');

  it('meet every ReCyF measure a CaRE or HospiConnect item covers when a hospital answers everything at best', () => {
    const result = frameworkCoverage(recyf, hospital(best), { asOf, status: 'essential' });
    for (const m of result.measures) {
      const covering = m.measure.links.some((l) => l.strength === 'covers' && !l.item.startsWith('esms.'));
      if (covering) expect(m.state, m.measure.id).toBe('met');
      else if (m.state !== 'not-covered' && m.state !== 'not-assessed')
        expect(m.state, m.measure.id).toBe('partly-met');
    }
    expect(result.overall.counts['not-met']).toBe(0);
    expect(result.overall.counts['not-covered']).toBeGreaterThan(0);
  });

  it('meet no measure when every answer is the worst one', () => {
    for (const framework of [recyf, hygiene]) {
      const result = frameworkCoverage(framework, hospital(worst), { asOf, status: 'important' });
      expect(result.overall.counts.met, framework.framework).toBe(0);
      expect(result.overall.counts['partly-met'], framework.framework).toBe(0);
    }
  });

  it('read the ESMS path for a medico-social establishment', () => {
    const result = frameworkCoverage(hygiene, [answered('esms', ['ESMS'], best)], { asOf });
    expect(result.overall.counts.met).toBeGreaterThanOrEqual(5);
    expect(result.questionnaires).toEqual([{ id: 'esms', version: '2026.2' }]);
  });
});
