// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evidenceRulesSchema } from '../../domain/evidence/evidence-validity';
import { pdfPages, squeeze, writeTempPdf } from '../../testing/report/pdf/pdf-test-tools';
import { demoReportInput } from '../../testing/report/report-test-data';
import { nodeFontLoader } from '../pdf/fonts-node';
import { renderReportPdf } from '../pdf/render-report';
import { buildReportModel } from '../report-model';

/** « Preuves à renouveler » in the report (issue 18): the proofs expired or undated on the report's date. */
const rules = evidenceRulesSchema.parse(
  JSON.parse(readFileSync(new URL('../../../questionnaires/care/evidence-rules/2026.1.json', import.meta.url), 'utf8')),
);
const proof = (itemId: string, name: string, documentDate?: string) => ({
  itemId,
  name,
  size: 10,
  sha256: 'a'.repeat(64),
  ...(documentDate ? { documentDate } : {}),
});

describe('the proofs to renew in the report', () => {
  const input = {
    ...demoReportInput('demo-chu-care-2026', { asOf: '2026-12-02' }),
    evidence: [
      proof('care.gov.01', 'pssi-2024.pdf', '2024-03-01'),
      proof('care.gov.01', 'pssi-2026.pdf', '2026-03-01'),
      proof('care.cri.01', 'exercice.pdf'),
      proof('care.gov.02', 'lettre.pdf'),
    ],
    evidenceRules: rules,
  };

  it('lists each proof to renew with its item, date, expiry and the rule’s basis', () => {
    const lines = buildReportModel(input).evidenceRenewal;
    expect(lines.map((l) => [l.itemId, l.name, l.documentDate, l.expiresOn])).toEqual([
      ['care.gov.01', 'pssi-2024.pdf', '2024-03-01', '2025-03-01'],
      ['care.cri.01', 'exercice.pdf', undefined, undefined],
    ]);
    expect(lines[0]?.basis).toMatch(/^Source\u00a0: ANSSI, ReCyF v2\.5/);
  });

  it('reads validity on the report’s date: a snapshot’s report on its freeze date', () => {
    const lines = buildReportModel({ ...input, asOf: '2025-01-15' }).evidenceRenewal;
    expect(lines.map((l) => l.name)).toEqual(['exercice.pdf']);
  });

  it('is printed only when there is a proof to renew, or rules to read', async () => {
    expect(buildReportModel({ ...input, evidenceRules: undefined }).evidenceRenewal).toEqual([]);
    const fonts = await nodeFontLoader();
    const without = pdfPages(writeTempPdf(renderReportPdf(buildReportModel({ ...input, evidence: [] }), fonts).bytes));
    expect(squeeze(without.join(''))).not.toContain(squeeze('Preuves à renouveler'));
    const pages = pdfPages(writeTempPdf(renderReportPdf(buildReportModel(input), fonts).bytes));
    const all = squeeze(pages.join(''));
    expect(all).toContain(squeeze('Preuves à renouveler'));
    expect(all).toContain(squeeze('pssi-2024.pdf'));
    expect(all).toContain(squeeze('Expirée depuis le 1 mars 2025'));
  }, 60_000);
});
