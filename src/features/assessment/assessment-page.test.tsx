import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../domain/assessment/answer';
import { AssessmentRepository } from '../../storage/assessment-repository';
import { openCareDatabase, type CareDatabase } from '../../storage/care-database';
import { openTestDatabase, renderWithApp } from '../../testing/render-with-app';
import { createCampaign } from '../../testing/storage/campaign';
import { failNextPut } from '../../testing/storage/storage-failures';
import { AssessmentPage } from './assessment-page';

/**
 * Answering, as a user does it: one domain of the CaRE questionnaire on screen, the real storage on fake-indexeddb.
 * Each test checks what the user sees (the answer chosen, the messages, the save indicator), what is stored, and
 * what the screen shows once reopened.
 */

const routes = [
  { path: '/assessments/:assessmentId/:domainId?', element: <AssessmentPage /> },
  { path: '*', element: null },
];

/** One item of each answer type of the CaRE questionnaire 2026.1, and its domain (one domain per page). */
const items = {
  status: { id: 'care.sens.02', domain: 'awareness' },
  percent: { id: 'care.sens.01', domain: 'awareness' },
  number: { id: 'care.d1.04', domain: 'exposure-directories' },
  date: { id: 'care.d1.02', domain: 'exposure-directories' },
  choice: { id: 'care.res.01', domain: 'resources' },
} as const;

/** Opens the domain of an item of a new campaign; `card()` is that item's question, found by its text. */
async function answering(kind: keyof typeof items) {
  const db = await openTestDatabase();
  const { assessment, questionnaire } = await createCampaign(db);
  const { id, domain } = items[kind];
  const question = questionnaire.items.find((item) => item.id === id)?.question.fr ?? id;
  const open = async (database: CareDatabase) => {
    const view = await renderWithApp(routes, `/assessments/${assessment.id}/${domain}`, database);
    await screen.findByRole('article', { name: question });
    return view;
  };
  let view = await open(db);
  return {
    db,
    user: userEvent.setup(),
    card: () => screen.getByRole('article', { name: question }),
    /** The answer as stored, read back through the repository. */
    stored: async (): Promise<Answer | undefined> =>
      (await new AssessmentRepository(db).get(assessment.id))?.answers[id],
    /** Closes the screen and opens it again on the same database, as after a reload. */
    reopen: async () => {
      view.unmount();
      view = await open(db);
    },
  };
}

const progress = () => screen.getByText(/sur \d+ questions répondues/);

async function expectSaved() {
  await waitFor(() => expect(screen.getByText('Enregistré')).toBeInTheDocument(), { timeout: 5000 });
}

afterEach(() => {
  vi.restoreAllMocks();
});

// jsdom has no modal dialogs: open and close them as the browser would, without the focus trap.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};
// Nor layout: scrolling a heading into view (« Domaine suivant ») does nothing.
Element.prototype.scrollIntoView = function scrollIntoView() {};

