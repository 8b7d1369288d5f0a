// Writes public/fonts/DejaVuSans-subset.ttf.gz and DejaVuSans-Bold-subset.ttf.gz: the glyphs the PDF report needs,
// cut out of DejaVu Sans at build time (`npm run fonts`; the outputs are committed), stored gzip-compressed because
// the service worker precaches files as stored (design §8: precache ≤ 1.5 MB) and a TrueType file shrinks by 40 %;
// the report's font loaders inflate them (src/report/pdf/fonts-browser.ts, fonts-node.ts).
//
// Why: jsPDF's standard Helvetica cannot draw U+202F, the narrow no-break space Intl.NumberFormat('fr-FR') puts
// between thousands, nor ✓ ≥ ≤ →; DejaVu Sans can. jsPDF embeds a TrueType font whole (757 KB for DejaVu Sans),
// so a subset keeps both the PDF and the service-worker precache small.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

/** ASCII, Latin-1, Latin Extended-A, general punctuation (’ « » – — … ‰ and the narrow no-break space), and the
 * few symbols the report prints (€ ™ arrows ≤ ≥ ✓ ✗ •). */
export const subsetText = [
  range(0x20, 0x7e),
  range(0xa0, 0xff),
  range(0x100, 0x17f),
  range(0x2010, 0x203a),
  '\u00a0\u202f€™←→≤≥✓✗•',
].join('');

const fonts = [
  ['DejaVuSans.ttf', 'DejaVuSans-subset.ttf.gz'],
  ['DejaVuSans-Bold.ttf', 'DejaVuSans-Bold-subset.ttf.gz'],
];

export async function subsetFonts() {
  const written = [];
  for (const [source, target] of fonts) {
    const input = await readFile(join(fontDir, source));
    // Without TrueType hinting (the instructions that fit outlines to a screen's pixel grid): PDF readers draw the
    // outlines at print and zoom resolutions, where hinting changes nothing, and it is 45 % of these subsets. Without
    // the layout closure either (ligatures and alternates reachable from the chosen characters): jsPDF writes each
    // character's own glyph and never applies a font's substitutions.
    const output = await subsetFont(input, subsetText, {
      targetFormat: 'truetype',
      noHinting: true,
      noLayoutClosure: true,
    });
    const path = join(root, 'public', 'fonts', target);
    // zlib writes no file name and a zero modification time: the same subset gives the same committed bytes.
    const compressed = gzipSync(output, { level: 9 });
    await writeFile(path, compressed);
    written.push({ path, bytes: output.length, compressed: compressed.length });
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { path, bytes, compressed } of await subsetFonts()) {
    console.log(`${path}: ${(bytes / 1024).toFixed(1)} KB, ${(compressed / 1024).toFixed(1)} KB stored`);
  }
}
