import type { ActionRecord } from '../domain/actions/action-record';
import type { ApplicationRecord } from '../domain/applications/application-record';
import { computeMfaCompliance } from '../domain/applications/mfa-compliance';
import type { Answer } from '../domain/assessment/answer';
import { applicableItems, type Assessment } from '../domain/assessment/assessment';
import { budgetFields, computeBudgetRatios, defaultBudgetTargets, ratioNames } from '../domain/budget/budget-ratios';
import type { BudgetInputs, BudgetRecord } from '../domain/budget/budget-record';
import { audiencesOf, type Establishment } from '../domain/establishment/establishment';
import { finessDepartment } from '../domain/establishment/finess';
import type { Audience, Questionnaire } from '../domain/questionnaire/questionnaire-schema';
import { listGaps } from '../domain/results/list-gaps';
import { scoreAssessment, type ScoreSummary } from '../domain/scoring/score-assessment';
import { canonicalJson, fromHex, sha256HexOfText } from './canonical-digest';
import {
  EXPORT_APP_NAME,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  exportEnvelopeSchema,
  unsealedExportEnvelopeSchema,
  type ExportAction,
  type ExportAnswer,
  type ExportApplication,
  type ExportBudget,
  type ExportContent,
  type ExportEnvelope,
  type ExportEstablishment,
  type ExportEvidence,
  type ExportMfa,
  type ExportResponse,
  type ExportReviewChanges,
  type ExportSnapshot,
  type SharingLevel,
  type UnsealedExportEnvelope,
} from './export-format';
import { toBase64Url } from './base64url';
import type { ExportSigner } from './signing';

/** The listing of a piece of evidence, without its bytes. */
export interface EvidenceListing {
  itemId: string;
  name: string;
  type?: string;
  size: number;
  sha256: string;
  documentDate?: string;
}

/** Everything an export is made from: one assessment and what the establishment recorded around it. */
export interface ExportInput {
  establishment: Establishment;
  assessment: Assessment;
  /** The questionnaire the assessment was answered against (its id and version). */
  questionnaire: Questionnaire;
  /** SHA-256 of the questionnaire content; the assessment's own record of it is used when absent. */
  contentHash?: string;
  /** The budget of the campaign year (see {@link pickCampaignBudget}). */
  budget?: Pick<BudgetRecord, 'year' | 'inputs'> | undefined;
  applications: readonly ApplicationRecord[];
  /** The establishment's actions: those of this assessment and those tied to none are exported. */
  actions: readonly ActionRecord[];
  /** The evidence attached to this assessment. */
  evidence: readonly EvidenceListing[];
  appVersion: string;
  /** When the file is made (ISO 8601, UTC); the scores are read at its date. */
  exportedAt: string;
  /** The snapshot the export is made from, when it is made from one (format version 2). */
  snapshot?: ExportSnapshot | undefined;
  /** The reviewed items whose answer changed since the last review received (format version 2). */
  reviewChanges?: ExportReviewChanges | undefined;
}

