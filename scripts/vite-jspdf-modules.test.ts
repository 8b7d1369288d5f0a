// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { pdfPages, writeTempPdf } from '../src/testing/report/pdf/pdf-test-tools';
import { removeJsPdfModules } from './vite-jspdf-modules';

/**
 * The app's browser build carries jsPDF without the modules the reports never call (scripts/vite-jspdf-modules.ts).
 * What a user would notice if that went wrong: a report that fails or prints differently in the browser. So the
 * complete CaRE report (about 60 pages) is rendered with the whole jsPDF and with the trimmed one, and read back
 * with pdftotext: same pages, same text.
 */

const require = createRequire(import.meta.url);
const esBuild = readFileSync(require.resolve('jspdf/dist/jspdf.es.js'), 'utf8');

/** The trimmed ES build as an importable file: its few bare imports pointed at the installed packages. */
function trimmedJsPdfUrl(): string {
  const code = removeJsPdfModules(esBuild)
    .replace(/from '(@babel\/runtime\/helpers\/\w+|fflate)'/g, (_, name: string) => {
      return `from '${pathToFileURL(require.resolve(name)).href}'`;
    })
    // As in the build (the plugin's stand-in module): jsPDF's PNG support, its only user, is removed.
    .replace("import { decode } from 'fast-png';", 'const decode = () => { throw new Error("PNG"); };')
    // The source map it names stays beside the installed file: without this line the loader looks for it here.
    .replace(/^\/\/# sourceMappingURL=.*$/m, '');
  const file = join(mkdtempSync(join(tmpdir(), 'care-jspdf-')), 'jspdf.trimmed.mjs');
  writeFileSync(file, code);
  return pathToFileURL(file).href;
}

async function renderCompleteReport() {
  const { buildReportModel } = await import('../src/report/report-model');
  const { completeReportInput } = await import('../src/testing/report/report-test-data');
  const { nodeFontLoader } = await import('../src/report/pdf/fonts-node');
  const { renderReportPdf } = await import('../src/report/pdf/render-report');
  return renderReportPdf(buildReportModel(completeReportInput()), await nodeFontLoader());
}

describe('jsPDF without the modules the app does not use', () => {
  it('prints the complete CaRE report page for page as the whole jsPDF does', async () => {
    const whole = await renderCompleteReport();
    vi.resetModules();
    const url = trimmedJsPdfUrl();
    vi.doMock('jspdf', () => import(/* @vite-ignore */ url));
    const { jsPDF } = await import('jspdf');
    expect((jsPDF.API as unknown as Record<string, unknown>).processWEBP).toBeUndefined(); // the trimmed one is in use
    const trimmed = await renderCompleteReport();
    vi.doUnmock('jspdf');

    expect(trimmed.pageCount).toBeGreaterThanOrEqual(60);
    expect(trimmed.pageCount).toBe(whole.pageCount);
    const wholePages = pdfPages(writeTempPdf(whole.bytes));
    const trimmedPages = pdfPages(writeTempPdf(trimmed.bytes));
    expect(trimmedPages).toEqual(wholePages);
    // The removed modules' code is really gone: a third less than the whole jsPDF.
    expect(removeJsPdfModules(esBuild).length).toBeLessThan(esBuild.length * 0.75);
  }, 60_000);

  it('keeps what the reports call and drops HTML, SVG and raster images other than JPEG', async () => {
    const { jsPDF } = (await import(/* @vite-ignore */ trimmedJsPdfUrl())) as {
      jsPDF: { API: Record<string, unknown>; __bidiEngine__?: unknown };
    };
    for (const kept of ['addFileToVFS', 'setLanguage', 'getTextWidth', 'splitTextToSize', 'addImage'])
      expect(jsPDF.API[kept], kept).toBeTypeOf('function');
    expect(jsPDF.API.processJPEG).toBeTypeOf('function');
    const gone = ['html', 'addSvgAsImage', 'processPNG', 'processWEBP', 'processGIF89A', 'processBMP'];
    gone.push('cell', 'table', 'processArabic', 'viewerPreferences', 'addJS', 'autoPrint');
    gone.push('addField', '__acroform__');
    for (const method of gone) expect(jsPDF.API[method], method).toBeUndefined();
    expect(jsPDF.__bidiEngine__).toBeUndefined();
    // Importing the whole trimmed jsPDF from a data URL takes over 5 s on a loaded machine.
  }, 30_000);

  it('stops the build, naming the module, when a jsPDF release no longer has it where expected', () => {
    const renamed = esBuild.replace('@name webp_support', '@name webp');
    expect(() => removeJsPdfModules(renamed)).toThrow(/"webp_support"/);
    const stillUsed = esBuild.replace(
      'jsPDFAPI.processJPEG = function',
      'jsPDFAPI.decoder = WebPDecoder; jsPDFAPI.processJPEG = function',
    );
    expect(() => removeJsPdfModules(stillUsed)).toThrow(/WebPDecoder still used/);
  });
});
