import { sha256Hex } from '../domain/hash';
import type { ReportInput } from './report-model';

/**
 * The fingerprint a report made in the app prints in its footer: the SHA-256 of the data it was built from
 * (everything but the fingerprint itself), serialised with sorted keys so that the same data always gives the same
 * fingerprint. A report printed from an export file prints the file's own integrity digest instead.
 */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

export async function contentFingerprint(input: ReportInput): Promise<string> {
  const { fingerprint: _fingerprint, ...data } = input;
  return sha256Hex(new TextEncoder().encode(stableJson(data)));
}
