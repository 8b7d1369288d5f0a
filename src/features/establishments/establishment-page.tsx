import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useSaveStatus } from '../../components/save-status';
import {
  overallProgress,
  previousCampaign,
  progressByDomain,
  proposeAnswers,
  type Assessment,
} from '../../domain/assessment/assessment';
import { audiencesOf, nis2StatusOf, type Establishment } from '../../domain/establishment/establishment';
import { orderForProfile, recommendedQuestionnaireId } from '../../domain/establishment/recommended-questionnaire';
import { StorageError } from '../../storage/storage-error';
import { currentLanguage } from '../../i18n/i18n';
import { describeError } from '../../texts/describe-error';
import { formatDateTime, displayName } from '../../texts/format';
import { useLiveQuery } from '../../storage/use-database';
import { useLatestQuestionnaires, useQuestionnaire, useRepositories } from '../../storage/use-repositories';
import { Loading, NotFound } from '../../components/page-states';
import './establishment-page.css';
import { DisplayName } from '../../components/display-name';

export function EstablishmentPage() {
  const { t } = useTranslation();
  const { establishmentId = '' } = useParams();
  const { establishments, assessments } = useRepositories();
  const { save } = useSaveStatus();
  const [actionError, setActionError] = useState<string | null>(null);
  const establishment = useLiveQuery(
    async () => (await establishments.get(establishmentId)) ?? null,
    [establishments, establishmentId],
  );
  const list = useLiveQuery(() => assessments.listByEstablishment(establishmentId), [assessments, establishmentId]);

  if (establishment === undefined) return <Loading />;
  if (establishment === null) {
    return <NotFound message={t('establishments.notFound')} />;
  }

  const toggleArchive = async () => {
    setActionError(null);
    try {
      await save(`establishment:${establishment.id}`, () =>
        establishments.setArchived(establishment.id, !establishment.archived),
      );
    } catch (error) {
      setActionError(describeError(t, error));
    }
  };

  return (
    <>
      <div className="page-header">
        <PageHeading title={displayName(establishment.name)}>
          <DisplayName name={establishment.name} />
        </PageHeading>
        <div className="page-header__actions">
          <Link className="button" to={`/establishments/${establishment.id}/edit`}>
            {t('establishments.details.edit')}
          </Link>
          <button type="button" className="button" onClick={() => void toggleArchive()}>
            {establishment.archived ? t('establishments.details.unarchive') : t('establishments.details.archive')}
          </button>
        </div>
      </div>
      {actionError ? (
        <div className="notice notice--error" role="alert">
          {actionError}
        </div>
      ) : null}
      {establishment.archived ? <p className="notice">{t('establishments.details.archivedNotice')}</p> : null}
      <EstablishmentDetails establishment={establishment} />
      <section aria-labelledby="assessments-title" className="section">
        <h2 id="assessments-title">{t('assessments.title')}</h2>
        {list === undefined ? null : list.length === 0 ? (
          <p>{t('assessments.none')}</p>
        ) : (
          <ul className="card-list">
            {list.map((a) => (
              <AssessmentRow key={a.id} assessment={a} establishment={establishment} />
            ))}
          </ul>
        )}
        <StartAssessmentForm establishment={establishment} />
      </section>
      <section aria-labelledby="budget-applications-title" className="section">
        <h2 id="budget-applications-title">{t('budget.sectionTitle')}</h2>
        <ul className="card-list">
          <li className="card">
            <Link className="card__title" to={`/establishments/${establishment.id}/budget`}>
              {t('budget.link')}
            </Link>
            <p className="card__meta">{t('budget.linkHint')}</p>
          </li>
          <li className="card">
            <Link className="card__title" to={`/establishments/${establishment.id}/applications`}>
              {t('applications.link')}
            </Link>
            <p className="card__meta">{t('applications.linkHint')}</p>
          </li>
          <li className="card">
            <Link className="card__title" to={`/establishments/${establishment.id}/actions`}>
              {t('actions.open')}
            </Link>
            <p className="card__meta">{t('actions.linkHint')}</p>
          </li>
        </ul>
      </section>
    </>
  );
}

