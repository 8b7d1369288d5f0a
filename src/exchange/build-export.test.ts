// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildExportEnvelope, pickCampaignBudget, sealExport } from './build-export';
import { computeExportDigest } from './canonical-digest';
import { serializeExport } from './export-file';
import { exportEnvelopeSchema, unsealedExportEnvelopeSchema, type SharingLevel } from './export-format';
import { anExportInput, secretWords } from '../testing/exchange/export-test-data';
import { generateSigningKeyPair, verifyDigestSignature, webCryptoSigner } from './signing';

const input = anExportInput();
const build = (level: SharingLevel) => buildExportEnvelope(input, level);

describe('buildExportEnvelope', () => {
  it('is deterministic and valid at every level', () => {
    for (const level of ['full', 'auditor', 'statistics'] as const) {
      expect(build(level)).toEqual(build(level));
      expect(unsealedExportEnvelopeSchema.safeParse(build(level)).success).toBe(true);
    }
  });

  it('describes the establishment with its department, from the FINESS', () => {
    expect(build('statistics').establishment).toEqual({
      finessEj: '450000278',
      name: 'Centre hospitalier de Montargis-les-Bois',
      category: 'ch',
      sector: 'health',
      department: '45',
      ghtName: 'GHT Val-de-Loire Centre',
      isGhtSupport: false,
      beds: 420,
      staff: 1300,
    });
  });

  it('keeps everything at the full level', () => {
    const { content } = build('full');
    expect(content.answers?.['care.gov.01']).toEqual({
      response: { kind: 'status', value: 'yes' },
      comment: secretWords.comment,
    });
    expect(content.answers?.['care.gov.03']?.response).toEqual({
      kind: 'not-applicable',
      justification: secretWords.justification,
    });
    expect(content.answers?.['care.gov.10']).toEqual({ comment: 'Only a comment so far.' });
    expect(content.applications?.[0]?.name).toBe(secretWords.applicationName);
    expect(content.actions).toEqual([
      {
        itemId: 'care.gov.02',
        title: 'Faire valider la PSSI par la direction',
        description: secretWords.actionDescription,
        owner: secretWords.actionOwner,
        dueDate: '2027-03-31',
        status: 'todo',
        estimatedCost: 5000,
      },
    ]);
    expect(content.evidence).toEqual([
      {
        itemId: 'care.gov.01',
        name: secretWords.evidenceName,
        type: 'application/pdf',
        size: 12,
        sha256: 'b'.repeat(64),
        documentDate: '2026-02-01',
      },
    ]);
  });

  it('leaves out every free text at the auditor level', () => {
    const envelope = build('auditor');
    const text = JSON.stringify(envelope);
    for (const word of Object.values(secretWords)) expect(text).not.toContain(word);
    expect(text).not.toContain('Only a comment so far.');
    const { content } = envelope;
    expect(content.evidence).toBeUndefined();
    expect(Object.values(content.answers ?? {}).some((a) => a.comment !== undefined)).toBe(false);
    // Responses stay, the not-applicable one without its justification; a comment-only answer is not an answer.
    expect(content.answers?.['care.gov.03']).toEqual({ response: { kind: 'not-applicable' } });
    expect(content.answers?.['care.gov.02']).toEqual({ response: { kind: 'status', value: 'no' }, toReview: true });
    expect(content.answers?.['care.gov.10']).toBeUndefined();
    expect(content.actions).toEqual([
      { itemId: 'care.gov.02', title: 'Faire valider la PSSI par la direction', dueDate: '2027-03-31', status: 'todo' },
    ]);
    expect(content.applications?.[0]).not.toHaveProperty('name');
    expect(content.applications?.[0]).not.toHaveProperty('sensitiveReason');
    expect(content.applications?.[0]?.authentication).toEqual(['password-only', 'e-cps']);
  });

  it('keeps scores, budget ratios and MFA counts only at the statistics level', () => {
    const envelope = build('statistics');
    expect(Object.keys(envelope.content).sort()).toEqual(['budget', 'campaignYear', 'mfa', 'questionnaire', 'scores']);
    expect(envelope.content.budget).toEqual({
      year: 2026,
      ratios: { itShareOfOperating: 2_000_000 / 120_000_000, cyberShareOfIt: 150_000 / 2_000_000 },
    });
    expect(envelope.content.mfa).toEqual({
      sensitiveCount: 1,
      compliantCount: 0,
      users: 1200,
      usersWithTwoFactors: 300,
      patientRecordTwoFactorShare: 0.25,
      // Unknown for 2027 (no count of doctors and nurses), missed for 2028 (a password-only access remains).
      target2028Met: false,
    });
    const text = JSON.stringify(envelope);
    for (const word of Object.values(secretWords)) expect(text).not.toContain(word);
    expect(text).not.toContain('care.gov.');
  });

  it('scores at the export date and lists the unmet critical items', () => {
    const { content } = build('auditor');
    expect(content.scores.asOf).toBe('2026-11-23');
    expect(content.scores.overall.answered).toBe(6);
    expect(content.scores.overall.notApplicable).toBe(1);
    expect(content.scores.overall.unknown).toBe(1);
    expect(content.scores.domains.map((d) => d.domainId)).toContain('governance');
    const critical = new Set(input.questionnaire.items.filter((i) => i.weight === 'critical').map((i) => i.id));
    for (const id of content.criticalGaps ?? []) expect(critical.has(id)).toBe(true);
    // "No" and "don't know" on critical items are gaps; "yes" is not.
    const expected = ['care.gov.02', 'care.gov.05', 'care.d2.05'].filter((id) => critical.has(id));
    expect([...(content.criticalGaps ?? [])].sort()).toEqual(expected.sort());
  });

  it('has no MFA counts without an inventory, and no budget without figures', () => {
    const { content } = buildExportEnvelope(anExportInput({ applications: [], budget: undefined }), 'full');
    expect(content.mfa).toBeUndefined();
    expect(content.applications).toBeUndefined();
    expect(content.budget).toBeUndefined();
  });
});

