import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { isAnswered, type Answer } from '../../domain/assessment/answer';
import { applicableItems, overallProgress, progressByDomain } from '../../domain/assessment/assessment';
import { withCategoryTerms } from '../../domain/questionnaire/category-terms';
import { compareItemVersions } from '../../domain/questionnaire/compare-versions';
import { audiencesOf } from '../../domain/establishment/establishment';
import { currentLanguage } from '../../i18n/i18n';
import { useDatabase } from '../../storage/use-database';
import {
  useAssessmentWithEstablishment,
  useQuestionnaire,
  useReceivedReview,
  useRepositories,
} from '../../storage/use-repositories';
import { DomainEnd } from './domain-end';
import { DomainNav } from './domain-nav';
import { EvidenceRulesProvider } from './proof-validity-flag';
import { ItemCard } from './item-card';
import { LeaveDomainGuard } from './leave-domain-guard';
import { Loading, NotFound } from '../../components/page-states';
import './assessment.css';
import { DisplayName } from '../../components/display-name';
import { VersionMoveNotice } from './version-move-notice';

/** Answering: one domain per page (route /assessments/:assessmentId/:domainId?), with progress per domain. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { assessmentId = '', domainId } = useParams();
  const db = useDatabase();
  const navigate = useNavigate();
  const { assessments } = useRepositories();
  const found = useAssessmentWithEstablishment(assessmentId);
  const review = useReceivedReview(assessmentId);
  const loaded = useQuestionnaire(found?.assessment.questionnaireId, found?.assessment.questionnaireVersion);
  const previousVersion = useQuestionnaire(
    found?.assessment.basedOn ? found.assessment.questionnaireId : undefined,
    found?.assessment.basedOn?.questionnaireVersion,
  );
  const [filter, setFilter] = useState<ItemFilter>('all');
  const saveAnswer = useCallback(
    (itemId: string, answer: Answer) => assessments.saveAnswer(assessmentId, itemId, answer),
    [assessments, assessmentId],
  );
  // A link from the results or the action plan (?item=…) brings that question into view, its first control focused.
  const [searchParams] = useSearchParams();
  const itemToShow = searchParams.get('item');
  const ready = loaded.status === 'ready' && Boolean(found);
  useEffect(() => {
    if (!itemToShow || !ready) return;
    const card = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemToShow)}"]`);
    card?.scrollIntoView({ block: 'center' });
    card?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [itemToShow, ready]);

  if (found === undefined) return <Loading />;
  if (found === null) {
    return <NotFound message={t('assessment.notFound')} />;
  }
  const { assessment, establishment } = found;
  if (loaded.status === 'loading') return <Loading />;
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

  // Each medico-social category reads its own word for the people it serves (« résidents » in an EHPAD).
  const questionnaire = withCategoryTerms(loaded.value.questionnaire, establishment.category);
  const audiences = audiencesOf(establishment);
  const progress = progressByDomain(questionnaire, assessment.answers, audiences);
  const overall = overallProgress(progress);
  const currentDomainId = progress.some((p) => p.domainId === domainId) ? domainId : progress[0]?.domainId;
  const domain = questionnaire.domains.find((d) => d.id === currentDomainId);
  const applicable = applicableItems(questionnaire, audiences);
  const domainItems = applicable.filter((i) => i.domain === currentDomainId);
  const items = domainItems.filter((item) => matchesFilter(filter, item.weight, assessment.answers[item.id]));
  const title = `${questionnaire.title[language]} — ${assessment.campaignYear}`;
  const changes =
    assessment.basedOn && previousVersion.status === 'ready'
      ? compareItemVersions(previousVersion.value.questionnaire, loaded.value.questionnaire)
      : undefined;
  // Marks against the version this assessment moved from, or against the campaign it started from.
  const since = assessment.basedOn?.movedAt !== undefined ? assessment.basedOn.questionnaireVersion : undefined;
  // The next unanswered item after this domain's, across domains in questionnaire order, wrapping around.
  const unanswered = applicable.filter((i) => !isAnswered(assessment.answers[i.id]));
  const domainOrder = progress.map((p) => p.domainId);
  const next =
    unanswered.find((i) => domainOrder.indexOf(i.domain) > domainOrder.indexOf(currentDomainId ?? '')) ??
    unanswered.find((i) => i.domain === currentDomainId) ??
    unanswered[0];
  const nextDomainId = domainOrder[domainOrder.indexOf(currentDomainId ?? '') + 1];
  const nextDomain = questionnaire.domains.find((d) => d.id === nextDomainId);
  const goToNext = async () => {
    if (!next) return;
    if (next.domain !== currentDomainId) await navigate(`/assessments/${assessment.id}/${next.domain}`);
    setFilter('all');
    setTimeout(() => {
      const target = document.querySelector<HTMLElement>(
        `[data-item-id="${CSS.escape(next.id)}"] input, [data-item-id="${CSS.escape(next.id)}"] textarea`,
      );
      target?.focus();
      target?.scrollIntoView({ block: 'center' });
    }, 50);
  };

  return (
    <EvidenceRulesProvider questionnaireId={assessment.questionnaireId} version={assessment.questionnaireVersion}>
      <div className="assessment">
        <p className="breadcrumb">
          <Link to={`/establishments/${establishment.id}`}>
            <DisplayName name={establishment.name} />
          </Link>
        </p>
        <PageHeading title={`${domain?.title[language] ?? ''} — ${title}`}>{title}</PageHeading>
        <p>
          <progress max={overall.total} value={overall.answered} aria-hidden="true" />{' '}
          {t('assessments.progress', overall)}
        </p>
        <VersionMoveNotice
          assessment={assessment}
          questionnaire={loaded.value.questionnaire}
          repository={assessments}
          readOnly={db.access === 'read-only'}
        />
        <p className="assessment__results-link">
          <Link to={`/assessments/${assessment.id}/results`}>{t('results.open')}</Link>
          {' · '}
          <Link to={`/assessments/${assessment.id}/snapshots`}>{t('snapshots.linkFromAssessment')}</Link>
        </p>
        <div className="assessment__layout">
          <DomainNav
            assessmentId={assessment.id}
            progress={progress}
            currentDomainId={currentDomainId}
            titleOf={(id) => questionnaire.domains.find((x) => x.id === id)?.title[language] ?? id}
            headingId="domain-title"
          />
          <section className="assessment__items" aria-labelledby="domain-title">
            <h2 id="domain-title" tabIndex={-1}>
              {domain?.title[language]}
            </h2>
            <p className="lead">{domain?.description[language]}</p>
            <div className="item-toolbar">
              <div className="field">
                <label htmlFor="item-filter">{t('assessment.filters.label')}</label>
                <select id="item-filter" value={filter} onChange={(e) => setFilter(e.target.value as ItemFilter)}>
                  <option value="all">{t('assessment.filters.all')}</option>
                  <option value="unanswered">{t('assessment.filters.unanswered')}</option>
                  <option value="critical">{t('assessment.filters.critical')}</option>
                  <option value="to-review">{t('assessment.filters.toReview')}</option>
                </select>
              </div>
              <p role="status" className="item-toolbar__count">
                {t('assessment.filters.count', { shown: items.length, total: domainItems.length })}
              </p>
              {next ? (
                <button type="button" className="button" onClick={() => void goToNext()}>
                  {t('assessment.nextUnanswered')}
                </button>
              ) : (
                <p className="item-toolbar__done">{t('assessment.allAnswered')}</p>
              )}
            </div>
            {items.length === 0 ? <p>{t('assessment.filters.none')}</p> : null}
            {items.map((item) => (
              <ItemCard
                key={item.id}
                assessmentId={assessment.id}
                change={
                  changes && assessment.basedOn
                    ? { status: changes.get(item.id) ?? 'new', year: assessment.basedOn.campaignYear, version: since }
                    : undefined
                }
                item={item}
                stored={assessment.answers[item.id]}
                language={language}
                readOnly={db.access === 'read-only'}
                saveAnswer={saveAnswer}
                reviewMark={review?.marks.get(item.id)}
              />
            ))}
            <DomainEnd
              assessmentId={assessment.id}
              next={nextDomain ? { id: nextDomain.id, title: nextDomain.title[language] } : undefined}
            />
            <LeaveDomainGuard />
          </section>
        </div>
      </div>
    </EvidenceRulesProvider>
  );
}

type ItemFilter = 'all' | 'unanswered' | 'critical' | 'to-review';

function matchesFilter(filter: ItemFilter, weight: string, answer: Answer | undefined): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return !isAnswered(answer);
    case 'critical':
      return weight === 'critical';
    case 'to-review':
      return answer?.toReview === true;
  }
}
