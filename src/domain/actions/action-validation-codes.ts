/**
 * The error codes of the action form, in a module of their own with no dependency: the error-message mapper
 * (src/texts/describe-error.ts) is loaded by the first screen, which must not load zod.
 */
export const actionValidationCodes = [
  'title-required',
  'title-too-long',
  'description-too-long',
  'owner-too-long',
  'date-invalid',
  'cost-invalid',
  'cost-negative',
] as const;
export type ActionValidationCode = (typeof actionValidationCodes)[number];
