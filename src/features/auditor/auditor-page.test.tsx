import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSubmission, finessOf, withScores } from '../../testing/domain/consolidation/builders';
import { submissionKey } from '../../domain/consolidation/consolidate';
import type { SubmissionInput } from '../../domain/consolidation/submission-input';
import { openCareDatabase } from '../../storage/care-database';
import { ReviewDraftRepository } from '../../storage/review-draft-repository';
import { renderWithApp } from '../../testing/render-with-app';
import { AuditorPage } from './auditor-page';

/** The dashboard over files already stored (the import itself runs in a worker: see the end-to-end test). */
function file(body: string, name: string, category: 'ch' | 'ehpad', score: number, ghtName?: string): SubmissionInput {
  const finessEj = finessOf(body);
  return withScores(
    buildSubmission({
      establishment: {
        finessEj,
        name,
        category,
        sector: category === 'ehpad' ? 'medico-social' : 'health',
        ...(ghtName ? { ghtName } : {}),
      },
      content: {
        questionnaire: { id: 'care', version: '2026.1' },
        criticalGaps: ['care.d2.16'],
        mfa: { sensitiveCount: 2, compliantCount: 1, users: 100, usersWithTwoFactors: 40 },
        budget: {
          year: 2025,
          inputs: { totalOperatingCharges: 10_000_000, itOperatingCharges: 200_000, cyberOperating: 10_000 },
          ratios: {},
        },
      },
    }),
    score,
    [score, score / 2],
  );
}

/**
 * A stored file as a validated full or auditor-level one holds it: with its answers and its application inventory
 * (empty here), from which its figures were recomputed; without them they would be read as declared.
 */
const storedDocument = (f: SubmissionInput) => ({ ...f, content: { ...f.content, answers: {}, applications: [] } });

const files = [
  file('01000001', 'CH de Bourg', 'ch', 70, 'GHT Ain'),
  file('01000002', 'CH d’Ambérieu', 'ch', 40, 'GHT Ain'),
  file('69000003', 'EHPAD Les Tilleuls', 'ehpad', 55),
];

/** A database holding the files, then the page opened on it (it reads the store when it opens). */
async function setup() {
  const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
  await db.submissions.bulkAdd(
    files.map((f, i) => ({
      id: `s${i}`,
      finess: f.establishment.finessEj,
      questionnaireId: f.content.questionnaire.id,
      campaignYear: f.content.campaignYear,
      exportedAt: f.exportedAt,
      importedAt: 1,
      document: storedDocument(f),
    })),
  );
  const rendered = await renderWithApp([{ path: '/auditor', element: <AuditorPage /> }], '/auditor', db);
  return { view: within(rendered.container), user: userEvent.setup() };
}