// Each change re-renders a whole domain of questions: slow in jsdom, hence the longer timeout.
describe('answering a question', { timeout: 30_000 }, () => {
  for (const [label, value] of [
    ['Oui', 'yes'],
    ['Partiellement', 'partial'],
    ['Non', 'no'],
  ] as const) {
    it(`records « ${label} », counts the question as answered and shows it again once reopened`, async () => {
      const { card, user, stored, reopen } = await answering('status');
      expect(progress()).toHaveTextContent(/^0 sur/);
      await user.click(within(card()).getByRole('radio', { name: label }));
      expect(within(card()).getByRole('radio', { name: label })).toBeChecked();
      await expectSaved();
      // The counter follows the stored answers, rendered as a transition: it may come a moment after.
      await waitFor(() => expect(progress()).toHaveTextContent(/^1 sur/));
      expect((await stored())?.response).toEqual({ kind: 'status', value });
      await reopen();
      expect(within(card()).getByRole('radio', { name: label })).toBeChecked();
    });
  }

  it('records « Je ne sais pas » as an answer of its own', async () => {
    const { card, user, stored, reopen } = await answering('status');
    await user.click(within(card()).getByRole('radio', { name: 'Je ne sais pas' }));
    await expectSaved();
    // The counter follows the stored answers, rendered as a transition: it may come a moment after.
    await waitFor(() => expect(progress()).toHaveTextContent(/^1 sur/));
    expect((await stored())?.response).toEqual({ kind: 'unknown' });
    await reopen();
    expect(within(card()).getByRole('radio', { name: 'Je ne sais pas' })).toBeChecked();
    expect(within(card()).getByRole('radio', { name: 'Oui' })).not.toBeChecked();
  });

  it('records a choice among the options of the question', async () => {
    const { card, user, stored, reopen } = await answering('choice');
    const options = within(card()).getAllByRole('radio');
    // The question's own options, then « Non applicable » and « Je ne sais pas ».
    expect(options.length).toBeGreaterThan(3);
    const option = options[1]!;
    const name = option.closest('label')?.textContent ?? '';
    await user.click(option);
    await expectSaved();
    expect((await stored())?.response).toEqual({ kind: 'choice', value: option.getAttribute('value') });
    await reopen();
    expect(within(card()).getByRole('radio', { name })).toBeChecked();
  });

  it('asks why a question does not apply, and stores « non applicable » only with the reason', async () => {
    const { card, user, stored, reopen } = await answering('status');
    await user.click(within(card()).getByRole('radio', { name: 'Non applicable' }));
    const reason = within(card()).getByLabelText('Pourquoi cette question ne s’applique-t-elle pas ?');
    expect(reason).toBeInvalid();
    expect(reason).toHaveAccessibleDescription(/^Une justification est nécessaire pour répondre/);
    // Without a reason the choice is kept as a draft marked « justification manquante »: stored, so that it
    // survives leaving the domain or a reload, but no response: the question stays unanswered.
    expect(within(card()).getByText('Justification manquante')).toBeInTheDocument();
    await expectSaved();
    expect(await stored()).toMatchObject({ notApplicableDraft: true });
    expect((await stored())?.response).toBeUndefined();
    expect(progress()).toHaveTextContent(/^0 sur/);
    await reopen();
    expect(within(card()).getByRole('radio', { name: 'Non applicable' })).toBeChecked();
    expect(within(card()).getByText('Justification manquante')).toBeInTheDocument();

    const reasonAgain = within(card()).getByLabelText('Pourquoi cette question ne s’applique-t-elle pas ?');
    await user.type(reasonAgain, 'Aucun agent');
    expect(reasonAgain).toBeValid();
    expect(within(card()).queryByText(/Une justification est nécessaire/)).toBeNull();
    await expectSaved();
    expect(await stored()).not.toHaveProperty('notApplicableDraft');
    expect(within(card()).queryByText('Justification manquante')).toBeNull();
    expect((await stored())?.response).toEqual({ kind: 'not-applicable', justification: 'Aucun agent' });
    // The counter follows the stored answers, rendered as a transition: it may come a moment after.
    await waitFor(() => expect(progress()).toHaveTextContent(/^1 sur/));
    await reopen();
    expect(within(card()).getByRole('radio', { name: 'Non applicable' })).toBeChecked();
    expect(within(card()).getByLabelText('Pourquoi cette question ne s’applique-t-elle pas ?')).toHaveValue(
      'Aucun agent',
    );
  });

  it('warns before leaving a domain with a « non applicable » still without its reason, and keeps the draft', async () => {
    const { card, user, stored } = await answering('status');
    await user.click(within(card()).getByRole('radio', { name: 'Oui' }));
    await user.click(within(card()).getByRole('radio', { name: 'Non applicable' }));
    await expectSaved();
    await user.click(screen.getByRole('link', { name: /Domaine suivant/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Une question sans justification' });
    await user.click(within(dialog).getByRole('button', { name: 'Rester et justifier' }));
    expect(within(card()).getByRole('radio', { name: 'Non applicable' })).toBeChecked();
    await user.click(screen.getByRole('link', { name: /Domaine suivant/ }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Une question sans justification' })).getByRole('button', {
        name: 'Quitter le domaine',
      }),
    );
    await waitFor(() => expect(document.querySelector('[data-item-id="care.sens.02"]')).toBeNull());
    // Not silently back to « Oui »: the draft is what is stored, and the question is not answered.
    const kept = await stored();
    expect(kept?.response).toBeUndefined();
    expect(kept?.notApplicableDraft).toBe(true);
  });

  it('keeps the reason given before when the justification is erased, not the last letter left', async () => {
    const { card, user, stored, reopen } = await answering('status');
    await user.click(within(card()).getByRole('radio', { name: 'Non applicable' }));
    const reason = () => within(card()).getByLabelText('Pourquoi cette question ne s’applique-t-elle pas ?');
    await user.type(reason(), 'Sans objet');
    await user.tab();
    await expectSaved();
    // Erased letter by letter: « S » is on the way to an empty field, and must not become the stored reason.
    await user.type(reason(), '{Backspace}'.repeat('Sans objet'.length));
    expect(reason()).toHaveValue('');
    expect(reason()).toBeInvalid();
    await user.tab();
    await expectSaved();
    expect((await stored())?.response).toEqual({ kind: 'not-applicable', justification: 'Sans objet' });
    await reopen();
    expect(reason()).toHaveValue('Sans objet');
  });

  it('clears an answer: the question is unanswered again', async () => {
    const { card, user, stored } = await answering('status');
    await user.click(within(card()).getByRole('radio', { name: 'Oui' }));
    await expectSaved();
    await user.click(within(card()).getByRole('button', { name: 'Effacer la réponse' }));
    await waitFor(async () => expect((await stored())?.response).toBeUndefined());
    expect(within(card()).getByRole('radio', { name: 'Oui' })).not.toBeChecked();
    // The counter follows the stored answers, rendered as a transition: it may come a moment after.
    await waitFor(() => expect(progress()).toHaveTextContent(/^0 sur/));
  });

  it('records a number typed the French way, and refuses what is not a number', async () => {
    const { card, user, stored, reopen } = await answering('number');
    const value = within(card()).getByLabelText('Valeur');
    await user.type(value, '2,5');
    await user.tab();
    await expectSaved();
    expect((await stored())?.response).toEqual({ kind: 'number', value: 2.5 });

    await user.type(value, 'x');
    expect(value).toBeInvalid();
    expect(value).toHaveAccessibleDescription('Saisissez un nombre.');
    await user.tab();
    await reopen();
    expect(within(card()).getByLabelText('Valeur')).toHaveValue('2,5');
  });

  it('records a percentage and refuses one over 100', async () => {
    const { card, user, stored, reopen } = await answering('percent');
    const value = within(card()).getByLabelText('Pourcentage (0 à 100)');
    await user.type(value, '150');
    expect(value).toBeInvalid();
    expect(value).toHaveAccessibleDescription('Saisissez un pourcentage entre 0 et 100.');
    await user.clear(value);
    await user.type(value, '85,5');
    expect(value).toBeValid();
    await user.tab();
    await expectSaved();
    expect((await stored())?.response).toEqual({ kind: 'number', value: 85.5 });
    await reopen();
    expect(within(card()).getByLabelText('Pourcentage (0 à 100)')).toHaveValue('85,5');
  });

  it('stores nothing of a refused percentage, not even the digits typed on the way to it', async () => {
    const { card, user, stored, reopen } = await answering('percent');
    const value = within(card()).getByLabelText('Pourcentage (0 à 100)');
    // « 1 » and « 15 » are valid on the way to « 150 »: neither may be stored once « 150 » is refused.
    await user.type(value, '150');
    await user.tab();
    expect(value).toHaveAccessibleDescription('Saisissez un pourcentage entre 0 et 100.');
    await expectSaved();
    expect((await stored())?.response).toBeUndefined();
    // The counter follows the stored answers, rendered as a transition: it may come a moment after.
    await waitFor(() => expect(progress()).toHaveTextContent(/^0 sur/));

    // An answer given before is what stays when the new entry is refused.
    await user.clear(value);
    await user.type(value, '80');
    await user.tab();
    await expectSaved();
    await user.clear(value);
    await user.type(value, '101');
    await user.tab();
    await expectSaved();
    expect((await stored())?.response).toEqual({ kind: 'number', value: 80 });
    await reopen();
    expect(within(card()).getByLabelText('Pourcentage (0 à 100)')).toHaveValue('80');
  });

  it('refuses a negative number as the import does, and stores nothing of it (issue 14)', async () => {
    const { card, user, stored } = await answering('number');
    const value = within(card()).getByLabelText('Valeur');
    await user.type(value, '-3');
    expect(value).toBeInvalid();
    expect(value).toHaveAccessibleDescription(/^Saisissez un nombre entre 0 et 1.000.000.000\.$/);
    await user.tab();
    await expectSaved();
    expect((await stored())?.response).toBeUndefined();
  });

  it('refuses a date before 2000 or after tomorrow as the import does, and stores nothing of it (issue 14)', async () => {
    const { card, user, stored } = await answering('date');
    const date = within(card()).getByLabelText('Date');
    expect(date).toHaveAttribute('min', '2000-01-01');
    await user.type(date, '1999-12-31');
    expect(date).toBeInvalid();
    expect(date).toHaveAccessibleDescription(/^Saisissez une date entre le 1(er)? janvier 2000 et le .+\.$/);
    await user.clear(date);
    await user.type(date, '2099-01-01');
    expect(date).toBeInvalid();
    expect((await stored())?.response).toBeUndefined();
  });

  it('records a date', async () => {
    const { card, user, stored, reopen } = await answering('date');
    await user.type(within(card()).getByLabelText('Date'), '2026-03-01');
    await expectSaved();
    expect((await stored())?.response).toEqual({ kind: 'date', value: '2026-03-01' });
    await reopen();
    expect(within(card()).getByLabelText('Date')).toHaveValue('2026-03-01');
  });

  it('keeps a comment with the answer', async () => {
    const { card, user, stored, reopen } = await answering('status');
    await user.click(within(card()).getByRole('radio', { name: 'Partiellement' }));
    await user.type(within(card()).getByLabelText('Commentaire'), 'Hors SAMU');
    await user.tab();
    await expectSaved();
    expect(await stored()).toMatchObject({ response: { kind: 'status', value: 'partial' }, comment: 'Hors SAMU' });
    await reopen();
    expect(within(card()).getByLabelText('Commentaire')).toHaveValue('Hors SAMU');
    expect(within(card()).getByRole('radio', { name: 'Partiellement' })).toBeChecked();
  });
});

describe('the save status while answering', { timeout: 30_000 }, () => {
  it('says « Enregistré » only once the answer is stored', async () => {
    const { card, user, stored, db } = await answering('status');
    // The write waits until released: until then the answer is not on disk, and the indicator must say so.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Once the held write is released, the repository runs as usual (the mock applies to the first write only).
    vi.spyOn(AssessmentRepository.prototype, 'saveAnswer').mockImplementationOnce(async (...args) => {
      await released;
      return new AssessmentRepository(db).saveAnswer(...args);
    });
    await user.click(within(card()).getByRole('radio', { name: 'Oui' }));
    expect(screen.getByText('Enregistrement…')).toBeInTheDocument();
    expect(screen.queryByText('Enregistré')).toBeNull();
    expect(await stored()).toBeUndefined();

    release();
    await expectSaved();
    // Read through a second connection: what « Enregistré » announces is committed, visible to any reader.
    const other = await openCareDatabase(db.name);
    const assessment = (await other.assessments.toArray())[0]!;
    expect((await new AssessmentRepository(other).get(assessment.id))?.answers['care.sens.02']?.response).toEqual({
      kind: 'status',
      value: 'yes',
    });
    other.close();
  });

  it('says why a write failed, keeps the answer on screen, and stores it when « Réessayer » is pressed', async () => {
    const { card, user, stored, db } = await answering('status');
    failNextPut(db.assessments, 'QuotaExceededError');
    await user.click(within(card()).getByRole('radio', { name: 'Non' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    for (const alert of screen.getAllByRole('alert')) {
      expect(alert).toHaveTextContent('Non enregistré : l’espace de stockage du navigateur est plein.');
    }
    expect(screen.queryByText('Enregistré')).toBeNull();
    expect(within(card()).getByRole('radio', { name: 'Non' })).toBeChecked();
    expect(await stored()).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    await expectSaved();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await stored())?.response).toEqual({ kind: 'status', value: 'no' });
  });
});
