import { useEffect } from 'react';
import type { Vault } from '../storage/vault/vault';

/** What counts as the user being at work: keys, clicks, taps, the wheel. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Locks the data after the inactivity delay set in the settings (0: never), counting activity in every tab of the
 * app: a tab left in the background does not lock the one the user is working in, and when the delay runs out the
 * lock reaches them all (Vault.lock tells the other tabs).
 */
export function useIdleLock(vault: Vault, unlocked: boolean, minutes: number): void {
  useEffect(() => {
    if (!unlocked || minutes <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => vault.lock(), minutes * 60_000);
    };
    const onActivity = () => {
      restart();
      vault.noteActivity();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    const stopListening = vault.onActivityElsewhere(restart);
    restart();
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      stopListening();
    };
  }, [vault, unlocked, minutes]);
}
