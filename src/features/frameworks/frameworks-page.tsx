import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { Loading, NotFound } from '../../components/page-states';
import { nis2StatusOf } from '../../domain/establishment/establishment';
import type { FrameworkCoverage } from '../../domain/frameworks/framework-coverage';
import {
  defaultFramework,
  isShippedFramework,
  shippedFrameworks,
  type ShippedFramework,
} from '../../domain/frameworks/default-framework';
import type { FrameworkMapping } from '../../domain/frameworks/framework-types';
import { currentLanguage } from '../../i18n/i18n';
import { describeError } from '../../texts/describe-error';
import { CoverageChart } from './coverage-chart';
import { GroupTable, ItemTable, MeasureTable } from './coverage-tables';
import { UncoveredList } from './uncovered-list';
import { useFrameworkMappings } from '../../storage/use-framework-mappings';
import { useCoverage, useFrameworks, type FrameworksModel } from './use-frameworks';
import './frameworks.css';
import { AssessmentBreadcrumb } from '../../components/assessment-breadcrumb';

/**
 * Route /assessments/:assessmentId/frameworks: the answers already given, read against other frameworks (ANSSI's
 * ReCyF for NIS2, the ANSSI hygiene guide, the HAS ESSMS criteria) through the project's proposed mappings
 * (issue 17; docs/frameworks.md): per framework, the coverage as a chart and tables, from a measure to its items on
 * the answering screen and from an item back to its measures, and the measures no questionnaire covers, each of
 * which can become an action. `?framework=` picks the framework; without it, the establishment's NIS2 status does.
 */
export function FrameworksPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const state = useFrameworks(assessmentId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'not-found') return <NotFound message={t('results.notFound')} />;
  return <Frameworks model={state.model} />;
}

function Frameworks({ model }: { model: FrameworksModel }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params] = useSearchParams();
  const { establishment, assessment, answered } = model;
  const status = nis2StatusOf(establishment);
  const asked = params.get('framework');
  const framework: ShippedFramework = isShippedFramework(asked) ? asked : defaultFramework(status);
  const own = answered.find((a) => a.questionnaire.id === assessment.questionnaireId);
  const name = `${own?.questionnaire.title[language] ?? assessment.questionnaireId} ${assessment.campaignYear}`;
  const heading = t('frameworks.title');
  const base = `/assessments/${assessment.id}`;
  return (
    <div className="frameworks">
      <AssessmentBreadcrumb establishment={establishment} assessmentId={assessment.id} assessmentName={name}>
        <li>
          <Link to={`${base}/results`}>{t('results.nav.overview')}</Link>
        </li>
      </AssessmentBreadcrumb>
      <PageHeading title={`${heading} — ${name}`}>
        {heading}
        <span className="page-heading__sub">{name}</span>
      </PageHeading>
      <p>{t('frameworks.intro')}</p>
      <p className="frameworks__status">
        {t('frameworks.status', { status: t(`establishments.nis2.statuses.${status}`) })}{' '}
        <Link to={`/establishments/${establishment.id}/edit`}>{t('frameworks.changeStatus')}</Link>
      </p>
      <nav aria-label={t('frameworks.choose')} className="frameworks__tabs">
        <ul>
          {shippedFrameworks.map((f) => (
            <li key={f}>
              <Link
                to={`${base}/frameworks?framework=${f}`}
                aria-current={f === framework ? 'page' : undefined}
                replace
              >
                {t(`frameworks.names.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <FrameworkView key={framework} model={model} framework={framework} />
    </div>
  );
}

function FrameworkView({ model, framework }: { model: FrameworksModel; framework: ShippedFramework }) {
  const { t } = useTranslation();
  const { states, moveTo } = useFrameworkMappings(model.assessment, [framework]);
  const state = states.get(framework) ?? { status: 'loading' };
  const coverage = useCoverage(model, state.status === 'ready' ? state.mapping : undefined);
  const [moveError, setMoveError] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'missing' || !coverage) {
    return (
      <p className="notice notice--error" role="alert">
        {t('frameworks.mappingMissing', {
          name: t(`frameworks.names.${framework}`),
          version: state.status === 'missing' ? state.version : '',
        })}
      </p>
    );
  }
  const move = () => {
    if (!state.newer) return;
    setMoveError(null);
    moveTo(framework, state.newer).catch((error: unknown) => setMoveError(describeError(t, error)));
  };
  return (
    <>
      {state.newer ? (
        <div className="notice notice--warning frameworks__newer">
          <p>{t('frameworks.newer', { version: state.newer, current: state.mapping.version })}</p>
          <button type="button" className="button" onClick={move}>
            {t('frameworks.moveTo', { version: state.newer })}
          </button>
          {moveError ? <p role="alert">{moveError}</p> : null}
        </div>
      ) : null}
      <FrameworkCoverageView model={model} mapping={state.mapping} coverage={coverage} />
    </>
  );
}

function FrameworkCoverageView({
  model,
  mapping,
  coverage,
}: {
  model: FrameworksModel;
  mapping: FrameworkMapping;
  coverage: FrameworkCoverage;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const tagged = mapping.measures.some((m) => m.entities !== undefined);
  // An establishment NIS2 does not concern reads ReCyF as a reference: every measure, outside any obligation.
  const asReference = tagged && coverage.status === 'not-concerned';
  const shown = coverage.measures.filter((m) => asReference || m.applicability !== 'reference');
  const leftOut = coverage.measures.length - shown.length;
  const totals = asReference ? coverage.whole : coverage.overall;
  const titles = new Map(model.answered.map((a) => [a.questionnaire.id, a.questionnaire.title[language]]));
  const read = coverage.questionnaires.map((q) => `${titles.get(q.id) ?? q.id} ${q.version}`).join(', ');
  return (
    <section aria-labelledby={headingId} className="frameworks__framework">
      <h2 id={headingId}>{mapping.title[language]}</h2>
      <p className="frameworks__version" data-testid="mapping-version">
        {t('frameworks.versionRead', { version: mapping.version, name: mapping.shortTitle[language] })}
      </p>
      <div className="notice notice--warning frameworks__disclaimer">
        <p>
          <strong>{t('frameworks.disclaimer')}</strong> {mapping.disclaimer[language]}
        </p>
      </div>
      <p className="field__hint">
        {t('frameworks.source', {
          title: mapping.source.title,
          publisher: mapping.source.publisher,
        })}
        {mapping.source.note ? ` ${mapping.source.note[language]}` : ''}
      </p>
      <p>
        {read
          ? t('frameworks.answersRead', { questionnaires: read, year: model.assessment.campaignYear })
          : t('frameworks.noAnswersRead')}
      </p>
      {tagged ? <p>{t(`frameworks.statusEffect.${coverage.status}`, { count: leftOut })}</p> : null}
      <CoverageChart totals={totals} name={mapping.shortTitle[language]} />
      <GroupTable mapping={mapping} coverage={coverage} asReference={asReference} />
      <MeasureTable model={model} mapping={mapping} measures={shown} tagged={tagged} />
      <ItemTable model={model} coverage={coverage} shown={shown} />
      <UncoveredList model={model} mapping={mapping} measures={shown} />
    </section>
  );
}
