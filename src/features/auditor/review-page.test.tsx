import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SharingLevel } from '../../domain/sharing-level';
import { buildExportEnvelope, sealExport, type ExportInput } from '../../exchange/build-export';
import type { CareDatabase } from '../../storage/care-database';
import { validateReviewFile } from '../../exchange/validate-review';
import { ReviewDraftRepository } from '../../storage/review-draft-repository';
import { shippedQuestionnaires } from '../../testing/exchange/shipped-questionnaires';
import { storeSubmission } from '../../storage/submission-repository';
import { anExportInput } from '../../testing/exchange/export-test-data';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { ReviewPage } from './review-page';

/** The auditor's review screen over a file stored as the import stores it (75 items: a large page for jsdom). */
const SLOW = 30_000;

async function storeFile(db: CareDatabase, level: SharingLevel, input: ExportInput = anExportInput()) {
  const envelope = await sealExport(buildExportEnvelope(input, level));
  await storeSubmission(db, { ok: true, fileName: 'export.json', digest: envelope.integrity.digest, envelope });
  return envelope;
}

async function open(level: SharingLevel = 'full', db?: CareDatabase, input?: ExportInput) {
  const database = db ?? (await openTestDatabase());
  const envelope = await storeFile(database, level, input);
  const rendered = await renderWithApp(
    [{ path: '/auditor/review/:submissionDigest', element: <ReviewPage /> }],
    `/auditor/review/${envelope.integrity.digest}`,
    database,
  );
  await screen.findByRole('heading', { level: 1, name: /Examen de la soumission/ }, { timeout: 10_000 });
  return { db: database, envelope, view: within(rendered.container), user: userEvent.setup() };
}

const itemCard = (id: string) => {
  const card = document.querySelector(`[data-item-id="${id}"]`);
  if (!(card instanceof HTMLElement)) throw new Error(`no card for ${id}`);
  return within(card);
};

/** The quick filters (queried inside their group: the page has hundreds of radios). */
const filters = () => within(screen.getByText('Afficher').closest('fieldset') as HTMLElement);

