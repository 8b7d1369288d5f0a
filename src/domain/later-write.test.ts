import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laterWrite, writeTimeAfter } from './later-write';

interface Version {
  updatedAt: number;
  value: string;
}
const version = (updatedAt: number, value: string): Version => ({ updatedAt, value });
/** No version yet (typed, so that the other side's type is the one inferred). */
const none = (): Version | undefined => undefined;

describe('laterWrite', () => {
  it('keeps the later of two versions, whichever side it is on', () => {
    expect(laterWrite(version(1, 'old'), version(2, 'new'))?.value).toBe('new');
    expect(laterWrite(version(2, 'new'), version(1, 'old'))?.value).toBe('new');
  });

  it('keeps what is there on a tie', () => {
    expect(laterWrite(version(5, 'kept'), version(5, 'candidate'))?.value).toBe('kept');
  });

  it('takes the only version there is', () => {
    expect(laterWrite(none(), version(1, 'only'))?.value).toBe('only');
    expect(laterWrite(version(1, 'only'), none())?.value).toBe('only');
    expect(laterWrite(none(), none())).toBeUndefined();
  });

  it('settles any sequence of writes on the latest one, in whatever order they arrive', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(), { minLength: 1 }), (times) => {
        const writes = times.map((t) => version(t, `v${t}`));
        const settled = writes.reduce<Version | undefined>((kept, w) => laterWrite(kept, w), undefined);
        expect(settled?.updatedAt).toBe(Math.max(...times));
      }),
    );
  });
});

describe('writeTimeAfter', () => {
  it('is later than every version it replaces, even when the clock is behind them', () => {
    const future = Date.now() + 60_000;
    expect(writeTimeAfter(future)).toBe(future + 1);
    expect(writeTimeAfter(undefined, future, future - 5)).toBe(future + 1);
    const replaced = { updatedAt: future, value: 'other tab' };
    const next = { updatedAt: writeTimeAfter(replaced.updatedAt), value: 'this tab' };
    expect(laterWrite(replaced, next)).toBe(next);
  });

  it('is now when nothing it replaces is in the future', () => {
    const before = Date.now();
    const time = writeTimeAfter(undefined, before - 1000);
    expect(time).toBeGreaterThanOrEqual(before);
  });
});
