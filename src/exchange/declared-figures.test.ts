// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildExportEnvelope } from './build-export';
import { declaredFiguresOf } from './declared-figures';
import { anExportInput } from '../testing/exchange/export-test-data';

describe('declaredFiguresOf', () => {
  it('declares nothing at the full and auditor levels: every figure can be recomputed from the file', () => {
    for (const level of ['full', 'auditor'] as const)
      expect(declaredFiguresOf(buildExportEnvelope(anExportInput(), level))).toEqual([]);
  });

  it('declares the scores, the budget ratios and the MFA counts at the statistics level', () => {
    expect(declaredFiguresOf(buildExportEnvelope(anExportInput(), 'statistics'))).toEqual([
      'scores',
      'budget-ratios',
      'mfa',
    ]);
  });

  it('names only the groups the file carries', () => {
    const bare = buildExportEnvelope(anExportInput({ budget: undefined, applications: [] }), 'statistics');
    expect(declaredFiguresOf(bare)).toEqual(['scores']);
  });
});
