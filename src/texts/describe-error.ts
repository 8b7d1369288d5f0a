import type { TFunction } from 'i18next';
import {
  applicationValidationCodes,
  type ApplicationValidationCode,
} from '../domain/applications/application-validation-codes';
import type { BudgetIssue } from '../domain/budget/budget-ratios';
import type { ExportErrorCode } from '../exchange/export-error';
import { BackupError } from '../storage/backup-error';
import { StorageError, type StorageErrorCode } from '../storage/storage-error';

/**
 * The one place where typed error codes become sentences (design §7). The switch is exhaustive: adding a code
 * without its message fails the type check.
 */
export function describeStorageError(t: TFunction, code: StorageErrorCode): string {
  switch (code) {
    case 'data-newer-than-app':
    case 'quota-exceeded':
    case 'database-closed':
    case 'write-failed':
    case 'not-found':
    case 'assessment-exists':
    case 'invalid-record':
    case 'locked':
    case 'wrong-passphrase':
    case 'passphrase-too-short':
    case 'sealed-data-unreadable':
    case 'lock-settings-invalid':
      return t(`errors.storage.${code}`);
  }
}

export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof StorageError) return describeStorageError(t, error.code);
  if (error instanceof BackupError) return t(`errors.backup.${error.code}`, { path: error.path ?? '' });
  return t('errors.unknown');
}

const validationCodes = [
  'name-required',
  'name-too-long',
  'finess-empty',
  'finess-length',
  'finess-characters',
  'finess-key',
  'ght-too-long',
  'count-integer',
  'count-negative',
] as const;
type ValidationCode = (typeof validationCodes)[number];

/** Form-field messages: zod issues carry a code as their message. */
export function describeValidation(t: TFunction, code: string | undefined): string {
  return (validationCodes as readonly string[]).includes(code ?? '')
    ? t(`errors.validation.${code as ValidationCode}`)
    : t('errors.validation.invalid');
}

/** Budget refusals and warnings (domain/budget/budget-ratios.ts): the code names the rule, the field is shown beside. */
export function describeBudgetIssue(t: TFunction, issue: Pick<BudgetIssue, 'code'>): string {
  return t(`budget.issues.${issue.code}`);
}

/** Messages of the application form (domain/applications/application-input.ts), else the common ones. */
export function describeApplicationValidation(t: TFunction, code: string | undefined): string {
  return (applicationValidationCodes as readonly string[]).includes(code ?? '')
    ? t(`applications.validation.${code as ApplicationValidationCode}`)
    : describeValidation(t, code);
}

/**
 * Why an export file was refused (src/exchange/validate-export.ts), naming the file and the field and saying what
 * to do. The code type comes from a dependency-free module: this file is loaded by the first screen.
 */
export function describeExportRejection(
  t: TFunction,
  rejection: { fileName: string; code: ExportErrorCode; path?: string | undefined },
): string {
  return t(`exchange.errors.${rejection.code}`, { file: rejection.fileName, path: rejection.path ?? '—' });
}
