// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExportEnvelope } from './build-export';
import { exportJsonSchema } from './export-json-schema';
import { sharingLevelIssues, submissionFiness, unsealedExportEnvelopeSchema } from './export-format';
import { anExportInput } from '../testing/exchange/export-test-data';

const issuesOf = (value: unknown) => {
  const result = unsealedExportEnvelopeSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('docs/export-format.schema.json', () => {
  it('is the schema generated from the zod model (run `npm run schema:export` after changing it)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(process.cwd(), 'docs/export-format.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(exportJsonSchema())));
  });

  it('describes the envelope, the levels and the signature', () => {
    const text = JSON.stringify(exportJsonSchema());
    for (const word of ['care-autodiag/export', 'full', 'auditor', 'statistics', 'ECDSA-P256-SHA256', 'RFC8785']) {
      expect(text).toContain(`"${word}"`);
    }
  });
});

describe('sharing-level rules', () => {
  const full = buildExportEnvelope(anExportInput(), 'full');

  it('refuse at the auditor level what only the full level may hold', () => {
    expect(sharingLevelIssues('auditor', full.content).map((i) => i.path.join('.'))).toEqual([
      'content.answers.care.gov.01.comment',
      'content.answers.care.gov.03.response.justification',
      'content.answers.care.gov.10.comment',
      'content.applications.0.name',
      'content.applications.0.sensitiveReason',
      'content.actions.0.description',
      'content.actions.0.owner',
      'content.actions.0.estimatedCost',
      'content.evidence',
    ]);
  });

  it('refuse at the statistics level anything but scores, ratios and counts', () => {
    expect(sharingLevelIssues('statistics', full.content).map((i) => i.path.join('.'))).toEqual([
      'content.answers',
      'content.criticalGaps',
      'content.budget.inputs',
      'content.applications',
      'content.actions',
      'content.evidence',
    ]);
  });

  it('require at the full level the justification of "not applicable" and the application names', () => {
    const auditor = buildExportEnvelope(anExportInput(), 'auditor');
    expect(issuesOf({ ...auditor, sharingLevel: 'full' })).toEqual([
      'content.answers.care.gov.03.response.justification:required-at-sharing-level',
      'content.applications.0.name:required-at-sharing-level',
    ]);
    expect(issuesOf(full)).toEqual([]);
  });
});

describe('the establishment', () => {
  const envelope = buildExportEnvelope(anExportInput(), 'statistics');
  const withEstablishment = (change: object) => ({
    ...envelope,
    establishment: { ...envelope.establishment, ...change },
  });

  it('has a FINESS with its check key, a department and a sector that match', () => {
    expect(issuesOf(withEstablishment({ finessEj: '450000279' }))).toContain('establishment.finessEj:finess-invalid');
    expect(issuesOf(withEstablishment({ finessEj: '45 000 0278' }))).toContain('establishment.finessEj:finess-invalid');
    expect(issuesOf(withEstablishment({ department: '41' }))).toEqual([
      'establishment.department:department-does-not-match-finess',
    ]);
    expect(issuesOf(withEstablishment({ sector: 'medico-social' }))).toEqual([
      'establishment.sector:sector-does-not-match-category',
    ]);
    expect(issuesOf(withEstablishment({ finessEj: '2A0000019', department: '2A' }))).toEqual([]);
  });

  it('is filed under its EG when it has one, else its EJ', () => {
    expect(submissionFiness({ finessEj: '450000120' })).toBe('450000120');
    expect(submissionFiness({ finessEj: '450000120', finessEg: '450000138' })).toBe('450000138');
  });
});
