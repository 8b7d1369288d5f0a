import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildReviewEnvelope, reviewSubmissionOf, sealReview, serializeReview } from '../../exchange/build-review';
import { AssessmentRepository } from '../../storage/assessment-repository';
import { catalogQuestionnaires } from '../../storage/catalog-questionnaires';
import type { CareDatabase } from '../../storage/care-database';
import { loadDemoData } from '../../storage/demo-data';
import { ReviewExchangeRepository } from '../../storage/review-exchange-repository';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { ExportPage } from './export-page';
import { gatherExportSource, makeExportFile, recordSentExport } from './make-export';

/** The establishment's half of the review cycle on the export screen (issue 18). */

const assessmentId = 'demo-chu-care-2026';
const routes = [
  { path: '/assessments/:assessmentId/export', element: <ExportPage /> },
  { path: '*', element: null },
];

/** An export of the demo CHU made and recorded as the export screen does, and a review of it. */
async function exportedAndReviewed(db: CareDatabase) {
  const assessment = await new AssessmentRepository(db).get(assessmentId);
  if (!assessment) throw new Error('no demo assessment');
  const loaded = await catalogQuestionnaires.load(assessment.questionnaireId, assessment.questionnaireVersion);
  const source = await gatherExportSource(db, assessmentId, loaded, { appVersion: '0.1.0', now: new Date() });
  const file = await makeExportFile(source, 'auditor', { withEvidence: false });
  await recordSentExport(db, source, file);
  const review = await sealReview(
    buildReviewEnvelope({
      submission: reviewSubmissionOf(file.envelope),
      reviewer: { name: 'Claire Martin', organisation: 'ARS Centre-Val de Loire' },
      opinion: { outcome: 'to-complete', reliance: 'moderate', reason: 'La PSSI n’est pas signée.' },
      items: [
        { itemId: 'care.gov.01', status: 'accepted' },
        { itemId: 'care.gov.02', status: 'to-complete', comment: 'Joindre la PSSI signée.' },
      ],
      appVersion: '0.1.0',
      reviewedAt: new Date().toISOString(),
    }),
  );
  return { envelope: file.envelope, review };
}

async function renderExport(db: CareDatabase) {
  await renderWithApp(routes, `/assessments/${assessmentId}/export`, db);
  await screen.findByRole('heading', { level: 1, name: 'Exporter l’évaluation' });
  return userEvent.setup();
}

const fileOf = (text: string, name: string) => new File([text], name, { type: 'application/json' });

describe('the auditor’s review on the export screen', () => {
  it('imports a review of one of this installation’s exports and shows who, when, the opinion and the marks', async () => {
    const db = await openTestDatabase();
    await loadDemoData(db);
    const { review } = await exportedAndReviewed(db);
    const user = await renderExport(db);
    expect(screen.getByText('Aucun avis reçu pour cette évaluation.')).toBeInTheDocument();

    await user.upload(
      screen.getByLabelText('Importer l’avis de l’auditeur'),
      fileOf(serializeReview(review), 'autodiag-care-avis.json'),
    );
    const card = await screen.findByTestId('received-review', {}, { timeout: 5_000 });
    expect(card).toHaveTextContent('Autodiagnostic à compléter — fiabilité moyenne');
    expect(card).toHaveTextContent('Claire Martin (ARS Centre-Val de Loire)');
    expect(card).toHaveTextContent('La PSSI n’est pas signée.');
    expect(within(card).getByText('1 question à compléter')).toBeInTheDocument();
    expect(screen.getByText('L’avis « autodiag-care-avis.json » a été importé.')).toBeInTheDocument();
    expect(await screen.findByTestId('review-changes', {}, { timeout: 5_000 })).toHaveTextContent(
      'Aucune des questions marquées',
    );
    db.close();
  });

  it('tells before the next export which reviewed items changed since, and the file says so', async () => {
    const db = await openTestDatabase();
    await loadDemoData(db);
    const { review } = await exportedAndReviewed(db);
    await renderExport(db);
    const { importReviewFile } = await import('./import-review-file');
    await importReviewFile(db, serializeReview(review), 'avis.json');
    await new AssessmentRepository(db).saveAnswer(assessmentId, 'care.gov.02', {
      response: { kind: 'status', value: 'partial' },
      updatedAt: Date.now(),
    });
    await waitFor(() => expect(screen.getByTestId('review-changes')).toHaveTextContent('care.gov.02'), {
      timeout: 5_000,
    });
    expect(screen.getByTestId('review-changes')).toHaveTextContent(
      '1 question marquée par l’avis a changé depuis l’export qu’il relit',
    );
    const assessment = await new AssessmentRepository(db).get(assessmentId);
    if (!assessment) throw new Error('no demo assessment');
    const loaded = await catalogQuestionnaires.load(assessment.questionnaireId, assessment.questionnaireVersion);
    const next = await gatherExportSource(db, assessmentId, loaded, { appVersion: '0.1.0', now: new Date() });
    const file = await makeExportFile(next, 'statistics', { withEvidence: false });
    expect(file.check.ok).toBe(true);
    expect(file.envelope.content.reviewChanges).toEqual({
      reviewDigest: review.integrity.digest,
      reviewedAt: review.reviewedAt,
      changedItemIds: ['care.gov.02'],
    });
    db.close();
  });

  it('refuses, by name, a review of no export made here, and writes nothing', async () => {
    const db = await openTestDatabase();
    await loadDemoData(db);
    const { review } = await exportedAndReviewed(db);
    await db.sentExports.clear();
    const user = await renderExport(db);
    await user.upload(
      screen.getByLabelText('Importer l’avis de l’auditeur'),
      fileOf(serializeReview(review), 'x.json'),
    );
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('L’avis « x.json » ne répond à aucun export fait depuis cet appareil');
    expect(await new ReviewExchangeRepository(db).listReceivedReviews(assessmentId)).toEqual([]);
    db.close();
  });
});
