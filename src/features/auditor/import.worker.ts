/// <reference lib="webworker" />
import { expose } from 'comlink';
import { unzipSync } from 'fflate';
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

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
const CLAIM_READ_LIMIT = 16 * 1024 * 1024;

/**
 * The FINESS numbers a refused file names, read without any check (it was refused): only so that the auditor's
 * expected list can say « fichier refusé » for that establishment. Nothing of it is stored. A file too large, or
 * that cannot be read as JSON, names none.
 */
function claimedFinessOf(bytes: ArrayBuffer | undefined): string[] {
  if (!bytes || bytes.byteLength > CLAIM_READ_LIMIT * 4) return [];
  try {
    let json = new Uint8Array(bytes);
    if (isZip(json)) {
      const entries = unzipSync(json, {
        filter: (f) => f.name === 'export.json' && f.originalSize <= CLAIM_READ_LIMIT,
      });
      const entry = entries['export.json'];
      if (!entry) return [];
      json = entry;
    }
    if (json.byteLength > CLAIM_READ_LIMIT) return [];
    const value = JSON.parse(new TextDecoder().decode(json)) as { establishment?: Record<string, unknown> } | null;
    const e = value?.establishment;
    return [e?.finessEj, e?.finessEg].filter(
      (v): v is string => typeof v === 'string' && /^(\d{9}|2[AB]\d{7})$/.test(v),
    );
  } catch {
    return [];
  }
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