const heatMapRows = () =>
  within(screen.getByRole('table', { name: /Score de chaque établissement/ }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent);

afterEach(() => vi.restoreAllMocks());

// The first render loads the questionnaires and reads the store: slow on a busy machine.
describe('AuditorPage', { timeout: 20_000 }, () => {
  it('shows the stored files as a heat map sortable from the column headers', async () => {
    const { view, user } = await setup();
    await view.findByRole('heading', { name: 'Scores par établissement et par domaine' }, { timeout: 10_000 });
    expect(heatMapRows()).toEqual([
      `CH d’Ambérieu${files[1]?.establishment.finessEj}`,
      `CH de Bourg${files[0]?.establishment.finessEj}`,
      `EHPAD Les Tilleuls${files[2]?.establishment.finessEj}`,
    ]);
    const overall = view.getByRole('button', { name: 'Global' });
    await user.click(overall);
    expect(overall.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    expect(heatMapRows()[0]).toMatch(/^CH d’Ambérieu/);
    await user.click(overall);
    expect(overall.closest('th')).toHaveAttribute('aria-sort', 'descending');
    expect(heatMapRows()[0]).toMatch(/^CH de Bourg/);
    expect(view.getByRole('button', { name: 'Établissement' }).closest('th')).not.toHaveAttribute('aria-sort');
    // Every cell prints its number beside its colour.
    expect(view.getAllByRole('cell', { name: '70' })[0]).toHaveClass('heat', 'heat--good');
  });

  it('filters by category and marks the expected establishments that sent nothing', async () => {
    const { view, user } = await setup();
    await view.findByRole('heading', { name: 'Scores par établissement et par domaine' }, { timeout: 10_000 });
    await user.selectOptions(view.getByLabelText('Catégorie'), 'ehpad');
    expect(heatMapRows()).toHaveLength(1);
    expect(view.getByText('1 établissement affiché sur 3.')).toBeInTheDocument();

    const missing = finessOf('38000009');
    const csv = `N° FINESS;Raison sociale\n${files[0]?.establishment.finessEj ?? ''};CH de Bourg\n${missing};CH de Voiron\n`;
    await user.upload(
      view.getByLabelText('Choisir la liste des établissements attendus'),
      new File([csv], 'attendus.csv', { type: 'text/csv' }),
    );
    const table = await view.findByRole('table', { name: /sans fichier retenu/ }, { timeout: 5_000 });
    expect(within(table).getByText('CH de Voiron')).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'aucun fichier' })).toBeInTheDocument();
    expect(view.getByText(/sur 2 établissements attendus, 1 a envoyé au moins un fichier/)).toBeInTheDocument();
  });

  it('downloads the consolidated CSV with a BOM and semicolons, in words by default, in codes on request', async () => {
    const { view, user } = await setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const download = view.findByRole('button', { name: 'Télécharger le CSV consolidé' }, { timeout: 10_000 });
    await user.click(await download);
    await waitFor(() => expect(blobs).toHaveLength(1));
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^Statut;FINESS juridique;FINESS géographique;Établissement;Catégorie;/);
    expect(text.split('\r\n')[1]).toMatch(/^soumis;\d{9};;[^;]*;Centre hospitalier \(CH\);Sanitaire;/);
    expect(text).toContain(submissionKey(files[0] as SubmissionInput).split('|')[0]);

    await user.click(view.getByRole('radio', { name: 'Codes stables (pour un script)' }));
    await user.click(await download);
    await waitFor(() => expect(blobs).toHaveLength(2));
    const codes = new TextDecoder().decode(new Uint8Array(await (blobs[1] as Blob).arrayBuffer()));
    expect(codes.split('\r\n')[0]).toMatch(/^statut;finess_ej;finess_eg;nom;/);
    expect(codes.split('\r\n')[1]).toMatch(/^soumis;\d{9};;[^;]*;ch;health;/);
  });

  it('shows where each establishment’s review stands, counts and filters it, and writes it in the CSV', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const digests = ['1', '2', '3'].map((d) => d.repeat(64));
    await db.submissions.bulkAdd(
      files.map((f, i) => ({
        id: `r${i}`,
        finess: f.establishment.finessEj,
        questionnaireId: f.content.questionnaire.id,
        campaignYear: f.content.campaignYear,
        exportedAt: f.exportedAt,
        importedAt: 1,
        digest: digests[i],
        document: { ...storedDocument(f), integrity: { digest: digests[i] } },
      })),
    );
    const subjectOf = (i: number) => {
      const f = files[i] as SubmissionInput;
      return {
        id: digests[i] ?? '',
        finess: f.establishment.finessEj,
        questionnaireId: 'care',
        questionnaireVersion: '2026.1',
        campaignYear: f.content.campaignYear,
        submissionExportedAt: f.exportedAt,
      };
    };
    const drafts = new ReviewDraftRepository(db);
    // CH de Bourg: a review begun on the file kept.
    await drafts.update(subjectOf(0), (d) => ({ ...d, marks: { 'care.gov.01': { status: 'refused' } } }));
    // CH d’Ambérieu: a review exported for an older file of the same campaign (a newer one arrived since).
    await drafts.update({ ...subjectOf(1), id: '9'.repeat(64) }, (d) => ({
      ...d,
      exported: {
        reviewDigest: 'e'.repeat(64),
        reviewedAt: '2026-10-01T10:00:00.000Z',
        outcome: 'to-complete',
        reliance: 'low',
        marks: {},
        answers: {},
      },
    }));
    const rendered = await renderWithApp([{ path: '/auditor', element: <AuditorPage /> }], '/auditor', db);
    const view = within(rendered.container);
    const user = userEvent.setup();
    await view.findByRole('heading', { name: 'Scores par établissement et par domaine' }, { timeout: 10_000 });

    await waitFor(() =>
      expect(
        view.getByText('État des examens — non examinés : 1 ; en cours : 1 ; acceptés : 0 ; à compléter : 1.'),
      ).toBeInTheDocument(),
    );
    const table = within(screen.getByRole('table', { name: /Score de chaque établissement/ }));
    const rowOf = (name: RegExp) => within(table.getByRole('rowheader', { name }).closest('tr') as HTMLElement);
    expect(rowOf(/^CH de Bourg/).getByText('En cours d’examen')).toBeInTheDocument();
    expect(rowOf(/^CH d’Ambérieu/).getByText('À compléter')).toBeInTheDocument();
    expect(rowOf(/^CH d’Ambérieu/).getByText('sur un envoi précédent')).toBeInTheDocument();
    expect(rowOf(/^EHPAD/).getByText('Non examiné')).toBeInTheDocument();
    expect(rowOf(/^CH de Bourg/).getByRole('link', { name: 'Examiner la soumission de CH de Bourg' })).toHaveAttribute(
      'href',
      `/auditor/review/${digests[0] ?? ''}`,
    );

    await user.selectOptions(view.getByLabelText('Examen'), 'in-review');
    expect(heatMapRows()).toEqual([`CH de Bourg${files[0]?.establishment.finessEj}`]);

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(view.getByRole('radio', { name: 'Codes stables (pour un script)' }));
    await user.click(view.getByRole('button', { name: 'Télécharger le CSV consolidé' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = new TextDecoder().decode(new Uint8Array(await (blobs[0] as Blob).arrayBuffer())).split('\r\n');
    expect(lines[0]).toMatch(/;refus;examen;examen_envoi_precedent$/);
    const line = (finess: string | undefined) => lines.find((l) => l.includes(`;${finess ?? ''};`)) ?? '';
    expect(line(files[0]?.establishment.finessEj)).toMatch(/;en_cours;non$/);
    expect(line(files[1]?.establishment.finessEj)).toMatch(/;a_completer;oui$/);
    expect(line(files[2]?.establishment.finessEj)).toMatch(/;non_examine;non$/);
  });

  it('marks a file whose figures are declared, read from its content, and leaves it out on request', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    // An auditor-level file with HospiConnect counts but no application inventory: its counts are declared.
    const declared = file('21000004', 'CH de Beaune', 'ch', 60);
    const stored = [files[0] as SubmissionInput, { ...declared, sharingLevel: 'auditor' }];
    await db.submissions.bulkAdd(
      stored.map((f, i) => ({
        id: `d${i}`,
        finess: f.establishment.finessEj,
        questionnaireId: f.content.questionnaire.id,
        campaignYear: f.content.campaignYear,
        exportedAt: f.exportedAt,
        importedAt: 1,
        document: i === 0 ? storedDocument(f) : f,
      })),
    );
    const rendered = await renderWithApp([{ path: '/auditor', element: <AuditorPage /> }], '/auditor', db);
    const view = within(rendered.container);
    await view.findByRole('heading', { name: 'Scores par établissement et par domaine' }, { timeout: 10_000 });
    const beaune = view.getByRole('row', { name: /CH de Beaune/ });
    expect(within(beaune).getByText('déclaré')).toBeInTheDocument();
    expect(within(view.getByRole('row', { name: /CH de Bourg/ })).queryByText('déclaré')).toBeNull();
    await userEvent.setup().click(view.getByLabelText('Laisser de côté les chiffres déclarés'));
    expect(heatMapRows()).toEqual([`CH de Bourg${files[0]?.establishment.finessEj}`]);
  });

  it('holds back a file signed by a changed key until the auditor accepts it, and says so in the expected list', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const [first, second] = [files[0], files[1]] as [SubmissionInput, SubmissionInput];
    const oldKey = 'a'.repeat(64);
    const newKey = 'b'.repeat(64);
    const jwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };
    const signed = (f: SubmissionInput, fingerprint: string) => ({
      ...f,
      signature: { keyFingerprint: fingerprint, publicKeyJwk: jwk },
    });
    await db.submissions.bulkAdd(
      [signed(first, oldKey), signed(second, newKey)].map((f, i) => ({
        id: `k${i}`,
        finess: f.establishment.finessEj,
        questionnaireId: f.content.questionnaire.id,
        campaignYear: f.content.campaignYear,
        exportedAt: f.exportedAt,
        importedAt: 1,
        document: storedDocument(f),
      })),
    );
    const finess = second.establishment.finessEj;
    await db.trustedKeys.bulkAdd([
      { finess: first.establishment.finessEj, fingerprint: oldKey, publicKeyJwk: jwk, firstSeenAt: 1 },
      {
        finess,
        fingerprint: oldKey,
        publicKeyJwk: jwk,
        firstSeenAt: 1,
        pending: [
          { fingerprint: newKey, publicKeyJwk: jwk, firstSeenAt: 2, name: 'CH d’Ambérieu', fileNames: ['amb.json'] },
        ],
      },
    ]);
    const rendered = await renderWithApp([{ path: '/auditor', element: <AuditorPage /> }], '/auditor', db);
    const view = within(rendered.container);
    const user = userEvent.setup();
    await view.findByRole('heading', { name: 'Scores par établissement et par domaine' }, { timeout: 10_000 });
    // Only the file signed by an accepted key is in the figures.
    expect(heatMapRows()).toEqual([`CH de Bourg${first.establishment.finessEj}`]);
    const review = view.getByRole('region', { name: 'Clés de signature à vérifier' });
    const fingerprints = within(review).getAllByTestId('key-fingerprint');
    expect(fingerprints.map((f) => f.dataset.fingerprint)).toEqual([oldKey, newKey]);
    expect(within(review).getByText('amb.json')).toBeInTheDocument();

    await user.upload(
      view.getByLabelText('Choisir la liste des établissements attendus'),
      new File([`finess\n${finess}\n`], 'attendus.csv', { type: 'text/csv' }),
    );
    const table = await view.findByRole('table', { name: /sans fichier retenu/ }, { timeout: 5_000 });
    expect(within(table).getByText(/^fichier refusé \(signé par une autre clé que celle acceptée/)).toBeInTheDocument();

    await user.click(within(review).getByRole('button', { name: `Accepter la nouvelle clé de ${finess}` }));
    await waitFor(() => expect(heatMapRows()).toHaveLength(2));
    expect(await view.findByText(new RegExp(`Nouvelle clé acceptée pour le FINESS ${finess}`))).toHaveFocus();
    // Stored: the decision holds after a reload.
    expect((await db.trustedKeys.get(finess))?.fingerprint).toBe(newKey);
  });

  it('shows a spoofing name with its bidirectional controls made visible', async () => {
    const db = await openCareDatabase(`test-${crypto.randomUUID()}`);
    const spoof = file('01000001', 'CH de \u202eenruoB\u202c', 'ch', 70);
    await db.submissions.add({
      id: 'spoof',
      finess: spoof.establishment.finessEj,
      questionnaireId: 'care',
      campaignYear: spoof.content.campaignYear,
      exportedAt: spoof.exportedAt,
      importedAt: 1,
      document: storedDocument(spoof),
    });
    await renderWithApp([{ path: '/auditor', element: <AuditorPage /> }], '/auditor', db);
    await screen.findByRole('heading', { name: 'Scores par établissement et par domaine' }, { timeout: 10_000 });
    expect(heatMapRows()).toEqual([`CH de ‹U+202E›enruoB‹U+202C›${spoof.establishment.finessEj}`]);
    expect(document.body.textContent).not.toMatch(/[\u202a-\u202e]/);
  });
});
