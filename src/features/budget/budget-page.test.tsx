import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EstablishmentCategory } from '../../domain/establishment/establishment';
import { BudgetRepository } from '../../storage/budget-repository';
import { EstablishmentRepository } from '../../storage/establishment-repository';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { createEstablishment } from '../../testing/storage/campaign';
import { BudgetPage } from './budget-page';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
/** Text as shown, whatever the kind of space (Intl writes narrow and regular no-break spaces). */
const shown = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));

async function renderBudget(category: EstablishmentCategory = 'ch', path = '/budget/2025', ghtName?: string) {
  const db = await openTestDatabase();
  const establishment = await createEstablishment(db, { category, ...(ghtName ? { ghtName } : {}) });
  await renderWithApp(
    [{ path: '/establishments/:establishmentId/budget/:year?', element: <BudgetPage /> }],
    `/establishments/${establishment.id}${path}`,
    db,
  );
  await screen.findByRole('heading', { level: 1 });
  return { db, establishment, budgets: new BudgetRepository(db), user: userEvent.setup() };
}

const field = (label: string) => screen.getByLabelText(label);
const total = () => field('Total des charges d’exploitation');
const it_ = () => field('Charges d’exploitation du système d’information (SI)');
const cyber = () => field('Dépenses de fonctionnement en cybersécurité');

async function expectSaved() {
  await waitFor(() => expect(screen.getByText('Enregistré')).toBeInTheDocument(), { timeout: 3000 });
}

