import type { ExportErrorCode } from '../exchange/export-error';
import { describeExportRejection } from '../texts/describe-error';
import type { CliContext } from './cli-context';

/**
 * The line of a refused export file: « REFUSÉ <file> — <code>: <the app's sentence> », the sentence being the very
 * one the app's import shows (src/texts/describe-error.ts), followed by the technical detail of the refusal when
 * there is one (the size, the format version found, the field's problem), for the person who runs the command.
 */
export function refusalLine(
  { t }: Pick<CliContext, 't'>,
  file: string,
  refusal: { code: ExportErrorCode; path?: string | undefined; detail?: string | undefined },
): string {
  const sentence = describeExportRejection(t, { fileName: file, code: refusal.code, path: refusal.path });
  const reason =
    refusal.detail === undefined ? sentence : t('cli.withDetail', { reason: sentence, detail: refusal.detail });
  return t('cli.refused', { file, reason: `${refusal.code}: ${reason}` });
}
