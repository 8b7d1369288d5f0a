import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultBudgetTargets } from '../../domain/budget/budget-ratios';
import type { ScatterPoint } from '../../domain/consolidation/regional-views';
import { BudgetScatter } from './budget-scatter';

const points: ScatterPoint[] = [
  { key: '450000047|2026', name: 'Centre hospitalier d’Amilly', category: 'ch', itShare: 0.021, cyberShare: 0.08 },
  { key: '450000070|2026', name: 'EHPAD Les Glycines', category: 'ehpad', itShare: 0.012, cyberShare: 0.05 },
  { key: '450000112|2026', name: 'CHU de Val-de-Loire', category: 'chu', itShare: 0.03, cyberShare: 0.12 },
];

function pointOf(name: string): HTMLElement {
  return screen.getByRole('img', { name: new RegExp(`^${name}`) });
}

// jsdom lays nothing out and has no scrollIntoView; the component keeps the marked row in view with it.
beforeAll(() => {
  Element.prototype.scrollIntoView = () => undefined;
});

async function openTable() {
  const user = userEvent.setup();
  render(<BudgetScatter points={points} targets={defaultBudgetTargets} />);
  await user.click(screen.getByText('Afficher le tableau des valeurs'));
  return { user, table: await screen.findByRole('table') };
}

describe('BudgetScatter', () => {
  it('shows a row’s point, larger and named, while the row is hovered or its name focused', async () => {
    const { user, table } = await openTable();
    const row = within(table).getByRole('row', { name: /EHPAD Les Glycines/ });
    expect(pointOf('EHPAD Les Glycines')).not.toHaveClass('scatter__point--pointed');
    fireEvent.mouseEnter(row);
    expect(pointOf('EHPAD Les Glycines')).toHaveClass('scatter__point--pointed');
    expect(pointOf('CHU de Val-de-Loire')).not.toHaveClass('scatter__point--pointed');
    fireEvent.mouseLeave(row);
    expect(pointOf('EHPAD Les Glycines')).not.toHaveClass('scatter__point--pointed');

    const name = within(row).getByRole('button', { name: 'EHPAD Les Glycines' });
    act(() => name.focus());
    expect(pointOf('EHPAD Les Glycines')).toHaveClass('scatter__point--pointed');
    expect(name).toHaveAccessibleDescription(/montre son point sur le graphique/);
    // Pressing the name moves the focus to the point, which keeps its name shown.
    await user.keyboard('{Enter}');
    expect(pointOf('EHPAD Les Glycines')).toHaveFocus();
    expect(pointOf('EHPAD Les Glycines')).toHaveClass('scatter__point--pointed');
  });

  it('marks the row of the point under the focus', async () => {
    const { table } = await openTable();
    fireEvent.focus(pointOf('CHU de Val-de-Loire'));
    expect(within(table).getByRole('row', { name: /CHU de Val-de-Loire/ })).toHaveClass('scatter__row--pointed');
    expect(within(table).getByRole('row', { name: /EHPAD/ })).not.toHaveClass('scatter__row--pointed');
    fireEvent.blur(pointOf('CHU de Val-de-Loire'));
    expect(within(table).getByRole('row', { name: /CHU de Val-de-Loire/ })).not.toHaveClass('scatter__row--pointed');
  });
});
