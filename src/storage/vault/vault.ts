import type { CareDatabase } from '../care-database';
import { openLock, readLockEnvelope, type LockEnvelope } from './lock-crypto';

/**
 * The state of the passphrase lock in this tab: off, locked (the data is sealed and this tab holds no key) or
 * unlocked (the data key is in memory, as a non-extractable CryptoKey, and nowhere else). Reloading the page
 * forgets the key, so the app asks for the passphrase again before it shows any data.
 *
 * Tabs follow each other through a BroadcastChannel: when one tab turns the lock on or off, changes the passphrase
 * or locks, the others re-read the lock settings (or drop their key) instead of going on writing clear data. Every
 * write also checks, inside its own transaction, that the lock is still the one it prepared its records for
 * (sealed-write.ts), so a tab that missed a message cannot write a clear record among sealed ones.
 */
export const LOCK_META_KEY = 'passphraseLock';
/**
 * While turning the lock on or off cannot catch up with another tab that keeps writing, it holds the sealed tables'
 * writes for a moment: this row says until when (ms since epoch). A lease rather than a flag, so that a tab closed
 * in the middle never blocks writes for longer than that.
 */
export const LOCK_SWITCH_HOLD_KEY = 'lockSwitchHold';

/** Until when the sealed tables' writes wait for a lock switch, or undefined when they need not. */
export function switchHeldUntil(value: unknown, now: number = Date.now()): number | undefined {
  const until = (value as { until?: unknown } | undefined)?.until;
  return typeof until === 'number' && until > now ? until : undefined;
}
/** Minutes without a key press or a click after which the app locks; 0 = never. */
export const LOCK_IDLE_META_KEY = 'lockIdleMinutes';
export const DEFAULT_IDLE_MINUTES = 15;
export const IDLE_MINUTE_CHOICES = [0, 5, 15, 30, 60] as const;

export type LockStatus = 'unknown' | 'off' | 'locked' | 'unlocked';

type State =
  | { status: 'unknown' }
  | { status: 'off' }
  /** The envelope as read from storage: checked only when a passphrase is tried. */
  | { status: 'locked'; envelope: unknown }
  | { status: 'unlocked'; envelope: LockEnvelope; key: CryptoKey };

type Message = { type: 'changed' } | { type: 'locked' } | { type: 'activity' };

/** The key id of stored lock settings, or undefined when the lock is off. */
export function keyIdOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const keyId = (value as { keyId?: unknown }).keyId;
  return typeof keyId === 'string' ? keyId : '?';
}

export class Vault {
  private state: State = { status: 'unknown' };
  private loading: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly activityListeners = new Set<() => void>();
  private readonly channel: BroadcastChannel | undefined;
  private lastActivityBroadcast = 0;
  idleMinutes: number = DEFAULT_IDLE_MINUTES;

