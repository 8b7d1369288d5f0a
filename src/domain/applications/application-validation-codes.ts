/**
 * The error codes of the application form, in a module of their own with no dependency: the error-message mapper
 * loads them on the first screen, which must not load zod (first-screen budget, strict Content-Security-Policy).
 */
export const applicationValidationCodes = [
  'application-name-required',
  'application-name-too-long',
  'application-reason-too-long',
  'application-means-required',
  'application-count-invalid',
  'application-two-factor-above-users',
  'application-clinicians-above-users',
  'application-two-factor-above-clinicians',
  'application-date-invalid',
] as const;
export type ApplicationValidationCode = (typeof applicationValidationCodes)[number];
