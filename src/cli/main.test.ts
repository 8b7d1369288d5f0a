// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { en, fr } from '../texts/locales';
import { EXIT_OK, EXIT_USAGE } from './cli-context';
import { main, pickLanguage } from './main';
import { parseCommandLine, positiveInteger } from './parse-command-line';

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line), env, cwd: '/' });
  return { code, out, err };
}

describe('the language of the command line', () => {
  it('is French by default, English with --lang en anywhere on the line, or with LANG=en* and no --lang', () => {
    expect(pickLanguage(['verify', 'a.json'], {})).toEqual({ language: 'fr', rest: ['verify', 'a.json'] });
    expect(pickLanguage(['verify', '--lang', 'en', 'a.json'], {})).toEqual({
      language: 'en',
      rest: ['verify', 'a.json'],
    });
    expect(pickLanguage(['--lang=en', 'verify'], {}).language).toBe('en');
    expect(pickLanguage(['verify'], { LANG: 'en_GB.UTF-8' }).language).toBe('en');
    expect(pickLanguage(['verify', '--lang', 'fr'], { LANG: 'en_US.UTF-8' })).toEqual({
      language: 'fr',
      rest: ['verify'],
    });
  });

  it('leaves a language it does not speak to the command, which refuses it', async () => {
    expect(pickLanguage(['verify', '--lang', 'de'], {}).rest).toEqual(['verify', '--lang', 'de']);
    expect((await run(['verify', '--lang', 'de', 'a.json'])).code).toBe(EXIT_USAGE);
  });

  it('prints the help from the texts of the chosen language', async () => {
    const french = await run(['--help']);
    expect(french.code).toBe(EXIT_OK);
    expect(french.out[0]).toBe(fr.cli.usage);
    expect(french.out).toContain(`  verify       ${fr.cli.verify.summary}`);
    const english = await run(['--help', '--lang', 'en']);
    expect(english.out[0]).toBe(en.cli.usage);
    expect(english.out).toContain(`  consolidate  ${en.cli.consolidate.summary}`);
    expect(english.out.at(-1)).toBe(en.cli.helpHint);
  });

  it('names an unknown command in the chosen language', async () => {
    expect((await run(['nonsense'])).err[0]).toBe('commande inconnue\u00a0: nonsense');
    const english = await run(['nonsense'], { LANG: 'en_GB.UTF-8' });
    expect(english).toMatchObject({ code: EXIT_USAGE });
    expect(english.err[0]).toBe('unknown command: nonsense');
  });

  it('gives each command its usage in both languages', async () => {
    for (const command of ['verify', 'report', 'consolidate'] as const) {
      const french = await run([command, '--help']);
      const english = await run([command, '-h', '--lang', 'en']);
      expect(french.code).toBe(EXIT_OK);
      expect(french.out[0]).toMatch(/^usage\u00a0: care-autodiag /);
      expect(english.out[0]).toMatch(/^usage: care-autodiag /);
    }
    expect((await run(['consolidate', '--help', '--lang', 'en'])).out[0]).toContain(
      '[--csv <file.csv>] [--pdf <file.pdf>]',
    );
  });
});

describe('parseCommandLine', () => {
  const options = { out: { type: 'string' }, json: { type: 'boolean', default: false } } as const;
  const context = () => {
    const lines: { out: string[]; err: string[] } = { out: [], err: [] };
    return { lines, out: (l: string) => lines.out.push(l), err: (l: string) => lines.err.push(l) };
  };

  it('reads the options a command declares and its file arguments', () => {
    const c = context();
    const parsed = parseCommandLine(['a.json', '--out', 'r.pdf', 'b.json'], options, 'usage', c);
    expect(parsed).toEqual({
      exit: undefined,
      values: { out: 'r.pdf', json: false, help: false },
      positionals: ['a.json', 'b.json'],
    });
  });

  it('prints the usage for --help (exit 0) and the reason and the usage for an unknown option (exit 2)', () => {
    const help = context();
    expect(parseCommandLine(['-h'], options, 'the usage', help)).toEqual({ exit: EXIT_OK });
    expect(help.lines.out).toEqual(['the usage']);
    const wrong = context();
    expect(parseCommandLine(['--bogus'], options, 'the usage', wrong)).toEqual({ exit: EXIT_USAGE });
    expect(wrong.lines.err).toHaveLength(2);
    expect(wrong.lines.err[1]).toBe('the usage');
  });

  it('reads counts as positive integers', () => {
    expect(positiveInteger(undefined)).toBeUndefined();
    expect(positiveInteger('12')).toBe(12);
    for (const wrong of ['0', '-3', '1.5', 'many']) expect(positiveInteger(wrong)).toBeNaN();
  });
});
