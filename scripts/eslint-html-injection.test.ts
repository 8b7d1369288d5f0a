// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Issue 9, "XSS": the lint configuration (eslint.config.js) must refuse every way of turning a string into HTML or
 * code in src/. Each snippet below is linted with the project's own configuration, as if it were a file of a
 * feature, and must be flagged by the rule named; the safe way of writing the same thing must not be.
 */

const probe = 'src/features/auditor/lint-probe.tsx';
// The type-aware parser's project service reads only files on disk: the snippet's (virtual) path is declared to it,
// with the project's own tsconfig. The rules are those of eslint.config.js, untouched.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: [probe], defaultProject: 'tsconfig.json' } },
    },
  },
});

async function rulesFiredOn(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: probe });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const unsafe: [string, string, string][] = [
  [
    'dangerouslySetInnerHTML',
    'react/no-danger',
    'export function P({ html }: { html: string }) { return <div dangerouslySetInnerHTML={{ __html: html }} />; }',
  ],
  ['innerHTML', 'no-restricted-syntax', 'export function f(el: HTMLElement, s: string) { el.innerHTML = s; }'],
  ['outerHTML', 'no-restricted-syntax', 'export function f(el: HTMLElement, s: string) { el.outerHTML = s; }'],
  [
    'insertAdjacentHTML',
    'no-restricted-syntax',
    "export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }",
  ],
  ['document.write', 'no-restricted-syntax', 'export function f(s: string) { document.write(s); }'],
  ['eval', 'no-eval', 'export function f(s: string): unknown { return eval(s); }'],
  ['new Function', 'no-new-func', "export const f = new Function('s', 'return s');"],
  [
    'setTimeout with a string',
    '@typescript-eslint/no-implied-eval',
    "export function f() { setTimeout('alert(1)', 0); }",
  ],
];

describe('the lint configuration forbids HTML and code injection in src/', () => {
  for (const [what, rule, code] of unsafe) {
    it(`flags ${what} (${rule})`, async () => {
      expect(await rulesFiredOn(code)).toContain(rule);
    });
  }

  it('lets the safe equivalents through: text content and React text children', async () => {
    const fired = await rulesFiredOn(
      'export function f(el: HTMLElement, s: string) { el.textContent = s; }\n' +
        'export function P({ s }: { s: string }) { return <p>{s}</p>; }\n',
    );
    expect(fired).toEqual([]);
  });
}, 120_000);
