import { liveQuery } from 'dexie';
import { startTransition, useEffect, useState, type DependencyList } from 'react';

/**
 * A query that re-runs whenever the data it read changes, in this tab or another one (Dexie's `liveQuery`), its
 * result rendered as a transition.
 *
 * Why not dexie-react-hooks' `useLiveQuery`: it renders each result as an urgent update, which React renders in one
 * piece. On a data screen the first result is the whole screen (every item of a domain, every chart of the results),
 * one task of several hundred milliseconds on a slow phone, during which a tap or a key waits (Lighthouse's total
 * blocking time, design §8). Rendered as a transition, the same work is cut into slices of a few milliseconds that
 * input can interrupt. Dexie's observable does the part that is hard (which tables and keys a query read, and when
 * another tab changes them); this hook only decides when React renders its result.
 *
 * Until the first result the hook returns `undefined`; when `deps` change, the previous result stays until the new
 * query answers. A query that fails throws its error during render, for the nearest error boundary.
 */
export function useLiveQuery<T>(querier: () => T | Promise<T>, deps: DependencyList): T | undefined {
  const [state, setState] = useState<{ result?: T; error?: unknown; failed: boolean }>({ failed: false });
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (result) => startTransition(() => setState({ result, failed: false })),
      error: (error: unknown) => setState({ error, failed: true }),
    });
    return () => subscription.unsubscribe();
    // The query is re-created only when its inputs change, as with React's own hooks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  if (state.failed) throw state.error;
  return state.result;
}
