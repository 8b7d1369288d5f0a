import { readFileSync } from 'node:fs';
import type { ActionRecord } from '../../domain/actions/action-record';
import type { ApplicationRecord } from '../../domain/applications/application-record';
import type { Answer } from '../../domain/assessment/answer';
import type { Assessment } from '../../domain/assessment/assessment';
import { previousCampaignOf } from '../../domain/results/compare-campaigns';
import { isoDateOf } from '../../domain/scoring/iso-date';
import type { BudgetRecord } from '../../domain/budget/budget-record';
import type { Establishment } from '../../domain/establishment/establishment';
import { parseQuestionnaire } from '../../domain/questionnaire/parse-questionnaire';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import type { ReportEvidence, ReportInput } from '../../report/report-model';

/**
 * Report inputs for tests and the benchmark, in Node: the demo assessments of seeds/demo.json with the
 * questionnaires of questionnaires/<id>/2026.1.json, and a complete CaRE assessment with comments and evidence on
 * every item (the "60-page report" of the design's budget, §8).
 */

const root = new URL('../../../', import.meta.url);

export function loadQuestionnaireFile(id: string, version = '2026.1'): Questionnaire {
  const raw: unknown = JSON.parse(readFileSync(new URL(`questionnaires/${id}/${version}.json`, root), 'utf8'));
  const parsed = parseQuestionnaire(raw, `${id}/${version}.json`);
  if (!parsed.ok) throw new Error(`${id}/${version}: ${parsed.issues[0]?.path ?? ''}`);
  return parsed.questionnaire;
}

interface DemoAssessment {
  id: string;
  establishmentId: string;
  questionnaireId: string;
  questionnaireVersion: string;
  campaignYear: number;
  updatedAt: number;
  answers: Record<string, Answer>;
}

export interface DemoData {
  establishments: Establishment[];
  assessments: DemoAssessment[];
  budgets: BudgetRecord[];
  applications: ApplicationRecord[];
  actions: ActionRecord[];
}

export function loadDemo(): DemoData {
  return JSON.parse(readFileSync(new URL('seeds/demo.json', root), 'utf8')) as DemoData;
}

/** A few pieces of evidence per answered item, so that the evidence annex is exercised by the demo reports too. */
export function demoEvidence(assessment: DemoAssessment): ReportEvidence[] {
  return Object.keys(assessment.answers)
    .filter((_, i) => i % 3 === 0)
    .map((itemId, i) => ({
      itemId,
      name: `preuve-${itemId}-${i + 1}.pdf`,
      type: 'application/pdf',
      size: 1000 + i,
      sha256: (i.toString(16).padStart(2, '0') + 'ab').repeat(16),
      documentDate: '2026-03-15',
    }));
}

export function demoReportInput(
  assessmentId: string,
  options: { asOf?: string; language?: 'fr' | 'en' } = {},
): ReportInput {
  const demo = loadDemo();
  const assessment = demo.assessments.find((a) => a.id === assessmentId);
  if (!assessment) throw new Error(`no demo assessment ${assessmentId}`);
  const establishment = demo.establishments.find((e) => e.id === assessment.establishmentId);
  if (!establishment) throw new Error(`no demo establishment ${assessment.establishmentId}`);
  const of = <T extends { establishmentId: string }>(rows: T[]) =>
    rows.filter((r) => r.establishmentId === establishment.id);
  const asOf = options.asOf ?? '2026-11-23';
  // The latest earlier campaign, read at the date of its last answer, as the reports screen finds it.
  const previous = previousCampaignOf(assessment, demo.assessments as unknown as Assessment[]);
  return {
    establishment,
    questionnaire: loadQuestionnaireFile(assessment.questionnaireId, assessment.questionnaireVersion),
    campaignYear: assessment.campaignYear,
    answers: assessment.answers,
    previousCampaign: previous && {
      campaignYear: previous.campaignYear,
      questionnaire: loadQuestionnaireFile(previous.questionnaireId, previous.questionnaireVersion),
      answers: previous.answers,
      asOf: [isoDateOf(previous.updatedAt), asOf].sort()[0] ?? asOf,
    },
    evidence: demoEvidence(assessment),
    budgets: of(demo.budgets),
    applications: of(demo.applications),
    actions: of(demo.actions).filter((a) => a.assessmentId === undefined || a.assessmentId === assessment.id),
    asOf,
    author: 'RSSI du GHT',
    sharingLevel: 'full',
    language: options.language ?? 'fr',
    fingerprint: { value: 'c0ffee'.repeat(10) + 'c0fe', source: 'content' },
  };
}

