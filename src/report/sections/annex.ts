import type { CellInput } from 'jspdf-autotable';
import type { QuestionnaireItem, Weight } from '../../domain/questionnaire/questionnaire-schema';
import type { ItemScore } from '../../domain/scoring/score-assessment';
import { answerText, nonBlank, referenceOf } from '../answer-text';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import type { ReportAnswer, ReportEvidence, ReportInput } from '../report-input';
import { formatShortDate } from '../../texts/format';
import type { ReportModel } from '../report-model';
import type { Translate } from '../../texts/translator';
import type { ReportSection } from './report-section';

/**
 * The annex: every applicable item in questionnaire order, then answers to items outside the profile, then evidence
 * attached to items this questionnaire version does not have. Nothing the source holds is left out; the
 * completeness block counts these entries.
 */

export interface EvidenceLine {
  name: string;
  documentDate: string | undefined;
  sha256: string;
  size: number;
}

export interface AnnexEntry {
  itemId: string;
  question: string;
  weight: Weight;
  reference: string | undefined;
  outcome: ItemScore['outcome'] | 'out-of-scope';
  answered: boolean;
  answerText: string;
  comment: string | undefined;
  justification: string | undefined;
  toReview: boolean;
  evidence: EvidenceLine[];
}

export interface AnnexGroup {
  /** A domain id, or "out-of-scope" / "unknown-items" for what fits no applicable question. */
  id: string;
  title: string;
  entries: AnnexEntry[];
}

export function listAnnexGroups(
  input: ReportInput,
  scoreById: ReadonlyMap<string, ItemScore>,
  t: Translate,
): AnnexGroup[] {
  const { questionnaire, answers, language } = input;
  const itemsById = new Map(questionnaire.items.map((i) => [i.id, i]));

  // Evidence per item, in name order so that two reports of the same data list it alike.
  const evidenceByItem = new Map<string, ReportEvidence[]>();
  for (const e of [...input.evidence].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.sha256 < b.sha256 ? -1 : 1,
  )) {
    const list = evidenceByItem.get(e.itemId) ?? [];
    list.push(e);
    evidenceByItem.set(e.itemId, list);
  }
  const entryOf = (
    itemId: string,
    item: QuestionnaireItem | undefined,
    outcome: AnnexEntry['outcome'],
    a: ReportAnswer | undefined,
  ): AnnexEntry => ({
    itemId,
    question: item ? item.question[language] : itemId,
    weight: item ? item.weight : 'medium',
    reference: item ? referenceOf(item) : undefined,
    outcome,
    answered: a?.response !== undefined,
    answerText: answerText(item, a?.response, t, language),
    comment: nonBlank(a?.comment),
    justification: a?.response?.kind === 'not-applicable' ? nonBlank(a.response.justification) : undefined,
    toReview: a?.toReview === true,
    evidence: (evidenceByItem.get(itemId) ?? []).map((e) => ({
      name: e.name,
      documentDate: e.documentDate,
      sha256: e.sha256,
      size: e.size,
    })),
  });

  const annex: AnnexGroup[] = [];
  const listed = new Set<string>();
  const itemEntry = (item: QuestionnaireItem, outcome: AnnexEntry['outcome']) => {
    listed.add(item.id);
    return entryOf(item.id, item, outcome, answers?.[item.id]);
  };
  for (const domain of questionnaire.domains) {
    const entries = questionnaire.items
      .filter((i) => i.domain === domain.id && scoreById.has(i.id))
      .map((i) => itemEntry(i, scoreById.get(i.id)?.outcome ?? 'unanswered'));
    if (entries.length > 0) annex.push({ id: domain.id, title: domain.title[language], entries });
  }
  const outOfScope = questionnaire.items
    .filter((i) => !listed.has(i.id) && (answers?.[i.id] !== undefined || evidenceByItem.has(i.id)))
    .map((i) => itemEntry(i, 'out-of-scope'));
  if (outOfScope.length > 0)
    annex.push({ id: 'out-of-scope', title: t('report.annex.outOfScope'), entries: outOfScope });
  const unknownIds = [...new Set([...Object.keys(answers ?? {}), ...evidenceByItem.keys()])]
    .filter((id) => !itemsById.has(id))
    .sort();
  if (unknownIds.length > 0) {
    annex.push({
      id: 'unknown-items',
      title: t('report.annex.unknownItems'),
      entries: unknownIds.map((id) => entryOf(id, undefined, 'out-of-scope', answers?.[id])),
    });
  }
  return annex;
}

export function buildAnnexSection(context: ReportContext): AnnexGroup[] {
  return context.annex;
}

export function drawAnnexSection(l: Layout, annex: AnnexGroup[], report: ReportModel): void {
  const { t, language } = l;
  if (!report.gapsKnown) {
    l.paragraph(`${t('report.completeness.omitted')} ${t('report.completeness.omittedContent.answers')}`);
    return;
  }
  l.paragraph(t('report.annex.intro'), { keepWithNext: true });
  const colon = language === 'fr' ? '\u00a0:' : ':';
  for (const group of annex) {
    l.heading(group.title, 2);
    l.table({
      head: [t('report.annex.item'), t('report.annex.answer'), t('report.annex.details')],
      widths: [72, 26, 76],
      size: 7.5,
      body: group.entries.map((e): CellInput[] => {
        const details: string[] = [];
        if (e.justification) details.push(`${t('report.annex.justification')}${colon} ${e.justification}`);
        if (e.comment) details.push(`${t('report.annex.comment')}${colon} ${e.comment}`);
        if (e.evidence.length > 0) {
          details.push(`${t('report.annex.evidence')}${colon}`);
          for (const ev of e.evidence)
            details.push(
              `• ${t('report.annex.evidenceLine', { name: ev.name, date: ev.documentDate ? formatShortDate(ev.documentDate, language) : t('report.annex.undated'), sha256: ev.sha256 })}`,
            );
        }
        return [
          clean(
            [
              `${e.itemId} — ${t(`report.weights.${e.weight}`)}${e.reference ? ` — ${e.reference}` : ''}`,
              e.question,
            ].join('\n'),
          ),
          clean(
            [
              e.answered ? e.answerText : t('report.annex.unanswered'),
              ...(e.toReview ? [t('report.annex.toReview')] : []),
            ].join('\n'),
          ),
          clean(details.join('\n')),
        ];
      }),
    });
  }
}

export const annexSection: ReportSection<'annex', AnnexGroup[]> = {
  key: 'annex',
  start: 'page-unless-room',
  build: buildAnnexSection,
  draw: drawAnnexSection,
};
