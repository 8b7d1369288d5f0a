import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../../storage/demo-data';
import { createCampaign } from '../../testing/storage/campaign';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { ReportsPage } from './reports-page';

const routes = [
  { path: '/assessments/:assessmentId/report', element: <ReportsPage /> },
  { path: '*', element: null },
];

describe('ReportsPage', () => {
  it('separates what is missing from the link that fills it in, and the title from its subtitle', async () => {
    const db = await openTestDatabase();
    const { assessment } = await createCampaign(db);
    await renderWithApp(routes, `/assessments/${assessment.id}/report`, db);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toMatch(/Rapport et exports? \S/);
    const items = (await screen.findAllByRole('listitem')).map((li) => li.textContent);
    const applications = items.find((text) => text.startsWith('aucune application'));
    expect(applications).toBe('aucune application sensible recensée — Recenser les applications');
    const budget = items.find((text) => text.startsWith('aucune donnée budgétaire'));
    expect(budget).toMatch(/campagne — Saisir le budget$/);
    // No two words run together in any item: a lower-case letter is never followed by a capital.
    for (const text of items) expect(text).not.toMatch(/[a-zé’][A-ZÉ]/);
    expect(items[0]).toMatch(/^\d+ question\(s\) applicable\(s\) sans réponse — Gouvernance et pilotage \(\d+\)/);
  });

  it('reads the demo CHU’s 2025 campaign for the change since then', async () => {
    const db = await openTestDatabase();
    await loadDemoData(db);
    await renderWithApp(routes, '/assessments/demo-chu-care-2026/report', db);
    expect(await screen.findByTestId('report-comparison')).toHaveTextContent(/compare cette campagne à celle de 2025/);
  });
});
