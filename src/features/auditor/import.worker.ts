/// <reference lib="webworker" />
import { expose } from 'comlink';
import { claimedFinessOf } from '../../exchange/claimed-finess';
import { validateExportFile, type ExportValidation } from '../../exchange/validate-export';
import { workerQuestionnaires } from '../../storage/worker-questionnaires';
import type { BatchValidation, FileBytes, ValidatorApi } from './import-protocol';

/**
 * Validation of the auditor's imported files, off the page's thread (design §8: 1,000 files in ≤ 5 s with no
 * main-thread task over 200 ms). UTF-8 decoding, JSON parsing, the schema, the SHA-256 digest of the canonical JSON
 * and the signature check all happen here (src/exchange/validate-export.ts); the page sends the bytes it read
 * (transferred, not copied) and receives, per batch, the validated envelopes and the refusals, and stores the former
 * itself (run-import.ts).
 */

/** Validates one file; a file the page could not read (moved, no permission) is refused by name. */
function validateFile(file: FileBytes): Promise<ExportValidation> {
  if (!file.bytes) return Promise.resolve({ ok: false, fileName: file.name, code: 'not-json', detail: 'unreadable' });
  return validateExportFile(new Uint8Array(file.bytes), file.name, { questionnaires: workerQuestionnaires });
}

async function validateBatch(files: readonly FileBytes[]): Promise<BatchValidation> {
  // The files of a batch are validated side by side: while one is parsed, the digests of others are computed.
  const results = await Promise.all(files.map(validateFile));
  const out: BatchValidation = { valid: [], rejected: [] };
  for (const [index, result] of results.entries()) {
    if (result.ok) {
      const { fileName, envelope, digest, keyFingerprint, declaredFigures } = result;
      out.valid.push({
        ok: true,
        fileName,
        envelope,
        digest,
        declaredFigures,
        ...(keyFingerprint ? { keyFingerprint } : {}),
      });
    } else {
      const { fileName, code, path, detail } = result;
      const claimed = code === 'too-large' ? [] : claimedFinessOf(files[index]?.bytes);
      out.rejected.push({
        fileName,
        code,
        ...(path !== undefined ? { path } : {}),
        ...(detail !== undefined ? { detail } : {}),
        ...(claimed.length > 0 ? { claimedFiness: claimed } : {}),
      });
    }
  }
  return out;
}

const api: ValidatorApi = { validateBatch };
expose(api);
