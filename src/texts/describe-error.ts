import { actionValidationCodes, type ActionValidationCode } from '../domain/actions/action-validation-codes';
import {
  applicationValidationCodes,
  type ApplicationValidationCode,
} from '../domain/applications/application-validation-codes';
import type { BudgetIssueCode } from '../domain/budget/budget-ratios';
import type { ExpectedListIssueCode } from '../domain/consolidation/expected-list';
import {
  establishmentValidationCodes,
  type EstablishmentValidationCode,
} from '../domain/establishment/establishment-validation-codes';
import type { ExportErrorCode } from '../exchange/export-error';
import type { ReviewErrorCode } from '../exchange/review-error';
import type { DelegationErrorCode } from '../exchange/delegation-error';
import { BackupError } from '../storage/backup-error';
import { StorageError, type StorageErrorCode } from '../storage/storage-error';
import type { Translate } from './translator';

/**
 * The one place where typed error codes become sentences (design §7), for the app (whose `t` from useTranslation is
 * a {@link Translate}) and for the command line (createTranslator). Each code reads the key named after it, so a code
 * without its sentence fails the type check; describe-error.test.ts checks every code of every list in both
 * languages. Only dependency-free code lists are imported: the first screen loads this module, without zod.
 */

export function describeStorageError(t: Translate, code: StorageErrorCode): string {
  return t(`errors.storage.${code}`);
}

export function describeBackupError(t: Translate, error: Pick<BackupError, 'code' | 'path'>): string {
  return t(`errors.backup.${error.code}`, { path: error.path ?? '' });
}

/** A storage or backup failure as a sentence; anything else is "an unexpected error". */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof StorageError) return describeStorageError(t, error.code);
  if (error instanceof BackupError) return describeBackupError(t, error);
  return t('errors.unknown');
}

/**
 * Like {@link describeError}, but an error of unknown kind is described by its own message when it has one: for work
 * that fails for reasons the app does not name (generating a PDF), the message is what the user can pass on.
 */
export function describeFailure(t: Translate, error: unknown): string {
  if (error instanceof StorageError || error instanceof BackupError) return describeError(t, error);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why an export file was refused (src/exchange/validate-export.ts), naming the file and the field and saying what
 * to do. The code type comes from a dependency-free module: this file is loaded by the first screen.
 */
export function describeExportRejection(
  t: Translate,
  rejection: { fileName: string; code: ExportErrorCode; path?: string | undefined },
): string {
  return t(`exchange.errors.${rejection.code}`, { file: rejection.fileName, path: rejection.path ?? '—' });
}

/**
 * Why a review file was refused (src/exchange/validate-review.ts), naming the file and the field and saying what to
 * do; in the app and on the command line alike.
 */
export function describeReviewRejection(
  t: Translate,
  rejection: { fileName: string; code: ReviewErrorCode; path?: string | undefined },
): string {
  return t(`review.errors.${rejection.code}`, { file: rejection.fileName, path: rejection.path ?? '—' });
}

/**
 * Why a delegation request or answer was refused (src/exchange/validate-delegation.ts, issue 19), naming the file and
 * the field.
 */
export function describeDelegationRejection(
  t: Translate,
  rejection: { fileName: string; code: DelegationErrorCode; path?: string | undefined },
): string {
  return t(`delegation.errors.${rejection.code}`, { file: rejection.fileName, path: rejection.path ?? '—' });
}

function isOneOf<Code extends string>(codes: readonly Code[], value: string | undefined): value is Code {
  return (codes as readonly string[]).includes(value ?? '');
}

/** Form-field messages of the establishment form: zod issues carry a code as their message. */
export function describeValidation(t: Translate, code: string | undefined): string {
  return isOneOf<EstablishmentValidationCode>(establishmentValidationCodes, code)
    ? t(`errors.validation.${code}`)
    : t('errors.validation.invalid');
}

/** Messages of the application form (domain/applications/application-input.ts), else the common ones. */
export function describeApplicationValidation(t: Translate, code: string | undefined): string {
  return isOneOf<ApplicationValidationCode>(applicationValidationCodes, code)
    ? t(`applications.validation.${code}`)
    : describeValidation(t, code);
}

/** Messages of the action form (domain/actions/action-plan.ts). */
export function describeActionValidation(t: Translate, code: string | undefined): string {
  return isOneOf<ActionValidationCode>(actionValidationCodes, code)
    ? t(`actions.form.errors.${code}`)
    : t('errors.validation.invalid');
}

/** Budget refusals and warnings (domain/budget/budget-ratios.ts): the code names the rule, the field is shown beside. */
export function describeBudgetIssue(t: Translate, issue: { code: BudgetIssueCode }): string {
  return t(`budget.issues.${issue.code}`);
}

/** Rows of a list of expected establishments that were skipped or corrected (domain/consolidation/expected-list.ts). */
export function describeExpectedIssue(t: Translate, code: ExpectedListIssueCode): string {
  return t(`auditor.expected.issues.${code}`);
}

/** What goes wrong with the files named on the command line, besides the refusals of export files. */
export const commandLineErrorCodes = [
  'file-not-found',
  'questionnaire-missing',
  'mapping-missing',
  'expected-list-unreadable',
  'write-failed',
  'known-keys-unreadable',
  'known-keys-invalid',
] as const;
export type CommandLineErrorCode = (typeof commandLineErrorCodes)[number];

/**
 * `values`: `file`, and `questionnaire` (id and version), `field` (the path in the file) or `reason` (the system's
 * message) where the code needs them.
 */
export function describeCommandLineError(
  t: Translate,
  code: CommandLineErrorCode,
  values: { file?: string; questionnaire?: string; field?: string; reason?: string } = {},
): string {
  return t(`cli.errors.${code}`, { file: '—', questionnaire: '—', field: '—', reason: '—', ...values });
}
