import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import type { Answer } from '../../domain/assessment/answer';
import { applicableItems, overallProgress, progressByDomain } from '../../domain/assessment/assessment';
import { audiencesOf } from '../../domain/establishment/establishment';
import { currentLanguage } from '../../i18n/i18n';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useQuestionnaire, useRepositories } from '../../storage/use-repositories';
import { ItemCard } from './item-card';

/** Answering: one domain per page (route /assessments/:assessmentId/:domainId?), with progress per domain. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { assessmentId = '', domainId } = useParams();
  const db = useDatabase();
  const { assessments, establishments } = useRepositories();
  const assessment = useLiveQuery(
    async () => (await assessments.get(assessmentId)) ?? null,
    [assessments, assessmentId],
  );
  const establishment = useLiveQuery(
    async () => (assessment ? ((await establishments.get(assessment.establishmentId)) ?? null) : null),
    [establishments, assessment?.establishmentId],
  );
  const loaded = useQuestionnaire(assessment?.questionnaireId, assessment?.questionnaireVersion);
  const saveAnswer = useCallback(
    (itemId: string, answer: Answer) => assessments.saveAnswer(assessmentId, itemId, answer),
    [assessments, assessmentId],
  );

  if (assessment === undefined || (assessment && establishment === undefined)) {
    return <p role="status">{t('common.loading')}</p>;
  }
  if (assessment === null || establishment === null || establishment === undefined) {
    return (
      <>
        <PageHeading title={t('common.notFound.title')}>{t('common.notFound.title')}</PageHeading>
        <p>{t('assessment.notFound')}</p>
        <Link to="/">{t('common.notFound.back')}</Link>
      </>
    );
  }
  if (loaded.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (loaded.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {t('assessment.questionnaireMissing', {
          id: assessment.questionnaireId,
          version: assessment.questionnaireVersion,
        })}
      </p>
    );
  }

  const { questionnaire } = loaded.value;
  const audiences = audiencesOf(establishment);
  const progress = progressByDomain(questionnaire, assessment.answers, audiences);
  const overall = overallProgress(progress);
  const currentDomainId = progress.some((p) => p.domainId === domainId) ? domainId : progress[0]?.domainId;
  const domain = questionnaire.domains.find((d) => d.id === currentDomainId);
  const items = applicableItems(questionnaire, audiences).filter((i) => i.domain === currentDomainId);
  const title = `${questionnaire.title[language]} — ${assessment.campaignYear}`;

  return (
    <div className="assessment">
      <p className="breadcrumb">
        <Link to={`/establishments/${establishment.id}`}>{establishment.name}</Link>
      </p>
      <PageHeading title={`${domain?.title[language] ?? ''} — ${title}`}>{title}</PageHeading>
      <p>
        <progress max={overall.total} value={overall.answered} aria-hidden="true" />{' '}
        {t('assessments.progress', overall)}
      </p>
      <div className="assessment__layout">
        <nav aria-label={t('assessment.domainsLabel')} className="domain-nav">
          <ol>
            {progress.map((p) => {
              const d = questionnaire.domains.find((x) => x.id === p.domainId);
              return (
                <li key={p.domainId}>
                  <NavLink
                    to={`/assessments/${assessment.id}/${p.domainId}`}
                    aria-current={p.domainId === currentDomainId ? 'page' : undefined}
                  >
                    <span>{d?.title[language]}</span>
                    <span className="domain-nav__count">
                      {t('assessment.domainProgress', { answered: p.answered, total: p.total })}
                    </span>
                  </NavLink>
                </li>
              );
            })}
          </ol>
        </nav>
        <section className="assessment__items" aria-labelledby="domain-title">
          <h2 id="domain-title">{domain?.title[language]}</h2>
          <p className="lead">{domain?.description[language]}</p>
          {items.map((item) => (
            <ItemCard
              key={item.id}
              item={item}
              stored={assessment.answers[item.id]}
              language={language}
              readOnly={db.access === 'read-only'}
              saveAnswer={saveAnswer}
            />
          ))}
        </section>
      </div>
    </div>
  );
}
