// Realistic export inputs made from the demo seeds (seeds/demo.json), for the test-data generator
// (scripts/generate-exports.ts) and the golden files (scripts/generate-golden-exports.ts). Node only.
import { readFileSync } from 'node:fs';
import { actionRecordSchema, type ActionRecord } from '../src/domain/actions/action-record';
import { applicationRecordSchema, type ApplicationRecord } from '../src/domain/applications/application-record';
import type { Answer, Response } from '../src/domain/assessment/answer';
import { applicableItems, assessmentSchema, type Assessment } from '../src/domain/assessment/assessment';
import { budgetRecordSchema, type BudgetInputs, type BudgetRecord } from '../src/domain/budget/budget-record';
import { budgetFields } from '../src/domain/budget/budget-ratios';
import {
  audiencesOf,
  establishmentSchema,
  type Establishment,
  type EstablishmentCategory,
} from '../src/domain/establishment/establishment';
import { finessDepartment, luhnValid } from '../src/domain/establishment/finess';
import { hashQuestionnaire, parseQuestionnaire } from '../src/domain/questionnaire/parse-questionnaire';
import type { Questionnaire, QuestionnaireItem } from '../src/domain/questionnaire/questionnaire-schema';
import { pickCampaignBudget, type ExportInput } from '../src/exchange/build-export';

const root = new URL('../', import.meta.url);

export interface Seeds {
  establishments: Establishment[];
  assessments: Omit<Assessment, 'contentHash'>[];
  budgets: BudgetRecord[];
  applications: ApplicationRecord[];
  actions: ActionRecord[];
}

export function readSeeds(): Seeds {
  const raw = JSON.parse(readFileSync(new URL('seeds/demo.json', root), 'utf8')) as Record<string, unknown[]>;
  return {
    establishments: (raw.establishments ?? []).map((e) => establishmentSchema.parse(e)),
    assessments: (raw.assessments ?? []).map((a) => assessmentSchema.omit({ contentHash: true }).parse(a)),
    budgets: (raw.budgets ?? []).map((b) => budgetRecordSchema.parse(b)),
    applications: (raw.applications ?? []).map((a) => applicationRecordSchema.parse(a)),
    actions: (raw.actions ?? []).map((a) => actionRecordSchema.parse(a)),
  };
}

export interface LoadedQuestionnaire {
  questionnaire: Questionnaire;
  contentHash: string;
}

const questionnaires = new Map<string, Promise<LoadedQuestionnaire>>();

export function readQuestionnaire(id: string, version: string): Promise<LoadedQuestionnaire> {
  const key = `${id}@${version}`;
  let loaded = questionnaires.get(key);
  if (!loaded) {
    const raw: unknown = JSON.parse(readFileSync(new URL(`questionnaires/${id}/${version}.json`, root), 'utf8'));
    const parsed = parseQuestionnaire(raw, `${id}/${version}.json`);
    if (!parsed.ok) throw new Error(`${parsed.fileName}: ${parsed.issues[0]?.path ?? ''}`);
    loaded = hashQuestionnaire(parsed.questionnaire).then((contentHash) => ({
      questionnaire: parsed.questionnaire,
      contentHash,
    }));
    questionnaires.set(key, loaded);
  }
  return loaded;
}

