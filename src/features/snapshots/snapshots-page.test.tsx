import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../storage/assessment-repository';
import { loadDemoData } from '../../storage/demo-data';
import { SnapshotRepository } from '../../storage/snapshot-repository';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { freezeForTest } from '../../testing/storage/snapshots';
import { SnapshotsPage } from './snapshots-page';

const routes = [
  { path: '/assessments/:assessmentId/snapshots', element: <SnapshotsPage /> },
  { path: '*', element: null },
];
const assessmentId = 'demo-chu-care-2026';
/** French text as the screens set it: a no-break space inside « » (accessible names are not normalised). */
const fr = (text: string) => text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');

// jsdom has <dialog> but not its modal methods: enough of them for the confirmation.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

describe('SnapshotsPage', () => {
  it('freezes the assessment under the name given, lists it, and shows it read-only', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase();
    await loadDemoData(db);
    await renderWithApp(routes, `/assessments/${assessmentId}/snapshots`, db);

    await user.type(await screen.findByLabelText('Nom de l’instantané'), 'Déclaration domaine 1');
    await user.click(screen.getByRole('button', { name: 'Figer l’évaluation' }));
    expect(await screen.findByText(/Instantané « Déclaration domaine 1 » figé le/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Instantané de cette évaluation (1)' })).toBeInTheDocument();
    const [stored] = await new SnapshotRepository(db).listByAssessment(assessmentId);
    expect(stored?.name).toBe('Déclaration domaine 1');

    const card = screen.getByRole('heading', { name: 'Déclaration domaine 1', level: 3 }).closest('li');
    expect(card).not.toBeNull();
    expect(within(card as HTMLElement).getByText(/Score global \d+ %/)).toBeInTheDocument();
    expect(
      within(card as HTMLElement).getByRole('link', {
        name: fr('Imprimer le rapport de l’instantané « Déclaration domaine 1 »'),
      }),
    ).toHaveAttribute('href', `/assessments/${assessmentId}/report?snapshot=${stored?.id}`);
    expect(
      within(card as HTMLElement).getByRole('link', { name: fr('Exporter l’instantané « Déclaration domaine 1 »') }),
    ).toHaveAttribute('href', `/assessments/${assessmentId}/export?snapshot=${stored?.id}`);

    await user.click(screen.getByRole('link', { name: fr('Consulter l’instantané « Déclaration domaine 1 »') }));
    const view = await screen.findByTestId('snapshot-view');
    expect(within(view).getByText(/lecture seule/)).toBeInTheDocument();
    expect(await within(view).findByText(/\(intacte\)/)).toBeInTheDocument();
    expect(within(view).queryByRole('textbox')).toBeNull();
    expect(within(view).queryByRole('radio')).toBeNull();
  });

  it('compares a snapshot with now: the changed answer, before → after, and the scores per domain', async () => {
    const db = await openTestDatabase();
    await loadDemoData(db);
    const assessments = new AssessmentRepository(db);
    const before = (await assessments.get(assessmentId))?.answers['care.gov.01'];
    expect(before?.response).toEqual({ kind: 'status', value: 'yes' });
    const snapshot = await freezeForTest(db, assessmentId, { name: 'Avant la revue' });
    await assessments.saveAnswer(assessmentId, 'care.gov.01', {
      response: { kind: 'status', value: 'no' },
      updatedAt: Date.now(),
    });
    await renderWithApp(routes, `/assessments/${assessmentId}/snapshots?before=${snapshot.id}&after=now`, db);

    const comparison = await screen.findByTestId('snapshot-comparison');
    expect(within(comparison).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Ce qui a changé : Avant la revue → Maintenant (évaluation en cours)',
    );
    expect(within(comparison).getByRole('heading', { name: '1 réponse a changé' })).toBeInTheDocument();
    const row = within(comparison)
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-item-id') === 'care.gov.01');
    expect(row).toBeDefined();
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Oui', 'Non']);
    const domains = within(comparison).getByRole('table', { name: 'Scores par domaine' });
    expect(within(domains).getByRole('rowheader', { name: 'Score global' })).toBeInTheDocument();
    expect(within(domains).getAllByText(/^−\d+ points?$/).length).toBeGreaterThan(0);
  });

  it('deletes a snapshot only once confirmed', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase();
    await loadDemoData(db);
    await freezeForTest(db, assessmentId, { name: 'À supprimer' });
    await renderWithApp(routes, `/assessments/${assessmentId}/snapshots`, db);

    await user.click(await screen.findByRole('button', { name: fr('Supprimer l’instantané « À supprimer »') }));
    await user.click(await screen.findByRole('button', { name: 'Annuler' }));
    expect(await new SnapshotRepository(db).listByAssessment(assessmentId)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: fr('Supprimer l’instantané « À supprimer »') }));
    await user.click(await screen.findByRole('button', { name: 'Supprimer l’instantané' }));
    await waitFor(async () => expect(await new SnapshotRepository(db).listByAssessment(assessmentId)).toHaveLength(0));
    expect(await screen.findByText('Aucun instantané pour l’instant.')).toBeInTheDocument();
  });
});
