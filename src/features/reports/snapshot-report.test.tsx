import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../storage/assessment-repository';
import { loadDemoData } from '../../storage/demo-data';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { freezeForTest } from '../../testing/storage/snapshots';
import { useReportSource } from './use-report-input';
import { ReportsPage } from './reports-page';

function FrozenAnswer({ assessmentId, snapshotId }: { assessmentId: string; snapshotId: string }) {
  const source = useReportSource(assessmentId, snapshotId);
  if (source.status !== 'ready') return null;
  const response = source.input.answers?.['care.gov.01']?.response;
  return <output data-testid="frozen">{response?.kind === 'status' ? response.value : 'none'}</output>;
}

const assessmentId = 'demo-chu-care-2026';

describe('the report of a snapshot (issue 18)', () => {
  it('says it is a snapshot’s and reads the frozen answers, not today’s', { timeout: 30_000 }, async () => {
    const db = await openTestDatabase();
    await loadDemoData(db);
    const snapshot = await freezeForTest(db, assessmentId, { name: 'Bilan de décembre' });
    await new AssessmentRepository(db).saveAnswer(assessmentId, 'care.gov.01', {
      response: { kind: 'status', value: 'no' },
      updatedAt: Date.now(),
    });
    await renderWithApp(
      [{ path: '/assessments/:assessmentId/report', element: <ReportsPage /> }],
      `/assessments/${assessmentId}/report?snapshot=${snapshot.id}`,
      db,
    );
    // The page renders again once the frameworks' mappings are read: the sentence is looked up each time, not kept.
    await waitFor(
      () => expect(screen.getByText(/Rapport de l’instantané « Bilan de décembre » figé le/)).toBeInTheDocument(),
      { timeout: 15_000 },
    );
    await renderWithApp(
      [{ path: '/frozen', element: <FrozenAnswer assessmentId={assessmentId} snapshotId={snapshot.id} /> }],
      '/frozen',
      db,
    );
    expect(await screen.findByTestId('frozen')).toHaveTextContent('yes');
  });
});
