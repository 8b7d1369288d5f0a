import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../i18n/i18n';
import { renderWithApp } from '../testing/render-with-app';
import { ErrorBoundary } from './error-boundary';

function Broken(): never {
  throw new Error('panne simulée');
}

const brokenScreen = [
  {
    path: '/',
    element: (
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>
    ),
  },
];

describe('the error boundary', () => {
  it('replaces a screen that throws with a translated message that says the saved data is safe', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await renderWithApp(brokenScreen, '/');
    expect(await screen.findByRole('heading', { name: 'Une erreur inattendue est survenue' })).toBeInTheDocument();
    expect(screen.getByText(/Vos réponses déjà enregistrées sont conservées/)).toBeInTheDocument();
    expect(screen.getByText(/panne simulée/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeInTheDocument();
  });

  it('speaks English when the interface is in English', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await changeLanguage('en');
    try {
      await renderWithApp(brokenScreen, '/');
      expect(await screen.findByRole('heading', { name: 'An unexpected error occurred' })).toBeInTheDocument();
    } finally {
      await changeLanguage('fr');
    }
  });
});
