import { inflateIfGzip } from '../domain/gzip';

/**
 * What the service worker answers for code the precache holds compressed (scripts/vite-precache-compressed.ts): the
 * paths of the `.js`/`.css` files whose `.gz` copy the manifest lists, and the inflated response for one of them.
 */
export function compressedCodePaths(manifestUrls: readonly string[]): Set<string> {
  return new Set(
    manifestUrls
      .filter((url) => /\.(js|css)\.gz$/.test(url))
      .map((url) => new URL(url.slice(0, -'.gz'.length), 'https://app.invalid/').pathname),
  );
}

const contentTypes: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/**
 * The stored `.gz` body, inflated, with the type of the file it stands for (a module script is refused under any
 * other type). A host that served the `.gz` with `Content-Encoding: gzip` had it inflated already: `inflateIfGzip`
 * then leaves it as it is.
 */
export async function inflatedResponse(stored: Response, path: string): Promise<Response> {
  const bytes = await inflateIfGzip(new Uint8Array(await stored.arrayBuffer()));
  const extension = path.slice(path.lastIndexOf('.') + 1);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': contentTypes[extension] ?? 'application/octet-stream' },
  });
}
