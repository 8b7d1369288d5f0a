import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reading a PDF back as a reader would, for the tests: poppler's pdftotext for the text and pdftoppm for the page
 * images (poppler-utils is installed on the development machines and in CI).
 */
export function writeTempPdf(bytes: Uint8Array, name = 'report.pdf'): string {
  const dir = mkdtempSync(join(tmpdir(), 'care-report-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The text of each page, in content order (`-raw`), so that a table cell's lines stay together. */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/**
 * The running text of the document without what is repeated on every page (header, footer, the rotated draft
 * watermark, which comes out one letter a line), and without white space: a comment wrapped over several lines, or
 * a row carried over to the next page, reads as one string.
 */
export function bodyText(pages: readonly string[], furniture: readonly RegExp[]): string {
  return pages
    .map((page) =>
      page
        .split('\n')
        .filter((line) => !/^[A-Z]$/.test(line.trim()) && !furniture.some((re) => re.test(line)))
        .join('\n'),
    )
    .join('\n')
    .replace(/\s+/g, '');
}

export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** Renders every page to PNG at a low resolution; returns the image files. */
export function renderPages(file: string, resolution = 30): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'care-report-png-'));
  execFileSync('pdftoppm', ['-png', '-r', String(resolution), file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

export interface WordBox {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, in points, from `pdftotext -bbox`; and the page size. */
export function wordBoxes(file: string): { words: WordBox[]; width: number; height: number } {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const size = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html);
  const words: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)<\/word>/.exec(line);
    if (m)
      words.push({
        page,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5] ?? '',
      });
  }
  return { words, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
}

/**
 * One page rendered at 72 dpi (one pixel a point, the unit of wordBoxes), read back as RGB: `at(x, y)` is the colour
 * of the pixel at that point.
 */
export function pagePixels(file: string, page: number): { at: (x: number, y: number) => [number, number, number] } {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  // Binary PPM: "P6", width, height, maximum value, each followed by one white-space byte, then the RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a P6 image');
  const width = Number(header[1]);
  const offset = header[0].length;
  return {
    at: (x, y) => {
      const i = offset + (Math.round(y) * width + Math.round(x)) * 3;
      return [ppm[i] ?? 0, ppm[i + 1] ?? 0, ppm[i + 2] ?? 0];
    },
  };
}
