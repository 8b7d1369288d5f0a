import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson } from './strict-json';

const refusal = (text: string) => {
  const result = parseStrictJson(text);
  if (result.ok) throw new Error(`accepted: ${text.slice(0, 80)}`);
  return { problem: result.problem, path: result.path };
};

describe('parseStrictJson', () => {
  it('gives what JSON.parse gives for ordinary JSON, quotes, colons and backslashes in strings included', () => {
    const text = '{ "a" : "x\\":y", "b": ["\\\\", {"c": "\\\\\\"", "d" :1}], "e\\"f": null, "g": "{\\"a\\":1}" }';
    expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
  });

  it('refuses a member name used twice, even with the same value, and says where', () => {
    expect(refusal('{"a":1,"a":1}')).toEqual({ problem: 'duplicate-member', path: ['a'] });
    expect(refusal('{"x":[{"b":1},{"b":2, "c":3,\n  "c" : 4}]}')).toEqual({
      problem: 'duplicate-member',
      path: ['x', 1, 'c'],
    });
    // The same name spelt with an escape is the same name once parsed.
    expect(refusal('{"n":{"name":"A","na\\u006de":"B"}}')).toEqual({
      problem: 'duplicate-member',
      path: ['n', 'name'],
    });
  });

  it('accepts one name in two different objects', () => {
    expect(parseStrictJson('{"a":{"id":1},"b":{"id":1},"id":[{"id":2}]}').ok).toBe(true);
  });

  it('refuses prototype member names at any depth, escaped or not', () => {
    expect(refusal('{"__proto__":{"polluted":true}}')).toEqual({ problem: 'forbidden-member', path: ['__proto__'] });
    expect(refusal('{"a":[1,{"b":{"constructor":{"prototype":{"polluted":1}}}}]}')).toEqual({
      problem: 'forbidden-member',
      path: ['a', 1, 'b', 'constructor'],
    });
    expect(refusal('[{"\\u005f_proto__":1}]')).toEqual({ problem: 'forbidden-member', path: [0, '__proto__'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts those words as values', () => {
    expect(parseStrictJson('{"a":"__proto__","b":["constructor","prototype"]}').ok).toBe(true);
  });

  it('refuses nesting deeper than the limit, without overflowing the stack at 100,000 levels', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(parseStrictJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    const { problem, path } = refusal(nested(MAX_JSON_DEPTH + 1));
    expect(problem).toBe('too-deep');
    expect(path).toHaveLength(MAX_JSON_DEPTH);
    expect(refusal(`{"a":${nested(100_000)}}`).problem).toBe('too-deep');
    expect(refusal(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`).problem).toBe('too-deep');
  });

  it('reports a syntax error instead of throwing', () => {
    for (const text of ['', '{', '{"a":NaN}', '[1,]', "{'a':1}", '{"a":1} x', '\ufeff{}']) {
      expect(refusal(text).problem).toBe('syntax');
    }
  });

  it('accepts any JSON value without duplicate or prototype names, formatted in any way', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 1, '\t', ' \r\n'), (value, space) => {
        fc.pre(!/"(__proto__|constructor|prototype)":/.test(JSON.stringify(value)));
        const text = JSON.stringify(value, null, space);
        expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any object into which a member name was written twice', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1 }),
        fc.nat(),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        (object, pick, value, before) => {
          fc.pre(!/"(__proto__|constructor|prototype)":/.test(JSON.stringify([object, value])));
          const names = Object.keys(object);
          const name = names[pick % names.length] ?? '';
          const extra = `${JSON.stringify(name)}:${JSON.stringify(value)}`;
          const inner = JSON.stringify(object).slice(1, -1);
          const text = `{"wrapper":[{${before ? `${extra},${inner}` : `${inner},${extra}`}}]}`;
          expect(refusal(text)).toEqual({ problem: 'duplicate-member', path: ['wrapper', 0, name] });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a lone surrogate in a value or a member name, escaped or written as is, with its path', () => {
    expect(refusal('{"a":["ok","x\\ud800y"]}')).toEqual({ problem: 'lone-surrogate', path: ['a', 1] });
    expect(refusal('{"a":{"\\udc00":1}}')).toEqual({ problem: 'lone-surrogate', path: ['a', '\udc00'] });
    expect(refusal('{"a":"\\ud83d"}')).toEqual({ problem: 'lone-surrogate', path: ['a'] });
    expect(refusal('{"a":"tail\\udfff"}')).toEqual({ problem: 'lone-surrogate', path: ['a'] });
    expect(refusal('{"a":"raw \ud800 half"}')).toEqual({ problem: 'lone-surrogate', path: ['a'] });
  });

  it('accepts surrogate pairs, escaped or not, and a backslash followed by the letters of an escape', () => {
    for (const text of ['{"a":"\\ud83d\\ude00"}', '{"a":"😀"}', '{"a":"\\\\ud800"}', '{"\\ud83d\\ude00":"é"}'])
      expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
  });
});
