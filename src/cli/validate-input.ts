import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { claimedFinessOf } from '../exchange/claimed-finess';
import type { ShippedQuestionnaires } from '../exchange/shipped-questionnaires';
import {
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_ZIP_BYTES,
  validateExportFile,
  type ExportValidation,
} from '../exchange/validate-export';
import type { FileArgument } from './files';

/** What `consolidate` asks of every file, the same in the command's own thread and in a validation worker. */
export interface InputOptions {
  maxBytes: number | undefined;
  requireSignature: boolean;
}

/** A file's validation, and for a refused one the FINESS it names (unverified), for the CSV's `refus` column. */
export interface InputValidation {
  validation: ExportValidation;
  claimedFiness: string[];
}

/** Reads one file named on the command line and validates it as the app's import does. */
export async function validateInput(
  file: FileArgument,
  { maxBytes, requireSignature }: InputOptions,
  questionnaires: ShippedQuestionnaires,
): Promise<InputValidation> {
  const refused = (validation: ExportValidation) => ({ validation, claimedFiness: [] });
  // The size is checked before reading: a folder may hold anything.
  const limit =
    maxBytes ?? (extname(file.path).toLowerCase() === '.zip' ? DEFAULT_MAX_ZIP_BYTES : DEFAULT_MAX_JSON_BYTES);
  if (file.size > limit)
    return refused({ ok: false, fileName: file.display, code: 'too-large', detail: String(file.size) });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file.path));
  } catch (error) {
    return refused({ ok: false, fileName: file.display, code: 'not-json', detail: (error as Error).message });
  }
  const validation = await validateExportFile(bytes, file.display, {
    questionnaires,
    requireSignature,
    ...(maxBytes !== undefined ? { maxBytes } : {}),
  });
  return { validation, claimedFiness: validation.ok ? [] : claimedFinessOf(bytes) };
}
