import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportEnvelope } from './export-format';
import { submissionFiness } from './export-format';
import { EVIDENCE_FOLDER, EXPORT_JSON_ENTRY } from './validate-export';

/**
 * The bytes of an export file. The JSON form is indented for a human reader: the digest covers the canonical form
 * (RFC 8785), so indentation, line ends or a reformatting editor never break it. The zip form holds the same
 * export.json and the evidence files under evidence/<item id>/<name>; an importer matches files to the manifest by
 * their SHA-256, never by name.
 */
export function serializeExport(envelope: ExportEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export interface EvidenceFile {
  itemId: string;
  name: string;
  bytes: Uint8Array;
}

/** A file name safe on every system: no path, no control or reserved characters, at most 100 characters. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return (cleaned || 'file').slice(0, 100);
}

export function zipExport(envelope: ExportEnvelope, files: readonly EvidenceFile[]): Uint8Array {
  const entries: Zippable = { [EXPORT_JSON_ENTRY]: strToU8(serializeExport(envelope)) };
  const used = new Set<string>();
  for (const file of files) {
    const folder = `${EVIDENCE_FOLDER}${safeFileName(file.itemId)}/`;
    let name = `${folder}${safeFileName(file.name)}`;
    for (let n = 2; used.has(name); n += 1) name = `${folder}${n}-${safeFileName(file.name)}`;
    used.add(name);
    // Evidence is mostly PDF or images, already compressed: stored as is.
    entries[name] = [file.bytes, { level: 0 }];
  }
  return zipSync(entries, { level: 6 });
}

/** autodiag-care_<FINESS>_<questionnaire>_<year>_<level>.json (or .zip): sortable and unique per campaign. */
export function exportFileName(envelope: ExportEnvelope, extension: 'json' | 'zip' = 'json'): string {
  const finess = submissionFiness(envelope.establishment);
  const { id } = envelope.content.questionnaire;
  return `autodiag-care_${finess}_${id}_${envelope.content.campaignYear}_${envelope.sharingLevel}.${extension}`;
}
