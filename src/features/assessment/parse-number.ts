/**
 * Reads a number as a French or English user types it: "1 234,5", "1234.5", "66 %". Returns undefined for
 * anything that is not a plain number.
 */
export function parseTypedNumber(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}
