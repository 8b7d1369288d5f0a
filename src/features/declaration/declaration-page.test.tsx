import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AssessmentRepository } from '../../storage/assessment-repository';
import { loadDemoData } from '../../storage/demo-data';
import { EvidenceRepository } from '../../storage/evidence-repository';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { freezeForTest } from '../../testing/storage/snapshots';
import { DeclarationPage } from './declaration-page';

const assessmentId = 'demo-chu-care-2026';
const bytes = new TextEncoder().encode('%PDF-1.4 preuve').buffer;
const norm = (value: string) => value.replace(/\s+/g, ' ');
const text = (element: HTMLElement) => norm(element.textContent);
const route = [{ path: '/assessments/:assessmentId/declaration', element: <DeclarationPage /> }];

async function objective(id: string): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { name: new RegExp(`^${id.replace(/\./g, '\\.')}\\s`) })).closest(
    'article',
  ) as HTMLElement;
}

describe('the declaration pack screen (issue 18)', () => {
  it(
    'gives each objective of the window its state at the snapshot’s date, and why it is not ready',
    {
      timeout: 40_000,
    },
    async () => {
      const db = await openTestDatabase();
      await loadDemoData(db);
      const evidence = new EvidenceRepository(db);
      // D2.P1 (care.gov.01, answered « oui »): a PSSI reviewed six months before the freeze, within its year.
      await evidence.add({
        assessmentId,
        itemId: 'care.gov.01',
        name: 'pssi.pdf',
        type: 'application/pdf',
        data: bytes,
        documentDate: '2026-06-01',
      });
      // D2.P2 (care.gov.05, « oui »): no validity rule, so an undated proof counts.
      await evidence.add({
        assessmentId,
        itemId: 'care.gov.05',
        name: 'organisation.pdf',
        type: 'application/pdf',
        data: bytes,
      });
      const snapshot = await freezeForTest(db, assessmentId, { name: 'Déclaration domaine 2' });
      // What is done after the freeze does not reach the snapshot's reading.
      await new AssessmentRepository(db).saveAnswer(assessmentId, 'care.gov.01', {
        response: { kind: 'status', value: 'no' },
        updatedAt: Date.now(),
      });

      await renderWithApp(route, `/assessments/${assessmentId}/declaration?window=care-d2&snapshot=${snapshot.id}`, db);
      const p1 = await objective('D2.P1');
      expect(within(p1).getByText('Prêt')).toBeInTheDocument();
      expect(text(p1)).toContain('pssi.pdf — 1 juin 2026 — Valable jusqu’au 31 mai 2027');
      expect(within(await objective('D2.P2')).getByText('Prêt')).toBeInTheDocument();

      const o2a = await objective('D2.O2.A');
      expect(within(o2a).getByText('Pas prêt')).toBeInTheDocument();
      expect(text(o2a)).toContain('La réponse ne montre pas l’exigence atteinte.');
      expect(text(o2a)).toContain('Aucune preuve n’est jointe.');
      expect(text(o2a)).toContain('La politique de sauvegarde et de restauration validée');
      expect(within(o2a).getByRole('link', { name: /Ouvrir la question/ })).toHaveAttribute(
        'href',
        `/assessments/${assessmentId}/continuity-recovery?item=care.d2.08`,
      );
      expect(text(screen.getByText(/objectifs prêts sur/))).toBe('2 objectifs prêts sur 13, état au 2 décembre 2026.');
      expect(screen.getByRole('button', { name: 'Télécharger le dossier de déclaration' })).toBeEnabled();
      expect(screen.getByLabelText('Guichet de déclaration')).toHaveValue('care-d2');
    },
  );

  it(
    'reads the living assessment today without a snapshot, and asks for one to download',
    { timeout: 40_000 },
    async () => {
      const db = await openTestDatabase();
      await loadDemoData(db);
      await renderWithApp(route, `/assessments/${assessmentId}/declaration?window=care-d1`, db);
      const o6b = await objective('D1.O6.B');
      // Answered « oui », but no proof attached.
      expect(within(o6b).getByText('Pas prêt')).toBeInTheDocument();
      expect(text(o6b)).toContain('Aucune preuve n’est jointe.');
      expect(text(o6b)).toContain('La description de l’infrastructure Active Directory convergée');
      expect(screen.queryByRole('button', { name: 'Télécharger le dossier de déclaration' })).toBeNull();
      expect(screen.getByRole('link', { name: 'Ouvrir les instantanés' })).toBeInTheDocument();
      expect(text(await objective('D1.O2.B'))).toContain('Rattachement déduit');
    },
  );

  it('says so for a questionnaire that answers no declaration window', { timeout: 30_000 }, async () => {
    const db = await openTestDatabase();
    await loadDemoData(db);
    await renderWithApp(route, `/assessments/demo-ehpad-esms-2026/declaration`, db);
    expect(
      await screen.findByText('Ce questionnaire ne répond à aucun guichet de déclaration CaRE ou HospiConnect.'),
    ).toBeInTheDocument();
  });
});