  constructor(private readonly db: CareDatabase) {
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(`care-autodiag-lock/${db.name}`);
      // Node (tests) would otherwise keep the process alive for the channel.
      (this.channel as { unref?: () => void }).unref?.();
      this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
    }
  }

  get status(): LockStatus {
    return this.state.status;
  }

  /** The key id of the lock this tab knows, once loaded; undefined when the lock is off. */
  get keyId(): string | undefined {
    return this.state.status === 'locked' || this.state.status === 'unlocked'
      ? keyIdOf(this.state.envelope)
      : undefined;
  }

  /** The data key, only while unlocked. */
  get key(): CryptoKey | undefined {
    return this.state.status === 'unlocked' ? this.state.key : undefined;
  }

  /** The lock settings of an unlocked tab (to change the passphrase or turn the lock off). */
  get envelope(): LockEnvelope | undefined {
    return this.state.status === 'unlocked' ? this.state.envelope : undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Another tab saw the user at work (for the inactivity lock, which counts activity in every tab). */
  onActivityElsewhere(listener: () => void): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  private set(state: State): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  /** Reads the lock settings once; later calls wait for the same read. */
  ready(): Promise<void> {
    if (this.state.status !== 'unknown') return Promise.resolve();
    this.loading ??= this.reload().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Re-reads the lock settings from storage: another tab may have changed them. */
  async reload(): Promise<void> {
    const [row, idle] = await Promise.all([this.db.meta.get(LOCK_META_KEY), this.db.meta.get(LOCK_IDLE_META_KEY)]);
    this.idleMinutes = typeof idle?.value === 'number' ? idle.value : DEFAULT_IDLE_MINUTES;
    this.apply(row?.value);
  }

  private apply(stored: unknown): void {
    if (stored === undefined || stored === null) {
      this.set({ status: 'off' });
      return;
    }
    // A passphrase change elsewhere keeps the same data key: this tab stays unlocked with it.
    if (this.state.status === 'unlocked' && keyIdOf(stored) === this.state.envelope.keyId) {
      try {
        this.set({ status: 'unlocked', envelope: readLockEnvelope(stored), key: this.state.key });
        return;
      } catch {
        // Settings that no longer read are treated as a new lock: ask for the passphrase.
      }
    }
    this.set({ status: 'locked', envelope: stored });
  }

  /** Opens the data with the passphrase; 'wrong-passphrase' leaves the tab locked. */
  async unlock(passphrase: string): Promise<void> {
    await this.ready();
    if (this.state.status !== 'locked') return;
    const stored = this.state.envelope;
    const key = await openLock(readLockEnvelope(stored), passphrase);
    // The settings may have changed while PBKDF2 ran (another tab turned the lock off, or on again).
    const now = (await this.db.meta.get(LOCK_META_KEY))?.value;
    if (keyIdOf(now) !== keyIdOf(stored)) {
      this.apply(now);
      return this.unlock(passphrase);
    }
    this.set({ status: 'unlocked', envelope: readLockEnvelope(now), key });
  }

  /** Forgets the key in this tab and in every other tab of this browser. */
  lock(): void {
    this.lockHere();
    this.post({ type: 'locked' });
  }

  private lockHere(): void {
    if (this.state.status === 'unlocked') this.set({ status: 'locked', envelope: this.state.envelope });
  }

  /** Called by the lock switch (lock-switch.ts) once its transaction has committed. */
  settled(state: { envelope: LockEnvelope; key: CryptoKey } | 'off'): void {
    this.set(state === 'off' ? { status: 'off' } : { status: 'unlocked', ...state });
    this.post({ type: 'changed' });
  }

  /** A sealed record was met while this tab thought the lock was off: another tab turned it on. */
  noticeSealedData(): void {
    if (this.state.status === 'off' || this.state.status === 'unknown') void this.reload().catch(() => undefined);
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    this.db.assertWritable();
    await this.db.transaction('rw', this.db.meta, () => this.db.meta.put({ key: LOCK_IDLE_META_KEY, value: minutes }));
    this.idleMinutes = minutes;
    for (const listener of this.listeners) listener();
    this.post({ type: 'changed' });
  }

  /** Tells the other tabs that the user is at work here, at most twice a minute. */
  noteActivity(now: number = Date.now()): void {
    if (now - this.lastActivityBroadcast < 30_000) return;
    this.lastActivityBroadcast = now;
    this.post({ type: 'activity' });
  }

  private post(message: Message): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (the page is going away) has no one left to tell.
    }
  }

  private receive(message: Message): void {
    switch (message.type) {
      case 'locked':
        this.lockHere();
        return;
      case 'changed':
        void this.reload().catch(() => undefined);
        return;
      case 'activity':
        for (const listener of this.activityListeners) listener();
        return;
    }
  }
}

const vaults = new WeakMap<CareDatabase, Vault>();

/** The lock state of a database in this tab (one per database object). */
export function vaultOf(db: CareDatabase): Vault {
  let vault = vaults.get(db);
  if (!vault) {
    vault = new Vault(db);
    vaults.set(db, vault);
  }
  return vault;
}
