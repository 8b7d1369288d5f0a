import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { submissionFiness } from '../exchange/export-format';
import { groupFingerprint } from '../domain/fingerprint';
import {
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_ZIP_BYTES,
  validateExportFile,
  type ExportValidation,
} from '../exchange/validate-export';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliCommand, type CliContext } from './cli-context';
import { describeRefusal } from './export-messages';
import { expandFileArguments, forEachInOrder, type ExpandedArgument } from './files';

/**
 * `care-autodiag verify [--require-signature] [--json] [--max-bytes <n>] <files or folders…>`
 *
 * Checks export files exactly as the app's import does (src/exchange/validate-export.ts) and prints one line per
 * file: OK with what the file is and the fingerprint of its key, or REFUSED with why and what to do. Exit code 0
 * when every file is valid, 1 otherwise, 2 for a wrong command line. Nothing is written anywhere.
 */

const text = {
  fr: {
    usage:
      'usage\u00a0: care-autodiag verify [--require-signature] [--json] [--max-bytes <octets>] <fichiers ou dossiers…>',
    ok: 'OK',
    refused: 'REFUSÉ',
    missing: 'fichier introuvable.',
    level: { full: 'complet', auditor: 'auditeur', statistics: 'statistiques' },
    campaign: 'campagne',
    key: 'clé',
    unsigned: 'non signé',
    migrated: 'migré depuis la version',
    summary: (total: number, valid: number) =>
      `${total} fichier(s)\u00a0: ${valid} valide(s), ${total - valid} refusé(s).`,
    noFiles: 'aucun fichier d’export (.json, .zip) à vérifier.',
  },
  en: {
    usage: 'usage: care-autodiag verify [--require-signature] [--json] [--max-bytes <bytes>] <files or folders…>',
    ok: 'OK',
    refused: 'REFUSED',
    missing: 'file not found.',
    level: { full: 'full', auditor: 'auditor', statistics: 'statistics' },
    campaign: 'campaign',
    key: 'key',
    unsigned: 'unsigned',
    migrated: 'migrated from version',
    summary: (total: number, valid: number) => `${total} file(s): ${valid} valid, ${total - valid} refused.`,
    noFiles: 'no export file (.json, .zip) to verify.',
  },
};

type Outcome = { file: ExpandedArgument; result: ExportValidation };

function lineOf(context: CliContext, { file, result }: Outcome): string {
  const t = text[context.language];
  if (!result.ok) return `${t.refused} ${file.display} — ${result.code}: ${describeRefusal(context.language, result)}`;
  const { envelope } = result;
  const { questionnaire, campaignYear } = envelope.content;
  const parts = [
    `FINESS ${submissionFiness(envelope.establishment)}`,
    envelope.establishment.name,
    `${questionnaire.id} ${questionnaire.version}`,
    `${t.campaign} ${campaignYear}`,
    t.level[envelope.sharingLevel],
    result.keyFingerprint ? `${t.key} ${groupFingerprint(result.keyFingerprint)}` : t.unsigned,
    ...(result.migratedFrom !== undefined ? [`${t.migrated} ${result.migratedFrom}`] : []),
  ];
  return `${t.ok} ${file.display} — ${parts.join(' · ')}`;
}

function jsonLineOf({ file, result }: Outcome): string {
  if (!result.ok) {
    const { ok, code, path, detail } = result;
    return JSON.stringify({ file: file.display, ok, code, path, detail });
  }
  const { envelope } = result;
  return JSON.stringify({
    file: file.display,
    ok: true,
    finess: submissionFiness(envelope.establishment),
    name: envelope.establishment.name,
    questionnaire: envelope.content.questionnaire,
    campaignYear: envelope.content.campaignYear,
    sharingLevel: envelope.sharingLevel,
    exportedAt: envelope.exportedAt,
    digest: result.digest,
    keyFingerprint: result.keyFingerprint,
    migratedFrom: result.migratedFrom,
  });
}

async function check(file: ExpandedArgument, maxBytes: number | undefined, requireSignature: boolean) {
  const fileName = file.display;
  if ('missing' in file) return { ok: false as const, fileName, code: 'not-json' as const, detail: 'missing' };
  // The size is checked before the file is read (a folder may hold anything).
  const limit =
    maxBytes ?? (extname(file.path).toLowerCase() === '.zip' ? DEFAULT_MAX_ZIP_BYTES : DEFAULT_MAX_JSON_BYTES);
  if (file.size > limit) return { ok: false as const, fileName, code: 'too-large' as const, detail: String(file.size) };
  const bytes = new Uint8Array(await readFile(file.path));
  return validateExportFile(bytes, fileName, {
    requireSignature,
    ...(maxBytes !== undefined ? { maxBytes } : {}),
  });
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: {
    fr: 'vérifie des fichiers d’export (format, contenu, empreinte, signature) ; une ligne par fichier',
    en: 'checks export files (format, content, digest, signature); one line per file',
  },
  async run(args, context) {
    const t = text[context.language];
    let values;
    let positionals;
    try {
      ({ values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          'require-signature': { type: 'boolean', default: false },
          json: { type: 'boolean', default: false },
          'max-bytes': { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      }));
    } catch (error) {
      context.err(error instanceof Error ? error.message : String(error));
      context.err(t.usage);
      return EXIT_USAGE;
    }
    if (values.help) {
      context.out(t.usage);
      return EXIT_OK;
    }
    const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
    if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
      context.err(t.usage);
      return EXIT_USAGE;
    }
    if (positionals.length === 0) {
      context.err(t.usage);
      return EXIT_USAGE;
    }
    const files = await expandFileArguments(positionals, context.cwd);
    if (files.length === 0) {
      context.err(t.noFiles);
      return EXIT_FAILED;
    }
    let valid = 0;
    await forEachInOrder(
      files,
      8,
      async (file) => ({ file, result: await check(file, maxBytes, values['require-signature']) }),
      (outcome) => {
        if (outcome.result.ok) valid += 1;
        if (values.json) context.out(jsonLineOf(outcome));
        else if ('missing' in outcome.file) context.out(`${t.refused} ${outcome.file.display} — ${t.missing}`);
        else context.out(lineOf(context, outcome));
      },
    );
    context.err(t.summary(files.length, valid));
    return valid === files.length ? EXIT_OK : EXIT_FAILED;
  },
};
