import { useCallback, useEffect, useRef } from 'react';

/**
 * Runs a write now or once typing pauses; a newer write replaces one still waiting (it carries the whole record:
 * an answer, a year's figures), and whatever is still waiting is written when the field loses the focus or the
 * screen closes, so nothing typed is lost. Shared by the answering and budget screens.
 */
export function useDebouncedWrites(delayMs: number) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<(() => void) | null>(null);
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = pending.current;
    pending.current = null;
    run?.();
  }, []);
  const schedule = useCallback(
    (run: () => void, delayed: boolean) => {
      if (timer.current) clearTimeout(timer.current);
      pending.current = null;
      if (!delayed) {
        run();
        return;
      }
      pending.current = run;
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );
  useEffect(() => flush, [flush]);
  return { schedule, flush };
}
