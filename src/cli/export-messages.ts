import type { ExportErrorCode } from '../exchange/export-error';
import type { CliLanguage } from './cli-context';

/**
 * Why a file was refused and what to do, in the words of the app's own messages (src/i18n/locales/<lang>/
 * exchange.json, "errors"), for the command line, which does not load i18next. French first (design principle 3).
 * {path} and {detail} are replaced by the field and the technical detail of the refusal.
 */
export const exportErrorSentences: Record<CliLanguage, Record<ExportErrorCode, string>> = {
  fr: {
    'too-large':
      'fichier trop volumineux pour un export ({detail} octets). Vérifiez qu’il s’agit bien d’un fichier d’export Autodiag CaRE.',
    'not-a-zip': 'archive zip illisible ou sans fichier export.json. Demandez à l’établissement de refaire l’export.',
    'not-json':
      'ce n’est pas un fichier JSON lisible (fichier tronqué ou endommagé ?). Demandez à l’établissement de renvoyer le fichier.',
    'not-an-export':
      'ce n’est pas un fichier d’export Autodiag CaRE (champ « format » absent ou différent). Vérifiez le fichier choisi.',
    'newer-format':
      'ce fichier vient d’une version plus récente de l’application (version de format {detail}). Mettez à jour Autodiag CaRE.',
    invalid:
      'contenu non valide au champ {path} ({detail}). Le fichier a été modifié ou produit par un autre outil : demandez un nouvel export.',
    'digest-mismatch':
      'l’empreinte SHA-256 ne correspond pas au contenu : le fichier a été modifié après l’export. Demandez le fichier d’origine.',
    'bad-signature':
      'la signature n’est pas valide ({path}) : le fichier a été modifié après l’export. Demandez le fichier d’origine.',
    unsigned: 'le fichier n’est pas signé alors qu’une signature est exigée. Demandez un export signé.',
    'evidence-mismatch':
      'une pièce justificative de l’archive ne correspond pas à la liste du fichier ({path}). Demandez un nouvel export avec les pièces.',
  },
  en: {
    'too-large': 'the file is too large for an export ({detail} bytes). Check that it is an Autodiag CaRE export file.',
    'not-a-zip': 'unreadable zip archive, or no export.json in it. Ask the establishment to export again.',
    'not-json': 'not a readable JSON file (truncated or damaged?). Ask the establishment to send the file again.',
    'not-an-export':
      'not an Autodiag CaRE export file (its "format" field is missing or different). Check the file you chose.',
    'newer-format': 'this file comes from a newer version of the app (format version {detail}). Update Autodiag CaRE.',
    invalid:
      'invalid content in field {path} ({detail}). The file was changed or made by another tool: ask for a new export.',
    'digest-mismatch':
      'the SHA-256 digest does not match the content: the file was changed after export. Ask for the original file.',
    'bad-signature':
      'the signature is not valid ({path}): the file was changed after export. Ask for the original file.',
    unsigned: 'the file is not signed although a signature is required. Ask for a signed export.',
    'evidence-mismatch':
      'an evidence file in the archive does not match the file’s list ({path}). Ask for a new export with the evidence.',
  },
};

export function describeRefusal(
  language: CliLanguage,
  refusal: { code: ExportErrorCode; path?: string | undefined; detail?: string | undefined },
): string {
  return exportErrorSentences[language][refusal.code]
    .replace('{path}', refusal.path ?? '—')
    .replace('{detail}', refusal.detail ?? '—');
}
