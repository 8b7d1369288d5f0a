import { fetchInflated } from '../domain/gzip';

/**
 * Reads a JSON file that the build stored gzip-compressed (scripts/vite-compressed-json.ts): the questionnaires, the
 * demo data and the texts of the screens. A compressed file takes a quarter of the room a JavaScript module of the
 * same data would in the service worker's precache (design §8: precache ≤ 1.5 MB).
 */
export async function fetchCompressedJson(url: string): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await fetchInflated(url))) as unknown;
}
