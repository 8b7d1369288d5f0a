import { z } from 'zod';
import { actionStatuses } from '../domain/actions/action-record';
import { applicationKinds, authenticationMeans, homologationStates } from '../domain/applications/application-record';
import { budgetInputsSchema } from '../domain/budget/budget-record';
import { establishmentCategorySchema, sectorOfCategory, sectorSchema } from '../domain/establishment/establishment';
import { checkFiness, finessDepartment } from '../domain/establishment/finess';
import { sharingLevels, type SharingLevel } from '../domain/sharing-level';
import { isCanonicalBase64Url } from './base64url';

/**
 * The export file: one per establishment × questionnaire × campaign, sent by an establishment to its GRADeS or ARS
 * (design §4 "Exchange", §5 version clock 2). docs/export-format.md describes every field and the rules below;
 * docs/export-format.schema.json is generated from this schema (`npm run schema:export`).
 *
 * - Every object is strict: a field this version does not know is refused, so that a file never carries more than
 *   its sharing level allows and a new field always means a new format version.
 * - The sharing level is part of the signed content and is enforced here: a file that says "auditor" but holds a
 *   comment, or "statistics" but holds answers, is invalid (peers.md §4 item 15: sharing-level redaction).
 * - `integrity.digest` is the SHA-256 of the RFC 8785 canonical JSON of the envelope without `integrity` and
 *   `signature`; `signature.value` is an ECDSA P-256 / SHA-256 signature of the 32 bytes of that digest.
 */
export const EXPORT_FORMAT = 'care-autodiag/export';
export const EXPORT_FORMAT_VERSION = 2;
export const EXPORT_APP_NAME = 'Autodiag CaRE';

/** The sharing level (src/domain/sharing-level.ts says what each one carries). */
export const sharingLevelSchema = z.enum(sharingLevels);
export { sharingLevels, type SharingLevel };

/** Codes carried as zod messages, for the error mapper and the command line. */
export const exportIssueMessages = {
  notAllowed: 'not-allowed-at-sharing-level',
  required: 'required-at-sharing-level',
  finess: 'finess-invalid',
  sector: 'sector-does-not-match-category',
  department: 'department-does-not-match-finess',
  tooMany: 'too-many-entries',
} as const;

