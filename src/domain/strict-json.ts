/**
 * JSON.parse for files that come from elsewhere (export files, backups): the same values, but three kinds of text
 * that JSON.parse accepts are refused, each with the path of the member at fault.
 *
 * - A member name used twice in one object. JSON.parse keeps the last one silently, another reader may keep the
 *   first: a signed file could then show one value to the app and another to another tool while its signature still
 *   verifies. The export digest is RFC 8785 canonical JSON, which requires I-JSON input (RFC 8785 §3.1), and I-JSON
 *   forbids duplicate names (RFC 7493 §2.3).
 * - The names "__proto__", "constructor" and "prototype", at any depth. JSON.parse makes them plain own members,
 *   but an object spread, `Object.assign` or a schema library copying them by assignment turns them into prototype
 *   changes (CWE-1321, prototype pollution); no file the app writes has such a member, and zod drops "__proto__"
 *   from a record without saying so, which would make a file mean less than it says.
 * - A string (value or member name) holding a lone surrogate: half of a UTF-16 pair, written as an escape such as
 *   "\ud800" (valid UTF-8 cannot carry one). I-JSON forbids them (RFC 7493 §2.1): such a string has no UTF-8 form,
 *   so another reader replaces it with U+FFFD or fails, and two different names can then print the same.
 * - Nesting deeper than {@link MAX_JSON_DEPTH}. JSON.parse builds 100,000 nested arrays happily; recursive code
 *   after it (canonical JSON, IndexedDB's structured clone) then overflows the stack. The app's files nest fewer than
 *   ten levels.
 *
 * The checks cost one walk of the parsed value and one scan of the text from quote to quote (about a quarter of the
 * time of JSON.parse itself on an export file); the paths are worked out only for a refused file.
 */

export const MAX_JSON_DEPTH = 64;
export const FORBIDDEN_MEMBER_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonPath = (string | number)[];
export type StrictJsonProblem = 'syntax' | 'duplicate-member' | 'forbidden-member' | 'too-deep' | 'lone-surrogate';

export type StrictJsonResult =
  { ok: true; value: unknown } | { ok: false; problem: StrictJsonProblem; path: JsonPath; detail: string };

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Index of the quote that closes the string opened at `start`, or -1. */
function endOfString(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  let c = text.charCodeAt(i);
  // JSON whitespace (RFC 8259 §2): space, tab, line feed, carriage return.
  while (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) c = text.charCodeAt((i += 1));
  return i;
}

/**
 * How many member names the text of a valid JSON document holds: in valid JSON a quote outside a string always
 * opens one, and a string followed by a colon is a member name.
 */
function countMemberNames(text: string): number {
  let count = 0;
  let start = text.indexOf('"');
  while (start !== -1) {
    const end = endOfString(text, start);
    if (end === -1) break;
    const after = nextNonSpace(text, end + 1);
    if (text.charCodeAt(after) === 0x3a) count += 1;
    start = text.indexOf('"', after);
  }
  return count;
}

