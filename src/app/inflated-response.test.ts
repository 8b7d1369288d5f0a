// @vitest-environment node
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressedCodePaths, inflatedResponse } from './inflated-response';

describe('the service worker’s answer for compressed code', () => {
  it('knows the scripts and style sheets the manifest holds compressed, by the path a page asks for', () => {
    const paths = compressedCodePaths([
      'index.html',
      'assets/runtime-BBBB.js',
      'assets/frameworks-page-DDDD.js.gz',
      'assets/frameworks-page-EEEE.css.gz',
      'assets/care-2026.2.json-FFFF.gz',
    ]);
    expect([...paths].sort()).toEqual(['/assets/frameworks-page-DDDD.js', '/assets/frameworks-page-EEEE.css']);
  });

  it('answers with the inflated bytes and the type of a module script', async () => {
    const code = 'export const title = "Preuves à renouveler";';
    const response = await inflatedResponse(new Response(gzipSync(code)), '/assets/evidence-CCCC.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe(code);
  });

  it('passes bytes a host already inflated (Content-Encoding: gzip) as they are', async () => {
    const css = '.coverage { color: #1d3a6e; }';
    const response = await inflatedResponse(new Response(css), '/assets/frameworks-page-EEEE.css');
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(await response.text()).toBe(css);
  });
});
