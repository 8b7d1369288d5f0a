import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { currentLanguage } from '../../i18n/i18n';
import { useResults, type ResultsModel } from './use-results';
import { Loading, NotFound } from '../../components/page-states';
import './results.css';
import { DisplayName } from '../../components/display-name';
import { AssessmentBreadcrumb } from '../../components/assessment-breadcrumb';

export type ResultsSection = 'overview' | 'gaps' | 'questions' | 'renewal' | 'summary';

/**
 * The frame of every results screen: loads the model, says so while it loads or when the assessment is missing,
 * then shows the breadcrumb, the page's h1 and the navigation between the results screens.
 */
export function ResultsShell({
  section,
  children,
}: {
  section: ResultsSection;
  children: (model: ResultsModel) => ReactNode;
}) {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const state = useResults(assessmentId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'not-found') {
    return <NotFound message={t('results.notFound')} />;
  }
  if (state.status === 'questionnaire-missing') {
    return (
      <p className="notice notice--error" role="alert">
        {t('assessment.questionnaireMissing', {
          id: state.assessment.questionnaireId,
          version: state.assessment.questionnaireVersion,
        })}
      </p>
    );
  }
  return (
    <ResultsFrame section={section} model={state.model}>
      {children(state.model)}
    </ResultsFrame>
  );
}

function ResultsFrame({
  section,
  model,
  children,
}: {
  section: ResultsSection;
  model: ResultsModel;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { establishment, assessment, questionnaire } = model;
  const name = `${questionnaire.title[language]} ${assessment.campaignYear}`;
  const heading = t(`results.headings.${section}`);
  const base = `/assessments/${assessment.id}`;
  const links: { to: string; label: string; key: ResultsSection }[] = [
    { key: 'overview', to: `${base}/results`, label: t('results.nav.overview') },
    { key: 'gaps', to: `${base}/results/gaps`, label: t('results.nav.gaps', { count: model.gaps.length }) },
    {
      key: 'questions',
      to: `${base}/results/questions`,
      label: t('results.nav.questions', { count: model.score.overall.unknown }),
    },
    { key: 'renewal', to: `${base}/results/renewal`, label: t('results.nav.renewal') },
    { key: 'summary', to: `${base}/summary`, label: t('results.nav.summary') },
  ];
  return (
    <div className={`results results--${section}`}>
      <AssessmentBreadcrumb establishment={establishment} assessmentId={assessment.id} assessmentName={name} />
      <PageHeading title={`${heading} — ${name}`}>
        {heading}
        <span className="page-heading__sub">
          {section === 'summary' ? <DisplayName name={establishment.name} /> : name}
        </span>
      </PageHeading>
      <nav aria-label={t('results.nav.label')} className="results-nav no-print">
        <ul>
          {links.map((l) => (
            <li key={l.key}>
              <NavLink to={l.to} end aria-current={l.key === section ? 'page' : undefined}>
                {l.label}
              </NavLink>
            </li>
          ))}
          <li>
            <Link to={`/establishments/${establishment.id}/actions`}>{t('results.nav.actions')}</Link>
          </li>
          <li>
            <Link to={`${base}/frameworks`}>{t('frameworks.link')}</Link>
          </li>
          <li>
            <Link to={`${base}/report`}>{t('reports.link')}</Link>
          </li>
          <li>
            <Link to={`${base}/snapshots`}>{t('snapshots.link')}</Link>
          </li>
          <li>
            <Link to={`${base}/declaration`}>{t('declaration.link')}</Link>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}
