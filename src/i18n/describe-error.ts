import type { TFunction } from 'i18next';
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
      return t(`errors.storage.${code}`);
  }
}

export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof StorageError) return describeStorageError(t, error.code);
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
