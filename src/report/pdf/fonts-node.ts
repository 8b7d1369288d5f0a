import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { FONT_FILES, STORED_FONT_SUFFIX, type ReportFontLoader, type ReportFonts } from './report-fonts';

/** Node's font loader (command line, tests, benchmark): the same compressed subset files, read from public/fonts/. */
const fontDir = new URL('../../../public/fonts/', import.meta.url);
let loading: Promise<ReportFonts> | undefined;

async function readBase64(file: string): Promise<string> {
  return gunzipSync(await readFile(new URL(file + STORED_FONT_SUFFIX, fontDir))).toString('base64');
}

export const nodeFontLoader: ReportFontLoader = () => {
  loading ??= Promise.all([readBase64(FONT_FILES.regular), readBase64(FONT_FILES.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return loading;
};
