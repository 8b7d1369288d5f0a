import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApplicationRepository } from '../../storage/application-repository';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { createEstablishment } from '../../testing/storage/campaign';
import { ApplicationsPage } from './applications-page';

const shown = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

// jsdom has <dialog> but not its modal methods: enough of them for the confirmation.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

async function renderApplications() {
  const db = await openTestDatabase();
  const establishment = await createEstablishment(db);
  await renderWithApp(
    [{ path: '/establishments/:establishmentId/applications', element: <ApplicationsPage /> }],
    `/establishments/${establishment.id}/applications`,
    db,
  );
  await screen.findByRole('heading', { level: 1 });
  return { db, establishment, repo: new ApplicationRepository(db), user: userEvent.setup() };
}

describe('ApplicationsPage', { timeout: 30_000 }, () => {
  it('adds a password-only patient record from a suggestion and a compliant application, non-compliant first', async () => {
    const { repo, establishment, user } = await renderApplications();
    expect(screen.getByTestId('compliant-apps')).toHaveTextContent('aucune application sensible recensée');

    await user.click(screen.getByRole('button', { name: shown('Ajouter : Dossier patient informatisé') }));
    const name = screen.getByLabelText('Nom de l’application');
    expect(name).toHaveFocus();
    expect(name).toHaveValue('Dossier patient informatisé');
    await user.click(screen.getByLabelText(/Elle est accessible à distance/));
    expect(screen.getByText('Avec ces réponses, l’application est sensible au sens du RIE.')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Identifiant et mot de passe seuls'));
    await user.type(screen.getByLabelText('Nombre d’utilisateurs'), '1200');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’application' }));
    expect(await screen.findByText(shown('Application « Dossier patient informatisé » ajoutée.'))).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Dossier patient informatisé' })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Ajouter une application' }));
    await user.type(screen.getByLabelText('Nom de l’application'), 'PACS');
    await user.selectOptions(screen.getByLabelText('Type d’application'), 'imaging');
    // A new application starts as a clinical one: health data already ticked.
    expect(screen.getByLabelText(/Elle traite des données de santé/)).toBeChecked();
    await user.click(screen.getByLabelText(/Elle est partagée avec d’autres entités/));
    await user.click(screen.getByLabelText('e-CPS (application mobile, pour les professionnels enregistrés au RPPS)'));
    await user.type(screen.getByLabelText('Nombre d’utilisateurs'), '300');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’application' }));
    await screen.findByText(shown('Application « PACS » ajoutée.'));

    await waitFor(() => expect(screen.getByTestId('compliant-apps')).toHaveTextContent(shown('1 sur 2 (50 %)')));
    expect(screen.getByTestId('users-share')).toHaveTextContent(shown('300 sur 1 500 (20 %)'));
    expect(screen.getByTestId('target-2027')).toHaveTextContent('Non atteint');
    expect(within(screen.getByTestId('non-compliant')).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByTestId('non-compliant')).toHaveTextContent('Dossier patient informatisé');
    const cards = screen.getAllByRole('heading', { level: 3 }).filter((h) => h.classList.contains('app-card__title'));
    expect(cards.map((h) => h.textContent)).toEqual(['Dossier patient informatisé', 'PACS']);

    await waitFor(async () => expect(await repo.listByEstablishment(establishment.id)).toHaveLength(2));
    expect(screen.getByText('Enregistré')).toBeInTheDocument();
  });

  it('refuses a form without a means of authentication, saying why, and stores nothing', async () => {
    const { db, user } = await renderApplications();
    await user.click(screen.getByRole('button', { name: 'Ajouter une application' }));
    await user.type(screen.getByLabelText('Nom de l’application'), 'Messagerie');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’application' }));
    expect(await screen.findByText('Cochez au moins un moyen d’authentification.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Le formulaire contient des erreurs');
    expect(await db.applications.count()).toBe(0);
  });

  it('edits an application and removes one after confirmation', async () => {
    const { repo, establishment, user } = await renderApplications();
    await repo.create(establishment.id, {
      name: 'SIL',
      kind: 'laboratory',
      handlesHealthData: true,
      sharedOrExternal: true,
      remoteAccess: false,
      authentication: ['otp'],
      homologation: 'to-do',
    });
    await user.click(await screen.findByRole('button', { name: 'Modifier l’application SIL' }));
    await user.selectOptions(screen.getByLabelText('Homologation du moyen d’authentification'), 'without-reservations');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await screen.findByText(shown('Application « SIL » enregistrée.'));
    await waitFor(() => expect(screen.getByTestId('compliant-apps')).toHaveTextContent(shown('1 sur 1 (100 %)')));

    const remove = screen.getByRole('button', { name: 'Supprimer l’application SIL' });
    await user.click(remove);
    const dialog = screen.getByRole('dialog', { name: shown('Supprimer « SIL » ?') });
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(await repo.listByEstablishment(establishment.id)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Supprimer l’application SIL' }));
    await user.click(
      within(screen.getByRole('dialog', { name: shown('Supprimer « SIL » ?') })).getByRole('button', {
        name: 'Supprimer l’application',
      }),
    );
    await screen.findByText(shown('Application « SIL » supprimée.'));
    expect(await repo.listByEstablishment(establishment.id)).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Inventaire' })).toHaveFocus();
  });
});
