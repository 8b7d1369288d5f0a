import type { CliCommand } from './cli-context';
import { consolidateCommand } from './consolidate-command';
import { reportCommand } from './report-command';
import { reviewCommand } from './review-command';
import { verifyCommand } from './verify-command';

/**
 * The sub-commands of `care-autodiag`, in the order `--help` lists them. A command lives in its own file
 * (src/cli/<name>-command.ts) and exports a {@link CliCommand}; adding one is adding it to this list.
 */
export const commands: CliCommand[] = [verifyCommand, reportCommand, consolidateCommand, reviewCommand];
