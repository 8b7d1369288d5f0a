import type { RowInput } from 'jspdf-autotable';
import type { Answer } from '../../domain/assessment/answer';
import type { ItemReadiness, WindowReadiness } from '../../domain/declaration/declaration-readiness';
import type { PackEntry } from '../../domain/declaration/pack-entries';
import type { Language } from '../../domain/localized-text';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { addDays } from '../../domain/scoring/iso-date';
import { formatDate, formatDateTime } from '../../texts/format';
import { answerText } from '../answer-text';
import { Layout, type RenderedReport } from '../pdf/layout';
import { drawFooters } from '../pdf/page-furniture';
import { COLORS } from '../pdf/page-geometry';
import type { ReportFonts } from '../pdf/report-fonts';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import { createReportTranslator } from '../report-translator';

/**
 * The cover of the declaration pack (issue 18): the establishment, the window, the snapshot (name, date, digest), then
 * for each official objective of the window its id and title, its state, each item's answer and every proof attached
 * (name, document date, SHA-256, validity and, when it is sent, its place in the pack). Drawn with the report's layout
 * (src/report/pdf/layout.ts: same fonts, tables and footer). Pure apart from jsPDF: the fonts are handed in.
 */
export interface DeclarationCoverInput {
  establishment: { name: string; finessEj: string; finessEg?: string | undefined };
  questionnaire: Questionnaire;
  answers: Record<string, Answer>;
  readiness: WindowReadiness;
  snapshot: { name: string; frozenAt: number; digest: string };
  entries: readonly PackEntry[];
  language: Language;
  fonts: ReportFonts;
}

export function renderDeclarationCover(input: DeclarationCoverInput): RenderedReport {
  const { language, readiness, snapshot, establishment, questionnaire } = input;
  const t = createReportTranslator(language);
  const l = new Layout(t, language, input.fonts);
  const windowTitle = readiness.window.title[language];
  l.doc.setCreationDate(new Date(snapshot.frozenAt));
  l.doc.setDocumentProperties({
    title: clean(`${t('declaration.pack.title')} — ${windowTitle} — ${establishment.name}`),
    creator: 'Autodiag CaRE',
  });

  l.font('bold', 17, COLORS.accent);
  l.titleLines(t('declaration.pack.title'), 17);
  l.font('bold', 13);
  l.titleLines(windowTitle, 13);
  l.y += 3;
  l.pairs(
    [
      [t('declaration.pack.establishment'), establishment.name],
      [t('report.cover.finessEj'), establishment.finessEj],
      ...(establishment.finessEg ? [[t('report.cover.finessEg'), establishment.finessEg] as [string, string]] : []),
      [t('declaration.pack.window'), windowTitle],
      [t('declaration.pack.source'), readiness.window.source],
      [t('declaration.pack.snapshot'), snapshot.name],
      [t('declaration.pack.frozenAt'), formatDateTime(snapshot.frozenAt, language)],
      [t('declaration.pack.asOf'), formatDate(readiness.asOf, language)],
      [t('declaration.pack.digest'), snapshot.digest],
      [
        t('declaration.pack.readyCount', { count: readiness.objectives.length }),
        t('declaration.pack.readyOf', { ready: readiness.ready, total: readiness.objectives.length }),
      ],
    ],
    9,
    52,
  );
  l.paragraph(t('declaration.pack.rule'), { size: 8, color: COLORS.muted });

  const pathOf = new Map(input.entries.map((e) => [`${e.objectiveId} ${e.proof.id}`, e.path]));
  const itemsById = new Map(questionnaire.items.map((item) => [item.id, item]));
  for (const objective of readiness.objectives) {
    l.heading(`${objective.objective.id} — ${objective.objective.title[language]}`, 2);
    l.paragraph(`${t('declaration.pack.state')}${colon(language)} ${t(`declaration.states.${objective.state}`)}`, {
      bold: true,
      color: objective.state === 'ready' ? COLORS.accent : COLORS.draft,
      keepWithNext: true,
    });
    l.table({
      head: [
        t('report.annex.item'),
        t('declaration.pack.answer'),
        t('declaration.pack.proof'),
        t('declaration.pack.documentDate'),
        t('declaration.pack.sha256'),
        t('declaration.pack.proofState'),
      ],
      widths: [22, 25, 38, 22, 38, 29],
      size: 7,
      body: objective.items.flatMap((item) =>
        itemRows(item, itemsById.get(item.itemId), input, objective.objective.id, pathOf, t),
      ),
    });
  }
  drawFooters(l, `${t('declaration.pack.title')} — ${windowTitle} — ${establishment.name}`);
  return l.output();

  function itemRows(
    item: ItemReadiness,
    questionnaireItem: Questionnaire['items'][number] | undefined,
    cover: DeclarationCoverInput,
    objectiveId: string,
    paths: Map<string, string>,
    translate: typeof t,
  ): RowInput[] {
    const given = answerText(questionnaireItem, cover.answers[item.itemId]?.response, translate, language);
    // « Oui » then « Atteint »; an unanswered or « je ne sais pas » item says so once.
    const answer =
      item.answer === 'met' || item.answer === 'not-met'
        ? `${given}\n${translate(`declaration.answers.${item.answer}`)}`
        : item.answer === 'not-applicable'
          ? translate('declaration.answers.not-applicable')
          : given;
    const problems = item.problems.map((p) => translate(`declaration.problems.${p}`)).join('\n');
    if (item.proofs.length === 0) {
      return [[item.itemId, clean(answer), translate('declaration.pack.noProof'), '', '', clean(problems)]];
    }
    return item.proofs.map((reading, i) => [
      i === 0 ? item.itemId : '',
      i === 0 ? clean(answer) : '',
      clean(reading.proof.name),
      reading.proof.documentDate
        ? formatDate(reading.proof.documentDate, language)
        : translate('declaration.pack.undated'),
      reading.proof.sha256,
      clean(
        [
          proofState(reading.validity?.status, reading.validity?.expiresOn),
          paths.get(`${objectiveId} ${reading.proof.id}`),
        ]
          .filter(Boolean)
          .join('\n'),
      ),
    ]);

    function proofState(status: string | undefined, expiresOn: string | undefined): string {
      if (status === undefined) return translate('declaration.pack.noRule');
      if (status === 'valid')
        return translate('declaration.pack.validUntil', { date: formatDate(addDays(expiresOn ?? '', -1), language) });
      if (status === 'expired')
        return translate('declaration.pack.expired', { date: formatDate(expiresOn ?? '', language) });
      return translate('declaration.pack.undatedUnderRule');
    }
  }
}

const colon = (language: Language) => (language === 'fr' ? '\u00a0:' : ':');
