import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useSaveStatus } from '../../components/save-status';
import { describeError } from '../../texts/describe-error';
import { currentLanguage } from '../../i18n/i18n';
import { MAX_BUDGET_YEAR, MIN_BUDGET_YEAR } from '../../storage/budget-repository';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useRepositories } from '../../storage/use-repositories';
import { BudgetTargetsSettings } from './budget-targets-settings';
import { BudgetTrend } from './budget-trend';
import { BudgetYearEditor } from './budget-year-editor';
import { GhtAggregate } from './ght-aggregate';
import './budget.css';
import { Loading, NotFound } from '../../components/page-states';
import { DisplayName } from '../../components/display-name';
import { displayName } from '../../texts/format';

const isBudgetYear = (year: number) => Number.isInteger(year) && year >= MIN_BUDGET_YEAR && year <= MAX_BUDGET_YEAR;

/**
 * Budget ratios of an establishment, one year at a time (route /establishments/:establishmentId/budget/:year?):
 * the figures, the ratios as they are typed, the trend over the years and the targets in use (design §4).
 */
export function BudgetPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { establishmentId = '', year: yearParam } = useParams();
  const db = useDatabase();
  const { establishments, budgets } = useRepositories();
  const establishment = useLiveQuery(
    async () => (await establishments.get(establishmentId)) ?? null,
    [establishments, establishmentId],
  );
  const records = useLiveQuery(() => budgets.listByEstablishment(establishmentId), [budgets, establishmentId]);
  const targets = useLiveQuery(() => budgets.getTargets(), [budgets]);
  const ghtName = establishment?.ghtName;
  // The other establishments of the same GHT on this device, to show the group as a ratio of sums.
  const ghtRecords = useLiveQuery(async () => {
    if (!ghtName) return [];
    const members = (await establishments.list()).filter((e) => e.ghtName === ghtName);
    const all = await budgets.listAll();
    return members.flatMap((e) =>
      all.filter((r) => r.establishmentId === e.id).map((record) => ({ establishment: e, record })),
    );
  }, [establishments, budgets, ghtName]);

  if (establishment === undefined || records === undefined || targets === undefined) return <Loading />;
  if (establishment === null) {
    return <NotFound message={t('establishments.notFound')} />;
  }

  const years = records.map((r) => r.year);
  const requested = yearParam === undefined ? Number.NaN : Number(yearParam);
  // Without a year in the address: the latest year entered, else last year (the last closed accounts).
  const year = isBudgetYear(requested) ? requested : (years.at(-1) ?? new Date().getFullYear() - 1);
  const record = records.find((r) => r.year === year);
  const readOnly = db.access === 'read-only';
  const medicoSocial = establishment.sector === 'medico-social';
  const title = t('budget.heading', { name: displayName(establishment.name) });

  return (
    <div className="budget">
      <p className="breadcrumb">
        <Link to={`/establishments/${establishment.id}`}>
          <DisplayName name={establishment.name} />
        </Link>
      </p>
      <PageHeading title={`${t('budget.title')} ${year} — ${displayName(establishment.name)}`}>{title}</PageHeading>
      <p className="lead">{t('budget.lead')}</p>
      {medicoSocial ? (
        <p className="notice notice--warning" data-testid="medico-social-notice">
          {t('budget.medicoSocialNotice')}
        </p>
      ) : null}
      <YearBar establishmentId={establishment.id} years={years} year={year} readOnly={readOnly} />
      {records.length === 0 ? <p>{t('budget.year.none', { year })}</p> : null}
      <BudgetYearEditor
        key={year}
        establishmentId={establishment.id}
        year={year}
        record={record}
        targets={targets}
        medicoSocial={medicoSocial}
        readOnly={readOnly}
        language={language}
        offers={{ bedsAndPlaces: establishment.beds }}
      />
      {ghtName ? (
        <GhtAggregate
          ghtName={ghtName}
          year={year}
          members={(ghtRecords ?? []).filter((m) => m.record.year === year)}
          targets={targets}
          language={language}
        />
      ) : null}
      <BudgetTrend records={records} targets={targets} language={language} />
      <BudgetTargetsSettings targets={targets} readOnly={readOnly} language={language} />
    </div>
  );
}

/** The year shown, and a new year to open (a year is one record: its figures start empty). */
function YearBar({
  establishmentId,
  years,
  year,
  readOnly,
}: {
  establishmentId: string;
  years: number[];
  year: number;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const { budgets } = useRepositories();
  const { save } = useSaveStatus();
  const thisYear = new Date().getFullYear();
  const suggestion =
    [thisYear - 1, thisYear, Math.max(...years, thisYear) + 1].find((y) => !years.includes(y)) ?? thisYear;
  const [newYear, setNewYear] = useState(String(suggestion));
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const options = [...new Set([...years, year])].sort((a, b) => b - a);
  const open = (y: number) => navigate(`/establishments/${establishmentId}/budget/${y}`);

  const add = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const value = Number(newYear.trim());
    if (!isBudgetYear(value)) {
      setError(t('budget.year.invalid'));
      return;
    }
    setError(null);
    try {
      await save(`budget-year:${establishmentId}`, () => budgets.addYear(establishmentId, value));
      setAdded(value);
      await open(value);
    } catch (caught) {
      setError(describeError(t, caught));
    }
  };

  return (
    <div className="budget-years">
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('budget.year.label')}</label>
        <select id={`${id}-year`} value={year} onChange={(e) => void open(Number(e.target.value))}>
          {options.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {readOnly ? null : (
        <form className="budget-years__add" onSubmit={(event) => void add(event)} noValidate>
          <fieldset>
            <legend>{t('budget.year.addLegend')}</legend>
            <div className="field">
              <label htmlFor={`${id}-new`}>{t('budget.year.addLabel')}</label>
              <input
                id={`${id}-new`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                size={6}
                value={newYear}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-new-error` : undefined}
                onChange={(e) => setNewYear(e.target.value)}
              />
            </div>
            <button type="submit" className="button">
              {t('budget.year.addButton')}
            </button>
          </fieldset>
          {error ? (
            <p id={`${id}-new-error`} className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      )}
      <p role="status" className="budget-years__status">
        {added !== null && added === year ? t('budget.year.added', { year: added }) : null}
      </p>
    </div>
  );
}
