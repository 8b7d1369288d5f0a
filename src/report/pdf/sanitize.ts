import { displayName } from '../../texts/format';

/**
 * Text as the PDF prints it. Untrusted text (comments, justifications, names from an imported file) is printed
 * verbatim except for characters that would reorder, hide or break what is around it:
 * - C0 and C1 control characters (a tab becomes a space, CR LF and CR become a line feed);
 * - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, and the invisible marks
 *   U+200E, U+200F and U+061C: "Trojan Source" (CVE-2021-42574) shows how they make a text read differently from
 *   what it holds; they are printed as ‹U+202E› (displayName, src/texts/format.ts), as on screen and in the CSV;
 * - the zero-width no-break space U+FEFF (a byte-order mark pasted from a file).
 * PDF syntax needs nothing here: jsPDF escapes parentheses and backslashes of every string it writes (tested with
 * ") Tj ET (" in src/report/pdf/render-report.test.ts).
 */
/* eslint-disable no-control-regex -- removing control characters is the point */
const unwanted = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]/g;
/* eslint-enable no-control-regex */

export function sanitizeForPdf(text: string): string {
  return displayName(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(unwanted, ''));
}