const shownIds = () => [...document.querySelectorAll('[data-item-id]')].map((e) => e.getAttribute('data-item-id'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the review screen', () => {
  it(
    'shows the file, its answers, comments and proofs, and stores each mark in the draft',
    async () => {
      const { db, envelope, view, user } = await open('full');
      expect(view.getByText('Centre hospitalier de Montargis-les-Bois', { selector: 'dd bdi' })).toBeInTheDocument();
      expect(view.getByText('Complet')).toBeInTheDocument();
      expect(view.getByText(/Aucun : exporté depuis l’évaluation en cours/)).toBeInTheDocument();
      const gov01 = itemCard('care.gov.01');
      expect(gov01.getByText(/Réponse : Oui/)).toBeInTheDocument();
      expect(gov01.getByText(/COMMENTAIRE-SECRET/)).toBeInTheDocument();

      await user.click(gov01.getByRole('radio', { name: 'Refusé' }));
      await user.type(gov01.getByLabelText('Commentaire de l’examen (facultatif)'), 'Absente');
      await user.click(itemCard('care.gov.02').getByRole('radio', { name: 'Accepté' }));

      const drafts = new ReviewDraftRepository(db);
      await waitFor(async () =>
        expect((await drafts.get(envelope.integrity.digest))?.marks).toEqual({
          'care.gov.01': { status: 'refused', comment: 'Absente' },
          'care.gov.02': { status: 'accepted' },
        }),
      );
      await waitFor(() => expect(screen.getByText('Enregistré')).toBeInTheDocument());
      expect(view.getByText(/2 items marqués sur/)).toBeInTheDocument();
    },
    SLOW,
  );

  it(
    'filters the items: unmarked, refused, to complete, critical',
    async () => {
      const { view, user } = await open('auditor');
      const all = shownIds().length;
      expect(all).toBeGreaterThan(60);
      await user.click(itemCard('care.gov.01').getByRole('radio', { name: 'Refusé' }));
      await user.click(itemCard('care.gov.02').getByRole('radio', { name: 'À compléter' }));

      await user.click(filters().getByRole('radio', { name: 'Refusés (1)' }));
      expect(shownIds()).toEqual(['care.gov.01']);
      await user.click(filters().getByRole('radio', { name: 'À compléter (1)' }));
      expect(shownIds()).toEqual(['care.gov.02']);
      await user.click(filters().getByRole('radio', { name: `Non marqués (${all - 2})` }));
      expect(shownIds()).toHaveLength(all - 2);
      await user.click(filters().getByRole('radio', { name: /^Critiques/ }));
      const critical = shownIds();
      expect(critical.length).toBeGreaterThan(0);
      expect(critical.length).toBeLessThan(all);
      for (const id of critical.slice(0, 5)) expect(itemCard(id ?? '').getByText('Critique')).toBeInTheDocument();
      // The auditor level carries answers without the establishment's comments or proofs.
      await user.click(filters().getByRole('radio', { name: /^Tous/ }));
      expect(view.queryByText(/COMMENTAIRE-SECRET/)).not.toBeInTheDocument();
      expect(view.queryByText('Aucune preuve jointe.')).not.toBeInTheDocument();
    },
    SLOW,
  );

  it(
    'moves between the marks of an item with the arrow keys (a radio group)',
    async () => {
      const { user } = await open('auditor');
      const card = itemCard('care.gov.01');
      await user.click(card.getByRole('radio', { name: 'Accepté' }));
      await user.keyboard('{ArrowRight}');
      expect(card.getByRole('radio', { name: 'À compléter' })).toBeChecked();
      expect(card.getByRole('group', { name: 'Votre avis sur l’item care.gov.01' })).toBeInTheDocument();
    },
    SLOW,
  );

  it(
    'refuses to export an incomplete opinion and names what is missing',
    async () => {
      const { user } = await open('auditor');
      const opinion = within(screen.getByRole('region', { name: 'Avis d’ensemble' }));
      await user.click(opinion.getByRole('radio', { name: 'À compléter' }));
      await user.click(opinion.getByRole('button', { name: 'Exporter l’avis signé' }));
      const alert = await opinion.findByRole('alert');
      expect(alert).toHaveTextContent(
        'L’avis n’est pas complet. Il manque : le nom de l’examinateur, son organisme, la fiabilité de l’auto-évaluation, le motif de l’avis.',
      );
    },
    SLOW,
  );

  it(
    'exports a complete opinion as a signed review file that the review validation accepts, and remembers it',
    async () => {
      const { db, envelope, user } = await open('auditor');
      const blobs: Blob[] = [];
      vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
        blobs.push(b as Blob);
        return 'blob:test';
      });
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
      let fileName = '';
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        fileName = this.download;
      });
      await user.click(itemCard('care.gov.02').getByRole('radio', { name: 'Refusé' }));
      await user.type(itemCard('care.gov.02').getByLabelText('Commentaire de l’examen (facultatif)'), 'Non signé');
      await user.click(itemCard('care.gov.01').getByRole('radio', { name: 'Accepté' }));
      const opinion = within(screen.getByRole('region', { name: 'Avis d’ensemble' }));
      await user.type(opinion.getByLabelText('Votre nom'), 'Claire Martin');
      await user.type(opinion.getByLabelText('Votre organisme (ARS, GRADeS…)'), 'ARS');
      await user.click(opinion.getByRole('radio', { name: 'À compléter' }));
      await user.click(opinion.getByRole('radio', { name: 'Faible' }));
      await user.type(opinion.getByLabelText('Motif de cet avis'), 'PSSI à signer.');
      await user.click(opinion.getByRole('button', { name: 'Exporter l’avis signé' }));

      expect(await opinion.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent(
        'Avis exporté : autodiag-care-avis_450000278_care_2026.json.',
      );
      expect(fileName).toBe('autodiag-care-avis_450000278_care_2026.json');
      const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
      const validated = await validateReviewFile(bytes, fileName, {
        questionnaires: shippedQuestionnaires,
        requireSignature: true,
      });
      if (!validated.ok) throw new Error(`${validated.code} ${validated.path ?? ''}`);
      expect(validated.envelope.submission.digest).toBe(envelope.integrity.digest);
      expect(validated.envelope.items).toEqual([
        { itemId: 'care.gov.01', status: 'accepted' },
        { itemId: 'care.gov.02', status: 'refused', comment: 'Non signé' },
      ]);
      expect(validated.envelope.opinion).toEqual({ outcome: 'to-complete', reliance: 'low', reason: 'PSSI à signer.' });
      expect(validated.envelope.reviewer).toEqual({ name: 'Claire Martin', organisation: 'ARS' });

      // The draft remembers the file written: its digest, outcome, marks and the answers reviewed.
      const draft = await new ReviewDraftRepository(db).get(envelope.integrity.digest);
      expect(draft?.exported).toMatchObject({
        reviewDigest: validated.envelope.integrity.digest,
        outcome: 'to-complete',
        marks: { 'care.gov.01': 'accepted', 'care.gov.02': 'refused' },
        answers: { 'care.gov.02': envelope.content.answers?.['care.gov.02'] },
      });
    },
    SLOW,
  );

  it(
    'shows first the reviewed items whose answer changed in a newer file, with the previous mark and answers',
    async () => {
      const db = await openTestDatabase();
      const first = await storeFile(db, 'auditor');
      const drafts = new ReviewDraftRepository(db);
      const subject = {
        id: first.integrity.digest,
        finess: '450000278',
        questionnaireId: 'care',
        questionnaireVersion: first.content.questionnaire.version,
        campaignYear: 2026,
        submissionExportedAt: first.exportedAt,
      };
      await drafts.markExported(subject, {
        reviewDigest: 'e'.repeat(64),
        reviewedAt: '2026-11-25T09:00:00.000Z',
        outcome: 'to-complete',
        reliance: 'moderate',
        marks: { 'care.gov.02': 'refused', 'care.gov.01': 'accepted' },
        answers: {
          'care.gov.02': first.content.answers?.['care.gov.02'],
          'care.gov.01': first.content.answers?.['care.gov.01'],
        },
      });
      // The establishment answered care.gov.02 again and sent a newer export: it takes the place of the first file.
      const input = anExportInput({ exportedAt: '2026-11-30T10:00:00.000Z' });
      const newer = anExportInput({
        exportedAt: '2026-11-30T10:00:00.000Z',
        assessment: {
          ...input.assessment,
          answers: {
            ...input.assessment.answers,
            'care.gov.02': { response: { kind: 'status', value: 'yes' }, updatedAt: 20 },
          },
        },
      });
      const { view } = await open('auditor', db, newer);

      const changes = within(
        view.getByText(/^1 item modifié depuis votre avis du 25 novembre 2026$/).closest('section') as HTMLElement,
      );
      expect(changes.getByText('Votre marque précédente : Refusé')).toBeInTheDocument();
      expect(changes.getByText('Réponse : Non → Oui')).toBeInTheDocument();
      expect(shownIds()[0]).toBe('care.gov.02');
      expect(shownIds().filter((id) => id === 'care.gov.02')).toHaveLength(1);
      expect(view.getByText(/Votre avis du 25 .* répondait à un fichier plus ancien/)).toBeInTheDocument();
    },
    SLOW,
  );

  it('says that a statistics-level file allows only the overall opinion', async () => {
    const { view } = await open('statistics');
    expect(view.getByText(/Aucun item ne peut être marqué/)).toBeInTheDocument();
    expect(shownIds()).toEqual([]);
    expect(view.getByRole('heading', { name: 'Avis d’ensemble' })).toBeInTheDocument();
  });
});
