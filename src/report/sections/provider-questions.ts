import { nonBlank } from '../answer-text';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import type { ReportModel } from '../report-model';
import type { ReportSection } from './report-section';

/** Every « je ne sais pas » answer, by domain: the questions to put to the IT provider or the GHT. */

export interface ProviderQuestionGroup {
  domainTitle: string;
  questions: { itemId: string; question: string; comment: string | undefined }[];
}

export function buildProviderQuestionsSection(context: ReportContext): ProviderQuestionGroup[] {
  const { questionnaire, language, scoreById, answers } = context;
  return questionnaire.domains
    .map((d) => ({
      domainTitle: d.title[language],
      questions: questionnaire.items
        .filter((i) => i.domain === d.id && scoreById.get(i.id)?.outcome === 'unknown')
        .map((i) => ({ itemId: i.id, question: i.question[language], comment: nonBlank(answers?.[i.id]?.comment) })),
    }))
    .filter((g) => g.questions.length > 0);
}

export function drawProviderQuestionsSection(l: Layout, groups: ProviderQuestionGroup[], report: ReportModel): void {
  const { t, language } = l;
  if (!report.gapsKnown) {
    l.paragraph(`${t('report.completeness.omitted')} ${t('report.completeness.omittedContent.answers')}`);
    return;
  }
  l.paragraph(t('report.providerQuestions.intro'), { keepWithNext: true });
  if (groups.length === 0) {
    l.paragraph(t('report.providerQuestions.none'));
    return;
  }
  const colon = language === 'fr' ? '\u00a0:' : ':';
  for (const group of groups) {
    l.heading(group.domainTitle, 2);
    l.table({
      head: [t('report.annex.item'), t('report.providerQuestions.question')],
      widths: [26, 148],
      size: 8,
      body: group.questions.map((q) => [
        q.itemId,
        clean(
          [q.question, ...(q.comment ? [`${t('report.providerQuestions.comment')}${colon} ${q.comment}`] : [])].join(
            '\n',
          ),
        ),
      ]),
    });
  }
}

export const providerQuestionsSection: ReportSection<'providerQuestions', ProviderQuestionGroup[]> = {
  key: 'providerQuestions',
  start: 'flow',
  build: buildProviderQuestionsSection,
  draw: drawProviderQuestionsSection,
};
