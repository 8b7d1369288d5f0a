import { describe, expect, it } from 'vitest';
import { decodeDelta, encodeDelta } from './questionnaire-delta';

describe('a questionnaire stored as its delta against a newer one', () => {
  const base = {
    id: 'q',
    version: '2026.2',
    items: [
      { id: 'a', question: { fr: 'A ?', en: 'A?' }, deadline: { date: '2026-01-16', kind: 'window-opening' } },
      { id: 'b', question: { fr: 'B ?', en: 'B?' } },
      { id: 'c', question: { fr: 'C ?', en: 'C?' } },
    ],
  };
  const older = {
    id: 'q',
    version: '2026.1',
    items: [
      { id: 'a', question: { fr: 'A ?', en: 'A?' }, deadline: { date: '2026-01-16' } },
      { id: 'b', question: { fr: 'B, autrement ?', en: 'B?' } },
      { id: 'gone', question: { fr: 'Partie ?', en: 'Gone?' } },
    ],
  };

  it('rebuilds the older version exactly: fields dropped, changed, kept, items gone and reordered', () => {
    const delta = encodeDelta(older, base);
    expect(decodeDelta(delta, base)).toEqual(older);
    expect(decodeDelta(encodeDelta(base, base), base)).toEqual(base);
    expect(encodeDelta(base, base)).toEqual({ $s: 1 });
  });

  it('keeps only what differs', () => {
    const delta = JSON.stringify(encodeDelta(older, base));
    expect(delta).not.toContain('A ?');
    expect(delta).toContain('B, autrement ?');
    expect(delta).toContain('Partie ?');
  });
});
