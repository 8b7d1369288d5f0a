import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { ActionRepository } from '../../storage/action-repository';
import { BudgetRepository } from '../../storage/budget-repository';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { createCampaign } from '../../testing/storage/campaign';
import { ActionPlanPage } from './action-plan-page';

/** Text as shown, whatever the kind of space (Intl writes narrow and regular no-break spaces). */
const shown = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

async function renderPlan(search = '') {
  const db = await openTestDatabase();
  const { establishment, assessment } = await createCampaign(db);
  await new BudgetRepository(db).saveInputs(establishment.id, 2025, {
    totalOperatingCharges: 100_000_000,
    itOperatingCharges: 2_000_000,
    cyberOperating: 100_000,
  });
  await renderWithApp(
    [
      { path: '/establishments/:establishmentId/actions', element: <ActionPlanPage /> },
      { path: '*', element: null },
    ],
    `/establishments/${establishment.id}/actions${search.replace('{a}', assessment.id)}`,
    db,
  );
  await screen.findByRole('heading', { level: 1 });
  return { db, establishment, assessment, actions: new ActionRepository(db), user: userEvent.setup() };
}

describe('ActionPlanPage', { timeout: 30_000 }, () => {
  beforeAll(() => {
    // jsdom lays nothing out and has no scrollIntoView; the page calls it to bring the focused action into view.
    Element.prototype.scrollIntoView = () => undefined;
  });

  it('creates an action from a gap with its question and proof, and sets its cost against the budget gap', async () => {
    const { user, actions, establishment } = await renderPlan('?assessment={a}&item=care.d2.16');
    const form = screen.getByRole('region', { name: 'Nouvelle action' });
    expect(form).toHaveTextContent('Pour combler l’écart care.d2.16');
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Intitulé de l’action').value).toMatch(/restauration/);
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Détail').value).toMatch(/^Preuve attendue/);
    await user.type(within(form).getByLabelText(/^Responsable/), 'RSSI du GHT');
    await user.type(within(form).getByLabelText(/^Coût estimé/), '18 000');
    await user.click(within(form).getByRole('button', { name: 'Créer l’action' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Nouvelle action' })).not.toBeInTheDocument());
    const [stored] = await actions.listByEstablishment(establishment.id);
    expect(stored).toMatchObject({ itemId: 'care.d2.16', owner: 'RSSI du GHT', estimatedCost: 18000, status: 'todo' });
    const row = await screen.findByRole('row', { name: /restauration/ });
    expect(row).toHaveTextContent(shown('18 000 €'));
    expect(screen.getByTestId('cost-against-gap')).toHaveTextContent(shown('il manque 100 000 €'));
    expect(screen.getByTestId('cost-against-gap')).toHaveTextContent(shown('Le plan en représente 18 %'));
  });

  it('marks an overdue action in words, and offers to update the answer when an action from a gap is done', async () => {
    const { user, actions, establishment, assessment } = await renderPlan();
    await actions.create(
      { establishmentId: establishment.id, assessmentId: assessment.id, itemId: 'care.d2.16' },
      { title: 'Tester une restauration', status: 'in-progress', dueDate: '2020-01-31' },
    );
    await actions.create({ establishmentId: establishment.id }, { title: 'Former les équipes', status: 'todo' });
    const late = await screen.findByRole('row', { name: /Tester une restauration/ });
    expect(late).toHaveTextContent('En retard');
    expect(late).toHaveClass('action-row--overdue');
    expect(screen.getByRole('row', { name: /Former les équipes/ })).not.toHaveTextContent('En retard');
    expect(screen.getByText(/2 actions ouvertes/)).toBeInTheDocument();
    expect(screen.getByText(/1 est en retard/)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('État de l’action « Tester une restauration »'), 'done');
    const invite = await screen.findByRole('link', { name: 'Mettre à jour la réponse' });
    expect(invite).toHaveAttribute('href', `/assessments/${assessment.id}/continuity-recovery?item=care.d2.16`);
    expect(invite.closest('[role="status"]')).toHaveTextContent('question care.d2.16');
    await waitFor(async () => expect((await actions.listByEstablishment(establishment.id))[0]?.status).toBe('done'));
    // The list follows the database as a transition (src/storage/use-live-query.ts): a moment after the write.
    await waitFor(() =>
      expect(screen.getByRole('row', { name: /Tester une restauration/ })).not.toHaveTextContent('En retard'),
    );
  });

  it('moves a card between the board columns with its status select, keeping the focus on it', async () => {
    const { user, actions, establishment } = await renderPlan();
    await actions.create({ establishmentId: establishment.id }, { title: 'Former les équipes', status: 'todo' });
    await screen.findByRole('row', { name: /Former les équipes/ });
    await user.click(screen.getByRole('radio', { name: 'Tableau par état' }));
    const todo = screen.getByRole('region', { name: 'À faire (1)' });
    const select = within(todo).getByLabelText('État de l’action « Former les équipes »');
    select.focus();
    await user.selectOptions(select, 'in-progress');
    const inProgress = await screen.findByRole('region', { name: 'En cours (1)' });
    const moved = within(inProgress).getByLabelText('État de l’action « Former les équipes »');
    await waitFor(() => expect(moved).toHaveFocus());
    expect(screen.getByRole('region', { name: 'À faire (0)' })).toHaveTextContent('Aucune action.');
  });

  it('edits an action and refuses a cost that is not an amount', async () => {
    const { user, actions, establishment } = await renderPlan();
    await actions.create({ establishmentId: establishment.id }, { title: 'Former les équipes', status: 'todo' });
    await user.click(await screen.findByRole('button', { name: /^Modifier ?— Former les équipes$/ }));
    const form = screen.getByRole('region', { name: 'Modifier l’action' });
    await waitFor(() => expect(within(form).getByRole('heading', { name: 'Modifier l’action' })).toHaveFocus());
    await user.type(within(form).getByLabelText(/^Coût estimé/), 'beaucoup');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer les modifications' }));
    expect(await within(form).findByText(/Saisissez un montant en euros/)).toBeInTheDocument();
    await user.clear(within(form).getByLabelText(/^Coût estimé/));
    await user.type(within(form).getByLabelText(/^Coût estimé/), '2 500,50');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(async () =>
      expect((await actions.listByEstablishment(establishment.id))[0]?.estimatedCost).toBe(2500.5),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: /^Modifier ?— Former les équipes$/ })).toHaveFocus());
  });
});
