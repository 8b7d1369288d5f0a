import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays, isoDateOf } from '../../domain/scoring/iso-date';
import { loadDemoData } from '../../storage/demo-data';
import { EvidenceRepository } from '../../storage/evidence-repository';
import { formatDate } from '../../texts/format';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { GapsPage } from './gaps-page';
import { RenewalPage } from './renewal-page';

const assessmentId = 'demo-chu-care-2026';
const bytes = new TextEncoder().encode('%PDF-1.4 preuve').buffer;
/** Text as a reader sees it: every run of white space (no-break spaces included) as one space. */
const norm = (value: string) => value.replace(/\s+/g, ' ');
const text = (element: HTMLElement) => norm(element.textContent);

async function demoWithProofs() {
  const db = await openTestDatabase();
  await loadDemoData(db);
  const today = isoDateOf(Date.now());
  const old = addDays(today, -500);
  const evidence = new EvidenceRepository(db);
  // care.gov.01 is answered « oui » in the demo: its expired PSSI is counted as met.
  await evidence.add({
    assessmentId,
    itemId: 'care.gov.01',
    name: 'pssi-2024.pdf',
    type: 'application/pdf',
    data: bytes,
    documentDate: old,
  });
  // care.d2.16 sets a rule and is not answered in the demo: its undated test report is to renew, not counted as met.
  await evidence.add({
    assessmentId,
    itemId: 'care.d2.16',
    name: 'test-restauration.pdf',
    type: 'application/pdf',
    data: bytes,
  });
  // A valid proof, and one under no rule, are not listed.
  await evidence.add({
    assessmentId,
    itemId: 'care.gov.01',
    name: 'pssi-revue.pdf',
    type: 'application/pdf',
    data: bytes,
    documentDate: addDays(today, -5),
  });
  await evidence.add({ assessmentId, itemId: 'care.gov.02', name: 'lettre.pdf', type: 'application/pdf', data: bytes });
  return { db, old };
}

describe('the proofs to renew (issue 18)', () => {
  it(
    'lists each proof to renew with its item, name, date and why, each leading to its item',
    { timeout: 30_000 },
    async () => {
      const { db, old } = await demoWithProofs();
      await renderWithApp(
        [{ path: '/assessments/:assessmentId/results/renewal', element: <RenewalPage /> }],
        `/assessments/${assessmentId}/results/renewal`,
        db,
      );
      const expired = (await screen.findByRole('heading', { name: 'pssi-2024.pdf' })).closest('article') as HTMLElement;
      expect(text(expired)).toContain('care.gov.01');
      expect(text(expired)).toContain('Comptée comme atteinte');
      expect(text(expired)).toContain(formatDate(old, 'fr'));
      expect(text(expired)).toContain(norm(`expiré depuis le ${formatDate(addDays(old, 365), 'fr')}`));
      expect(within(expired).getByRole('link', { name: /Ouvrir la question/ })).toHaveAttribute(
        'href',
        `/assessments/${assessmentId}/governance?item=care.gov.01`,
      );
      const undated = (await screen.findByRole('heading', { name: 'test-restauration.pdf' })).closest(
        'article',
      ) as HTMLElement;
      expect(text(undated)).toContain('Non renseignée');
      expect(text(undated)).toContain('sans date de document');
      expect(screen.queryByRole('heading', { name: 'pssi-revue.pdf' })).toBeNull();
      expect(screen.queryByRole('heading', { name: 'lettre.pdf' })).toBeNull();
      // Longest expired first, then the undated ones.
      const names = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
      expect(names).toEqual(['pssi-2024.pdf', 'test-restauration.pdf']);
      expect(screen.getByRole('link', { name: 'Preuves à renouveler' })).toHaveAttribute('aria-current', 'page');
    },
  );

  it('flags in the gaps an item answered as met whose proof is to renew', { timeout: 30_000 }, async () => {
    const { db } = await demoWithProofs();
    await renderWithApp(
      [{ path: '/assessments/:assessmentId/results/gaps', element: <GapsPage /> }],
      `/assessments/${assessmentId}/results/gaps`,
      db,
    );
    const section = (
      await screen.findByRole('heading', { name: /^1\sexigence comptée comme atteinte a une preuve à renouveler$/ })
    ).closest('section') as HTMLElement;
    expect(within(section).getByRole('link', { name: 'care.gov.01 — pssi-2024.pdf' })).toBeInTheDocument();
    // care.d2.16 is not answered as met: it stays out of this notice.
    expect(text(section)).not.toContain('test-restauration.pdf');
    expect(within(section).getByRole('link', { name: 'Voir toutes les preuves à renouveler' })).toHaveAttribute(
      'href',
      `/assessments/${assessmentId}/results/renewal`,
    );
  });
});
