/**
 * Reads amounts as people type them in French budget documents and spreadsheets, and as the app displays them:
 * "1 234 567,50", "1 234 567,50 €" (with a regular space, a non-breaking space U+00A0 or the narrow non-breaking
 * space U+202F that Intl uses for fr-FR), "1234567.5", "1234567,5", and the English "€1,234,567.50".
 *
 * A single comma or dot is the decimal separator (French first: "1,234" is 1.234); when both appear, the last one is
 * the decimal separator and the other one must group digits by three. Returns undefined for anything else, so that
 * the screen can say "not a number" rather than store a guess.
 */
export function parseDecimal(text: string): number | undefined {
  // \s covers U+00A0, U+202F and the other Unicode spaces; ’ and ' group digits in Swiss writing.
  let s = text.replace(/[\s’']/g, '');
  let sign = 1;
  if (/^[-\u2212]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/^\d/.test(s)) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole = '', fraction = '', ...rest] = s.split(decimal);
    if (rest.length > 0 || !/^\d+$/.test(fraction) || !isGroupedByThree(whole, group)) return undefined;
    normalized = `${whole.split(group).join('')}.${fraction}`;
  } else {
    const separator = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
    if (separator === null) normalized = s;
    else if (s.split(separator).length === 2) normalized = s.replace(separator, '.');
    else if (isGroupedByThree(s, separator)) normalized = s.split(separator).join('');
    else return undefined;
  }
  if (!/^\d+(\.\d+)?$/.test(normalized)) return undefined;
  const value = sign * Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

function isGroupedByThree(whole: string, group: string): boolean {
  const parts = whole.split(group);
  if (parts.length === 1) return /^\d+$/.test(whole);
  return /^\d{1,3}$/.test(parts[0] ?? '') && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/** An amount in euros: a number with an optional € sign or "EUR" before or after it. */
export function parseEuros(text: string): number | undefined {
  const stripped = text
    .trim()
    .replace(/^([-\u2212+]?)\s*(€|eur\b)/i, '$1')
    .replace(/(€|\beur|\beuros?)\s*$/i, '');
  return parseDecimal(stripped);
}

/** A percentage as typed ("2", "2,5", "2,5 %"), returned as typed (2.5 for "2,5 %"), not as a fraction. */
export function parsePercent(text: string): number | undefined {
  return parseDecimal(text.trim().replace(/%\s*$/, ''));
}
