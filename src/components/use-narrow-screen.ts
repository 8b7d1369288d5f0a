import { useSyncExternalStore } from 'react';

/** The width below which screens take their phone layout: the same 40rem as the media queries of src/app/styles.css. */
const narrowQuery = '(max-width: 40rem)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const list = window.matchMedia(narrowQuery);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const isNarrow = () => typeof window.matchMedia === 'function' && window.matchMedia(narrowQuery).matches;

/**
 * True on a phone-sized screen, kept up to date when the window is resized or the phone turned. For what CSS alone
 * cannot do: a chart whose drawing, not only its size, changes (its text would otherwise shrink below 11 px).
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, isNarrow, () => false);
}
