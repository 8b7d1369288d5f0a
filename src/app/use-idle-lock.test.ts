import { fireEvent, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Vault } from '../storage/vault/vault';
import { useIdleLock } from './use-idle-lock';

/** A stand-in for the lock: what the hook calls, recorded; "activity in another tab" fired by hand. */
function standIn() {
  const elsewhere = new Set<() => void>();
  const vault = {
    lock: vi.fn(),
    noteActivity: vi.fn(),
    onActivityElsewhere: (listener: () => void) => {
      elsewhere.add(listener);
      return () => elsewhere.delete(listener);
    },
  };
  return { vault, asVault: vault as unknown as Vault, activityElsewhere: () => elsewhere.forEach((l) => l()) };
}

const minutes = (n: number) => vi.advanceTimersByTime(n * 60_000);

describe('useIdleLock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the delay without a key press or a click, not before', () => {
    const { vault, asVault } = standIn();
    renderHook(() => useIdleLock(asVault, true, 15));
    minutes(14);
    expect(vault.lock).not.toHaveBeenCalled();
    minutes(1);
    expect(vault.lock).toHaveBeenCalledTimes(1);
  });

  it('counts a key press here, or activity in another tab, as work: the delay starts again', () => {
    const { vault, asVault, activityElsewhere } = standIn();
    renderHook(() => useIdleLock(asVault, true, 5));
    minutes(4);
    fireEvent.keyDown(window, { key: 'a' });
    expect(vault.noteActivity).toHaveBeenCalled();
    minutes(4);
    activityElsewhere();
    minutes(4);
    expect(vault.lock).not.toHaveBeenCalled();
    minutes(1);
    expect(vault.lock).toHaveBeenCalledTimes(1);
  });

  it('never locks when the delay is « jamais » or the data is not unlocked', () => {
    const { vault, asVault } = standIn();
    renderHook(() => useIdleLock(asVault, true, 0));
    renderHook(() => useIdleLock(asVault, false, 5));
    minutes(120);
    expect(vault.lock).not.toHaveBeenCalled();
  });
});