/** Members of the parsed value, and the first problem met (without its path, which costs allocations). */
function inspect(root: unknown, maxDepth: number): { members: number; problem?: 'forbidden-member' | 'too-deep' } {
  const values: unknown[] = [root];
  const depths: number[] = [1];
  let members = 0;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() ?? 1;
    if (!isContainer(value)) continue;
    if (depth > maxDepth) return { members, problem: 'too-deep' };
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (isContainer(item)) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    const names = Object.keys(record);
    members += names.length;
    for (const name of names) {
      if (FORBIDDEN_MEMBER_NAMES.has(name)) return { members, problem: 'forbidden-member' };
      const item = record[name];
      if (isContainer(item)) {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return { members };
}

/** The same walk with paths, run only once a problem is known to exist. */
function locateInValue(
  root: unknown,
  maxDepth: number,
): { problem: 'forbidden-member' | 'too-deep'; path: JsonPath } | undefined {
  const stack: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() ?? { value: undefined, path: [] };
    if (!isContainer(value)) continue;
    if (path.length + 1 > maxDepth) return { problem: 'too-deep', path };
    if (Array.isArray(value)) {
      (value as unknown[]).forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      if (FORBIDDEN_MEMBER_NAMES.has(name)) return { problem: 'forbidden-member', path: [...path, name] };
      stack.push({ value: item, path: [...path, name] });
    }
  }
  return undefined;
}

type Frame = { kind: 'object'; names: Set<string>; name?: string } | { kind: 'array'; index: number };

/** The path of the first member name repeated in its object, read from the text (valid JSON). */
function locateDuplicate(text: string): JsonPath {
  const frames: Frame[] = [];
  const pathOf = (last: string): JsonPath => [
    ...frames.slice(0, -1).map((frame) => (frame.kind === 'array' ? frame.index : (frame.name ?? ''))),
    last,
  ];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    const top = frames.at(-1);
    if (c === '{') frames.push({ kind: 'object', names: new Set() });
    else if (c === '[') frames.push({ kind: 'array', index: 0 });
    else if (c === '}' || c === ']') frames.pop();
    else if (c === ',' && top?.kind === 'array') top.index += 1;
    else if (c === '"') {
      const end = endOfString(text, i);
      if (end === -1) break;
      if (top?.kind === 'object' && text.charCodeAt(nextNonSpace(text, end + 1)) === 0x3a) {
        const name = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.names.has(name)) return pathOf(name);
        top.names.add(name);
        top.name = name;
      }
      i = end;
    }
  }
  return [];
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A JSON escape of a surrogate, \uD800 to \uDFFF: the only way a valid JSON text can make a lone one. */
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/** The path of the first string (member name or value) holding a lone surrogate, or undefined. */
function locateLoneSurrogate(root: unknown): JsonPath | undefined {
  const stack: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() ?? { value: undefined, path: [] };
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return path;
      continue;
    }
    if (!isContainer(value)) continue;
    if (Array.isArray(value)) {
      (value as unknown[]).forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      if (LONE_SURROGATE.test(name)) return [...path, name];
      stack.push({ value: item, path: [...path, name] });
    }
  }
  return undefined;
}

/**
 * Whether the text can hold a lone surrogate at all: one written as is (possible only in a JavaScript string, not in
 * UTF-8 bytes) or as an escape. A scan of the text; the parsed value is walked only when it says yes.
 */
function mayHoldLoneSurrogate(text: string): boolean {
  return ESCAPED_SURROGATE.test(text) || LONE_SURROGATE.test(text);
}

const details: Record<Exclude<StrictJsonProblem, 'syntax'>, string> = {
  'lone-surrogate': 'string with a lone UTF-16 surrogate (I-JSON, RFC 7493 §2.1)',
  'duplicate-member': 'member name used twice in one object (RFC 7493 §2.3)',
  'forbidden-member': 'member name reserved by JavaScript objects (prototype pollution)',
  'too-deep': `nested deeper than ${MAX_JSON_DEPTH} levels`,
};

/**
 * Parses JSON text and refuses duplicate names, prototype member names, lone surrogates and absurd nesting. Never
 * throws.
 */
export function parseStrictJson(text: string, maxDepth: number = MAX_JSON_DEPTH): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'syntax', path: [], detail: error instanceof Error ? error.message : String(error) };
  }
  const shape = inspect(value, maxDepth);
  if (shape.problem) {
    const found = locateInValue(value, maxDepth) ?? { problem: shape.problem, path: [] };
    return { ok: false, ...found, detail: details[found.problem] };
  }
  if (countMemberNames(text) !== shape.members) {
    return {
      ok: false,
      problem: 'duplicate-member',
      path: locateDuplicate(text),
      detail: details['duplicate-member'],
    };
  }
  if (mayHoldLoneSurrogate(text)) {
    const path = locateLoneSurrogate(value);
    if (path) return { ok: false, problem: 'lone-surrogate', path, detail: details['lone-surrogate'] };
  }
  return { ok: true, value };
}
