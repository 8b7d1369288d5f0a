// Build-time plugin: the code of the lazy screens is precached gzip-compressed and inflated by the service worker.
//
// The service worker keeps a copy of every file it precaches, and Cache Storage keeps a body as it received it
// (design §8: precache ≤ 1.5 MB). The JavaScript and CSS that only the lazy screens, the workers and the reports load
// are three quarters of the app; stored as gzip, they take about a third of the room. So the build writes a
// `<file>.gz` beside each of them, the precache lists the `.gz` instead of the file, and the service worker
// (src/app/sw.ts) answers a request for `/assets/<file>` with the inflated copy (src/app/inflated-response.ts).
//
// What the first screen loads (the files index.html names: the entry, its preloaded chunks, its CSS) is left as it
// is: the browser keeps compiled code for the scripts a service worker precached as they are, and the home page
// should not lose it. The raw files stay on the server too: a first visit, before the service worker runs, loads
// them from the network like any page.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const codeFile = /\.(js|css)$/;

/** The files index.html loads: `src` and `href` attributes pointing into the build's assets. */
export function filesNamedByHtml(html: string): Set<string> {
  return new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((match) => match[1] as string));
}

export function precacheCompressedCode(): Plugin {
  return {
    name: 'care-precache-compressed-code',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html'];
        if (!html || html.type !== 'asset') {
          // Without index.html there is no telling the first screen's files apart: compress nothing (a worker build).
          return;
        }
        const firstScreen = filesNamedByHtml(String(html.source));
        for (const [fileName, output] of Object.entries(bundle)) {
          if (!codeFile.test(fileName) || firstScreen.has(fileName)) continue;
          const source = output.type === 'chunk' ? output.code : output.source;
          this.emitFile({ type: 'asset', fileName: `${fileName}.gz`, source: gzipSync(source, { level: 9 }) });
        }
      },
    },
  };
}

/**
 * The precache manifest without the code files that have a compressed copy: Workbox's `manifestTransforms` hook of
 * vite-plugin-pwa's injectManifest, given every file its glob patterns found.
 */
export function withoutCompressedOriginals<Entry extends { url: string }>(entries: Entry[]): { manifest: Entry[] } {
  const urls = new Set(entries.map((entry) => entry.url));
  return { manifest: entries.filter((entry) => !(codeFile.test(entry.url) && urls.has(`${entry.url}.gz`))) };
}
