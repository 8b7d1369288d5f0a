import { useEffect, useState } from 'react';
import type { CareDatabase, InstallationKeyRow } from './care-database';
import { getOrCreateSigningKey, getSigningKey } from './signing-key-repository';
import { useDatabase } from './use-database';

export type SigningKeyState =
  | { status: 'loading' }
  | { status: 'ready'; key: InstallationKeyRow }
  | { status: 'none' }
  | { status: 'error'; error: unknown };

async function loadSigningKey(database: CareDatabase): Promise<InstallationKeyRow | undefined> {
  const existing = await getSigningKey(database);
  if (existing) return existing;
  // In data opened read-only nothing is created: exports are then unsigned, and the screens say so.
  return database.access === 'read-write' ? getOrCreateSigningKey(database) : undefined;
}

/**
 * This installation's signing key, created the first time a screen needs it (it signs every export; design §4
 * Exchange). The export page and the settings show it through the same card (src/components/signing-key-card.tsx).
 */
export function useSigningKey(): SigningKeyState {
  const db = useDatabase();
  const [state, setState] = useState<SigningKeyState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadSigningKey(db).then(
      (key) => live && setState(key ? { status: 'ready', key } : { status: 'none' }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [db]);
  return state;
}
