import type { Layout } from '../pdf/layout';
import { groupHex } from '../../texts/format';
import type { ReportMeta } from '../report-model';

/**
 * The end of the report: its SHA-256 fingerprint in full (of the data it was built from, or of the export file it was
 * printed from) and what it is for, checking that a printed copy is the report that was produced; then the signing
 * key's fingerprint of a signed export file. On the last page rather than the cover, where a reader took it for a
 * reference number; the footer of every page repeats its first 16 characters.
 */
export function drawFingerprintNote(l: Layout, meta: Pick<ReportMeta, 'fingerprint' | 'keyFingerprint'>): void {
  const { t } = l;
  if (!meta.fingerprint && !meta.keyFingerprint) return;
  const colon = l.language === 'fr' ? '\u00a0:' : ':';
  l.heading(t('report.fingerprintNote.title'), 2);
  if (meta.fingerprint) {
    l.paragraph(`${t(`report.fingerprintSource.${meta.fingerprint.source}`)}${colon}`, {
      bold: true,
      keepWithNext: true,
    });
    l.paragraph(groupHex(meta.fingerprint.value), { keepWithNext: true });
    l.paragraph(t('report.fingerprintNote.purpose'), { keepWithNext: true });
  }
  if (meta.keyFingerprint) {
    l.paragraph(`${t('report.cover.keyFingerprint')}${colon} ${groupHex(meta.keyFingerprint)}`, {
      keepWithNext: true,
    });
    l.paragraph(t('report.fingerprintNote.keyPurpose'), { keepWithNext: true });
  }
  // Held back until here, the note goes whole to the next page rather than leave a line there alone.
  l.ensure(0);
}
