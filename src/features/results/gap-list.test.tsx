import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../domain/actions/action-record';
import { listGaps } from '../../domain/results/list-gaps';
import {
  answersOf,
  buildItem,
  buildQuestionnaire,
  no,
  partial,
  unknown,
  yes,
} from '../../testing/domain/scoring/builders';
import { scoreAssessment } from '../../domain/scoring/score-assessment';
import { GapsView } from './gap-list';

const asOf = '2026-11-23';
const questionnaire = buildQuestionnaire(
  [
    buildItem({
      id: 'care.gov.01',
      weight: 'critical',
      question: { fr: 'La PSSI est-elle validée ?', en: 'Is the policy approved?' },
      evidence: { fr: 'La PSSI signée.', en: 'The signed policy.' },
      basis: { kind: 'official', reference: 'D2.P1', source: 'Arrêté', confidence: 'community' },
      deadline: { date: '2025-10-31', label: { fr: 'Candidature D2', en: 'D2 application' } },
    }),
    buildItem({
      id: 'care.gov.02',
      weight: 'medium',
      question: { fr: 'Un RSSI est-il désigné ?', en: 'Is a CISO appointed?' },
    }),
    buildItem({
      id: 'care.d2.16',
      domain: 'continuity',
      weight: 'critical',
      question: { fr: 'Un test de restauration a-t-il été fait ?', en: 'Was a restore tested?' },
      evidence: { fr: 'Le cahier de tests.', en: 'The test book.' },
    }),
    buildItem({ id: 'care.d2.17', domain: 'continuity', weight: 'high' }),
    buildItem({ id: 'care.d2.18', domain: 'continuity', weight: 'high' }),
  ],
  ['governance', 'continuity'],
);
const answers = answersOf({
  'care.gov.01': partial,
  'care.gov.02': no,
  'care.d2.16': unknown,
  'care.d2.17': no,
  'care.d2.18': yes,
});
const gaps = listGaps(questionnaire, answers, scoreAssessment(questionnaire, answers, ['ES'], asOf));
const action: ActionRecord = {
  id: 'act-1',
  establishmentId: 'e1',
  assessmentId: 'a1',
  itemId: 'care.d2.17',
  title: 'Planifier les tests',
  status: 'in-progress',
  createdAt: 1,
  updatedAt: 1,
};

function renderGaps() {
  render(
    <MemoryRouter>
      <GapsView
        gaps={gaps}
        domains={questionnaire.domains}
        language="fr"
        assessmentId="a1"
        establishmentId="e1"
        actions={[action]}
      />
    </MemoryRouter>,
  );
  return userEvent.setup();
}

const shownIds = () =>
  within(screen.getByRole('list'))
    .getAllByRole('article')
    .map((a) => a.querySelector('.item__id')?.textContent);

describe('GapsView', () => {
  it('lists the gaps in their ranking, each with its deadline, basis and the proof that would close it', () => {
    renderGaps();
    expect(shownIds()).toEqual(['care.gov.01', 'care.d2.16', 'care.d2.17', 'care.gov.02']);
    const first = screen.getByRole('article', { name: 'La PSSI est-elle validée ?' });
    expect(first).toHaveTextContent('Critique');
    expect(first).toHaveTextContent('Objectif officiel D2.P1');
    expect(first).toHaveTextContent(/En retard de 388\sjours/);
    expect(first).toHaveTextContent('31 octobre 2025');
    expect(first).toHaveTextContent('La PSSI signée.');
    expect(first).toHaveTextContent('Partiellement');
    expect(screen.getByRole('status')).toHaveTextContent('4 écarts affichés sur 4');
  });

  it('offers to create an action from a gap, or to see the action that already exists', () => {
    renderGaps();
    const create = within(screen.getByRole('article', { name: 'Un test de restauration a-t-il été fait ?' })).getByRole(
      'link',
      { name: /^Créer une action ?— care\.d2\.16$/ },
    );
    expect(create).toHaveAttribute('href', '/establishments/e1/actions?assessment=a1&item=care.d2.16');
    expect(screen.getByRole('link', { name: /^Voir l’action \(En cours\) ?— care\.d2\.17$/ })).toHaveAttribute(
      'href',
      '/establishments/e1/actions?action=act-1',
    );
    expect(screen.getByRole('link', { name: /^Modifier la réponse ?— care\.gov\.01$/ })).toHaveAttribute(
      'href',
      '/assessments/a1/governance?item=care.gov.01',
    );
  });

  it('filters by weight, answer and basis, and finds words without accents, keeping the order', async () => {
    const user = renderGaps();
    await user.selectOptions(screen.getByLabelText('Poids'), 'critical');
    expect(shownIds()).toEqual(['care.gov.01', 'care.d2.16']);
    await user.selectOptions(screen.getByLabelText('Réponse'), 'unknown');
    expect(shownIds()).toEqual(['care.d2.16']);
    expect(screen.getByRole('status')).toHaveTextContent('1 écart affiché sur 4');
    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await user.selectOptions(screen.getByLabelText('Fondement'), 'inferred');
    expect(shownIds()).toEqual(['care.d2.16', 'care.d2.17', 'care.gov.02']);
    await user.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await user.type(screen.getByLabelText('Rechercher'), 'restauration');
    expect(shownIds()).toEqual(['care.d2.16']);
    await user.clear(screen.getByLabelText('Rechercher'));
    await user.type(screen.getByLabelText('Rechercher'), 'rien de tel');
    expect(screen.getByText('Aucun écart ne correspond à ces filtres.')).toBeInTheDocument();
  });

  it('narrows to one domain', async () => {
    const user = renderGaps();
    await user.selectOptions(screen.getByLabelText('Domaine'), 'continuity');
    expect(shownIds()).toEqual(['care.d2.16', 'care.d2.17']);
  });
});
