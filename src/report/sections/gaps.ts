import type { DeadlineKind, Weight } from '../../domain/questionnaire/questionnaire-schema';
import { gapStateOf, type GapState, type Urgency } from '../../domain/results/list-gaps';
import { answerText, nonBlank, referenceOf } from '../answer-text';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import { formatShortDate } from '../../texts/format';
import type { ReportModel } from '../report-model';
import type { ReportSection } from './report-section';

/** The ranked gaps: the applicable questions not fully met, in the order of the gap list (src/domain/results). */

export interface GapLine {
  rank: number;
  itemId: string;
  domainTitle: string;
  question: string;
  /** What to do to close the gap (the item's action wording). */
  action: string;
  weight: Weight;
  state: GapState;
  answerText: string;
  reference: string | undefined;
  due: string | undefined;
  daysLeft: number | undefined;
  urgency: Urgency;
  /** What the due date means: a window opened is « à déclarer », a yearly date is when it is due again. */
  deadlineKind: DeadlineKind | undefined;
  evidenceExpected: string;
  comment: string | undefined;
}

export function buildGapsSection({ gaps, answers, domainTitle, language, t }: ReportContext): GapLine[] {
  return gaps.map((g, i) => ({
    rank: i + 1,
    itemId: g.item.id,
    domainTitle: domainTitle.get(g.item.domain) ?? g.item.domain,
    question: g.item.question[language],
    action: g.item.action[language],
    weight: g.item.weight,
    state: gapStateOf(g),
    answerText: answerText(g.item, answers?.[g.item.id]?.response, t, language),
    reference: referenceOf(g.item),
    due: g.due,
    daysLeft: g.daysLeft,
    urgency: g.urgency,
    deadlineKind: g.deadlineKind,
    evidenceExpected: g.item.evidence[language],
    comment: nonBlank(answers?.[g.item.id]?.comment),
  }));
}

export function drawGapsSection(l: Layout, gaps: GapLine[], report: ReportModel): void {
  const { t, language } = l;
  if (!report.gapsKnown) {
    l.paragraph(t('report.completeness.omitted') + ' ' + t('report.completeness.omittedContent.answers'));
    return;
  }
  l.paragraph(t('report.gaps.intro'), { keepWithNext: true });
  if (gaps.length === 0) {
    l.paragraph(t('report.gaps.none'));
    return;
  }
  const colon = language === 'fr' ? '\u00a0:' : ':';
  l.table({
    head: [
      t('report.gaps.rank'),
      t('report.gaps.item'),
      t('report.gaps.answer'),
      t('report.gaps.basis'),
      t('report.gaps.due'),
      t('report.gaps.evidence'),
    ],
    widths: [9, 70, 22, 24, 20, 29],
    size: 7.5,
    body: gaps.map((g) => [
      String(g.rank),
      clean(
        [
          `${g.itemId} — ${g.domainTitle}`,
          g.question,
          `${t('report.gaps.action')}${colon} ${g.action}`,
          ...(g.comment ? [`${t('report.gaps.comment')}${colon} ${g.comment}`] : []),
        ].join('\n'),
      ),
      clean(`${g.answerText}\n${t(`report.weights.${g.weight}`)}`),
      clean(g.reference ? t('report.gaps.official', { reference: g.reference }) : t('report.gaps.inferred')),
      g.due
        ? `${formatShortDate(g.due, language)}\n${
            g.urgency === 'to-declare'
              ? t('report.gaps.toDeclare')
              : g.daysLeft !== undefined && g.daysLeft < 0
                ? t('report.gaps.overdueBy', { count: -g.daysLeft })
                : g.daysLeft !== undefined
                  ? t(g.deadlineKind === 'yearly' ? 'report.gaps.dueAgain' : 'report.gaps.inDays', {
                      count: g.daysLeft,
                    })
                  : ''
          }`
        : t(g.urgency === 'ongoing' ? 'report.urgencies.ongoing' : 'report.urgencies.none'),
      clean(g.evidenceExpected),
    ]),
  });
}

export const gapsSection: ReportSection<'gaps', GapLine[]> = {
  key: 'gaps',
  start: 'page-unless-room',
  build: buildGapsSection,
  draw: drawGapsSection,
};
