import fc from 'fast-check';
import careJson from '../../../questionnaires/care/2026.1.json';
import hospiconnectJson from '../../../questionnaires/hospiconnect/2026.1.json';
import { actionStatuses, type ActionRecord } from '../../domain/actions/action-record';
import {
  applicationKinds,
  authenticationMeans,
  homologationStates,
  type ApplicationRecord,
} from '../../domain/applications/application-record';
import type { Answer, Response } from '../../domain/assessment/answer';
import type { Assessment } from '../../domain/assessment/assessment';
import { budgetFields } from '../../domain/budget/budget-ratios';
import type { BudgetInputs } from '../../domain/budget/budget-record';
import {
  establishmentCategories,
  sectorOfCategory,
  type Establishment,
} from '../../domain/establishment/establishment';
import { luhnValid } from '../../domain/establishment/finess';
import { hashQuestionnaire, parseQuestionnaire } from '../../domain/questionnaire/parse-questionnaire';
import type { Questionnaire, QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import type { EvidenceListing, ExportInput } from '../../exchange/build-export';

/** Builders of export inputs for tests: a fixed, readable one, and fast-check arbitraries of any valid one. */

function questionnaireOf(raw: unknown, name: string): Questionnaire {
  const parsed = parseQuestionnaire(raw, name);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues[0]?.path ?? ''}`);
  return parsed.questionnaire;
}

export const careQuestionnaire = questionnaireOf(careJson, 'care/2026.1.json');
export const hospiconnectQuestionnaire = questionnaireOf(hospiconnectJson, 'hospiconnect/2026.1.json');
/** The real content hashes: the import reads a file's answers against the questionnaire with that very content. */
export const careContentHash = await hashQuestionnaire(careQuestionnaire);
export const hospiconnectContentHash = await hashQuestionnaire(hospiconnectQuestionnaire);
const contentHashOf = (questionnaire: Questionnaire) =>
  questionnaire === hospiconnectQuestionnaire ? hospiconnectContentHash : careContentHash;

/** Words that appear only in free text of the fixed input: none may be found in an auditor or statistics file. */
export const secretWords = {
  comment: 'COMMENTAIRE-SECRET pare-feu 10.0.0.1',
  justification: 'JUSTIFICATION-SECRETE serveur srv-dpi-01',
  applicationName: 'NOM-APPLI-SECRET Orbis',
  sensitiveReason: 'RAISON-SECRETE VPN Fortinet',
  actionDescription: 'DESCRIPTION-SECRETE vulnérabilité CVE-2024-0001',
  actionOwner: 'RESPONSABLE-SECRET Jean Dupont',
  evidenceName: 'PIECE-SECRETE rapport-audit.pdf',
} as const;

export function anEstablishment(overrides: Partial<Establishment> = {}): Establishment {
  return {
    id: 'est-1',
    name: 'Centre hospitalier de Montargis-les-Bois',
    finessEj: '450000278',
    category: 'ch',
    sector: 'health',
    ghtName: 'GHT Val-de-Loire Centre',
    isGhtSupport: false,
    beds: 420,
    staff: 1300,
    archived: false,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

/** A CH's CaRE assessment with every kind of content: comments, a justified N/A, applications, actions, evidence. */
export function anExportInput(overrides: Partial<ExportInput> = {}): ExportInput {
  const assessment: Assessment = {
    id: 'assessment-1',
    establishmentId: 'est-1',
    questionnaireId: 'care',
    questionnaireVersion: careQuestionnaire.version,
    contentHash: careContentHash,
    campaignYear: 2026,
    answers: {
      'care.gov.01': { response: { kind: 'status', value: 'yes' }, comment: secretWords.comment, updatedAt: 10 },
      'care.gov.02': { response: { kind: 'status', value: 'no' }, toReview: true, updatedAt: 11 },
      'care.gov.03': {
        response: { kind: 'not-applicable', justification: secretWords.justification },
        updatedAt: 12,
      },
      'care.gov.05': { response: { kind: 'unknown' }, updatedAt: 13 },
      'care.gov.10': { comment: 'Only a comment so far.', updatedAt: 14 },
      'care.d2.05': { response: { kind: 'number', value: 50 }, updatedAt: 15 },
      'care.res.01': { response: { kind: 'choice', value: 'part-time' }, updatedAt: 16 },
    },
    createdAt: 1,
    updatedAt: 16,
  };
  const application: ApplicationRecord = {
    id: 'app-1',
    establishmentId: 'est-1',
    name: secretWords.applicationName,
    kind: 'patient-record',
    handlesHealthData: true,
    sharedOrExternal: true,
    sensitiveReason: secretWords.sensitiveReason,
    authentication: ['password-only', 'e-cps'],
    remoteAccess: true,
    users: 1200,
    usersWithTwoFactors: 300,
    homologation: 'in-progress',
    targetDate: '2027-06-30',
    createdAt: 1,
    updatedAt: 1,
  };
  const actions: ActionRecord[] = [
    {
      id: 'action-1',
      establishmentId: 'est-1',
      assessmentId: 'assessment-1',
      itemId: 'care.gov.02',
      title: 'Faire valider la PSSI par la direction',
      description: secretWords.actionDescription,
      owner: secretWords.actionOwner,
      dueDate: '2027-03-31',
      status: 'todo',
      estimatedCost: 5000,
      createdAt: 2,
      updatedAt: 2,
    },
    {
      id: 'action-2',
      establishmentId: 'est-1',
      assessmentId: 'another-assessment',
      title: 'Belongs to another assessment',
      status: 'todo',
      createdAt: 3,
      updatedAt: 3,
    },
  ];
  const evidence: EvidenceListing[] = [
    {
      itemId: 'care.gov.01',
      name: secretWords.evidenceName,
      type: 'application/pdf',
      size: 12,
      sha256: 'b'.repeat(64),
      documentDate: '2026-02-01',
    },
  ];
  return {
    establishment: anEstablishment(),
    assessment,
    questionnaire: careQuestionnaire,
    contentHash: careContentHash,
    budget: {
      year: 2026,
      inputs: { totalOperatingCharges: 120_000_000, itOperatingCharges: 2_000_000, cyberOperating: 150_000 },
    },
    applications: [application],
    actions,
    evidence,
    appVersion: '0.1.0',
    exportedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// fast-check arbitraries

/** A FINESS of 8 random digits and its Luhn key. */
export const finessArbitrary = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const body = digits.join('');
    for (let key = 0; key <= 9; key += 1) if (luhnValid(`${body}${key}`)) return `${body}${key}`;
    throw new Error('no Luhn key');
  })
  // 97 and 98 are overseas prefixes whose department reads from the fourth character: still valid numbers.
  .filter((finess) => !finess.startsWith('00'));

/** Text as people type it: accents, quotes, emoji, line breaks; never blank. */
export const freeText = (maxLength: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength }).filter((s) => /\S/.test(s));

const isoDate = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
/** A date an answer can give: in the past of every export date generated below (2024 on). */
const pastDate = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2023, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

function responseArbitrary(item: QuestionnaireItem): fc.Arbitrary<Response> {
  const common: fc.Arbitrary<Response>[] = [
    fc.constant({ kind: 'unknown' } as const),
    freeText(80).map((justification) => ({ kind: 'not-applicable' as const, justification })),
  ];
  switch (item.answerType) {
    case 'status':
      return fc.oneof(
        fc.constantFrom('yes', 'partial', 'no').map((value) => ({ kind: 'status', value }) as const),
        ...common,
      );
    case 'number':
      // What the app's input takes that the import accepts: no negative count, an ADS level from 0 to 5.
      return fc.oneof(
        fc
          .double({ min: 0, max: item.unit === 'level' ? 5 : 1e6, noNaN: true })
          .map((value) => value + 0)
          .map((value) => ({ kind: 'number', value }) as const),
        ...common,
      );
    case 'percent':
      return fc.oneof(
        fc
          .double({ min: 0, max: 100, noNaN: true })
          .map((value) => value + 0)
          .map((value) => ({ kind: 'number', value }) as const),
        ...common,
      );
    case 'date':
      return fc.oneof(
        pastDate.map((value) => ({ kind: 'date', value }) as const),
        ...common,
      );
    case 'choice':
      return fc.oneof(
        fc.constantFrom(...(item.choices ?? []).map((c) => c.id)).map((value) => ({ kind: 'choice', value }) as const),
        ...common,
      );
  }
}

function answersArbitrary(questionnaire: Questionnaire): fc.Arbitrary<Record<string, Answer>> {
  const entries = questionnaire.items.map((item) =>
    fc.option(
      fc.record(
        {
          response: responseArbitrary(item),
          comment: freeText(120),
          toReview: fc.constant(true),
          updatedAt: fc.nat(),
        },
        { requiredKeys: ['updatedAt'] },
      ),
      { freq: 2 },
    ),
  );
  return fc.tuple(...entries).map((answers) => {
    const out: Record<string, Answer> = {};
    questionnaire.items.forEach((item, i) => {
      const answer = answers[i];
      if (answer) out[item.id] = answer;
    });
    return out;
  });
}

const count = fc.integer({ min: 0, max: 100_000 });

const applicationArbitrary: fc.Arbitrary<ApplicationRecord> = fc
  .record(
    {
      id: fc.uuid(),
      name: freeText(60),
      kind: fc.constantFrom(...applicationKinds),
      handlesHealthData: fc.boolean(),
      sharedOrExternal: fc.boolean(),
      sensitiveReason: freeText(80),
      authentication: fc.uniqueArray(fc.constantFrom(...authenticationMeans), { maxLength: 3 }),
      remoteAccess: fc.boolean(),
      users: count,
      usersWithTwoFactors: count,
      doctorsAndNurses: count,
      doctorsAndNursesWithTwoFactors: count,
      homologation: fc.constantFrom(...homologationStates),
      targetDate: isoDate,
    },
    {
      requiredKeys: [
        'id',
        'name',
        'kind',
        'handlesHealthData',
        'sharedOrExternal',
        'authentication',
        'remoteAccess',
        'homologation',
      ],
    },
  )
  .map((app) => ({ ...app, establishmentId: 'est', createdAt: 1, updatedAt: 1 }));

function actionArbitrary(questionnaire: Questionnaire): fc.Arbitrary<ActionRecord> {
  return fc
    .record(
      {
        id: fc.uuid(),
        itemId: fc.constantFrom(...questionnaire.items.map((i) => i.id)),
        title: freeText(80),
        description: freeText(120),
        owner: freeText(40),
        dueDate: isoDate,
        status: fc.constantFrom(...actionStatuses),
        estimatedCost: fc.integer({ min: 0, max: 10_000_000 }),
        createdAt: fc.nat(),
      },
      { requiredKeys: ['id', 'title', 'status', 'createdAt'] },
    )
    .map((a) => ({ ...a, establishmentId: 'est', assessmentId: 'assessment', updatedAt: a.createdAt }));
}

const budgetArbitrary = fc
  .tuple(
    fc.integer({ min: 2020, max: 2030 }),
    fc.tuple(...budgetFields.map(() => fc.option(fc.integer({ min: 0, max: 500_000_000 }), { nil: undefined }))),
  )
  .map(([year, values]) => {
    const inputs: BudgetInputs = {};
    budgetFields.forEach((field, i) => {
      const value = values[i];
      if (value !== undefined) inputs[field] = value;
    });
    return { year, inputs };
  });

const evidenceArbitrary = (questionnaire: Questionnaire) =>
  fc.record(
    {
      itemId: fc.constantFrom(...questionnaire.items.map((i) => i.id)),
      name: freeText(60),
      type: fc.constantFrom('application/pdf', 'image/png'),
      size: fc.nat(),
      sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
      documentDate: isoDate,
    },
    { requiredKeys: ['itemId', 'name', 'size', 'sha256'] },
  );

/** Any valid export input over a questionnaire: establishment, answers, budget, applications, actions, evidence. */
export function exportInputArbitrary(questionnaire: Questionnaire = careQuestionnaire): fc.Arbitrary<ExportInput> {
  return fc
    .record({
      finessEj: finessArbitrary,
      finessEg: fc.option(finessArbitrary, { nil: undefined }),
      name: freeText(100),
      category: fc.constantFrom(...establishmentCategories),
      ghtName: fc.option(freeText(60), { nil: undefined }),
      isGhtSupport: fc.boolean(),
      beds: fc.option(count, { nil: undefined }),
      answers: answersArbitrary(questionnaire),
      campaignYear: fc.integer({ min: 2020, max: 2100 }),
      budget: fc.option(budgetArbitrary, { nil: undefined }),
      applications: fc.array(applicationArbitrary, { maxLength: 4 }),
      actions: fc.array(actionArbitrary(questionnaire), { maxLength: 4 }),
      evidence: fc.array(evidenceArbitrary(questionnaire), { maxLength: 3 }),
      // Never after now: a file dated more than a day ahead is refused (check-dates.ts).
      exportedAt: fc
        .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) })
        .map((ms) => new Date(ms).toISOString()),
    })
    .map((g) => {
      // The dates agree as the app makes them: the campaign at most the year after the export, the budget of the
      // campaign year or an earlier one.
      const campaignYear = Math.min(g.campaignYear, Number(g.exportedAt.slice(0, 4)) + 1);
      const budget = g.budget && { ...g.budget, year: Math.min(g.budget.year, campaignYear) };
      const establishment = anEstablishment({
        name: g.name,
        finessEj: g.finessEj,
        category: g.category,
        sector: sectorOfCategory(g.category),
        isGhtSupport: g.ghtName !== undefined && g.isGhtSupport,
      });
      if (g.finessEg !== undefined) establishment.finessEg = g.finessEg;
      if (g.ghtName !== undefined) establishment.ghtName = g.ghtName;
      else delete establishment.ghtName;
      if (g.beds !== undefined) establishment.beds = g.beds;
      else delete establishment.beds;
      return {
        establishment,
        assessment: {
          id: 'assessment',
          establishmentId: 'est',
          questionnaireId: questionnaire.id,
          questionnaireVersion: questionnaire.version,
          contentHash: contentHashOf(questionnaire),
          campaignYear,
          answers: g.answers,
          createdAt: 1,
          updatedAt: 1,
        },
        questionnaire,
        budget,
        applications: g.applications,
        actions: g.actions,
        evidence: g.evidence,
        appVersion: '0.1.0',
        exportedAt: g.exportedAt,
      };
    });
}
