import type { ApplicationRecord } from '../domain/applications/application-record';
import { computeMfaCompliance } from '../domain/applications/mfa-compliance';
import type { Assessment } from '../domain/assessment/assessment';
import { computeBudgetRatios, defaultBudgetTargets, ratioNames } from '../domain/budget/budget-ratios';
import type { Audience } from '../domain/questionnaire/questionnaire-schema';
import { listGaps } from '../domain/results/list-gaps';
import { scoreAssessment, type ScoreSummary } from '../domain/scoring/score-assessment';
import type { ContentRefusal } from './content-refusal';
import type { ExportApplication, ExportContent, ExportMfa, ExportScores } from './export-format';
import type { QuestionnaireIndex } from './shipped-questionnaires';

/**
 * Every figure of a file that its own content can give is recomputed with the app's own functions — the scoring
 * (scoreAssessment), the gap list (listGaps), the budget ratios (computeBudgetRatios) and the HospiConnect counts
 * (computeMfaCompliance), the very ones build-export.ts uses — and the file is refused, the figure named, when one
 * differs beyond rounding (docs/export-format.md, "What is recomputed, what is declared").
 *
 * Without answers (the statistics level) the scores cannot be recomputed: the domains and their counts of
 * applicable items still can (they depend only on the questionnaire and the profile), and the other figures must at
 * least agree with each other (a completeness that is answered / applicable, counts that add up, an overall score
 * between the domains' scores, no more compliant applications than sensitive ones…). What stays is declared
 * (declared-figures.ts).
 */