describe('pickCampaignBudget', () => {
  const budgets = [
    { year: 2024, inputs: { itFte: 3 } },
    { year: 2025, inputs: { itFte: 4 } },
    { year: 2026, inputs: {} },
    { year: 2027, inputs: { itFte: 5 } },
  ];
  it('takes the campaign year, else the latest earlier year with figures', () => {
    expect(pickCampaignBudget(budgets, 2027)?.year).toBe(2027);
    expect(pickCampaignBudget(budgets, 2026)?.year).toBe(2025);
    expect(pickCampaignBudget(budgets, 2023)).toBeUndefined();
  });
});

describe('sealExport', () => {
  it('adds the digest of the canonical JSON and a signature of that digest', async () => {
    const key = await generateSigningKeyPair();
    const sealed = await sealExport(build('auditor'), webCryptoSigner(key));
    expect(exportEnvelopeSchema.safeParse(sealed).success).toBe(true);
    const reread = JSON.parse(serializeExport(sealed)) as Record<string, unknown>;
    expect(await computeExportDigest(reread)).toBe(sealed.integrity.digest);
    expect(sealed.signature?.keyFingerprint).toBe(key.fingerprint);
    expect(sealed.signature?.publicKeyJwk).toEqual(key.publicKeyJwk);
    expect(await verifyDigestSignature(key.publicKeyJwk, sealed.integrity.digest, sealed.signature?.value ?? '')).toBe(
      true,
    );
  });

  it('seals without a signature when there is no signer', async () => {
    const sealed = await sealExport(build('statistics'));
    expect(sealed.signature).toBeUndefined();
    expect(sealed.integrity).toEqual({
      algorithm: 'SHA-256',
      canonicalization: 'RFC8785',
      digest: await computeExportDigest(JSON.parse(JSON.stringify(sealed)) as Record<string, unknown>),
    });
  });

  it('refuses to seal an envelope that breaks its sharing level', async () => {
    const envelope = build('auditor');
    const leaky = { ...envelope, content: { ...envelope.content, evidence: build('full').content.evidence } };
    await expect(sealExport(leaky)).rejects.toThrow(/content\.evidence/);
  });
});