/** The export input of one seed assessment, as the app would gather it. */
export async function seedExportInput(
  seeds: Seeds,
  assessmentId: string,
  exportedAt: string,
  appVersion: string,
): Promise<ExportInput> {
  const seed = seeds.assessments.find((a) => a.id === assessmentId);
  if (!seed) throw new Error(`no seed assessment ${assessmentId}`);
  const establishment = seeds.establishments.find((e) => e.id === seed.establishmentId);
  if (!establishment) throw new Error(`no seed establishment ${seed.establishmentId}`);
  const { questionnaire, contentHash } = await readQuestionnaire(seed.questionnaireId, seed.questionnaireVersion);
  return {
    establishment,
    assessment: { ...seed, contentHash },
    questionnaire,
    contentHash,
    budget: pickCampaignBudget(
      seeds.budgets.filter((b) => b.establishmentId === establishment.id),
      seed.campaignYear,
    ),
    applications: seeds.applications.filter((a) => a.establishmentId === establishment.id),
    actions: seeds.actions.filter((a) => a.establishmentId === establishment.id),
    evidence: [],
    appVersion,
    exportedAt,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Variations: many establishments that look like the seeds without being copies of them.

/** mulberry32: a small seeded generator, so that `--seed` reproduces the same files. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Departments of a few regions, so that consolidation by department has something to group. */
const departments = ['18', '28', '36', '37', '41', '45', '75', '69', '13', '33', '59', '67', '2A', '971', '974'];
const towns = [
  'Saint-Amand',
  'Beaulieu',
  'Villeneuve',
  'Montfort',
  'Châteauneuf',
  'Belleville',
  'Roche-sur-Loire',
  'Fontaine',
  'Valmont',
  'Clairvaux',
  'Mareuil',
  'Sainte-Croix',
];
const ghts = ['GHT Val-de-Loire Centre', 'GHT Berry', 'GHT Touraine', 'GHT Loir-et-Cher', 'GHT Eure-et-Loir'];
const namePrefix: Partial<Record<EstablishmentCategory, string>> = {
  chu: 'CHU de',
  ch: 'Centre hospitalier de',
  clinic: 'Clinique de',
  ehpad: 'EHPAD de',
  ime: 'IME de',
};

/** A made-up FINESS of a department with a valid Luhn key (Corsican numbers are not keyed: any digit will do). */
export function randomFiness(random: Random, department: string): string {
  const prefix = department.length === 3 ? `${department.slice(0, 2)}0${department.charAt(2)}` : department;
  const body = prefix + Array.from({ length: 8 - prefix.length }, () => between(random, 0, 9)).join('');
  if (!/^\d+$/.test(body)) return `${body}${between(random, 0, 9)}`;
  for (let key = 0; key <= 9; key += 1) if (luhnValid(`${body}${key}`)) return `${body}${key}`;
  throw new Error('no Luhn key');
}

function varyResponse(random: Random, item: QuestionnaireItem, asOf: string): Response {
  const roll = random();
  if (roll < 0.06) return { kind: 'unknown' };
  if (roll < 0.09) return { kind: 'not-applicable', justification: 'Activité non exercée par l’établissement.' };
  switch (item.answerType) {
    case 'status':
      return { kind: 'status', value: pick(random, ['yes', 'yes', 'partial', 'no'] as const) };
    case 'percent':
      return { kind: 'number', value: between(random, 0, 20) * 5 };
    case 'number':
      // An ADS level runs from 1 to 5 (the import refuses more: src/exchange/check-answers.ts).
      return { kind: 'number', value: between(random, 0, item.unit === 'level' ? 5 : 6) };
    case 'choice':
      return { kind: 'choice', value: pick(random, item.choices ?? []).id };
    case 'date': {
      const days = between(random, 0, 700);
      return { kind: 'date', value: new Date(Date.parse(asOf) - days * 86_400_000).toISOString().slice(0, 10) };
    }
  }
}

const comments = [
  'À confirmer avec le prestataire informatique.',
  'Procédure rédigée, validation par la direction prévue au prochain comité.',
  'Couvert pour le site principal seulement.',
  'Voir le rapport d’audit de l’ANSSI de mars.',
];

/**
 * A new establishment modelled on a seed one: another FINESS, name, department and size; each answer kept, changed
 * or left out at random; the budget and the applications scaled to the size.
 */
export function varyExportInput(random: Random, base: ExportInput, finess: string, index: number): ExportInput {
  const source = base.establishment;
  const size = 0.3 + random() * 1.7;
  const town = pick(random, towns);
  // The FINESS given is the one the file is filed under: the EG when the seed has one (its EJ is then made up in the
  // same department), else the EJ.
  const establishment: Establishment = {
    ...source,
    id: `generated-${index}`,
    name: `${namePrefix[source.category] ?? 'Établissement de'} ${town} ${index + 1}`,
    finessEj: source.finessEg ? randomFiness(random, finessDepartment(finess)) : finess,
    ...(source.finessEg ? { finessEg: finess } : {}),
    ...(source.ghtName ? { ghtName: pick(random, ghts) } : {}),
    ...(source.beds !== undefined ? { beds: Math.max(1, Math.round(source.beds * size)) } : {}),
    ...(source.staff !== undefined ? { staff: Math.max(1, Math.round(source.staff * size)) } : {}),
  };
  const asOf = base.exportedAt.slice(0, 10);
  const answers: Record<string, Answer> = {};
  const completeness = 0.5 + random() * 0.5;
  for (const item of applicableItems(base.questionnaire, audiencesOf(establishment))) {
    if (random() > completeness) continue;
    const kept = base.assessment.answers[item.id]?.response;
    // A seed's date answer can be later than the export date made up here; the import refuses such a date.
    const keepable = kept && !(kept.kind === 'date' && kept.value > asOf) ? kept : undefined;
    const response = keepable && random() < 0.6 ? keepable : varyResponse(random, item, asOf);
    answers[item.id] = {
      response,
      ...(random() < 0.15 ? { comment: pick(random, comments) } : {}),
      updatedAt: Date.parse(asOf) - between(random, 1, 200) * 86_400_000,
    };
  }
  const budget = base.budget
    ? {
        year: base.assessment.campaignYear,
        inputs: Object.fromEntries(
          budgetFields
            .filter((field) => base.budget?.inputs[field] !== undefined)
            .map((field) => {
              const value = (base.budget?.inputs[field] ?? 0) * size * (0.8 + random() * 0.4);
              return [field, field.endsWith('Fte') ? Math.round(value * 10) / 10 : Math.round(value)];
            }),
        ) as BudgetInputs,
      }
    : undefined;
  // Keep the budget's inclusions true after the noise: IT ≤ total, cyber ≤ IT, security staff ≤ IT staff.
  if (budget) {
    const i = budget.inputs;
    if (i.itOperatingCharges !== undefined && i.totalOperatingCharges !== undefined)
      i.itOperatingCharges = Math.min(i.itOperatingCharges, i.totalOperatingCharges);
    if (i.cyberOperating !== undefined && i.itOperatingCharges !== undefined)
      i.cyberOperating = Math.min(i.cyberOperating, i.itOperatingCharges);
    if (i.itStaffCharges !== undefined && i.itOperatingCharges !== undefined)
      i.itStaffCharges = Math.min(i.itStaffCharges, i.itOperatingCharges);
    if (i.itCapex !== undefined && i.totalCapex !== undefined) i.itCapex = Math.min(i.itCapex, i.totalCapex);
    if (i.securityFte !== undefined && i.itFte !== undefined) i.securityFte = Math.min(i.securityFte, i.itFte);
  }
  const applications = base.applications.map((app) => {
    const users = app.users === undefined ? undefined : Math.max(1, Math.round(app.users * size));
    const twoFactors =
      app.usersWithTwoFactors === undefined || users === undefined
        ? undefined
        : Math.min(users, Math.round(users * random()));
    return {
      ...app,
      id: `${app.id}-${index}`,
      establishmentId: establishment.id,
      ...(users !== undefined ? { users } : {}),
      ...(twoFactors !== undefined ? { usersWithTwoFactors: twoFactors } : {}),
    };
  });
  const statuses = ['todo', 'in-progress', 'done'] as const;
  const assessment: Assessment = {
    ...base.assessment,
    id: `generated-assessment-${index}`,
    establishmentId: establishment.id,
    answers,
  };
  return {
    ...base,
    establishment,
    assessment,
    budget,
    applications,
    actions: base.actions
      .filter((a) => a.assessmentId === undefined || a.assessmentId === base.assessment.id)
      .map((a) => ({
        ...a,
        id: `${a.id}-${index}`,
        establishmentId: establishment.id,
        assessmentId: assessment.id,
        status: pick(random, statuses),
      })),
  };
}

export function departmentsForGeneration(): readonly string[] {
  return departments;
}
