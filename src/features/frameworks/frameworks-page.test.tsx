import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../domain/assessment/answer';
import type { FrameworkMapping } from '../../domain/frameworks/framework-types';
import { AssessmentRepository } from '../../storage/assessment-repository';
import { EstablishmentRepository } from '../../storage/establishment-repository';
import { buildMapping, buildMeasure, linkTo } from '../../testing/domain/frameworks/builders';
import { createCampaign } from '../../testing/storage/campaign';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { FrameworksPage } from './frameworks-page';

/**
 * The « Référentiels » view on fake-indexeddb, with the real CaRE questionnaire and a small ReCyF-like mapping in
 * place of the shipped files (the view reads whatever mapping the catalog gives it): the counts, the chart, the way
 * from a measure to its item and back, an action from an uncovered measure, and the version recorded on first view.
 */
const recyf: FrameworkMapping = buildMapping(
  [
    buildMeasure({ id: '1.1', group: '1', entities: ['EE', 'EI'], links: [linkTo('care.gov.01')] }),
    buildMeasure({ id: '1.2', group: '1', entities: ['EE', 'EI'], links: [linkTo('care.gov.02', 'partial')] }),
    buildMeasure({ id: '2.1', group: '2', entities: ['EE'], links: [linkTo('care.gov.03')] }),
    buildMeasure({ id: '2.2', group: '2', entities: ['EE', 'EI'] }),
    buildMeasure({ id: '2.3', group: '2', entities: ['EI'] }),
  ],
  { framework: 'recyf', version: '2.5', shortTitle: { fr: 'ReCyF', en: 'ReCyF' } },
);

vi.mock('../../storage/framework-catalog', () => ({
  latestFrameworkVersion: (framework: string) => (framework === 'recyf' ? '2.5' : undefined),
  loadFrameworkMapping: (framework: string) =>
    framework === 'recyf' ? Promise.resolve(recyf) : Promise.reject(new Error('not shipped')),
}));

const routes = [
  { path: '/assessments/:assessmentId/frameworks', element: <FrameworksPage /> },
  { path: '/assessments/:assessmentId/:domainId', element: <p>écran de réponse</p> },
  { path: '/establishments/:establishmentId/actions', element: <p>plan d’action</p> },
];

const status = (value: 'yes' | 'partial' | 'no'): Answer => ({ response: { kind: 'status', value }, updatedAt: 5 });

async function essentialChu() {
  const db = await openTestDatabase();
  const campaign = await createCampaign(db);
  const { establishment } = campaign;
  await new EstablishmentRepository(db).update(establishment.id, {
    name: establishment.name,
    finessEj: establishment.finessEj,
    category: 'chu',
    isGhtSupport: false,
    nis2Status: 'essential',
  });
  const repo = new AssessmentRepository(db);
  await repo.saveAnswer(campaign.assessment.id, 'care.gov.01', status('yes'));
  await repo.saveAnswer(campaign.assessment.id, 'care.gov.02', status('no'));
  return { db, ...campaign };
}

describe('the « Référentiels » view', () => {
  it('counts the measures of an essential entity by state, in a chart and a table, and says which version it read', async () => {
    const { db, assessment } = await essentialChu();
    await renderWithApp(routes, `/assessments/${assessment.id}/frameworks`, db);
    expect(await screen.findByRole('heading', { level: 1, name: /Référentiels/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ReCyF (NIS2)' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByTestId('mapping-version')).toHaveTextContent('ReCyF, version 2.5');
    expect(screen.getByText(/Correspondance proposée par l’application, non officielle/)).toBeInTheDocument();
    // EE measures: 1.1 met, 1.2 not met, 2.1 not assessed, 2.2 not covered; 2.3 (EI only) is left out.
    const chart = screen.getByRole('img', { name: /Couverture ReCyF des 4 mesures comptées/ });
    expect(chart).toHaveAccessibleDescription(/Satisfaite\s:\s1, Partiellement satisfaite\s:\s0, Non satisfaite\s:\s1/);
    const groups = screen.getByRole('table', { name: /mesures par objectif/ });
    const overall = within(groups).getByRole('row', { name: /Ensemble/ });
    expect(
      within(overall)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '0', '1', '1', '1', '4']);
    const measures = screen.getByRole('table', { name: /les mesures et les questions/ });
    expect(within(measures).queryByRole('rowheader', { name: /^2\.3/ })).toBeNull();
    expect(screen.getByText(/non comptées\s:\s1/)).toBeInTheDocument();
    // The version read is recorded with the assessment on first view.
    await vi.waitFor(async () =>
      expect((await db.assessments.get(assessment.id))?.frameworkVersions).toEqual({ recyf: '2.5' }),
    );
    db.close();
  });

  it('goes from a measure to its item on the answering screen, and from an item back to its measures', async () => {
    const { db, assessment } = await essentialChu();
    await renderWithApp(routes, `/assessments/${assessment.id}/frameworks`, db);
    const measures = await screen.findByRole('table', { name: /les mesures et les questions/ });
    const row = within(measures).getByRole('row', { name: /1\.1/ });
    expect(within(row).getByText('Satisfaite')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Ouvrir la question care.gov.01' })).toHaveAttribute(
      'href',
      `/assessments/${assessment.id}/governance?item=care.gov.01`,
    );
    const items = screen.getByRole('table', { name: /Chaque question et les mesures/ });
    const itemRow = within(items).getByRole('row', { name: /care\.gov\.02/ });
    expect(within(itemRow).getByRole('link', { name: /Mesure 1\.2/ })).toHaveAttribute('href', '#fw-measure-1.2');
    await userEvent.click(within(row).getByRole('link', { name: 'Ouvrir la question care.gov.01' }));
    expect(await screen.findByText('écran de réponse')).toBeInTheDocument();
    db.close();
  });

  it('lists the measures no questionnaire covers and makes one an action of the plan, once', async () => {
    const { db, assessment, establishment } = await essentialChu();
    await renderWithApp(routes, `/assessments/${assessment.id}/frameworks`, db);
    const next = await screen.findByRole('region', { name: /mesures qu’aucun questionnaire ne couvre \(1\)/ });
    await userEvent.click(within(next).getByRole('button', { name: 'Ajouter une action pour la mesure 2.2' }));
    expect(
      await within(next).findByRole('link', { name: /Voir l’action au plan pour la mesure 2\.2/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Action ajoutée au plan/)).toBeInTheDocument();
    const [action] = await db.actions.toArray();
    expect(action).toMatchObject({
      establishmentId: establishment.id,
      assessmentId: assessment.id,
      title: 'ReCyF 2.2\u202f: Mesure 2.2',
      status: 'todo',
    });
    expect(within(next).queryByRole('button', { name: /Ajouter une action/ })).toBeNull();
    db.close();
  });

  it('counts every ReCyF measure with its tags while the status is not known, and reads the hygiene guide first', async () => {
    const db = await openTestDatabase();
    const { assessment } = await createCampaign(db);
    await renderWithApp(routes, `/assessments/${assessment.id}/frameworks?framework=recyf`, db);
    expect(await screen.findByRole('img', { name: /des 5 mesures comptées/ })).toBeInTheDocument();
    expect(screen.getByText(/Statut NIS2 pas encore connu/)).toBeInTheDocument();
    db.close();
  });
});
