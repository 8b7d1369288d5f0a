/**
 * Files the build stores gzip-compressed, because the service worker precaches every file as stored (design §8:
 * precache ≤ 1.5 MB): the questionnaires, the demo data, the texts of the screens and the report's fonts.
 *
 * A host may serve a `.gz` file with `Content-Encoding: gzip`, in which case the browser has inflated it already:
 * the bytes are inflated only when they start with gzip's magic number (RFC 1952 §2.3.1: 1f 8b). The web's
 * `DecompressionStream` inflates them, in the browser, in a worker and in Node alike.
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function inflateIfGzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Fetches a file the build stored compressed, and returns its bytes inflated. */
export async function fetchInflated(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return inflateIfGzip(new Uint8Array(await response.arrayBuffer()));
}
