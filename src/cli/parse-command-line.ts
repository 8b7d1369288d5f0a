import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT_OK, EXIT_USAGE, type CliContext } from './cli-context';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const helpOption = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * The arguments of one command, read by Node's util.parseArgs with the options the command declares (plus
 * `--help`), its file or folder arguments as positionals. A wrong command line prints parseArgs's reason and the
 * usage (exit 2); `--help` prints the usage (exit 0): `exit` is then set and the command returns it.
 */
export function parseCommandLine<const Options extends OptionsConfig>(
  args: string[],
  options: Options,
  usage: string,
  context: Pick<CliContext, 'out' | 'err'>,
) {
  type Config = { args: string[]; allowPositionals: true; options: Options & typeof helpOption };
  let parsed;
  try {
    parsed = parseArgs<Config>({ args, allowPositionals: true, options: { ...options, ...helpOption } });
  } catch (error) {
    context.err(error instanceof Error ? error.message : String(error));
    context.err(usage);
    return { exit: EXIT_USAGE } as const;
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    context.out(usage);
    return { exit: EXIT_OK } as const;
  }
  return { exit: undefined, values: parsed.values, positionals: parsed.positionals };
}

/** A count given on the command line (`--max-bytes 1000`): undefined when absent, NaN when not a positive integer. */
export function positiveInteger(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : Number.NaN;
}
