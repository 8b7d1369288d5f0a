/**
 * Why a review file is refused (src/exchange/validate-review.ts): the codes only, without their checks, so that the
 * error mapper of the first screen (src/texts/describe-error.ts) can import them without zod.
 *
 * The order is the order of the checks (docs/review-format.md, "Import"): the first check that fails names the file.
 */
export const reviewErrorCodes = [
  /** Larger than the limit, checked before the file is read. */
  'too-large',
  /** Not UTF-8 JSON. */
  'not-json',
  /** A string holding half of a UTF-16 surrogate pair (I-JSON, RFC 7493 §2.1). */
  'lone-surrogate',
  /** An export file where a review was expected. */
  'export-not-review',
  /** JSON, but not an Autodiag CaRE review (no `format: "care-autodiag/review"`). */
  'not-a-review',
  /** Made by a newer version of the app: update the app to read it. */
  'newer-format',
  /** A member is missing, has the wrong type, is unknown, or an item is listed twice. */
  'invalid',
  /** The content does not match its SHA-256 digest: the file was changed after it was written. */
  'digest-mismatch',
  /** The signature does not verify with the public key it carries, or the key does not match its fingerprint. */
  'bad-signature',
  /** The file is not signed although a signature was required. */
  'unsigned',
  /** The questionnaire the review names is not shipped by this build (another id, or a version it does not have). */
  'unknown-questionnaire',
  /** A version of the questionnaire newer than any this build ships: update the app. */
  'newer-questionnaire',
  /** A marked item that the questionnaire version named does not have. */
  'unknown-item',
  /** Written more than 24 hours after now. */
  'future-date',
  /** Written before the export it answers, or answering a snapshot frozen after that export. */
  'dates-disagree',
  /** The review answers none of the exports it is checked against (no export with its submission digest). */
  'unknown-submission',
  /** It names the export by its digest, but says something else of it (FINESS, questionnaire, campaign, date). */
  'submission-mismatch',
] as const;

export type ReviewErrorCode = (typeof reviewErrorCodes)[number];
