import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import type { Language } from '../domain/localized-text';
import { createTranslator } from '../texts/translator';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from './cli-context';
import { commands as defaultCommands } from './commands';
import { installExchangeCrypto } from '../exchange/exchange-crypto';
import { nodeExchangeCrypto } from './node-exchange-crypto';

/**
 * `care-autodiag <command> [arguments] [--lang fr|en]`: the command line for batch work over export files (design
 * §4), on top of the same domain, exchange, report and texts as the app. bin/care-autodiag.mjs runs it through tsx.
 *
 * Language: French unless `--lang en` is given (anywhere on the line) or, without `--lang`, the environment's LANG
 * starts with "en".
 */
export function pickLanguage(
  args: string[],
  env: Record<string, string | undefined>,
): { language: Language; rest: string[] } {
  let language: Language = (env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'fr';
  // Only --lang is read here; whatever else is on the line is left to the command's own parser.
  const { tokens } = parseArgs({
    args,
    options: { lang: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const taken = new Set<number>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name !== 'lang') continue;
    if (token.value !== 'fr' && token.value !== 'en') continue;
    language = token.value;
    taken.add(token.index);
    if (!token.inlineValue) taken.add(token.index + 1);
  }
  return { language, rest: args.filter((_, index) => !taken.has(index)) };
}

function help(context: CliContext, commands: readonly CliCommand[]): void {
  const { t } = context;
  context.out(t('cli.usage'));
  context.out('');
  context.out(t('cli.commandsTitle'));
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const command of commands) context.out(`  ${command.name.padEnd(width)}  ${t(command.summary)}`);
  context.out('');
  context.out(t('cli.helpHint'));
}

export interface MainOptions {
  out?: (line: string) => void;
  err?: (line: string) => void;
  env?: Record<string, string | undefined>;
  cwd?: string;
  commands?: readonly CliCommand[];
}

/** Runs the command line and resolves to the exit code (it never calls process.exit itself). */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  installExchangeCrypto(nodeExchangeCrypto);
  const { language, rest } = pickLanguage(argv, options.env ?? process.env);
  const context: CliContext = {
    out: options.out ?? ((line) => process.stdout.write(`${line}\n`)),
    err: options.err ?? ((line) => process.stderr.write(`${line}\n`)),
    language,
    t: createTranslator(language),
    cwd: options.cwd ?? process.cwd(),
  };
  const commands = options.commands ?? defaultCommands;
  const [name, ...args] = rest;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    help(context, commands);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    context.out(packageJson.version);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    context.err(context.t('cli.unknownCommand', { name }));
    help({ ...context, out: (line) => context.err(line) }, commands);
    return EXIT_USAGE;
  }
  return command.run(args, context);
}
