import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../storage/storage-error';
import type { Vault } from '../../storage/vault/vault';
import { LockScreen } from './lock-screen';

/**
 * The lock screen's behaviour with a stand-in for the lock (its real unlocking, PBKDF2 and AES-GCM, is tested in
 * src/storage/vault/ and end to end): a first-class screen, the focus on its one field, refusals tied to the field.
 */
function standIn(accepted: string): Vault & { tried: string[] } {
  const tried: string[] = [];
  return {
    tried,
    unlock: (passphrase: string) => {
      tried.push(passphrase);
      return passphrase === accepted ? Promise.resolve() : Promise.reject(new StorageError('wrong-passphrase'));
    },
  } as unknown as Vault & { tried: string[] };
}

function describedBy(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('LockScreen', () => {
  it('is a screen of its own, titled, with the focus on the passphrase field', () => {
    render(<LockScreen vault={standIn('x')} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Données verrouillées' })).toBeInTheDocument();
    expect(screen.getByLabelText('Phrase secrète')).toHaveFocus();
    expect(document.title).toContain('Données verrouillées');
    expect(screen.getByText(/personne ne peut lire les données chiffrées/)).toBeInTheDocument();
  });

  it('refuses a wrong passphrase with a message tied to the field, which keeps the focus', async () => {
    const vault = standIn('la bonne phrase secrète');
    render(<LockScreen vault={vault} />);
    const user = userEvent.setup();
    const field = screen.getByLabelText('Phrase secrète');
    await user.keyboard('une mauvaise phrase{Enter}');
    expect(await screen.findByText(/Phrase secrète incorrecte/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(field)).toContain('Phrase secrète incorrecte');
    expect(field).toHaveFocus();
    await user.keyboard('la bonne phrase secrète{Enter}');
    expect(vault.tried).toEqual(['une mauvaise phrase', 'la bonne phrase secrète']);
  });

  it('asks for the passphrase when the field is empty, without trying it', async () => {
    const vault = standIn('x');
    render(<LockScreen vault={vault} />);
    await userEvent.setup().keyboard('{Enter}');
    expect(describedBy(screen.getByLabelText('Phrase secrète'))).toContain('Saisissez la phrase secrète.');
    expect(vault.tried).toEqual([]);
  });
});
