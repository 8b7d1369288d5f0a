import { listProofsToRenew, rulesByItem } from '../../domain/evidence/evidence-validity';
import { formatDate } from '../../texts/format';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import type { ReportSection } from './report-section';

/**
 * « Preuves à renouveler » (issue 18): the proofs expired, or undated where their item sets a validity rule
 * (questionnaires/<id>/evidence-rules/<version>.json), on the report's date — a snapshot's report reads them on its
 * freeze date. Printed only when there is one; absent from a report made without the rules (an export file read by
 * the command line) or without the evidence list (a sharing level that leaves it out).
 */
export interface ProofToRenewLine {
  itemId: string;
  question: string;
  name: string;
  documentDate: string | undefined;
  /** The first day the proof no longer counts; undefined when it is undated. */
  expiresOn: string | undefined;
  /** Where the rule comes from: its official source, or « règle déduite » and why. */
  basis: string;
}

export function buildEvidenceRenewalSection(context: ReportContext): ProofToRenewLine[] {
  const { input, language, itemsById, t } = context;
  if (!input.evidenceRules) return [];
  return listProofsToRenew(input.evidence, rulesByItem(input.evidenceRules), input.asOf).map(({ proof, validity }) => {
    const { basis } = validity.rule;
    return {
      itemId: proof.itemId,
      question: itemsById.get(proof.itemId)?.question[language] ?? proof.itemId,
      name: proof.name,
      documentDate: proof.documentDate,
      expiresOn: validity.expiresOn,
      basis:
        basis.kind === 'official'
          ? t('report.evidenceRenewal.official', { source: basis.source })
          : t('report.evidenceRenewal.inferred', { rationale: basis.rationale[language] }),
    };
  });
}

export function drawEvidenceRenewalSection(l: Layout, lines: ProofToRenewLine[]): void {
  const { t, language } = l;
  l.paragraph(t('report.evidenceRenewal.intro'), { keepWithNext: true });
  l.table({
    head: [
      t('report.annex.item'),
      t('report.evidenceRenewal.proof'),
      t('report.evidenceRenewal.documentDate'),
      t('report.evidenceRenewal.expiry'),
    ],
    widths: [26, 82, 28, 38],
    size: 8,
    body: lines.map((line) => [
      line.itemId,
      clean(`${line.name}\n${line.question}`),
      line.documentDate ? formatDate(line.documentDate, language) : t('report.evidenceRenewal.undated'),
      clean(
        `${
          line.expiresOn
            ? t('report.evidenceRenewal.expiredOn', { date: formatDate(line.expiresOn, language) })
            : t('report.evidenceRenewal.noDate')
        }\n${line.basis}`,
      ),
    ]),
  });
}

export const evidenceRenewalSection: ReportSection<'evidenceRenewal', ProofToRenewLine[]> = {
  key: 'evidenceRenewal',
  start: 'flow',
  build: buildEvidenceRenewalSection,
  draw: drawEvidenceRenewalSection,
  printed: (lines) => lines.length > 0,
};