function EstablishmentDetails({ establishment: e }: { establishment: Establishment }) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <div>
        <dt>{t('establishments.details.finessEj')}</dt>
        <dd>{e.finessEj}</dd>
      </div>
      {e.finessEg ? (
        <div>
          <dt>{t('establishments.details.finessEg')}</dt>
          <dd>{e.finessEg}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('establishments.details.category')}</dt>
        <dd>{t(`establishments.categories.${e.category}`)}</dd>
      </div>
      <div>
        <dt>{t('establishments.details.sector')}</dt>
        <dd>{t(`establishments.sectors.${e.sector}`)}</dd>
      </div>
      <div>
        <dt>{t('establishments.details.nis2')}</dt>
        <dd>{t(`establishments.nis2.statuses.${nis2StatusOf(e)}`)}</dd>
      </div>
      {e.ghtName ? (
        <div>
          <dt>{t('establishments.details.ght')}</dt>
          <dd>
            {e.ghtName}
            {e.isGhtSupport ? ` (${t('establishments.details.ghtSupport')})` : ''}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function AssessmentRow({ assessment, establishment }: { assessment: Assessment; establishment: Establishment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const loaded = useQuestionnaire(assessment.questionnaireId, assessment.questionnaireVersion);
  const title = loaded.status === 'ready' ? loaded.value.questionnaire.title[language] : assessment.questionnaireId;
  const progress =
    loaded.status === 'ready'
      ? overallProgress(progressByDomain(loaded.value.questionnaire, assessment.answers, audiencesOf(establishment)))
      : undefined;
  return (
    <li className="card">
      <Link
        className="card__title"
        to={`/assessments/${assessment.id}`}
        aria-label={t('assessments.open', { title, year: assessment.campaignYear })}
      >
        {title} — {assessment.campaignYear}
      </Link>
      {progress ? (
        <>
          <progress max={progress.total} value={progress.answered} aria-hidden="true" />
          <p className="card__meta">{t('assessments.progress', progress)}</p>
        </>
      ) : null}
      <p className="card__meta">
        {t('assessments.lastChange', { date: formatDateTime(assessment.updatedAt, language) })}
      </p>
      <p className="card__meta">
        <Link
          to={`/assessments/${assessment.id}/results`}
          aria-label={t('results.openFor', { title, year: assessment.campaignYear })}
        >
          {t('results.short')}
        </Link>
      </p>
      <p className="card__meta">
        <Link
          to={`/assessments/${assessment.id}/export`}
          aria-label={t('exchange.openExportLabel', { title, year: assessment.campaignYear })}
        >
          {t('exchange.openExport')}
        </Link>
      </p>
    </li>
  );
}

function StartAssessmentForm({ establishment }: { establishment: Establishment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const { assessments } = useRepositories();
  const { save } = useSaveStatus();
  const catalog = useLatestQuestionnaires();
  const [error, setError] = useState<string | null>(null);
  const thisYear = new Date().getFullYear();
  const audiences = audiencesOf(establishment);
  // The profile chooses: the recommended questionnaire first, the others behind « autres questionnaires ».
  const available = orderForProfile(
    catalog.status === 'ready'
      ? catalog.value
          .filter((l) => l.questionnaire.audience.some((a) => audiences.includes(a)))
          .map((l) => ({ id: l.questionnaire.id, loaded: l }))
      : [],
    establishment.sector,
  ).map((entry) => entry.loaded);
  const recommendedId = recommendedQuestionnaireId(establishment.sector);
  const [choice, setChoice] = useState('');
  const [year, setYear] = useState(thisYear);
  const [fromPrevious, setFromPrevious] = useState(true);
  const selected = available.find((l) => l.questionnaire.id === choice) ?? available[0];
  const existing = useLiveQuery(
    () => assessments.listByEstablishment(establishment.id),
    [assessments, establishment.id],
  );
  const previous = selected ? previousCampaign(existing ?? [], selected.questionnaire.id, year) : undefined;
  // One assessment per establishment × questionnaire × year: starting one that exists opens it.
  const already = selected
    ? existing?.find((a) => a.questionnaireId === selected.questionnaire.id && a.campaignYear === year)
    : undefined;

  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (!selected) return;
    setError(null);
    if (already) {
      await navigate(`/assessments/${already.id}`);
      return;
    }
    try {
      const created = await save(`assessment:new`, () =>
        assessments.create({
          establishmentId: establishment.id,
          questionnaireId: selected.questionnaire.id,
          questionnaireVersion: selected.questionnaire.version,
          contentHash: selected.contentHash,
          campaignYear: year,
          ...(previous && fromPrevious
            ? {
                from: {
                  previous,
                  answers: proposeAnswers(previous, new Set(selected.questionnaire.items.map((i) => i.id)), Date.now()),
                },
              }
            : {}),
        }),
      );
      await navigate(`/assessments/${created.id}`);
    } catch (caught) {
      // Created meanwhile in another tab: open that one (the header forgets this screen's refused write when the
      // next screen opens: SaveIndicator).
      if (caught instanceof StorageError && caught.code === 'assessment-exists' && caught.detail) {
        await navigate(`/assessments/${caught.detail}`);
        return;
      }
      setError(describeError(t, caught));
    }
  };

  if (available.length === 0 || establishment.archived) return null;
  const others = available.length > 1;
  return (
    <form
      className="form form--inline start-form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="start-title"
    >
      <h3 id="start-title">{t('assessments.start')}</h3>
      {selected ? (
        <p className="start-form__questionnaire">
          {t('assessments.chosen')} <strong>{selected.questionnaire.title[language]}</strong>
          {selected.questionnaire.id === recommendedId
            ? ` ${t('assessments.recommendedFor', { category: t(`establishments.categories.${establishment.category}`) })}`
            : null}
        </p>
      ) : null}
      {others ? (
        <details className="start-form__others" open={choice !== '' && choice !== available[0]?.questionnaire.id}>
          <summary>{t('assessments.otherQuestionnaires')}</summary>
          <div className="field">
            <label htmlFor="start-questionnaire">{t('assessments.questionnaire')}</label>
            <select
              id="start-questionnaire"
              value={selected?.questionnaire.id ?? ''}
              onChange={(e) => setChoice(e.target.value)}
            >
              {available.map((l) => (
                <option key={l.questionnaire.id} value={l.questionnaire.id}>
                  {l.questionnaire.title[language]}
                </option>
              ))}
            </select>
          </div>
        </details>
      ) : null}
      <div className="field">
        <label htmlFor="start-year">{t('assessments.year')}</label>
        <select id="start-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear + 1, thisYear, thisYear - 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {previous && !already ? (
        <div className="field field--checkbox">
          <input
            type="checkbox"
            id="start-from-previous"
            checked={fromPrevious}
            onChange={(e) => setFromPrevious(e.target.checked)}
          />
          <label htmlFor="start-from-previous">{t('assessments.fromPrevious', { year: previous.campaignYear })}</label>
        </div>
      ) : null}
      {already ? <p className="start-form__exists">{t('assessments.existsOpens')}</p> : null}
      <button type="submit" className="button button--primary">
        {t('assessments.create')}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