/** A SHA-256 in lower-case hex (shared with the review file, review-format.ts). */
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256-hex');
/** Canonical base64url of exactly `bytes` bytes (see base64url.ts: one spelling per value). */
const base64url = (bytes: number) =>
  z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`), 'base64url')
    .refine((value) => isCanonicalBase64Url(value, bytes), 'base64url');
export const itemId = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'item-id');
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);
const text = (max: number) => z.string().max(max);
/** Text with at least one visible character. Not `.trim()`: that would change the value, and a file is read as is. */
export const nonBlank = (max: number) => z.string().max(max).regex(/\S/, 'blank');

export const finessNumber = z
  .string()
  .regex(/^(\d{9}|2[AB]\d{7})$/, exportIssueMessages.finess)
  .refine((value) => {
    const check = checkFiness(value);
    return check.status !== 'invalid' && check.normalized === value;
  }, exportIssueMessages.finess);

export const exportEstablishmentSchema = z
  .object({
    finessEj: finessNumber,
    finessEg: finessNumber.optional(),
    name: nonBlank(200),
    category: establishmentCategorySchema,
    sector: sectorSchema,
    /** Derived from the FINESS number (EG when given, else EJ): 2 digits, 2A/2B, or 97x overseas. */
    department: z.string().regex(/^(\d{2}|2[AB]|97\d)$/),
    ghtName: text(200).optional(),
    isGhtSupport: z.boolean(),
    beds: count.optional(),
    staff: count.optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (sectorOfCategory(e.category) !== e.sector)
      ctx.addIssue({ code: 'custom', path: ['sector'], message: exportIssueMessages.sector });
    if (finessDepartment(e.finessEg ?? e.finessEj) !== e.department)
      ctx.addIssue({ code: 'custom', path: ['department'], message: exportIssueMessages.department });
  });
export type ExportEstablishment = z.infer<typeof exportEstablishmentSchema>;

/** A response as in the assessment, except that the justification of "not applicable" is left out below "full". */
export const exportResponseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), value: z.enum(['yes', 'partial', 'no']) }).strict(),
  z.object({ kind: z.literal('number'), value: z.number() }).strict(),
  z.object({ kind: z.literal('date'), value: z.iso.date() }).strict(),
  z.object({ kind: z.literal('choice'), value: z.string().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('not-applicable'), justification: nonBlank(100000).optional() }).strict(),
  z.object({ kind: z.literal('unknown') }).strict(),
]);
export type ExportResponse = z.infer<typeof exportResponseSchema>;

export const exportAnswerSchema = z
  .object({
    response: exportResponseSchema.optional(),
    comment: text(100000).optional(),
    /** Proposed from last year's campaign and not confirmed yet. */
    toReview: z.boolean().optional(),
  })
  .strict();
export type ExportAnswer = z.infer<typeof exportAnswerSchema>;

const scoreSummaryShape = {
  /** Weighted score 0–100 (docs/scoring.md); absent when nothing counts yet. */
  score: z.number().min(0).max(100).optional(),
  /** answered / applicable, 0–1; absent when no item applies. */
  completeness: share.optional(),
  answered: count,
  applicable: count,
  unknown: count,
  notApplicable: count,
};

export const exportScoresSchema = z
  .object({
    /** The date the targets were read at (the export date). */
    asOf: z.iso.date(),
    overall: z.object(scoreSummaryShape).strict(),
    domains: z
      .array(z.object({ domainId: z.string().regex(/^[a-z][a-z0-9-]*$/), ...scoreSummaryShape }).strict())
      .max(100),
  })
  .strict();
export type ExportScores = z.infer<typeof exportScoresSchema>;

/** The ratios of domain reference part C, as fractions; absent when a figure of the formula is missing. */
export const exportBudgetRatiosSchema = z
  .object({
    itShareOfOperating: z.number().min(0).optional(),
    cyberShareOfIt: z.number().min(0).optional(),
    itShareTotal: z.number().min(0).optional(),
    cyberShareTotal: z.number().min(0).optional(),
    cyberShareNet: z.number().min(0).optional(),
    securityStaffShare: z.number().min(0).optional(),
  })
  .strict();
export type ExportBudgetRatios = z.infer<typeof exportBudgetRatiosSchema>;

export const exportBudgetSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** The figures as entered (full and auditor): a region adds them up to aggregate as a ratio of sums. */
    inputs: budgetInputsSchema.optional(),
    ratios: exportBudgetRatiosSchema,
  })
  .strict();
export type ExportBudget = z.infer<typeof exportBudgetSchema>;

export const exportApplicationSchema = z
  .object({
    /** Full only: a product name tells an attacker what to look for. */
    name: nonBlank(200).optional(),
    kind: z.enum(applicationKinds),
    handlesHealthData: z.boolean(),
    sharedOrExternal: z.boolean(),
    /** Full only (free text). */
    sensitiveReason: text(2000).optional(),
    authentication: z.array(z.enum(authenticationMeans)).max(authenticationMeans.length),
    remoteAccess: z.boolean(),
    users: count.optional(),
    usersWithTwoFactors: count.optional(),
    doctorsAndNurses: count.optional(),
    doctorsAndNursesWithTwoFactors: count.optional(),
    homologation: z.enum(homologationStates),
    targetDate: z.iso.date().optional(),
  })
  .strict();
export type ExportApplication = z.infer<typeof exportApplicationSchema>;

/** HospiConnect counts of the application inventory (src/domain/applications/mfa-compliance.ts), at every level. */
export const exportMfaSchema = z
  .object({
    sensitiveCount: count,
    compliantCount: count,
    users: count,
    usersWithTwoFactors: count,
    patientRecordTwoFactorShare: share.optional(),
    target2027Met: z.boolean().optional(),
    target2028Met: z.boolean().optional(),
  })
  .strict();
export type ExportMfa = z.infer<typeof exportMfaSchema>;

export const exportActionSchema = z
  .object({
    /** The questionnaire item the action answers, when it came from a gap. */
    itemId: itemId.optional(),
    title: nonBlank(500),
    /** Full only. */
    description: text(10000).optional(),
    /** Full only (a person's name). */
    owner: text(200).optional(),
    dueDate: z.iso.date().optional(),
    status: z.enum(actionStatuses),
    /** Full only. */
    estimatedCost: z.number().min(0).optional(),
  })
  .strict();
export type ExportAction = z.infer<typeof exportActionSchema>;

export const exportEvidenceSchema = z
  .object({
    itemId,
    name: nonBlank(1000),
    type: text(255).optional(),
    size: count,
    sha256: hex64,
    /** The date of the document itself (a signed policy, an audit report), not the upload date. */
    documentDate: z.iso.date().optional(),
  })
  .strict();
export type ExportEvidence = z.infer<typeof exportEvidenceSchema>;

/**
 * The snapshot an export was made from (« Figer l'évaluation », src/domain/snapshot/snapshot.ts): its id, when it
 * was frozen and its digest, so that the auditor's review, which copies them, names the frozen state it read.
 */
export const exportSnapshotSchema = z
  .object({
    id: z.string().min(1).max(100),
    frozenAt: z.iso.datetime({ offset: true }),
    digest: hex64,
  })
  .strict();
export type ExportSnapshot = z.infer<typeof exportSnapshotSchema>;

/**
 * What changed since the last review received (docs/review-format.md): the review's digest and date, and the items it
 * marked whose answer is no longer the one reviewed, in questionnaire order. Ids only: no free text, so at every level.
 */
export const exportReviewChangesSchema = z
  .object({
    reviewDigest: hex64,
    reviewedAt: z.iso.datetime({ offset: true }),
    changedItemIds: z.array(itemId).max(5000),
  })
  .strict();
export type ExportReviewChanges = z.infer<typeof exportReviewChangesSchema>;

const maxEntries =
  (max: number) =>
  (value: Record<string, unknown>): boolean =>
    Object.keys(value).length <= max;

export const exportContentSchema = z
  .object({
    questionnaire: z
      .object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        version: z.string().min(1).max(40),
        /** SHA-256 of the canonical questionnaire content the answers were given against. */
        contentHash: hex64,
      })
      .strict(),
    campaignYear: z.number().int().min(2020).max(2100),
    scores: exportScoresSchema,
    /** Keyed by item id. Full: responses, justifications and comments; auditor: responses only; statistics: none. */
    answers: z.record(itemId, exportAnswerSchema).refine(maxEntries(5000), exportIssueMessages.tooMany).optional(),
    /** Critical items not fully met ("don't know" included), ranked as in the gap list (full and auditor). */
    criticalGaps: z.array(itemId).max(5000).optional(),
    budget: exportBudgetSchema.optional(),
    /** Full and auditor (the auditor level without names and free text); statistics: none. */
    applications: z.array(exportApplicationSchema).max(1000).optional(),
    mfa: exportMfaSchema.optional(),
    /** Full: every field; auditor: item, title, status and due date; statistics: none. */
    actions: z.array(exportActionSchema).max(5000).optional(),
    /** Full only. */
    evidence: z.array(exportEvidenceSchema).max(10000).optional(),
    /** Since version 2: the snapshot the file was made from, when it was made from one (at every level). */
    snapshot: exportSnapshotSchema.optional(),
    /** Since version 2: the items a received review marked whose answer changed since (at every level). */
    reviewChanges: exportReviewChangesSchema.optional(),
  })
  .strict();
export type ExportContent = z.infer<typeof exportContentSchema>;

export const exportIntegritySchema = z
  .object({
    algorithm: z.literal('SHA-256'),
    canonicalization: z.literal('RFC8785'),
    digest: hex64,
  })
  .strict();

/** The public part of a P-256 key, with only the members RFC 7638 uses for its thumbprint. */
export const ecPublicKeyJwkSchema = z
  .object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: base64url(32), y: base64url(32) })
  .strict();
export type EcPublicKeyJwk = z.infer<typeof ecPublicKeyJwkSchema>;

export const exportSignatureSchema = z
  .object({
    algorithm: z.literal('ECDSA-P256-SHA256'),
    publicKeyJwk: ecPublicKeyJwkSchema,
    /** SHA-256 (hex) of the RFC 7638 thumbprint input of the key: what the auditor checks out of band. */
    keyFingerprint: hex64,
    /** The 64-byte IEEE P1363 signature (r ‖ s), base64url without padding. */
    value: base64url(64),
  })
  .strict();
export type ExportSignature = z.infer<typeof exportSignatureSchema>;

const envelopeShape = {
  format: z.literal(EXPORT_FORMAT).meta({ description: 'Marks an Autodiag CaRE export file.' }),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION).meta({
    description: 'Version of this format; older versions are migrated on import, newer ones refused.',
  }),
  app: z.object({ name: z.string().min(1).max(100), version: z.string().min(1).max(50) }).strict(),
  exportedAt: z.iso.datetime({ offset: true }).meta({
    description: 'When the file was made; of two files of one campaign, the later one is kept.',
  }),
  sharingLevel: sharingLevelSchema.meta({
    description: 'full: everything; auditor: no free text, no evidence; statistics: scores and ratios only.',
  }),
  establishment: exportEstablishmentSchema,
  content: exportContentSchema,
};

type Issue = { path: (string | number)[]; message: string };

/** What each sharing level may hold (docs/export-format.md, table "Fields per sharing level"). */
export function sharingLevelIssues(level: SharingLevel, content: ExportContent): Issue[] {
  const issues: Issue[] = [];
  const forbid = (present: boolean, path: (string | number)[]) => {
    if (present) issues.push({ path: ['content', ...path], message: exportIssueMessages.notAllowed });
  };
  const require = (present: boolean, path: (string | number)[]) => {
    if (!present) issues.push({ path: ['content', ...path], message: exportIssueMessages.required });
  };
  if (level === 'statistics') {
    forbid(content.answers !== undefined, ['answers']);
    forbid(content.criticalGaps !== undefined, ['criticalGaps']);
    forbid(content.budget?.inputs !== undefined, ['budget', 'inputs']);
    forbid(content.applications !== undefined, ['applications']);
    forbid(content.actions !== undefined, ['actions']);
    forbid(content.evidence !== undefined, ['evidence']);
    return issues;
  }
  const full = level === 'full';
  // The ratios are recomputed from the figures on import (recompute-figures.ts): below statistics they travel together.
  if (content.budget) require(content.budget.inputs !== undefined, ['budget', 'inputs']);
  for (const [id, answer] of Object.entries(content.answers ?? {})) {
    if (!full) forbid(answer.comment !== undefined, ['answers', id, 'comment']);
    if (answer.response?.kind === 'not-applicable') {
      const path = ['answers', id, 'response', 'justification'];
      if (full) require(answer.response.justification !== undefined, path);
      else forbid(answer.response.justification !== undefined, path);
    }
  }
  (content.applications ?? []).forEach((app, i) => {
    if (full) require(app.name !== undefined, ['applications', i, 'name']);
    else {
      forbid(app.name !== undefined, ['applications', i, 'name']);
      forbid(app.sensitiveReason !== undefined, ['applications', i, 'sensitiveReason']);
    }
  });
  if (!full) {
    (content.actions ?? []).forEach((action, i) => {
      forbid(action.description !== undefined, ['actions', i, 'description']);
      forbid(action.owner !== undefined, ['actions', i, 'owner']);
      forbid(action.estimatedCost !== undefined, ['actions', i, 'estimatedCost']);
    });
    forbid(content.evidence !== undefined, ['evidence']);
  }
  return issues;
}

function withSharingLevelRules(
  value: { sharingLevel: SharingLevel; content: ExportContent },
  ctx: z.RefinementCtx,
): void {
  for (const issue of sharingLevelIssues(value.sharingLevel, value.content)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
}

/** The envelope before it is sealed: what {@link buildExportEnvelope} returns and what the digest covers. */
export const unsealedExportEnvelopeSchema = z.object(envelopeShape).strict().superRefine(withSharingLevelRules);
export type UnsealedExportEnvelope = z.infer<typeof unsealedExportEnvelopeSchema>;

/** A complete export file of the current format version. */
export const exportEnvelopeSchema = z
  .object({
    ...envelopeShape,
    integrity: exportIntegritySchema.meta({
      description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of the envelope without integrity and signature.',
    }),
    signature: exportSignatureSchema.optional().meta({
      description: 'ECDSA P-256 / SHA-256 signature of the 32 bytes of integrity.digest, P1363 form, base64url.',
    }),
  })
  .strict()
  .superRefine(withSharingLevelRules);
export type ExportEnvelope = z.infer<typeof exportEnvelopeSchema>;

/**
 * The FINESS a submission is filed under: the geographic one (EG) when given, else the legal one (EJ), so that two
 * sites of one legal entity assessed apart do not replace each other in the auditor's workspace.
 */
export function submissionFiness(establishment: Pick<ExportEstablishment, 'finessEj' | 'finessEg'>): string {
  return establishment.finessEg ?? establishment.finessEj;
}
