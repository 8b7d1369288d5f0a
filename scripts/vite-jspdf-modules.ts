// Build-time plugin: the app's jsPDF without the modules the app never calls, so that the precached PDF chunk does
// not carry them (design §8: service-worker precache ≤ 1.5 MB; the PDF must work offline, so its chunk is
// precached).
//
// jsPDF publishes one pre-bundled file in which every module registers itself on jsPDF.API as a side effect, so a
// bundler cannot drop any of them. Its unminified ES build (dist/jspdf.es.js) keeps each module as one top-level
// statement headed by a JSDoc block with `@name <module>` and `@module` (the names of jsPDF's src/modules/*.js).
// This plugin removes the statements of the modules listed below; the decoders they alone used (WebPDecoder,
// GifReader, BmpDecoder, JPEGEncoder, fast-png with pako) are then dead code and left out by the bundler.
//
// Why these are unused: the reports (src/report) draw text, lines, shapes and tables (jspdf-autotable), embed the
// DejaVu TTF subset and set outline and language; they add no raster image and never call doc.html(), addSvgAsImage()
// or the canvas emulation. JPEG support and addImage() are kept. Only the browser build is affected: the command line
// (Node) and the unit tests load jsPDF's Node build, whole.
//
// A jsPDF release that renames or reshapes a module fails the build here, by name, instead of shipping a different
// subset silently.
import { createRequire } from 'node:module';
import { parseSync, type Plugin } from 'vite';

/** jsPDF modules (src/modules/<name>.js in jsPDF's sources) left out of the browser build, with why. */
export const unusedJsPdfModules: Record<string, string> = {
  html: 'doc.html(), with html2canvas and DOMPurify: the reports are drawn, not rendered from HTML',
  svg: 'addSvgAsImage(), with canvg',
  canvas: 'the HTML canvas emulation, used only by html() and svg',
  context2d: 'the CanvasRenderingContext2D emulation, used only by html(), svg and canvas',
  gif_support: 'GIF images (GifReader, JPEGEncoder)',
  bmp_support: 'BMP images (BmpDecoder, JPEGEncoder)',
  webp_support: 'WebP images (WebPDecoder, 66 KB)',
  cell: "doc.cell() and doc.table(), jsPDF's own tables: the reports draw theirs with jspdf-autotable",
  arabic: 'Arabic letter shaping: the report fonts are a Latin subset (scripts/subset-fonts.mjs)',
  viewerpreferences: 'viewerPreferences(), which the reports do not set',
  javascript: 'addJS(): a report carries no script',
  autoprint: 'autoPrint(): a report opens, it does not print itself',
};

/**
 * Parts of jsPDF that carry no `@module` block, known by the first line of the licence comment above them. The
 * bidirectional-text engine reorders every string jsPDF writes for right-to-left scripts, which the report fonts do
 * not have; the app shows bidirectional controls as visible ‹U+202E› marks before anything is printed
 * (src/domain/visible-text.ts).
 */
export const unusedJsPdfLicensedParts: Record<string, string> = {
  'Unicode Bidi Engine': 'right-to-left reordering of every text (30 KB unminified)',
};

/** jsPDF.API.<method> assignments left out: PNG images (fast-png, pako, iobuffer: 63 KB). */
export const unusedJsPdfMethods = ['processPNG'];

/**
 * Image codecs that only the removed modules used. Their prototype methods are assigned at the top level, which a
 * bundler must keep as side effects: they are removed by name, and the build fails if anything still refers to them.
 */
export const unusedJsPdfCodecs = [
  'WebPDecoder',
  'BmpDecoder',
  'GifReader',
  'GifReaderLZWOutputIndexStream',
  'JPEGEncoder',
];

const require = createRequire(import.meta.url);

interface Node {
  type: string;
  name?: string;
  object?: Node;
  property?: Node;
}

interface Statement {
  start: number;
  end: number;
  type: string;
  id?: Node;
  expression?: { type: string; left?: Node };
}

/** `X` for a statement `X.prototype.y = …`, `X.y = …` or `X = …`; undefined for anything else. */
function assignedRoot(statement: Statement): { root?: string; property?: string } {
  if (statement.type !== 'ExpressionStatement' || statement.expression?.type !== 'AssignmentExpression') return {};
  let target = statement.expression.left;
  const property = target?.type === 'MemberExpression' ? target.property?.name : undefined;
  while (target?.type === 'MemberExpression') target = target.object;
  return { root: target?.type === 'Identifier' ? target.name : undefined, property };
}

/**
 * The `@name` of the module JSDoc block that heads the statement starting at `start`, or the listed licensed part
 * whose licence comment heads it, if any.
 */
function moduleNameBefore(code: string, from: number, start: number): string | undefined {
  const between = code.slice(from, start);
  const blocks = between.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
  const header = [...blocks].reverse().find((b) => /@module\b/.test(b));
  if (header) return /@name\s+(\w+)/.exec(header)?.[1];
  const licence = blocks.at(-1);
  return licence && /@license\b/.test(licence)
    ? Object.keys(unusedJsPdfLicensedParts).find((part) => licence.includes(part))
    : undefined;
}

