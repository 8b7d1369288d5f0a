import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../testing/render-with-app';
import { EstablishmentFormPage } from './establishment-form-page';

const routes = [
  { path: '/establishments/new', element: <EstablishmentFormPage /> },
  { path: '/establishments/:establishmentId', element: <p>page de l’établissement</p> },
];

describe('the establishment form', () => {
  it('refuses a FINESS number with a wrong key, says why, and stores nothing', async () => {
    const { db } = await renderWithApp(routes, '/establishments/new');
    await userEvent.type(screen.getByLabelText('Nom de l’établissement'), 'CH de Vierzon-sur-Cher');
    await userEvent.type(screen.getByLabelText('Numéro FINESS juridique (EJ)'), '180000581');
    await userEvent.selectOptions(screen.getByLabelText('Catégorie'), 'ch');
    await userEvent.click(screen.getByRole('button', { name: 'Créer l’établissement' }));
    expect(await screen.findByText(/La clé de contrôle de ce numéro FINESS est fausse/)).toBeInTheDocument();
    expect(screen.getByLabelText('Numéro FINESS juridique (EJ)')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.establishments.count()).toBe(0);
    db.close();
  });

  it('creates the establishment and its sector follows the category', async () => {
    const { db } = await renderWithApp(routes, '/establishments/new');
    await userEvent.type(screen.getByLabelText('Nom de l’établissement'), 'IME Les Tournesols');
    await userEvent.type(screen.getByLabelText('Numéro FINESS juridique (EJ)'), '180000580');
    await userEvent.selectOptions(screen.getByLabelText('Catégorie'), 'ime');
    await userEvent.click(screen.getByRole('button', { name: 'Créer l’établissement' }));
    expect(await screen.findByText('page de l’établissement')).toBeInTheDocument();
    const [stored] = await db.establishments.toArray();
    expect(stored).toMatchObject({ name: 'IME Les Tournesols', finessEj: '180000580', sector: 'medico-social' });
    expect(screen.getByRole('status')).toHaveTextContent('Enregistré');
    db.close();
  });

  it('warns, without refusing, about a Corsican number whose key cannot be checked', async () => {
    const { db } = await renderWithApp(routes, '/establishments/new');
    await userEvent.type(screen.getByLabelText('Numéro FINESS juridique (EJ)'), '2B0000456');
    expect(await screen.findByText(/Numéro corse \(2A\/2B\)/)).toBeInTheDocument();
    db.close();
  });

  it('asks the category first, preselects none and shows the GHT fields to a health establishment only', async () => {
    const { db } = await renderWithApp(routes, '/establishments/new');
    const fields = screen.getAllByRole('combobox').concat(screen.getAllByRole('textbox'));
    expect(screen.getByLabelText('Catégorie')).toBe(fields[0]);
    expect(screen.getByLabelText('Catégorie')).toHaveValue('');
    expect(screen.queryByLabelText('Groupement hospitalier de territoire (GHT)')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Catégorie'), 'ehpad');
    expect(screen.queryByLabelText('Groupement hospitalier de territoire (GHT)')).toBeNull();
    expect(screen.queryByLabelText('Établissement support du GHT')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Catégorie'), 'ch');
    expect(screen.getByLabelText('Groupement hospitalier de territoire (GHT)')).toBeInTheDocument();
    db.close();
  });

  it('refuses a form without a category and says so', async () => {
    const { db } = await renderWithApp(routes, '/establishments/new');
    await userEvent.type(screen.getByLabelText('Nom de l’établissement'), 'EHPAD Les Glycines');
    await userEvent.type(screen.getByLabelText('Numéro FINESS juridique (EJ)'), '180000580');
    await userEvent.click(screen.getByRole('button', { name: 'Créer l’établissement' }));
    expect(await screen.findByText('Choisissez la catégorie de l’établissement.')).toBeInTheDocument();
    expect(await db.establishments.count()).toBe(0);
    db.close();
  });

  it('asks the NIS2 status with « pas encore connu » chosen, explains it, and stores the one chosen', async () => {
    const { db } = await renderWithApp(routes, '/establishments/new');
    const group = screen.getByRole('group', { name: 'Statut au titre de NIS2' });
    expect(screen.getByRole('radio', { name: 'Pas encore connu' })).toBeChecked();
    expect(group).toHaveTextContent(/directive européenne NIS2 \(UE\) 2022\/2555/);
    expect(group).toHaveTextContent(/projet de loi « résilience »/);
    await userEvent.selectOptions(screen.getByLabelText('Catégorie'), 'chu');
    await userEvent.type(screen.getByLabelText('Nom de l’établissement'), 'CHU de Bourg');
    await userEvent.type(screen.getByLabelText('Numéro FINESS juridique (EJ)'), '180000580');
    await userEvent.click(screen.getByRole('radio', { name: 'Entité essentielle (EE)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Créer l’établissement' }));
    expect(await screen.findByText('page de l’établissement')).toBeInTheDocument();
    const [stored] = await db.establishments.toArray();
    expect(stored?.nis2Status).toBe('essential');
    db.close();
  });
});
