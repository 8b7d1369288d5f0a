import { audiencesOf } from '../../domain/establishment/establishment';
import { frameworkCoverage, type CoverageTotals, type MeasureState } from '../../domain/frameworks/framework-coverage';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import { scorableAnswers, type ReportContext } from '../report-context';
import type { ReportModel } from '../report-model';
import type { ReportSection } from './report-section';

/**
 * The annex of each framework chosen at print (issue 17): the answers read against ANSSI's ReCyF, the ANSSI hygiene
 * guide or the HAS ESSMS criteria through the project's proposed mapping, with the version it read, the disclaimer,
 * the counts per objective and every measure with its state and linked items. The coverage is the domain's
 * (frameworkCoverage, the « Référentiels » screen's), computed here from the report's own answers and, in the app, the
 * campaign's other questionnaires. Printed only when a framework was chosen; the coverage CSV reads the same model.
 */

/** The states the annex and the CSV count, in the order of the screen's chart. */
export const annexStates = [
  'met',
  'partly-met',
  'not-met',
  'not-assessed',
  'not-covered',
] as const satisfies readonly MeasureState[];

export interface FrameworkAnnexMeasure {
  id: string;
  title: string;
  /** ReCyF's EE/EI tags, joined (« EE, EI »); empty for an untagged framework. */
  entities: string;
  state: MeasureState;
  /** The counting and related items, each with its strength (« care.gov.01 (couvre) »). */
  items: string[];
}

export interface FrameworkAnnex {
  framework: string;
  version: string;
  title: string;
  shortTitle: string;
  /** False when the report's source holds no answers (an export at "statistics" level): nothing can be read. */
  known: boolean;
  /** The lines printed under the heading: version read, disclaimer, source, answers read, what the status selects. */
  intro: string[];
  totals: CoverageTotals;
  groups: { label: string; totals: CoverageTotals }[];
  /** The measures counted (those the NIS2 status selects, or all as reference), in the file's order. */
  measures: FrameworkAnnexMeasure[];
}

export function buildFrameworksSection(context: ReportContext): FrameworkAnnex[] {
  const { input, language, t, questionnaire, answers } = context;
  const audiences = audiencesOf(input.establishment);
  return (input.frameworks ?? []).map(({ mapping, status, others = [] }): FrameworkAnnex => {
    const own = answers ? [{ questionnaire, answers: scorableAnswers(answers), audiences }] : [];
    const read = [...own, ...others.filter((o) => o.questionnaire.id !== questionnaire.id)];
    const coverage = frameworkCoverage(mapping, read, { asOf: input.asOf, status });
    const tagged = mapping.measures.some((m) => m.entities !== undefined);
    const asReference = tagged && status === 'not-concerned';
    const shown = coverage.measures.filter((m) => asReference || m.applicability !== 'reference');
    const titles = new Map(read.map((r) => [r.questionnaire.id, r.questionnaire.title[language]]));
    const questionnaires = coverage.questionnaires.map((q) => `${titles.get(q.id) ?? q.id} ${q.version}`).join(', ');
    const intro = [
      t('report.frameworks.versionRead', { name: mapping.shortTitle[language], version: mapping.version }),
      `${t('report.frameworks.disclaimer')} ${mapping.disclaimer[language]}`,
      t('report.frameworks.source', {
        title: mapping.source.title,
        publisher: mapping.source.publisher,
      }),
      questionnaires
        ? t('report.frameworks.answersRead', { questionnaires, year: input.campaignYear })
        : t('report.frameworks.noAnswersRead'),
      ...(tagged
        ? [
            t(`report.frameworks.statusEffect.${status}`, {
              count: coverage.measures.length - shown.length,
            }),
          ]
        : []),
    ];
    return {
      framework: mapping.framework,
      version: mapping.version,
      title: mapping.title[language],
      shortTitle: mapping.shortTitle[language],
      known: answers !== undefined,
      intro,
      totals: asReference ? coverage.whole : coverage.overall,
      groups: coverage.groups
        .map((g) => ({
          label: `${g.group.id} — ${g.group.title[language]}`,
          totals: asReference ? g.wholeTotals : g.totals,
        }))
        .filter((g) => g.totals.total + g.totals.counts['not-applicable'] > 0),
      measures: shown.map((m) => ({
        id: m.measure.id,
        title: m.measure.title[language],
        entities: [...(m.measure.entities ?? [])].sort().join(', '),
        state: m.state,
        items: m.measure.links.map((l) => `${l.item} (${t(`report.frameworks.strengths.${l.strength}`)})`),
      })),
    };
  });
}

function countCells(totals: CoverageTotals): string[] {
  return [...annexStates.map((s) => String(totals.counts[s])), String(totals.total)];
}

export function drawFrameworksSection(l: Layout, annexes: FrameworkAnnex[], _report: ReportModel): void {
  const { t } = l;
  annexes.forEach((annex, index) => {
    if (index > 0) l.newPage();
    l.heading(annex.title, 2);
    annex.intro.forEach((line, i) => l.paragraph(line, { keepWithNext: i === 0 }));
    if (!annex.known) {
      l.paragraph(`${t('report.completeness.omitted')} ${t('report.completeness.omittedContent.answers')}`);
      return;
    }
    const head = [
      t('report.frameworks.group'),
      ...annexStates.map((s) => t(`report.frameworks.statesShort.${s}`)),
      t('report.frameworks.total'),
    ];
    l.table({
      head,
      widths: [60, 19, 19, 19, 19, 22, 16],
      size: 8,
      body: [
        ...annex.groups.map((g) => [clean(g.label), ...countCells(g.totals)]),
        [t('report.frameworks.overall'), ...countCells(annex.totals)],
      ],
    });
    l.table({
      head: [
        t('report.frameworks.measure'),
        t('report.frameworks.title'),
        t('report.frameworks.entities'),
        t('report.frameworks.state'),
        t('report.frameworks.items'),
      ],
      widths: [16, 66, 14, 28, 50],
      size: 7.5,
      body: annex.measures.map((m) => [
        clean(m.id),
        clean(m.title),
        m.entities,
        t(`report.frameworks.states.${m.state}`),
        clean(m.items.length > 0 ? m.items.join('\n') : t('report.frameworks.noItem')),
      ]),
    });
  });
}

export const frameworksSection: ReportSection<'frameworks', FrameworkAnnex[]> = {
  key: 'frameworks',
  start: 'page',
  build: buildFrameworksSection,
  draw: drawFrameworksSection,
  printed: (annexes) => annexes.length > 0,
};
