import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useInRouterContext, useLocation } from 'react-router';
import { describeError } from '../texts/describe-error';

/**
 * The "saved / not saved" state shared by every screen that writes. A key (an answer, a form) is "saving" from
 * the moment it changes until IndexedDB has committed it; "saved" shows only when no key is pending or failed,
 * so the word never appears before the data is on disk (design principle 2).
 *
 * It follows the writes of the current screen only: when another screen opens, what the last one settled (saved
 * or refused) is forgotten, so that a refusal shown and explained on one screen (« une évaluation existe déjà »)
 * does not leave « Non enregistré … Réessayer » in the header of every screen after it. A write still pending
 * keeps counting until it settles: « Enregistré » is never shown before it is on disk.
 */
type KeyState =
  | { state: 'saving'; token: number }
  | { state: 'saved'; token: number }
  | { state: 'failed'; token: number; error: unknown; retry: () => Promise<unknown> };

export interface SaveStatusApi {
  /** Marks a key as changed and not yet stored; returns the token of this change. */
  begin: (key: string) => number;
  /** Runs a write for a key and records its outcome; rejects as the write does. */
  save: <T>(key: string, write: () => Promise<T>, token?: number) => Promise<T>;
  onFirstSave: (listener: () => void) => void;
  /** Another screen opened: forgets the keys that settled, keeps those still being written. */
  changeScreen: () => void;
}

export type SaveSummary =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: unknown };

const ApiContext = createContext<SaveStatusApi | null>(null);
const SummaryContext = createContext<{ summary: SaveSummary; retryAll: () => void; savedCount: number }>({
  summary: { state: 'idle' },
  retryAll: () => undefined,
  savedCount: 0,
});

export function summarize(states: Iterable<KeyState>): SaveSummary {
  let summary: SaveSummary = { state: 'idle' };
  for (const s of states) {
    if (s.state === 'failed') return { state: 'failed', error: s.error };
    if (s.state === 'saving') summary = { state: 'saving' };
    else if (summary.state === 'idle') summary = { state: 'saved' };
  }
  return summary;
}

export function SaveStatusProvider({ children }: { children: ReactNode }) {
  const [keys, setKeys] = useState<ReadonlyMap<string, KeyState>>(new Map());
  // How many writes have completed: exposed on the indicator so that the benchmark can time "saved shown".
  const [savedCount, setSavedCount] = useState(0);
  const tokens = useRef(0);
  const latest = useRef(new Map<string, number>());
  const firstSaveListeners = useRef<(() => void)[]>([]);
  const savedOnce = useRef(false);

  const setKey = useCallback((key: string, next: KeyState) => {
    if (latest.current.get(key) !== next.token) return; // a newer change of this key supersedes this outcome
    setKeys((current) => new Map(current).set(key, next));
  }, []);

  const begin = useCallback(
    (key: string) => {
      tokens.current += 1;
      const token = tokens.current;
      latest.current.set(key, token);
      setKey(key, { state: 'saving', token });
      return token;
    },
    [setKey],
  );

  const save = useCallback(
    <T,>(key: string, write: () => Promise<T>, token?: number): Promise<T> => {
      const run = async (own: number): Promise<T> => {
        try {
          const result = await write();
          setKey(key, { state: 'saved', token: own });
          setSavedCount((n) => n + 1);
          if (!savedOnce.current) {
            savedOnce.current = true;
            for (const listener of firstSaveListeners.current) listener();
          }
          return result;
        } catch (error) {
          setKey(key, { state: 'failed', token: own, error, retry: () => run(begin(key)) });
          throw error;
        }
      };
      return run(token ?? begin(key));
    },
    [begin, setKey],
  );

  const changeScreen = useCallback(() => {
    setKeys((current) => {
      const pending = [...current].filter(([, s]) => s.state === 'saving');
      return pending.length === current.size ? current : new Map(pending);
    });
  }, []);

  const api = useMemo<SaveStatusApi>(
    () => ({ begin, save, changeScreen, onFirstSave: (listener) => firstSaveListeners.current.push(listener) }),
    [begin, save, changeScreen],
  );

  const retryAll = useCallback(() => {
    for (const s of keys.values()) if (s.state === 'failed') s.retry().catch(() => undefined);
  }, [keys]);

  const summary = useMemo(
    () => ({ summary: summarize(keys.values()), retryAll, savedCount }),
    [keys, retryAll, savedCount],
  );

  return (
    <ApiContext.Provider value={api}>
      <SummaryContext.Provider value={summary}>{children}</SummaryContext.Provider>
    </ApiContext.Provider>
  );
}

export function useSaveStatus(): SaveStatusApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useSaveStatus outside SaveStatusProvider');
  return api;
}

/** The indicator in the header: a polite live region, and an alert with a retry button when a write failed. */
export function SaveIndicator() {
  return useInRouterContext() ? <ScreenScopedIndicator /> : <SaveIndicatorView />;
}

/** Inside the router: a new path is a new screen, whose status starts from its own writes. */
function ScreenScopedIndicator() {
  const { pathname } = useLocation();
  const api = useContext(ApiContext);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    api?.changeScreen();
  }, [pathname, api]);
  return <SaveIndicatorView />;
}

function SaveIndicatorView() {
  const { t } = useTranslation();
  const { summary, retryAll, savedCount } = useContext(SummaryContext);
  if (summary.state === 'failed') {
    return (
      <div className="save-indicator save-indicator--failed" role="alert" data-save-state="failed">
        <span>{t('common.save.notSaved', { reason: describeError(t, summary.error) })}</span>
        <button type="button" className="button button--small" onClick={retryAll}>
          {t('common.save.retry')}
        </button>
      </div>
    );
  }
  const text =
    summary.state === 'saving'
      ? t('common.save.saving')
      : summary.state === 'saved'
        ? t('common.save.saved')
        : t('common.save.idle');
  return (
    <div
      className={`save-indicator save-indicator--${summary.state}`}
      role="status"
      data-save-state={summary.state}
      data-saved-count={savedCount}
    >
      {summary.state === 'idle' ? <span className="visually-hidden">{text}</span> : text}
    </div>
  );
}