/** Removes the listed modules' statements from jsPDF's ES build; throws when one is not found exactly once. */
export function removeJsPdfModules(
  code: string,
  modules: readonly string[] = [...Object.keys(unusedJsPdfModules), ...Object.keys(unusedJsPdfLicensedParts)],
  methods: readonly string[] = unusedJsPdfMethods,
  codecs: readonly string[] = unusedJsPdfCodecs,
): string {
  const parsed = parseSync('jspdf.es.js', code);
  if (parsed.errors.length > 0) throw new Error(`jsPDF: its ES build does not parse (${parsed.errors[0]?.message})`);
  const program = parsed.program as unknown as { body: Statement[] };
  const cuts: { start: number; end: number; what: string }[] = [];
  let previousEnd = 0;
  for (const statement of program.body) {
    const name = moduleNameBefore(code, previousEnd, statement.start);
    const { root, property } = assignedRoot(statement);
    const declared = statement.type === 'FunctionDeclaration' ? statement.id?.name : undefined;
    if (name !== undefined && modules.includes(name)) cuts.push({ ...statement, what: name });
    else if (root === 'jsPDF' && property !== undefined && methods.includes(property))
      cuts.push({ ...statement, what: property });
    else if (declared !== undefined && codecs.includes(declared)) cuts.push({ ...statement, what: declared });
    else if (root !== undefined && codecs.includes(root)) cuts.push({ ...statement, what: `${root} method` });
    previousEnd = statement.end;
  }
  for (const what of [...modules, ...methods, ...codecs]) {
    const found = cuts.filter((c) => c.what === what).length;
    if (found !== 1)
      throw new Error(
        `jsPDF: expected "${what}" once at the top level of its ES build, found it ${found} times; ` +
          'check scripts/vite-jspdf-modules.ts against this jsPDF version.',
      );
  }
  let out = code;
  for (const cut of [...cuts].sort((a, b) => b.start - a.start))
    out = `${out.slice(0, cut.start)};${out.slice(cut.end)}`;
  out = removeAcroForm(out);
  const left = codecs.filter((codec) => new RegExp(`\\b${codec}\\b`).test(out));
  if (left.length > 0)
    throw new Error(`jsPDF: ${left.join(', ')} still used after removing the modules; keep the module that uses it.`);
  return out;
}

/**
 * jsPDF's forms (AcroForm: fields, buttons, their appearance streams; 84 KB unminified), which the reports never
 * use. Unlike the modules, they are written as top-level declarations between `var jsPDFAPI = jsPDF.API;` and
 * `var AcroForm = jsPDF.AcroForm;`, and jsPDF's exports name their classes: the run between those two statements is
 * replaced by an empty declaration of the exported names. Nothing else refers to what it declared (checked when this
 * was written with ESLint's no-undef over the result: the same free names as the whole file), and its event hooks
 * are registered only when a form field is added.
 */
export function removeAcroForm(code: string): string {
  const start = 'var jsPDFAPI = jsPDF.API;\nvar scaleFactor = 1;';
  const end = 'var AcroForm = jsPDF.AcroForm;';
  const from = code.indexOf(start);
  const to = code.indexOf(end);
  if (from === -1 || to < from || code.indexOf(start, from + 1) !== -1 || code.indexOf(end, to + 1) !== -1)
    throw new Error('jsPDF: its AcroForm declarations are not where scripts/vite-jspdf-modules.ts expects them.');
  const exported = [...code.matchAll(/^export \{([^}]*)\};?$/gm)].at(-1)?.[1] ?? '';
  const names = exported
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.startsWith('AcroForm'));
  if (names.length === 0) throw new Error('jsPDF: no AcroForm export found at the end of its ES build.');
  return `${code.slice(0, from)}var ${names.join(', ')};${code.slice(to + end.length)}`;
}

const noPngDecoder = '\0care-jspdf-no-png-decoder';

/**
 * Vite plugin (build only): `jspdf` resolves to its unminified ES build with the unused modules removed, and
 * fast-png, imported by jsPDF's PNG support only, to a module that says PNG is not supported.
 */
export function jsPdfUsedModulesOnly(): Plugin {
  const esBuild = require.resolve('jspdf/dist/jspdf.es.js');
  return {
    name: 'care-jspdf-used-modules-only',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'jspdf') return esBuild;
      if (source === 'fast-png' && importer === esBuild) return noPngDecoder;
      return null;
    },
    load(id) {
      if (id === noPngDecoder)
        return 'export function decode() { throw new Error("PNG images are not supported by this build of the app"); }';
      return null;
    },
    transform(code, id) {
      if (id !== esBuild) return null;
      return { code: removeJsPdfModules(code), map: null };
    },
  };
}
