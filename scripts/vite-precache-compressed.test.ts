import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { filesNamedByHtml, precacheCompressedCode, withoutCompressedOriginals } from './vite-precache-compressed';

const html = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-AAAA.js"></script>
<link rel="modulepreload" crossorigin href="/assets/runtime-BBBB.js">
<link rel="stylesheet" crossorigin href="/assets/index-CCCC.css">
<link rel="icon" href="/icons/favicon.svg" type="image/svg+xml" />
</head><body><div id="root"></div></body></html>`;

type Emitted = { type: string; fileName: string; source: Uint8Array };

/** Runs the plugin's generateBundle on a bundle of the given files and returns what it emitted. */
function emittedFor(bundle: Record<string, unknown>): Emitted[] {
  const plugin = precacheCompressedCode();
  const emitted: Emitted[] = [];
  const hook = plugin.generateBundle as { handler: (this: unknown, options: unknown, bundle: unknown) => void };
  hook.handler.call({ emitFile: (file: Emitted) => emitted.push(file) }, {}, bundle);
  return emitted;
}

describe('the lazy screens’ code, precached compressed', () => {
  it('reads the files the first screen loads from index.html', () => {
    expect([...filesNamedByHtml(html)].sort()).toEqual([
      'assets/index-AAAA.js',
      'assets/index-CCCC.css',
      'assets/runtime-BBBB.js',
    ]);
  });

  it('writes a gzip copy of every script and style sheet but the first screen’s, holding the same bytes', () => {
    const lazy = 'export const screen = "Référentiels";'.repeat(50);
    const emitted = emittedFor({
      'index.html': { type: 'asset', source: html },
      'assets/index-AAAA.js': { type: 'chunk', code: 'entry' },
      'assets/runtime-BBBB.js': { type: 'chunk', code: 'react' },
      'assets/index-CCCC.css': { type: 'asset', source: 'body{}' },
      'assets/frameworks-page-DDDD.js': { type: 'chunk', code: lazy },
      'assets/frameworks-page-EEEE.css': { type: 'asset', source: '.coverage{}' },
      'assets/care-2026.2.json-FFFF.gz': { type: 'asset', source: new Uint8Array([0x1f, 0x8b]) },
    });
    expect(emitted.map((file) => file.fileName).sort()).toEqual([
      'assets/frameworks-page-DDDD.js.gz',
      'assets/frameworks-page-EEEE.css.gz',
    ]);
    const script = emitted.find((file) => file.fileName.endsWith('.js.gz'));
    expect(gunzipSync(script?.source as Uint8Array).toString('utf8')).toBe(lazy);
    expect(script?.source.length).toBeLessThan(lazy.length / 4);
  });

  it('compresses nothing in a build without index.html (a worker’s), rather than the first screen’s files', () => {
    expect(emittedFor({ 'assets/import.worker-AAAA.js': { type: 'chunk', code: 'worker' } })).toEqual([]);
  });

  it('lists a file with a compressed copy by its copy only, and every other file as it is', () => {
    const { manifest } = withoutCompressedOriginals([
      { url: 'index.html' },
      { url: 'assets/runtime-BBBB.js' },
      { url: 'assets/frameworks-page-DDDD.js' },
      { url: 'assets/frameworks-page-DDDD.js.gz' },
      { url: 'assets/care-2026.2.json-FFFF.gz' },
    ]);
    expect(manifest.map((entry) => entry.url)).toEqual([
      'index.html',
      'assets/runtime-BBBB.js',
      'assets/frameworks-page-DDDD.js.gz',
      'assets/care-2026.2.json-FFFF.gz',
    ]);
  });
});
