import { describe, expect, it } from 'vitest';
import { countContent } from './content-counts';

describe('countContent', () => {
  it('counts the answers, free texts and evidence of the listed questions, beside the totals given', () => {
    const counts = countContent(
      [
        { answered: true, comment: 'vu', evidence: ['a.pdf', 'b.pdf'] },
        { answered: true, justification: 'pas de site', evidence: [] },
        { answered: false, evidence: ['c.pdf'] },
      ],
      { applicable: 5, actions: 4, applications: 2 },
    );
    expect(counts).toEqual({
      answers: 2,
      applicable: 5,
      comments: 1,
      justifications: 1,
      evidence: 3,
      actions: 4,
      applications: 2,
    });
  });

  it('counts nothing in an empty report', () => {
    expect(countContent([], { applicable: 0, actions: 0, applications: 0 })).toEqual({
      answers: 0,
      applicable: 0,
      comments: 0,
      justifications: 0,
      evidence: 0,
      actions: 0,
      applications: 0,
    });
  });
});