/** Two figures are the same when they differ by no more than floating-point rounding. */
export function sameFigure(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const show = (value: unknown) => (value === undefined ? 'absent' : JSON.stringify(value));

function mismatch(path: (string | number)[], declared: unknown, recomputed: unknown): ContentRefusal {
  return {
    code: 'figure-mismatch',
    path,
    detail: `the file says ${show(declared)}, its content gives ${show(recomputed)}`,
  };
}

function inconsistent(path: (string | number)[], detail: string): ContentRefusal {
  return { code: 'figure-mismatch', path, detail };
}

type Summary = ExportScores['overall'];
const summaryFields = ['score', 'completeness', 'answered', 'applicable', 'unknown', 'notApplicable'] as const;

function compareSummary(
  declared: Summary,
  recomputed: ScoreSummary,
  at: (string | number)[],
  fields: readonly (typeof summaryFields)[number][] = summaryFields,
): ContentRefusal | undefined {
  for (const field of fields) {
    if (!sameFigure(declared[field], recomputed[field]))
      return mismatch([...at, field], declared[field], recomputed[field]);
  }
  return undefined;
}

/** The domains of a score and their counts of applicable items: the same at every level. */
function compareDomains(
  scores: ExportScores,
  recomputed: ReturnType<typeof scoreAssessment>,
  fields: readonly (typeof summaryFields)[number][],
): ContentRefusal | undefined {
  const overall = compareSummary(scores.overall, recomputed.overall, ['content', 'scores', 'overall'], fields);
  if (overall) return overall;
  const count = Math.max(scores.domains.length, recomputed.domains.length);
  for (let i = 0; i < count; i += 1) {
    const declared = scores.domains[i];
    const expected = recomputed.domains[i];
    const at = ['content', 'scores', 'domains', i];
    if (!declared || !expected || declared.domainId !== expected.domainId)
      return mismatch(
        declared ? [...at, 'domainId'] : ['content', 'scores', 'domains'],
        declared?.domainId,
        expected?.domainId,
      );
    const domain = compareSummary(declared, expected, at, fields);
    if (domain) return domain;
  }
  return undefined;
}

/** Figures that must agree with each other when the scores are declared (no answers to recompute them from). */
function checkDeclaredSummary(summary: Summary, at: (string | number)[]): ContentRefusal | undefined {
  const { answered, applicable, unknown, notApplicable, completeness, score } = summary;
  if (answered > applicable)
    return inconsistent([...at, 'answered'], `${answered} answered of ${applicable} applicable items`);
  if (unknown + notApplicable > answered)
    return inconsistent(
      [...at, 'unknown'],
      `${unknown} "don't know" and ${notApplicable} "not applicable" among ${answered} answers`,
    );
  const expectedCompleteness = applicable > 0 ? answered / applicable : undefined;
  if (!sameFigure(completeness, expectedCompleteness))
    return mismatch([...at, 'completeness'], completeness, expectedCompleteness);
  // A score exists when an item has a value: answered, and neither "not applicable" (out) nor unanswered.
  const counted = answered - notApplicable > 0;
  if ((score !== undefined) !== counted)
    return inconsistent([...at, 'score'], counted ? 'absent although items count' : 'given although no item counts');
  return undefined;
}

function checkDeclaredScores(scores: ExportScores): ContentRefusal | undefined {
  const overallAt = ['content', 'scores', 'overall'];
  const overall = checkDeclaredSummary(scores.overall, overallAt);
  if (overall) return overall;
  for (const [i, domain] of scores.domains.entries()) {
    const problem = checkDeclaredSummary(domain, ['content', 'scores', 'domains', i]);
    if (problem) return problem;
  }
  for (const field of ['answered', 'unknown', 'notApplicable'] as const) {
    const sum = scores.domains.reduce((total, d) => total + d[field], 0);
    if (sum !== scores.overall[field])
      return inconsistent([...overallAt, field], `${scores.overall[field]}, the domains add up to ${sum}`);
  }
  // The overall score is a weighted mean of the items, hence of the domains: it lies between their scores.
  const domainScores = scores.domains.map((d) => d.score).filter((s): s is number => s !== undefined);
  const { score } = scores.overall;
  if (score !== undefined && domainScores.length > 0) {
    const low = Math.min(...domainScores);
    const high = Math.max(...domainScores);
    if ((score < low && !sameFigure(score, low)) || (score > high && !sameFigure(score, high)))
      return inconsistent([...overallAt, 'score'], `${score}, not between the domains' ${low} and ${high}`);
  }
  return undefined;
}

/** An exported application as the MFA computation reads it (the name is absent below the full level). */
function asApplicationRecord(app: ExportApplication, index: number): ApplicationRecord {
  const { name, ...rest } = app;
  return { ...rest, id: `application-${index}`, establishmentId: '', name: name ?? '', createdAt: 0, updatedAt: 0 };
}

const mfaFields = [
  'sensitiveCount',
  'compliantCount',
  'users',
  'usersWithTwoFactors',
  'patientRecordTwoFactorShare',
  'target2027Met',
  'target2028Met',
] as const satisfies readonly (keyof ExportMfa)[];

function checkMfa(content: ExportContent): ContentRefusal | undefined {
  const { mfa, applications } = content;
  const at = ['content', 'mfa'];
  if (applications === undefined) {
    if (!mfa) return undefined;
    // Declared (statistics level): the counts must at least agree with each other.
    if (mfa.compliantCount > mfa.sensitiveCount)
      return inconsistent(
        [...at, 'compliantCount'],
        `${mfa.compliantCount} compliant of ${mfa.sensitiveCount} sensitive applications`,
      );
    if (mfa.usersWithTwoFactors > mfa.users)
      return inconsistent([...at, 'usersWithTwoFactors'], `${mfa.usersWithTwoFactors} of ${mfa.users} users`);
    return undefined;
  }
  const recomputed = computeMfaCompliance(applications.map(asApplicationRecord));
  if (!mfa) return mismatch(at, undefined, 'the counts of the application inventory');
  for (const field of mfaFields) {
    const declared: number | boolean | undefined = mfa[field];
    const expected: number | boolean | undefined = recomputed[field];
    const same =
      typeof declared === 'boolean' || typeof expected === 'boolean'
        ? declared === expected
        : sameFigure(declared, expected);
    if (!same) return mismatch([...at, field], declared, expected);
  }
  return undefined;
}

function checkBudget(content: ExportContent): ContentRefusal | undefined {
  const { budget } = content;
  if (!budget) return undefined;
  const at = ['content', 'budget', 'ratios'];
  if (budget.inputs === undefined) {
    // Declared: the net cyber share (external funding taken off) cannot exceed the gross one.
    const { cyberShareNet, cyberShareTotal } = budget.ratios;
    if (
      cyberShareNet !== undefined &&
      cyberShareTotal !== undefined &&
      cyberShareNet > cyberShareTotal &&
      !sameFigure(cyberShareNet, cyberShareTotal)
    )
      return inconsistent([...at, 'cyberShareNet'], `${cyberShareNet}, above the gross share ${cyberShareTotal}`);
    return undefined;
  }
  // Ratios do not depend on the targets (only their bands do): the defaults give the same values as build-export.
  const recomputed = computeBudgetRatios(budget.inputs, defaultBudgetTargets);
  for (const name of ratioNames) {
    if (!sameFigure(budget.ratios[name], recomputed[name].value))
      return mismatch([...at, name], budget.ratios[name], recomputed[name].value);
  }
  return undefined;
}

/**
 * The export's answers as the scoring reads them (the time of each change is not exported and plays no part). One
 * object literal per answer rather than a spread: this runs for every answer of every file an auditor imports.
 */
function asAssessmentAnswers(answers: NonNullable<ExportContent['answers']>): Assessment['answers'] {
  const out: Assessment['answers'] = {};
  for (const itemId in answers) {
    const answer = answers[itemId] as NonNullable<ExportContent['answers']>[string];
    out[itemId] = {
      response: answer.response as Assessment['answers'][string]['response'],
      comment: answer.comment,
      toReview: answer.toReview,
      updatedAt: 0,
    };
  }
  return out;
}

function checkCriticalGaps(declared: readonly string[], expected: readonly string[]): ContentRefusal | undefined {
  const count = Math.max(declared.length, expected.length);
  for (let i = 0; i < count; i += 1) {
    if (declared[i] !== expected[i]) {
      const at = i < declared.length ? ['content', 'criticalGaps', i] : ['content', 'criticalGaps'];
      return mismatch(at, declared[i], expected[i]);
    }
  }
  return undefined;
}

/**
 * Recomputes the figures of a file whose answers have passed {@link checkAnswers} against the questionnaire it
 * names; the first figure that differs refuses it.
 */
export function recomputeFigures(
  content: ExportContent,
  index: QuestionnaireIndex,
  audiences: readonly Audience[],
): ContentRefusal | undefined {
  const { questionnaire } = index;
  const asOf = content.scores.asOf;
  if (content.answers === undefined) {
    // Statistics level: the domains and their applicable items from the questionnaire and the profile alone.
    const skeleton = scoreAssessment(questionnaire, {}, audiences, asOf);
    return (
      compareDomains(content.scores, skeleton, ['applicable']) ??
      checkDeclaredScores(content.scores) ??
      checkBudget(content) ??
      checkMfa(content)
    );
  }
  const answers = asAssessmentAnswers(content.answers);
  const score = scoreAssessment(questionnaire, answers, audiences, asOf);
  const scores = compareDomains(content.scores, score, summaryFields);
  if (scores) return scores;
  const gaps = listGaps(questionnaire, answers, score)
    .filter((gap) => gap.item.weight === 'critical')
    .map((gap) => gap.item.id);
  return checkCriticalGaps(content.criticalGaps ?? [], gaps) ?? checkBudget(content) ?? checkMfa(content);
}
