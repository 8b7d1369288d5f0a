/**
 * Bidirectional control characters made visible (issue 14). The embeddings, overrides and isolates U+202A–U+202E
 * and U+2066–U+2069 and the invisible marks U+200E, U+200F and U+061C change the order in which the text around them
 * is shown without being seen themselves: « Centre ‮lanoigér‬ » reads as another name than the one it holds
 * ("Trojan Source", CVE-2021-42574; Unicode UAX #9). In a name that came from a file or was typed, each one is
 * replaced by its code point between single guillemets, ‹U+202E›, so that two names that look alike are told apart
 * and nothing reorders the text after them. The single guillemets are in the PDF fonts' subset (U+2010–U+203A).
 *
 * The app, the reports and the command line read this through `displayName` in src/texts/format.ts; the domain's
 * consolidated CSV calls it here (the domain imports nothing outside itself).
 */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function revealBidiControls(text: string): string {
  return text.replace(
    bidiControls,
    (c) => `\u2039U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u203a`,
  );
}

/** Whether a text holds any bidirectional control character. */
export function hasBidiControls(text: string): boolean {
  bidiControls.lastIndex = 0;
  const found = bidiControls.test(text);
  bidiControls.lastIndex = 0;
  return found;
}
