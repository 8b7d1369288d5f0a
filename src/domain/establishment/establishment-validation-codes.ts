/**
 * The error codes of the establishment form (zod messages of establishment.ts and the FINESS check of finess.ts), in
 * a module of their own with no dependency: the error-message mapper is loaded by the first screen, without zod.
 */
export const establishmentValidationCodes = [
  'category-required',
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
export type EstablishmentValidationCode = (typeof establishmentValidationCodes)[number];
