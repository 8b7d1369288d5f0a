/**
 * The Unicode font of the report: a subset of DejaVu Sans written at build time by scripts/subset-fonts.mjs into
 * public/fonts/ (gzip-compressed). jsPDF's standard Helvetica cannot draw U+202F, the narrow no-break space Intl puts in French numbers
 * (« 1 234 567,50 € » would print as « 1 /234 /567,50 € »), nor ✓ ≥ ≤ →.
 *
 * How the bytes are read depends on where the report runs, so it sits behind this interface: the browser fetches
 * the same-origin file (precached by the service worker, so it works offline), Node reads it from disk. The layout
 * code itself never touches fetch or fs.
 */
export interface ReportFonts {
  /** The TrueType files, base64-encoded as jsPDF's virtual file system takes them. */
  regular: string;
  bold: string;
}

export type ReportFontLoader = () => Promise<ReportFonts>;

export const FONT_FAMILY = 'DejaVuSans';
export const FONT_FILES = { regular: 'DejaVuSans-subset.ttf', bold: 'DejaVuSans-Bold-subset.ttf' } as const;
/** The files are stored gzip-compressed in public/fonts/ (scripts/subset-fonts.mjs says why). */
export const STORED_FONT_SUFFIX = '.gz';

/** Base64 of bytes, in chunks: String.fromCharCode(...bytes) of a whole font would overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
