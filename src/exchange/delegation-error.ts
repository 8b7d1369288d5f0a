/**
 * Why a delegation file (a request or an answer, issue 19; docs/delegation-format.md) was refused. A module without
 * dependencies, so that the screens can name the codes without loading the validation; each code has its sentence
 * in both languages (src/texts/describe-error.ts).
 */
export const delegationErrorCodes = [
  'too-large',
  'not-json',
  'lone-surrogate',
  'invalid',
  'not-a-delegation-file',
  'export-not-delegation',
  'answer-not-request',
  'request-not-answer',
  'newer-format',
  'digest-mismatch',
  'bad-signature',
  'unsigned',
  'unknown-questionnaire',
  'newer-questionnaire',
  'questionnaire-mismatch',
  'unknown-item',
  'question-altered',
  'response-does-not-fit',
  'future-date',
  'dates-disagree',
  'unknown-request',
  'request-mismatch',
  'outside-request',
] as const;
export type DelegationErrorCode = (typeof delegationErrorCodes)[number];
