import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LOCK_META_KEY } from '../../storage/vault/vault';
import { renderWithApp } from '../../testing/render-with-app';
import { PassphraseLockSection } from './passphrase-lock-section';

/**
 * The form of the lock, by keyboard: what it refuses before any encryption starts (the turning on itself, with
 * WebCrypto, is checked in src/storage/vault/ and in the browser, tests/e2e/passphrase-lock.spec.ts).
 */
async function renderSection() {
  const { db } = await renderWithApp([{ path: '/', element: <PassphraseLockSection /> }], '/');
  await screen.findByRole('button', { name: 'Activer le verrouillage' });
  return { db, user: userEvent.setup() };
}

const passphrase = () => screen.getByLabelText('Phrase secrète');
const confirmation = () => screen.getByLabelText('Confirmez la phrase secrète');

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('the passphrase lock section', () => {
  it('says the lock is off and warns that a forgotten passphrase means unreadable data, backup first', async () => {
    await renderSection();
    expect(screen.getByTestId('lock-status')).toHaveTextContent(/Désactivé/);
    expect(screen.getByText(/une phrase secrète oubliée ne peut pas être retrouvée/)).toHaveTextContent(
      /Téléchargez d’abord une sauvegarde/,
    );
  });

  it('refuses a passphrase under 12 characters, says why on the field and puts the focus there', async () => {
    const { db, user } = await renderSection();
    await user.click(passphrase());
    await user.keyboard('court{Tab}court{Enter}');
    expect(passphrase()).toHaveFocus();
    expect(passphrase()).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(passphrase())).toContain('au moins 12 caractères (il y en a 5)');
    expect(await db.meta.get(LOCK_META_KEY)).toBeUndefined();
  });

  it('refuses a confirmation that differs, on the confirmation field', async () => {
    const { db, user } = await renderSection();
    await user.type(passphrase(), 'une phrase assez longue');
    await user.type(confirmation(), 'une phrase assez longe{Enter}');
    expect(confirmation()).toHaveFocus();
    expect(describedBy(confirmation())).toContain('Les deux saisies ne sont pas identiques.');
    expect(passphrase()).not.toHaveAttribute('aria-invalid');
    expect(await db.meta.get(LOCK_META_KEY)).toBeUndefined();
  });

  it('asks for the passphrase itself before anything else', async () => {
    const { user } = await renderSection();
    await user.click(screen.getByRole('button', { name: 'Activer le verrouillage' }));
    expect(passphrase()).toHaveFocus();
    expect(describedBy(passphrase())).toContain('Saisissez la phrase secrète.');
  });
});
