/**
 * Why an export file was refused, as typed codes. Kept free of any dependency (no zod, fflate or canonicalize) so
 * that the error mapper of the first screen (src/texts/describe-error.ts) can import it without pulling them in.
 *
 * The order is the order of the checks (docs/export-format.md, "Import"): the first check that fails names the file.
 */
export const exportErrorCodes = [
  /** Larger than the limit, checked before the file is read. */
  'too-large',
  /** A zip that cannot be read, or without export.json. */
  'not-a-zip',
  /**
   * A zip entry that is neither export.json nor an evidence file, or whose name is unsafe: `..`, an absolute path, a
   * backslash, or the same name twice.
   */
  'zip-entry',
  /** Not UTF-8 JSON. */
  'not-json',
  /** A string holding half of a UTF-16 surrogate pair (I-JSON, RFC 7493 §2.1). */
  'lone-surrogate',
  /** JSON, but not an Autodiag CaRE export (no `format: "care-autodiag/export"`). */
  'not-an-export',
  /** Made by a newer version of the app: update the app to read it. */
  'newer-format',
  /** A field is missing, has the wrong type, or is not allowed at the file's sharing level. */
  'invalid',
  /** At the full level, a "not applicable" answer without its justification. */
  'justification-missing',
  /** The content does not match its SHA-256 digest: the file was changed after export. */
  'digest-mismatch',
  /** The signature does not verify with the public key it carries, or the key does not match its fingerprint. */
  'bad-signature',
  /** The file is not signed although a signature was required. */
  'unsigned',
  /** An evidence file of the zip does not match the manifest (missing, extra or altered). */
  'evidence-mismatch',
  /** A questionnaire this build does not ship (another id, or a version it does not have). */
  'unknown-questionnaire',
  /** A version of the questionnaire newer than any this build ships: update the app. */
  'newer-questionnaire',
  /** The content hash matches no questionnaire content this build ships under that id and version. */
  'questionnaire-mismatch',
  /** Exported more than 24 hours after now (it would shadow every later file of its campaign). */
  'future-date',
  /** The campaign year, the date of the scores, the budget year and the export date do not agree. */
  'dates-disagree',
  /** An answer, a critical gap, an action or a piece of evidence names an item the questionnaire does not have. */
  'unknown-item',
  /** An answer to an item that does not apply to the establishment's profile (health, GHT support, medico-social). */
  'item-not-applicable',
  /** A response of a kind the item does not take (a number for a yes/no item). */
  'answer-type',
  /** A choice that is not one of the item's options. */
  'unknown-choice',
  /** A number, percentage or date outside its range (a negative count, 150 %, a date after the export). */
  'out-of-range',
  /** A figure (score, completeness, count, critical gap, budget ratio, MFA count) that the file's own content contradicts. */
  'figure-mismatch',
] as const;

export type ExportErrorCode = (typeof exportErrorCodes)[number];
