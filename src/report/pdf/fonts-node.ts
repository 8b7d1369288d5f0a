import { readFile } from 'node:fs/promises';
import { FONT_FILES, type ReportFontLoader, type ReportFonts } from './report-fonts';

/** Node's font loader (command line, tests, benchmark): the same subset files, read from public/fonts/. */
const fontDir = new URL('../../../public/fonts/', import.meta.url);
let loading: Promise<ReportFonts> | undefined;

export const nodeFontLoader: ReportFontLoader = () => {
  loading ??= Promise.all([
    readFile(new URL(FONT_FILES.regular, fontDir)),
    readFile(new URL(FONT_FILES.bold, fontDir)),
  ]).then(([regular, bold]) => ({ regular: regular.toString('base64'), bold: bold.toString('base64') }));
  return loading;
};
