import { describe, expect, it } from 'vitest';
import { actionValidationCodes } from '../domain/actions/action-validation-codes';
import { applicationValidationCodes } from '../domain/applications/application-validation-codes';
import { budgetErrorCodes, budgetWarningCodes } from '../domain/budget/budget-ratios';
import { expectedListIssueCodes } from '../domain/consolidation/expected-list';
import { establishmentValidationCodes } from '../domain/establishment/establishment-validation-codes';
import { exportErrorCodes } from '../exchange/export-error';
import { reviewErrorCodes } from '../exchange/review-error';
import { delegationErrorCodes } from '../exchange/delegation-error';
import { BackupError, backupErrorCodes } from '../storage/backup-error';
import { StorageError, storageErrorCodes } from '../storage/storage-error';
import {
  commandLineErrorCodes,
  describeActionValidation,
  describeApplicationValidation,
  describeBackupError,
  describeBudgetIssue,
  describeCommandLineError,
  describeDelegationRejection,
  describeError,
  describeExpectedIssue,
  describeExportRejection,
  describeFailure,
  describeReviewRejection,
  describeStorageError,
  describeValidation,
} from './describe-error';
import { createTranslator, type Translate } from './translator';

/** Every error code of every list, described by the one mapper: iterate over the lists, never a copy of them. */
function everySentence(t: Translate): Record<string, string> {
  const sentences: Record<string, string> = {};
  for (const code of storageErrorCodes) sentences[`storage ${code}`] = describeStorageError(t, code);
  for (const code of backupErrorCodes)
    sentences[`backup ${code}`] = describeBackupError(t, { code, path: 'tables.assessments.3' });
  for (const code of exportErrorCodes)
    sentences[`export ${code}`] = describeExportRejection(t, { fileName: 'chu.json', code, path: 'content' });
  for (const code of delegationErrorCodes)
    sentences[`delegation ${code}`] = describeDelegationRejection(t, {
      fileName: 'reponse.json',
      code,
      path: 'answers[0]',
    });
  for (const code of reviewErrorCodes)
    sentences[`review ${code}`] = describeReviewRejection(t, { fileName: 'avis.json', code, path: 'items[0]' });
  for (const code of establishmentValidationCodes) sentences[`establishment ${code}`] = describeValidation(t, code);
  for (const code of applicationValidationCodes)
    sentences[`application ${code}`] = describeApplicationValidation(t, code);
  for (const code of actionValidationCodes) sentences[`action ${code}`] = describeActionValidation(t, code);
  for (const code of [...budgetErrorCodes, ...budgetWarningCodes])
    sentences[`budget ${code}`] = describeBudgetIssue(t, { code });
  for (const code of expectedListIssueCodes) sentences[`expected list ${code}`] = describeExpectedIssue(t, code);
  for (const code of commandLineErrorCodes)
    sentences[`command line ${code}`] = describeCommandLineError(t, code, {
      file: 'chu.json',
      questionnaire: 'care 2026',
      reason: 'EACCES',
    });
  return sentences;
}

describe('the error mapper', () => {
  for (const language of ['fr', 'en'] as const) {
    it(`gives every code of every error list a sentence of its own in ${language}`, () => {
      const t = createTranslator(language);
      const fallbacks = new Set([t('errors.unknown'), t('errors.validation.invalid')]);
      const problems = Object.entries(everySentence(t)).filter(
        ([, sentence]) =>
          sentence.trim() === '' || /^[\w.-]+$/.test(sentence) || sentence.includes('{{') || fallbacks.has(sentence),
      );
      expect(problems).toEqual([]);
    });
  }

  it('speaks the language it is given', () => {
    const fr = everySentence(createTranslator('fr'));
    const en = everySentence(createTranslator('en'));
    const same = Object.keys(fr).filter((code) => fr[code] === en[code] && (fr[code] ?? '').length > 20);
    expect(same).toEqual([]);
  });

  it('describes storage and backup failures by their code, anything else as unexpected', () => {
    const t = createTranslator('fr');
    expect(describeError(t, new StorageError('quota-exceeded', 'QuotaExceededError'))).toBe(
      describeStorageError(t, 'quota-exceeded'),
    );
    expect(describeError(t, new BackupError('backup-invalid', 'b.zip', 'tables.x'))).toContain('tables.x');
    expect(describeError(t, new Error('boom'))).toBe(t('errors.unknown'));
  });

  it('falls back to the common form message for a code no form knows', () => {
    const t = createTranslator('en');
    expect(describeValidation(t, 'nonsense')).toBe(t('errors.validation.invalid'));
    expect(describeApplicationValidation(t, 'name-required')).toBe(describeValidation(t, 'name-required'));
    expect(describeActionValidation(t, undefined)).toBe(t('errors.validation.invalid'));
  });

  it('describes a failure of unknown kind by its own message', () => {
    const t = createTranslator('fr');
    expect(describeFailure(t, new Error('font not found'))).toBe('font not found');
    expect(describeFailure(t, 'plain')).toBe('plain');
    expect(describeFailure(t, new StorageError('locked'))).toBe(describeStorageError(t, 'locked'));
  });
});
