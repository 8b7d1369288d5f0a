/**
 * An older questionnaire version stored as its differences from the newest one (design §8: precache ≤ 1.5 MB).
 *
 * Every released version ships, frozen, for the assessments begun on it (2026.1 beside 2026.2): stored whole, each
 * older version would weigh almost as much as the newest, compressed. The build (scripts/vite-compressed-json.ts)
 * stores it instead as a delta against the newest version of the same questionnaire, which is precached anyway, and
 * the app rebuilds it on load. The rebuilt questionnaire deep-equals the file (scripts/vite-compressed-json.test.ts
 * checks it for every shipped version), and its content hash is the one computed at build time on the file itself.
 *
 * A delta node is one of: `{ $s: 1 }` the same value as the base; `{ $v: value }` this value; `{ $p: { key: node } }`
 * an object with exactly these keys, each rebuilt against the base's value of the same key; `{ $a: [...] }` an array
 * whose elements are `{ $i: id, $e: node }` (rebuilt against the base element with that id) or `{ $v: value }`.
 */
export type DeltaNode =
  | { $s: 1 }
  | { $v: unknown }
  | { $p: Record<string, DeltaNode> }
  | { $a: ({ $i: string; $e: DeltaNode } | { $v: unknown })[] };

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function idOf(value: unknown): string | undefined {
  return isPlain(value) && typeof value.id === 'string' ? value.id : undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/** The delta that rebuilds `value` from `base`. */
export function encodeDelta(value: unknown, base: unknown): DeltaNode {
  if (sameJson(value, base)) return { $s: 1 };
  if (isPlain(value) && isPlain(base)) {
    return { $p: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeDelta(v, base[k])])) };
  }
  if (Array.isArray(value) && Array.isArray(base) && value.every((v) => idOf(v) !== undefined)) {
    const values: unknown[] = value;
    const elements: unknown[] = base;
    const byId = new Map(elements.map((b) => [idOf(b), b] as const));
    return {
      $a: values.map((v) => {
        const id = idOf(v) ?? '';
        return byId.has(id) ? { $i: id, $e: encodeDelta(v, byId.get(id)) } : { $v: v };
      }),
    };
  }
  return { $v: value };
}

/** The value a delta rebuilds from `base`. */
export function decodeDelta(node: DeltaNode, base: unknown): unknown {
  if ('$s' in node) return base;
  if ('$v' in node) return node.$v;
  if ('$p' in node) {
    const from = isPlain(base) ? base : {};
    return Object.fromEntries(Object.entries(node.$p).map(([k, v]) => [k, decodeDelta(v, from[k])]));
  }
  const byId = new Map((Array.isArray(base) ? base : []).map((b) => [idOf(b), b] as const));
  return node.$a.map((element) => ('$i' in element ? decodeDelta(element.$e, byId.get(element.$i)) : element.$v));
}
