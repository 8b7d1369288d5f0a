/**
 * Reads a JSON file that the build stored gzip-compressed (scripts/vite-compressed-json.ts): the questionnaires and
 * the demo data. The service worker precaches files as stored, so a compressed file takes a quarter of the room a
 * JavaScript module of the same data would (design §8: precache ≤ 1.5 MB); `DecompressionStream` inflates it on use.
 *
 * A host may serve a `.gz` file with `Content-Encoding: gzip`, in which case the browser has inflated it already:
 * the bytes are inflated only when they start with gzip's magic number (RFC 1952 §2.3.1: 1f 8b).
 */
export async function fetchCompressedJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const stream = new Blob([bytes]).stream();
  const text = await new Response(gzipped ? stream.pipeThrough(new DecompressionStream('gzip')) : stream).text();
  return JSON.parse(text) as unknown;
}