/**
 * A complete CaRE assessment of the demo CHU: every applicable item answered (yes, partial, no, don't know, not
 * applicable with its reason, numbers and dates that fit), a comment of a few sentences on each, two pieces of
 * evidence on each: the size of report an RSSI prints for the board.
 */
export function completeReportInput(language: 'fr' | 'en' = 'fr'): ReportInput {
  const base = demoReportInput('demo-chu-care-2026', { language });
  const q = base.questionnaire;
  const answers: Record<string, Answer> = {};
  const evidence: ReportEvidence[] = [];
  q.items.forEach((item, i) => {
    const pick = i % 5;
    let response: Answer['response'];
    if (pick === 4)
      response = {
        kind: 'not-applicable',
        justification: `Activité non exercée sur le site (question ${item.id}) : l’établissement ne dispose pas de ce service, vérifié en comité de sécurité.`,
      };
    else if (pick === 3) response = { kind: 'unknown' };
    else if (item.answerType === 'status')
      response = { kind: 'status', value: (['yes', 'partial', 'no'] as const)[pick] ?? 'yes' };
    else if (item.answerType === 'choice')
      response = { kind: 'choice', value: item.choices?.[pick % (item.choices.length || 1)]?.id ?? '' };
    else if (item.answerType === 'date') response = { kind: 'date', value: '2026-06-30' };
    else response = { kind: 'number', value: item.answerType === 'percent' ? 60 + pick * 10 : 3 + pick };
    answers[item.id] = {
      response,
      comment: [
        `Constat du ${i + 1}e point (${item.id}) : la mesure est décrite dans la PSSI de 2025 ; son application a été vérifiée sur 3 sites, dont l’hôpital de jour.`,
        'Les écarts relevés lors de la revue de septembre ont été présentés au comité de sécurité du GHT, qui a validé un plan de correction en deux temps.',
        'Coût estimé : 12 500 € ; échéance fixée « au plus tard » en juin, sous la responsabilité du RSSI et de la direction des systèmes d’information.',
        'Prochaine revue prévue avec le prestataire d’infogérance et le délégué à la protection des données, après l’exercice de crise annuel.',
      ].join(' '),
      updatedAt: 0,
    };
    evidence.push(
      {
        itemId: item.id,
        name: `${item.id}-procédure-validée.pdf`,
        size: 180_000 + i,
        sha256: (i % 256).toString(16).padStart(2, '0').repeat(32),
        documentDate: '2026-02-10',
      },
      {
        itemId: item.id,
        name: `${item.id}-compte-rendu-comité.docx`,
        size: 40_000 + i,
        sha256: ((i + 7) % 256).toString(16).padStart(2, '0').repeat(32),
      },
      {
        itemId: item.id,
        name: `${item.id}-capture-console.png`,
        size: 250_000 + i,
        sha256: ((i + 13) % 256).toString(16).padStart(2, '0').repeat(32),
        documentDate: '2026-09-01',
      },
      {
        itemId: item.id,
        name: `${item.id}-rapport-audit-externe.pdf`,
        size: 900_000 + i,
        sha256: ((i + 29) % 256).toString(16).padStart(2, '0').repeat(32),
        documentDate: '2026-10-20',
      },
    );
  });
  // An action for every gap answered "no" or "partly", as a plan built from the gap list would have.
  const actions = q.items
    .filter((_, i) => i % 5 === 1 || i % 5 === 2)
    .map((item, i) => ({
      itemId: item.id,
      title: `Combler l’écart ${item.id} : ${item.question.fr}`,
      description: `Étapes : cadrage avec le prestataire, mise en œuvre sur le site principal puis sur les sites secondaires, contrôle par l’audit interne. ${item.evidence.fr}`,
      owner: i % 2 === 0 ? 'RSSI du GHT' : 'Direction des systèmes d’information',
      dueDate: `2027-0${(i % 9) + 1}-15`,
      status: (['todo', 'in-progress', 'done'] as const)[i % 3] ?? 'todo',
      estimatedCost: 5000 + i * 1500,
    }));
  return { ...base, answers, evidence, actions };
}