/** The budget to export with a campaign: the campaign year's, else the latest earlier year with figures. */
export function pickCampaignBudget<T extends Pick<BudgetRecord, 'year' | 'inputs'>>(
  budgets: readonly T[],
  campaignYear: number,
): T | undefined {
  return [...budgets]
    .filter((b) => b.year <= campaignYear && budgetFields.some((field) => b.inputs[field] !== undefined))
    .sort((a, b) => b.year - a.year)[0];
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function exportEstablishment(e: Establishment): ExportEstablishment {
  return definedOnly({
    finessEj: e.finessEj,
    finessEg: e.finessEg,
    name: e.name,
    category: e.category,
    sector: e.sector,
    department: finessDepartment(e.finessEg ?? e.finessEj),
    ghtName: e.ghtName,
    isGhtSupport: e.isGhtSupport,
    beds: e.beds,
    staff: e.staff,
  });
}

function summaryOf(s: ScoreSummary) {
  return definedOnly({
    score: s.score,
    completeness: s.completeness,
    answered: s.answered,
    applicable: s.applicable,
    unknown: s.unknown,
    notApplicable: s.notApplicable,
  });
}

/** An answer as the level allows: full keeps comments and justifications; auditor keeps the response only. */
function exportAnswer(answer: Answer, level: 'full' | 'auditor'): ExportAnswer | undefined {
  let response: ExportResponse | undefined = answer.response;
  if (level === 'auditor') {
    if (response === undefined) return undefined;
    // The justification of "not applicable" is free text, like a comment: it may describe the system.
    if (response.kind === 'not-applicable') response = { kind: 'not-applicable' };
    return definedOnly({ response, toReview: answer.toReview });
  }
  const kept = definedOnly({ response, comment: answer.comment, toReview: answer.toReview });
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function exportAnswers(
  questionnaire: Questionnaire,
  answers: Assessment['answers'],
  audiences: readonly Audience[],
  level: 'full' | 'auditor',
): Record<string, ExportAnswer> {
  // In questionnaire order, for a readable file. Answers to items the questionnaire no longer has, or that do not
  // apply to the establishment's profile (given before its category changed), count in no score and are left out:
  // the import refuses them (check-answers.ts).
  const out: Record<string, ExportAnswer> = {};
  for (const item of applicableItems(questionnaire, audiences)) {
    const answer = answers[item.id];
    const exported = answer ? exportAnswer(answer, level) : undefined;
    if (exported) out[item.id] = exported;
  }
  return out;
}

function exportBudget(budget: Pick<BudgetRecord, 'year' | 'inputs'>, level: SharingLevel): ExportBudget {
  // Ratios do not depend on the targets (only their bands do), so the defaults are as good as the user's settings.
  const ratios = computeBudgetRatios(budget.inputs, defaultBudgetTargets);
  const inputs = definedOnly<BudgetInputs>({ ...budget.inputs });
  return definedOnly({
    year: budget.year,
    inputs: level === 'statistics' ? undefined : inputs,
    ratios: definedOnly(Object.fromEntries(ratioNames.map((name) => [name, ratios[name].value]))),
  });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function exportApplications(
  applications: readonly ApplicationRecord[],
  level: 'full' | 'auditor',
): ExportApplication[] {
  return [...applications]
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
    .map((app) =>
      definedOnly({
        name: level === 'full' ? app.name : undefined,
        kind: app.kind,
        handlesHealthData: app.handlesHealthData,
        sharedOrExternal: app.sharedOrExternal,
        sensitiveReason: level === 'full' ? app.sensitiveReason : undefined,
        authentication: [...app.authentication],
        remoteAccess: app.remoteAccess,
        users: app.users,
        usersWithTwoFactors: app.usersWithTwoFactors,
        doctorsAndNurses: app.doctorsAndNurses,
        doctorsAndNursesWithTwoFactors: app.doctorsAndNursesWithTwoFactors,
        homologation: app.homologation,
        targetDate: app.targetDate,
      }),
    );
}

function exportMfa(applications: readonly ApplicationRecord[]): ExportMfa {
  const c = computeMfaCompliance([...applications]);
  return definedOnly({
    sensitiveCount: c.sensitiveCount,
    compliantCount: c.compliantCount,
    users: c.users,
    usersWithTwoFactors: c.usersWithTwoFactors,
    patientRecordTwoFactorShare: c.patientRecordTwoFactorShare,
    target2027Met: c.target2027Met,
    target2028Met: c.target2028Met,
  });
}

function exportActions(
  actions: readonly ActionRecord[],
  assessmentId: string,
  level: 'full' | 'auditor',
): ExportAction[] {
  return actions
    .filter((a) => a.assessmentId === undefined || a.assessmentId === assessmentId)
    .sort((a, b) => a.createdAt - b.createdAt || byText(a.id, b.id))
    .map((a) =>
      definedOnly({
        itemId: a.itemId,
        title: a.title,
        description: level === 'full' ? a.description : undefined,
        owner: level === 'full' ? a.owner : undefined,
        dueDate: a.dueDate,
        status: a.status,
        estimatedCost: level === 'full' ? a.estimatedCost : undefined,
      }),
    );
}

function exportEvidence(evidence: readonly EvidenceListing[]): ExportEvidence[] {
  return [...evidence]
    .sort((a, b) => byText(a.itemId, b.itemId) || byText(a.name, b.name) || byText(a.sha256, b.sha256))
    .map((e) =>
      definedOnly({
        itemId: e.itemId,
        name: e.name,
        type: e.type || undefined,
        size: e.size,
        sha256: e.sha256,
        documentDate: e.documentDate,
      }),
    );
}

/**
 * The export envelope of an assessment at a sharing level, without integrity or signature: pure, deterministic
 * (same input, same output) and free of crypto, so that it is tested directly and sealed by {@link sealExport}.
 */
export function buildExportEnvelope(input: ExportInput, sharingLevel: SharingLevel): UnsealedExportEnvelope {
  const { establishment, assessment, questionnaire } = input;
  const asOf = input.exportedAt.slice(0, 10);
  const audiences = audiencesOf(establishment);
  const score = scoreAssessment(questionnaire, assessment.answers, audiences, asOf);
  const content: ExportContent = {
    questionnaire: {
      id: questionnaire.id,
      version: questionnaire.version,
      contentHash: input.contentHash ?? assessment.contentHash,
    },
    campaignYear: assessment.campaignYear,
    scores: {
      asOf,
      overall: summaryOf(score.overall),
      domains: score.domains.map((d) => ({ domainId: d.domainId, ...summaryOf(d) })),
    },
  };
  if (sharingLevel !== 'statistics') {
    content.answers = exportAnswers(questionnaire, assessment.answers, audiences, sharingLevel);
    content.criticalGaps = listGaps(questionnaire, assessment.answers, score)
      .filter((gap) => gap.item.weight === 'critical')
      .map((gap) => gap.item.id);
  }
  if (input.budget) content.budget = exportBudget(input.budget, sharingLevel);
  if (sharingLevel !== 'statistics' && input.applications.length > 0)
    content.applications = exportApplications(input.applications, sharingLevel);
  // No inventory is not the same as no sensitive application: the counts are given only when there is one.
  if (input.applications.length > 0) content.mfa = exportMfa(input.applications);
  if (sharingLevel !== 'statistics') {
    const actions = exportActions(input.actions, assessment.id, sharingLevel);
    if (actions.length > 0) content.actions = actions;
  }
  if (sharingLevel === 'full' && input.evidence.length > 0) content.evidence = exportEvidence(input.evidence);
  if (input.snapshot) content.snapshot = { ...input.snapshot };
  if (input.reviewChanges)
    content.reviewChanges = { ...input.reviewChanges, changedItemIds: [...input.reviewChanges.changedItemIds] };
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    app: { name: EXPORT_APP_NAME, version: input.appVersion },
    exportedAt: input.exportedAt,
    sharingLevel,
    establishment: exportEstablishment(establishment),
    content,
  };
}

/**
 * Adds the integrity digest and, with a signer, the signature (docs/export-format.md, "Digest and signature").
 * Checks the envelope against the schema first: an export the app cannot import back is never written.
 */
export async function sealExport(envelope: UnsealedExportEnvelope, signer?: ExportSigner): Promise<ExportEnvelope> {
  // A JSON round trip leaves exactly what the file will hold (no undefined members, plain objects only).
  const plain = JSON.parse(JSON.stringify(envelope)) as Record<string, unknown>;
  const checked = unsealedExportEnvelopeSchema.safeParse(plain);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TypeError(`export envelope invalid at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const { integrity: _i, signature: _s, ...unsealed } = plain;
  const digest = await sha256HexOfText(canonicalJson(unsealed));
  const sealed = {
    ...unsealed,
    integrity: { algorithm: 'SHA-256', canonicalization: 'RFC8785', digest },
    ...(signer
      ? {
          signature: {
            algorithm: 'ECDSA-P256-SHA256',
            publicKeyJwk: signer.publicKeyJwk,
            keyFingerprint: signer.keyFingerprint,
            value: toBase64Url(await signer.sign(fromHex(digest))),
          },
        }
      : {}),
  };
  return exportEnvelopeSchema.parse(sealed);
}
