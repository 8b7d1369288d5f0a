import { unzipSync } from 'fflate';
import { EXPORT_JSON_ENTRY } from './validate-export';

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
const CLAIM_READ_LIMIT = 16 * 1024 * 1024;
const FINESS_SHAPE = /^(\d{9}|2[AB]\d{7})$/;

/**
 * The FINESS numbers (EJ, then EG) a refused export file names, read without any check (it was refused): only so
 * that the auditor's expected list and the consolidated CSV can say « fichier refusé (raison) » for that
 * establishment rather than « aucun fichier » (issue 14). Nothing of it is stored or counted. A file too large, or
 * that cannot be read as JSON, names none. Used by the app's import worker and by `care-autodiag consolidate`.
 */
export function claimedFinessOf(bytes: ArrayBuffer | Uint8Array | undefined): string[] {
  if (!bytes || bytes.byteLength > CLAIM_READ_LIMIT * 4) return [];
  try {
    let json = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    if (isZip(json)) {
      const entries = unzipSync(json, {
        filter: (f) => f.name === EXPORT_JSON_ENTRY && f.originalSize <= CLAIM_READ_LIMIT,
      });
      const entry = entries[EXPORT_JSON_ENTRY];
      if (!entry) return [];
      json = entry;
    }
    if (json.byteLength > CLAIM_READ_LIMIT) return [];
    const value = JSON.parse(new TextDecoder().decode(json)) as { establishment?: Record<string, unknown> } | null;
    const e = value?.establishment;
    return [e?.finessEj, e?.finessEg].filter((v): v is string => typeof v === 'string' && FINESS_SHAPE.test(v));
  } catch {
    return [];
  }
}
