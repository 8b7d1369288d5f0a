import packageJson from '../../package.json' with { type: 'json' };
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext, type CliLanguage } from './cli-context';
import { commands as defaultCommands } from './commands';

/**
 * `care-autodiag <command> [arguments]`: the command line for batch work over export files (design §4), on top of
 * the same domain, exchange and report code as the app. bin/care-autodiag.mjs runs it through tsx.
 *
 * Language: French unless `--lang en` is given or the environment's LANG starts with "en".
 */
export function pickLanguage(
  args: string[],
  env: Record<string, string | undefined>,
): {
  language: CliLanguage;
  rest: string[];
} {
  const rest: string[] = [];
  let language: CliLanguage = (env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'fr';
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const inline = /^--lang=(fr|en)$/.exec(arg);
    if (inline?.[1]) language = inline[1] as CliLanguage;
    else if (arg === '--lang' && (args[i + 1] === 'fr' || args[i + 1] === 'en')) {
      language = args[i + 1] as CliLanguage;
      i += 1;
    } else rest.push(arg);
  }
  return { language, rest };
}

function help(context: CliContext, commands: readonly CliCommand[]): void {
  const fr = context.language === 'fr';
  context.out(
    fr
      ? 'usage\u00a0: care-autodiag <commande> [arguments] [--lang fr|en]'
      : 'usage: care-autodiag <command> [arguments] [--lang fr|en]',
  );
  context.out('');
  context.out(fr ? 'commandes\u00a0:' : 'commands:');
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const command of commands) context.out(`  ${command.name.padEnd(width)}  ${command.summary[context.language]}`);
  context.out('');
  context.out(fr ? 'care-autodiag <commande> --help pour le détail.' : 'care-autodiag <command> --help for details.');
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
  const { language, rest } = pickLanguage(argv, options.env ?? process.env);
  const context: CliContext = {
    out: options.out ?? ((line) => process.stdout.write(`${line}\n`)),
    err: options.err ?? ((line) => process.stderr.write(`${line}\n`)),
    language,
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
    context.err(language === 'fr' ? `commande inconnue\u00a0: ${name}` : `unknown command: ${name}`);
    help({ ...context, out: (line) => context.err(line) }, commands);
    return EXIT_USAGE;
  }
  return command.run(args, context);
}
