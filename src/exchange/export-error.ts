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
  /** Not UTF-8 JSON. */
  'not-json',
  /** JSON, but not an Autodiag CaRE export (no `format: "care-autodiag/export"`). */
  'not-an-export',
  /** Made by a newer version of the app: update the app to read it. */
  'newer-format',
  /** A field is missing, has the wrong type, or is not allowed at the file's sharing level. */
  'invalid',
  /** The content does not match its SHA-256 digest: the file was changed after export. */
  'digest-mismatch',
  /** The signature does not verify with the public key it carries, or the key does not match its fingerprint. */
  'bad-signature',
  /** The file is not signed although a signature was required. */
  'unsigned',
  /** An evidence file of the zip does not match the manifest (missing, extra or altered). */
  'evidence-mismatch',
] as const;

export type ExportErrorCode = (typeof exportErrorCodes)[number];