// Typing through user-event re-renders the whole screen at each key: slow in jsdom, hence the longer timeout.
describe('BudgetPage', { timeout: 30_000 }, () => {
  it('computes the ratios and the euro gap as French amounts are typed, and stores them', async () => {
    const { budgets, establishment, user } = await renderBudget();
    await user.type(total(), '100 000 000');
    await user.type(it_(), '1 700 000,00');
    expect(screen.getByTestId('ratio-itShareOfOperating')).toHaveTextContent(shown('1,7 %'));
    expect(screen.getByTestId('gap-itShareOfOperating')).toHaveTextContent(shown('300 000 €'));
    expect(screen.getByTestId('ratio-itShareOfOperating').closest('li')).toHaveTextContent('En dessous de la cible');
    await expectSaved();
    expect((await budgets.get(establishment.id, 2025))?.inputs).toEqual({
      totalOperatingCharges: 100_000_000,
      itOperatingCharges: 1_700_000,
    });
  });

  it('offers the beds and places typed at the creation of the establishment, and stores them when taken', async () => {
    const db = await openTestDatabase();
    const establishment = await new EstablishmentRepository(db).create({
      name: 'EHPAD Les Glycines',
      finessEj: '010780914',
      category: 'ehpad',
      isGhtSupport: false,
      beds: 84,
    });
    await renderWithApp(
      [{ path: '/establishments/:establishmentId/budget/:year?', element: <BudgetPage /> }],
      `/establishments/${establishment.id}/budget/2025`,
      db,
    );
    const user = userEvent.setup();
    const offer = await screen.findByRole('button', {
      name: 'Reprendre les 84 lits et places indiqués pour l’établissement',
    });
    expect(field('Lits et places')).toHaveValue('');
    await user.click(offer);
    await expectSaved();
    expect((await new BudgetRepository(db).get(establishment.id, 2025))?.inputs).toEqual({ bedsAndPlaces: 84 });
    expect(field('Lits et places')).toHaveValue('84');
    expect(screen.queryByRole('button', { name: /Reprendre les 84 lits/ })).toBeNull();
  });

  it('shows an accepted amount in French formatting once the field is left', async () => {
    const { user } = await renderBudget();
    await user.type(total(), '1234567.5');
    await user.tab();
    expect(total()).toHaveValue(`1${NNBSP}234${NNBSP}567,50${NBSP}€`);
  });

  it('refuses cyber spend above IT charges, naming the field, and stores nothing of it', async () => {
    const { budgets, establishment, user } = await renderBudget();
    await user.type(it_(), '1 700 000');
    await expectSaved();
    await user.click(cyber());
    await user.paste('2 000 000');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      shown(
        '« Dépenses de fonctionnement en cybersécurité » non enregistré : Les dépenses de cybersécurité ne peuvent pas dépasser les charges SI',
      ),
    );
    expect(cyber()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('ratio-cyberShareOfIt')).toHaveTextContent('non calculé');
    // The refused figure stays as typed after leaving the field, so that it can be corrected.
    await user.tab();
    expect(cyber()).toHaveValue('2 000 000');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await budgets.get(establishment.id, 2025))?.inputs).toEqual({ itOperatingCharges: 1_700_000 });

    // Corrected, it is accepted and stored.
    await user.clear(cyber());
    await user.paste('119 000');
    expect(screen.getByTestId('ratio-cyberShareOfIt')).toHaveTextContent(shown('7 %'));
    await user.tab();
    await waitFor(async () => expect((await budgets.get(establishment.id, 2025))?.inputs.cyberOperating).toBe(119_000));
  });

  it('does not store the figures passed through while typing a refused one key by key', async () => {
    const { budgets, establishment, user } = await renderBudget();
    await user.type(it_(), '1 700 000');
    await user.tab();
    await waitFor(async () =>
      expect((await budgets.get(establishment.id, 2025))?.inputs.itOperatingCharges).toBe(1_700_000),
    );
    // "2 000 00" (200 000 €) is accepted on the way, then "2 000 000" is refused: nothing of it is stored.
    await user.type(cyber(), '2 000 000');
    await screen.findByRole('alert');
    await user.tab();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await budgets.get(establishment.id, 2025))?.inputs).toEqual({ itOperatingCharges: 1_700_000 });
    expect(screen.getByTestId('ratio-cyberShareOfIt')).toHaveTextContent('non calculé');
  });

  it('warns about an odd figure but stores it', async () => {
    const { budgets, establishment, user } = await renderBudget();
    await user.type(it_(), '1000000');
    await user.click(cyber());
    await user.paste('400000');
    expect(screen.getByText(/Plus de 30\s%\sdes charges SI consacrés à la cybersécurité/)).toBeInTheDocument();
    await user.tab();
    await waitFor(async () => expect((await budgets.get(establishment.id, 2025))?.inputs.cyberOperating).toBe(400_000));
  });

  it('says that no medico-social target was found and reads the ratios against the same targets', async () => {
    const { user } = await renderBudget('ehpad');
    expect(screen.getByTestId('medico-social-notice')).toHaveTextContent(
      'Aucune cible propre au secteur médico-social n’a été trouvée',
    );
    await user.type(total(), '5000000');
    await user.type(it_(), '50000');
    expect(screen.getByTestId('ratio-itShareOfOperating')).toHaveTextContent(shown('1 %'));
    expect(
      screen.getAllByText(shown('Cible : 2 % (la même que pour les établissements de santé'), { exact: false }).length,
    ).toBeGreaterThan(0);
  });

  it('uses the targets set on the screen and stores them', async () => {
    const { budgets, user } = await renderBudget();
    await user.type(total(), '100000000');
    await user.type(it_(), '1700000');
    const target = field('Cible de part du numérique (en %)');
    await user.clear(target);
    await user.type(target, '3');
    await waitFor(() =>
      expect(screen.getByTestId('gap-itShareOfOperating')).toHaveTextContent(
        shown('En dessous de la cible de 3 % : il manque 1,3 point, soit 1 300 000 € de dépenses numériques'),
      ),
    );
    await user.tab();
    await waitFor(async () => expect(await budgets.getTargets()).toEqual({ itShare: 0.03, cyberShare: 0.1 }));
    // The targets' origin, with its real confidence: the roadmap objective as the press reported it, and ANSSI.
    expect(screen.getByText(/objectif de la feuille de route du numérique en santé 2023–2027/)).toBeInTheDocument();
    expect(screen.getByText(/test de maturité cyber de l’ANSSI place aussi à 10/)).toBeInTheDocument();
  });

  it('adds a year and draws the trend over the years entered, with the same figures in a table', async () => {
    const { budgets, establishment, user } = await renderBudget('ch', '/budget');
    await budgets.saveInputs(establishment.id, 2024, {
      totalOperatingCharges: 100_000_000,
      itOperatingCharges: 1_500_000,
    });
    const newYear = await screen.findByLabelText('Nouvelle année');
    await user.clear(newYear);
    await user.type(newYear, '2025');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’année' }));
    await screen.findByRole('heading', { name: 'Chiffres de l’année 2025' });
    expect(screen.getByLabelText('Année des chiffres')).toHaveValue('2025');
    await user.type(total(), '100000000');
    await user.type(it_(), '1700000');
    const rowsOf = () =>
      within(screen.getByRole('table', { name: 'Ratios par année' }))
        .getAllByRole('row')
        .map((row) => within(row).queryAllByRole('cell').concat(within(row).queryAllByRole('rowheader')))
        .map((row) => row.map((cell) => cell.textContent.replace(/\s/g, ' ')));
    // The trend is drawn from the stored years: it follows once the figures are saved.
    await waitFor(() => expect(rowsOf()[2]).toEqual(['1,7 %', 'non calculé', '300 000 €', 'non calculé', '2025']));
    expect(rowsOf()[1]).toEqual(['1,5 %', 'non calculé', '500 000 €', 'non calculé', '2024']);
    expect(
      screen.getByRole('img', { name: /Part du numérique et part de la cybersécurité, de 2024 à 2025/ }),
    ).toBeInTheDocument();
  });

  it('shows the GHT as a ratio of sums of its establishments, not a mean of ratios', async () => {
    const { db, establishment, budgets } = await renderBudget('ch', '/budget/2025', 'GHT Bresse Haut-Bugey');
    const other = await new EstablishmentRepository(db).create({
      name: 'CH de Belley',
      finessEj: '010003820',
      category: 'ch',
      ghtName: 'GHT Bresse Haut-Bugey',
      isGhtSupport: false,
    });
    await budgets.saveInputs(establishment.id, 2025, {
      totalOperatingCharges: 100_000_000,
      itOperatingCharges: 1_000_000,
    });
    await budgets.saveInputs(other.id, 2025, { totalOperatingCharges: 10_000_000, itOperatingCharges: 1_000_000 });
    // (1 M + 1 M) / (100 M + 10 M) = 1.82 %; the mean of 1 % and 10 % would be 5.5 %.
    expect(await screen.findByTestId('ght-it-share')).toHaveTextContent(shown('1,82 %'));
    expect(screen.getByTestId('ght-table')).not.toHaveTextContent(shown('5,5 %'));
    // The summed budget misses 200 000 €; the members' own gaps add up to 1 000 000 € (Belley is above 2 %).
    expect(screen.getByTestId('ght-gap-it')).toHaveTextContent(
      shown('Budget additionné du GHT : écart de 200 000 € à la cible de 2 %.'),
    );
    expect(screen.getByTestId('ght-gap-it')).toHaveTextContent(
      shown('Écarts propres des établissements, additionnés : 1 000 000 € (1 établissement sur 2 sous la cible).'),
    );
  });

  it('refuses a year out of range', async () => {
    const { user } = await renderBudget();
    const newYear = screen.getByLabelText('Nouvelle année');
    await user.clear(newYear);
    await user.type(newYear, '1850');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’année' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Saisissez une année entre 2000 et 2100.');
  });
});
