import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CareDatabase } from '../care-database';
import { vaultOf, type LockStatus, type Vault } from './vault';

/**
 * The passphrase lock of the database, for the interface: its status, kept current (this tab's unlock and lock, other
 * tabs' changes), and the lock itself. Light enough for the first screen: the cryptography of turning the lock on,
 * off or changing the passphrase lives in lock-switch.ts, loaded by the settings screen.
 */
export function useLock(db: CareDatabase): { status: LockStatus; vault: Vault; idleMinutes: number } {
  const vault = vaultOf(db);
  const status = useSyncExternalStore(
    (listener) => vault.subscribe(listener),
    () => vault.status,
  );
  const idleMinutes = useSyncExternalStore(
    (listener) => vault.subscribe(listener),
    () => vault.idleMinutes,
  );
  // A database that cannot be read (data of a newer build, opened read-only) shows what it can, as before the lock
  // existed: no record could be opened without the key anyway.
  const [unreadable, setUnreadable] = useState(false);
  useEffect(() => {
    let live = true;
    vault.ready().catch(() => live && setUnreadable(true));
    return () => {
      live = false;
    };
  }, [vault]);
  return { status: unreadable && status === 'unknown' ? 'off' : status, vault, idleMinutes };
}
