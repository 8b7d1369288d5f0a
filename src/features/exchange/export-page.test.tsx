import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../../storage/demo-data';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { ExportPage } from './export-page';

const routes = [
  { path: '/assessments/:assessmentId/export', element: <ExportPage /> },
  { path: '*', element: null },
];

async function renderExport(assessmentId = 'demo-chu-care-2026') {
  const db = await openTestDatabase();
  await loadDemoData(db);
  await renderWithApp(routes, `/assessments/${assessmentId}/export`, db);
  await screen.findByRole('heading', { level: 1, name: 'Exporter l’évaluation' });
  return db;
}

describe('ExportPage', () => {
  it('offers the three sharing levels with a plain explanation, auditor first chosen', async () => {
    await renderExport();
    const group = await screen.findByRole('group', { name: 'Que voulez-vous partager\u00a0?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['full', 'auditor', 'statistics']);
    expect(within(group).getByRole('radio', { name: 'Auditeur (recommandé)' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Complet' })).toHaveAccessibleDescription(/commentaires/);
    expect(within(group).getByRole('radio', { name: 'Statistiques' })).toHaveAccessibleDescription(/Aucune réponse/);
    expect(screen.getByRole('checkbox', { name: /Joindre les pièces justificatives/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Télécharger le fichier d’export' })).toBeInTheDocument();
  });

  it('lists what the file will hold at the level chosen, from the keyboard', async () => {
    await renderExport();
    const contents = await screen.findByTestId('export-contents');
    expect(contents).toHaveTextContent('sans commentaire ni justification');
    expect(contents).toHaveTextContent('sans leur nom');
    const user = userEvent.setup();
    // Arrow keys move within the radio group, as in any native radio group.
    await user.click(screen.getByRole('radio', { name: 'Auditeur (recommandé)' }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Statistiques' })).toBeChecked();
    expect(contents).not.toHaveTextContent('réponses');
    expect(contents).toHaveTextContent('sans les montants');
    await user.click(screen.getByRole('radio', { name: 'Complet' }));
    await waitFor(() => expect(contents).toHaveTextContent('commentaire(s)'));
    expect(contents).toHaveTextContent('avec responsables, descriptions et coûts');
  });

  it('never says the assessment is missing while it loads', async () => {
    let saidMissing = false;
    const observer = new MutationObserver(() => {
      saidMissing ||= document.body.textContent.includes('Cette évaluation n’existe pas');
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    await renderExport();
    observer.disconnect();
    expect(saidMissing).toBe(false);
  });

  it('says when the assessment does not exist', async () => {
    await renderWithApp(routes, '/assessments/nowhere/export');
    expect(await screen.findByText('Cette évaluation n’existe pas sur cet appareil.')).toBeInTheDocument();
  });
});
