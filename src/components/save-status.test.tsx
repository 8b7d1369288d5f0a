import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { storageFailure } from '../testing/storage/storage-failures';
import { SaveIndicator, SaveStatusProvider, useSaveStatus, type SaveStatusApi } from './save-status';

function Harness({ onReady }: { onReady: (api: SaveStatusApi) => void }) {
  onReady(useSaveStatus());
  return <SaveIndicator />;
}

function setUp() {
  let api: SaveStatusApi | undefined;
  render(
    <SaveStatusProvider>
      <Harness onReady={(a) => (api = a)} />
    </SaveStatusProvider>,
  );
  return () => api!;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the save indicator', () => {
  it('says « Enregistré » only once the write has resolved', async () => {
    const api = setUp();
    const write = deferred<undefined>();
    let pending!: Promise<undefined>;
    act(() => {
      pending = api().save('answer:a', () => write.promise);
    });
    expect(screen.getByRole('status')).toHaveTextContent('Enregistrement…');
    expect(screen.queryByText('Enregistré')).toBeNull();
    await act(async () => {
      write.resolve(undefined);
      await pending;
    });
    expect(screen.getByRole('status')).toHaveTextContent('Enregistré');
  });

  it('keeps « Enregistrement… » while another change is still pending', async () => {
    const api = setUp();
    const slow = deferred<undefined>();
    let first!: Promise<undefined>;
    act(() => {
      first = api().save('answer:a', () => slow.promise);
    });
    await act(() => api().save('answer:b', () => Promise.resolve()));
    expect(screen.getByRole('status')).toHaveTextContent('Enregistrement…');
    await act(async () => {
      slow.resolve(undefined);
      await first;
    });
    expect(screen.getByRole('status')).toHaveTextContent('Enregistré');
  });

  it('shows « Non enregistré » with the reason at once, and a retry that saves', async () => {
    const api = setUp();
    let attempts = 0;
    const write = () => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(storageFailure('quota-exceeded')) : Promise.resolve();
    };
    await act(() =>
      api()
        .save('answer:a', write)
        .catch(() => undefined),
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Non enregistré');
    expect(alert).toHaveTextContent('l’espace de stockage du navigateur est plein');
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText('Enregistré')).toBeInTheDocument();
    expect(attempts).toBe(2);
  });

  it('forgets what the last screen settled when another opens, and keeps what is still being written', async () => {
    const api = setUp();
    await act(() =>
      api()
        .save('assessment:new', () => Promise.reject(storageFailure('assessment-exists')))
        .catch(() => undefined),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Non enregistré');
    const slow = deferred<undefined>();
    let pending!: Promise<undefined>;
    act(() => {
      pending = api().save('answer:a', () => slow.promise);
    });
    act(() => api().changeScreen());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Enregistrement…');
    await act(async () => {
      slow.resolve(undefined);
      await pending;
    });
    expect(screen.getByRole('status')).toHaveTextContent('Enregistré');
  });
});
