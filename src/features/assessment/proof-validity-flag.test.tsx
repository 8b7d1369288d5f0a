import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays, isoDateOf } from '../../domain/scoring/iso-date';
import { loadDemoData } from '../../storage/demo-data';
import { EvidenceRepository } from '../../storage/evidence-repository';
import { formatDate } from '../../texts/format';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { AssessmentPage } from './assessment-page';

const assessmentId = 'demo-chu-care-2026';
/** Text as a reader sees it: every run of white space (no-break spaces included) as one space. */
const norm = (value: string) => value.replace(/\s+/g, ' ');
const text = (element: HTMLElement) => norm(element.textContent);
const bytes = new TextEncoder().encode('%PDF-1.4 preuve').buffer;

describe('the validity of a proof on its item (issue 18)', () => {
  it(
    'flags an expired or undated proof beside it, with its dates and the rule’s basis, and says until when a valid one holds',
    {
      timeout: 30_000,
    },
    async () => {
      const db = await openTestDatabase();
      await loadDemoData(db);
      const today = isoDateOf(Date.now());
      const evidence = new EvidenceRepository(db);
      const old = addDays(today, -400);
      const recent = addDays(today, -10);
      await evidence.add({
        assessmentId,
        itemId: 'care.gov.01',
        name: 'pssi-ancienne.pdf',
        type: 'application/pdf',
        data: bytes,
        documentDate: old,
      });
      await evidence.add({
        assessmentId,
        itemId: 'care.gov.01',
        name: 'pssi-revue.pdf',
        type: 'application/pdf',
        data: bytes,
        documentDate: recent,
      });
      await evidence.add({
        assessmentId,
        itemId: 'care.gov.01',
        name: 'pssi-sans-date.pdf',
        type: 'application/pdf',
        data: bytes,
      });
      // care.gov.02 sets no validity rule: its proof shows no flag.
      await evidence.add({
        assessmentId,
        itemId: 'care.gov.02',
        name: 'lettre-de-mission.pdf',
        type: 'application/pdf',
        data: bytes,
      });
      // care.gov.03's rule is inferred: « règle déduite » and why.
      await evidence.add({
        assessmentId,
        itemId: 'care.gov.03',
        name: 'compte-rendu.pdf',
        type: 'application/pdf',
        data: bytes,
        documentDate: old,
      });

      await renderWithApp(
        [{ path: '/assessments/:assessmentId/:domainId?', element: <AssessmentPage /> }],
        `/assessments/${assessmentId}/governance`,
        db,
      );
      const row = async (name: string) => (await screen.findByText(name)).closest('li') as HTMLElement;

      const expired = await row('pssi-ancienne.pdf');
      expect(await within(expired).findByText(/^À renouveler/)).toBeInTheDocument();
      expect(text(expired)).toContain(
        norm(`document du ${formatDate(old, 'fr')}, expiré depuis le ${formatDate(addDays(old, 365), 'fr')}.`),
      );
      expect(text(expired)).toContain(norm('Validité\u00a0: 365\u00a0jours.'));
      expect(text(expired)).toMatch(/Source : ANSSI, ReCyF v2\.5.*2\.B\.4/);

      const valid = await row('pssi-revue.pdf');
      expect(text(valid)).toContain(norm(`Preuve valable jusqu’au ${formatDate(addDays(recent, 364), 'fr')}.`));
      expect(within(valid).queryByText(/^À renouveler/)).toBeNull();

      const undated = await row('pssi-sans-date.pdf');
      expect(text(undated)).toContain(norm('sans date de document, son âge ne peut pas être vérifié'));

      const inferred = await row('compte-rendu.pdf');
      expect(text(inferred)).toContain(
        norm('Règle déduite\u00a0: La question demande un passage devant les instances'),
      );

      const noRule = await row('lettre-de-mission.pdf');
      expect(text(noRule)).not.toContain(norm('Validité'));
    },
  );
});
