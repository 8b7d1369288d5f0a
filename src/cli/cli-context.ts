import type { Language } from '../domain/localized-text';
import type { TextKey, Translate } from '../texts/translator';

/**
 * What a command of the command line gets: where to write, which language to speak (and its texts, the app's own:
 * src/texts/locales/<language>/cli.json and the shared error sentences), and the working directory. Commands write
 * through it rather than to process.stdout, so that tests run them in-process and read their output.
 */
export interface CliContext {
  /** One line of the command's result (stdout). */
  out(line: string): void;
  /** Progress, summaries and usage errors (stderr), kept apart so that stdout stays one line per file. */
  err(line: string): void;
  language: Language;
  t: Translate;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** What `care-autodiag --help` says of the command. */
  summary: TextKey;
  /** Runs with the arguments after the command's name; resolves to the process exit code. */
  run(args: string[], context: CliContext): Promise<number>;
}

/** Exit codes shared by every command: 0 success, 1 a file or a check failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
