import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { SaveStatusProvider, useSaveStatus } from '../components/save-status';
import type { CareDatabase } from '../storage/care-database';
import { MetaRepository } from '../storage/meta-repository';
import { DatabaseContext } from '../storage/use-database';
import { ErrorBoundary } from './error-boundary';
import { AppRoutes } from './routes';

export function App({ db }: { db: CareDatabase }) {
  return (
    <DatabaseContext.Provider value={db}>
      <SaveStatusProvider>
        <RequestPersistenceOnFirstSave db={db} />
        <BrowserRouter>
          <ErrorBoundary>
            <AppRoutes />
          </ErrorBoundary>
        </BrowserRouter>
      </SaveStatusProvider>
    </DatabaseContext.Provider>
  );
}

/**
 * Asks the browser to protect the data from eviction at the first real save rather than at start-up: the request
 * then comes with a reason the user understands, and Chromium grants it more readily to a site in use.
 */
function RequestPersistenceOnFirstSave({ db }: { db: CareDatabase }) {
  const { onFirstSave } = useSaveStatus();
  useEffect(() => {
    onFirstSave(() => {
      const storage = navigator.storage as StorageManager | undefined;
      if (!storage?.persist || db.access === 'read-only') return;
      void storage
        .persisted()
        .then((already) => (already ? true : storage.persist()))
        .then(() => new MetaRepository(db).set('persistenceRequestedAt', Date.now()))
        .catch(() => undefined);
    });
  }, [db, onFirstSave]);
  return null;
}
