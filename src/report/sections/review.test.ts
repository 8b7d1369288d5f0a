// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readReceivedReview } from '../../domain/review/received-review';
import { pdfPages, squeeze, writeTempPdf } from '../../testing/report/pdf/pdf-test-tools';
import { demoReportInput } from '../../testing/report/report-test-data';
import { nodeFontLoader } from '../pdf/fonts-node';
import { renderReportPdf } from '../pdf/render-report';
import { buildReportModel } from '../report-model';

/** « Avis de l'auditeur » in the report (issue 18): the opinion of the review imported and each mark. */
const review = readReceivedReview(
  JSON.parse(
    readFileSync(new URL('../../../tests/fixtures/review/v1/to-complete-from-snapshot.json', import.meta.url), 'utf8'),
  ),
);

describe('the auditor’s review in the report', () => {
  const input = { ...demoReportInput('demo-chu-care-2026', { asOf: '2026-12-02' }), review };

  it('gives the reviewer, the outcome, the reliance, the reason, then the marks in questionnaire order', () => {
    const model = buildReportModel(input).review;
    expect(model?.intro).toContain('ARS Centre-Val de Loire');
    expect(model?.intro).toContain('Autodiagnostic à compléter');
    expect(model?.intro).toContain('fiabilité moyenne');
    expect(model?.reason).toMatch(/^Motif\u00a0: La PSSI n’est pas signée/);
    expect(model?.marks.map((m) => [m.itemId, m.status])).toEqual([
      ['care.gov.01', 'Acceptée'],
      ['care.gov.02', 'À compléter'],
      ['care.gov.05', 'Refusée'],
    ]);
  });

  it('is printed only when a review was imported', async () => {
    expect(buildReportModel({ ...input, review: undefined }).review).toBeUndefined();
    const fonts = await nodeFontLoader();
    const pages = pdfPages(writeTempPdf(renderReportPdf(buildReportModel(input), fonts).bytes));
    const all = squeeze(pages.join(''));
    expect(all).toContain(squeeze('Avis de l’auditeur'));
    expect(all).toContain(squeeze('Joindre la PSSI signée par le directeur.'));
    const without = pdfPages(
      writeTempPdf(renderReportPdf(buildReportModel({ ...input, review: undefined }), fonts).bytes),
    );
    expect(squeeze(without.join(''))).not.toContain(squeeze('Avis de l’auditeur'));
  }, 60_000);
});
