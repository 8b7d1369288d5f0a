import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultBudgetTargets } from '../../domain/budget/budget-ratios';
import type { ConsolidatedRow } from '../../domain/consolidation/consolidate';
import type { ExpectedEstablishment } from '../../domain/consolidation/expected-list';
import type { ContentLookup } from '../../domain/questionnaire/content-lookup';
import {
  listDomainIds,
  listFilterOptions,
  listScatterPoints,
  listSelections,
  rankCriticalGaps,
  selectRows,
  summarizeBudgets,
  totalMfa,
  totalMfaBy,
  type Grouping,
  type RowFilters,
  type Selection,
} from '../../domain/consolidation/regional-views';
import type { EstablishmentCategory, Sector } from '../../domain/establishment/establishment';
import { reviewStates, type ReviewStanding, type ReviewState } from '../../domain/review/review-draft';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../texts/format';
import { formatShare } from './auditor-format';
import { AuditorPdfExports } from './auditor-pdf-exports';
import { BudgetScatter } from './budget-scatter';
import { DistributionTable } from './distribution-table';
import { HeatMapTable } from './heat-map-table';
import { MissingSection } from './missing-section';
import { RegionFrameworkCoverage } from './region-framework-coverage';
import { ScrollRegion } from '../../components/scroll-region';

const selectionValue = (s: Selection) => `${s.campaignYear}|${s.questionnaireId}`;

/** Memoised: the import's progress re-renders the page many times a second, never the dashboard. */
export const Dashboard = memo(function Dashboard({
  rows,
  content,
  expected,
  refusals,
  reviews,
}: {
  rows: readonly ConsolidatedRow[];
  content: ContentLookup;
  expected: readonly ExpectedEstablishment[] | undefined;
  /** Why an expected establishment has no file kept, by FINESS (a refused or held-back file). */
  refusals?: ReadonlyMap<string, readonly string[]>;
  /** Where each row's review stands, by row key (issue 18). */
  reviews?: ReadonlyMap<string, ReviewStanding>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const selections = useMemo(() => listSelections(rows), [rows]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const selection = selections.find((s) => selectionValue(s) === chosen) ?? selections[0];
  const [filters, setFilters] = useState<RowFilters>({});
  const [reviewFilter, setReviewFilter] = useState<ReviewState | undefined>(undefined);

  const inSelection = useMemo(() => (selection ? selectRows(rows, selection) : []), [rows, selection]);
  const options = useMemo(() => listFilterOptions(inSelection), [inSelection]);
  const shown = useMemo(() => {
    const selected = selection ? selectRows(rows, selection, filters) : [];
    return reviewFilter === undefined
      ? selected
      : selected.filter((row) => (reviews?.get(row.key)?.state ?? 'not-reviewed') === reviewFilter);
  }, [rows, selection, filters, reviewFilter, reviews]);
  const reviewCounts = useMemo(() => {
    const counts: Record<ReviewState, number> = { 'not-reviewed': 0, 'in-review': 0, accepted: 0, 'to-complete': 0 };
    for (const row of inSelection) counts[reviews?.get(row.key)?.state ?? 'not-reviewed'] += 1;
    return counts;
  }, [inSelection, reviews]);
  const questionnaireId = selection?.questionnaireId ?? '';
  const domainIds = useMemo(
    () => listDomainIds(inSelection, content.domainOrder(questionnaireId)),
    [inSelection, content, questionnaireId],
  );
  const domainTitle = (id: string) => content.domainTitle(questionnaireId, id);
  const domainShortTitle = (id: string) => content.domainShortTitle(questionnaireId, id);
  const groupLabel = (grouping: Grouping, group: string) => {
    switch (grouping) {
      case 'region':
        return t('auditor.distributions.everyone');
      case 'category':
        return t(`establishments.categories.${group as EstablishmentCategory}`);
      case 'sector':
        return t(`establishments.sectors.${group as Sector}`);
      case 'ght':
        return group === '' ? t('auditor.dashboard.noGht') : group;
      case 'department':
        return group;
    }
  };

  if (!selection) return null;
  const n = (value: number) => formatNumber(value, language);
  const setFilter = <K extends keyof RowFilters>(key: K, value: RowFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const campaignRows = rows.filter((r) => r.campaignYear === selection.campaignYear);

  return (
    <section className="section dashboard" aria-labelledby="auditor-dashboard">
      <h2 id="auditor-dashboard">{t('auditor.dashboard.title')}</h2>
      <div className="dashboard__controls">
        <div className="field">
          <label htmlFor="auditor-selection">{t('auditor.dashboard.selection')}</label>
          <select
            id="auditor-selection"
            value={selectionValue(selection)}
            onChange={(e) => {
              setChosen(e.target.value);
              setFilters({});
              setReviewFilter(undefined);
            }}
          >
            {selections.map((s) => (
              <option key={selectionValue(s)} value={selectionValue(s)}>
                {t('auditor.dashboard.selectionOption', {
                  questionnaire: content.questionnaireTitle(s.questionnaireId),
                  year: s.campaignYear,
                  count: s.count,
                  value: formatNumber(s.count, language),
                })}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="filters">
          <legend>{t('auditor.dashboard.filters')}</legend>
          <FilterSelect
            id="auditor-filter-category"
            label={t('auditor.dashboard.category')}
            value={filters.category}
            values={options.categories}
            text={(c) => t(`establishments.categories.${c}`)}
            onChange={(v) => setFilter('category', v)}
          />
          <FilterSelect
            id="auditor-filter-sector"
            label={t('auditor.dashboard.sector')}
            value={filters.sector}
            values={options.sectors}
            text={(s) => t(`establishments.sectors.${s}`)}
            onChange={(v) => setFilter('sector', v)}
          />
          <FilterSelect
            id="auditor-filter-ght"
            label={t('auditor.dashboard.ght')}
            value={filters.ghtName}
            values={options.ghtNames}
            text={(g) => (g === '' ? t('auditor.dashboard.noGht') : g)}
            onChange={(v) => setFilter('ghtName', v)}
          />
          <FilterSelect
            id="auditor-filter-department"
            label={t('auditor.dashboard.department')}
            value={filters.department}
            values={options.departments}
            text={(d) => d}
            onChange={(v) => setFilter('department', v)}
          />
          <FilterSelect
            id="auditor-filter-review"
            label={t('auditor-review.dashboard.filter')}
            value={reviewFilter}
            values={reviewStates.filter((state) => reviewCounts[state] > 0)}
            text={(state) => t(`auditor-review.dashboard.states.${state}`)}
            onChange={setReviewFilter}
          />
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setFilters({});
              setReviewFilter(undefined);
            }}
          >
            {t('auditor.dashboard.reset')}
          </button>
        </fieldset>
        <p role="status" className="dashboard__shown">
          {t('auditor.dashboard.shown', { count: shown.length, shown: n(shown.length), total: n(inSelection.length) })}
        </p>
        <p className="dashboard__reviews">
          {t('auditor-review.dashboard.summary', {
            notReviewed: n(reviewCounts['not-reviewed']),
            inReview: n(reviewCounts['in-review']),
            accepted: n(reviewCounts.accepted),
            toComplete: n(reviewCounts['to-complete']),
          })}
        </p>
      </div>

      {expected ? (
        <MissingSection
          rows={campaignRows}
          expected={expected}
          year={selection.campaignYear}
          refusals={refusals}
          headingLevel={3}
        />
      ) : null}

      {shown.length === 0 ? (
        <p>{t('auditor.dashboard.noneShown')}</p>
      ) : (
        <>
          <section aria-labelledby="auditor-heat-map">
            <h3 id="auditor-heat-map">{t('auditor.heatMap.title')}</h3>
            <HeatMapTable
              rows={shown}
              domainIds={domainIds}
              domainTitle={domainTitle}
              domainShortTitle={domainShortTitle}
              reviews={reviews}
            />
          </section>
          <section aria-labelledby="auditor-distributions">
            <h3 id="auditor-distributions">{t('auditor.distributions.title')}</h3>
            <p>{t('auditor.distributions.intro')}</p>
            <DistributionTable rows={shown} domainIds={domainIds} domainTitle={domainTitle} groupLabel={groupLabel} />
          </section>
          <BudgetSection rows={shown} />
          <MfaSection rows={shown} />
          <GapsSection rows={shown} question={content.question} />
          <RegionFrameworkCoverage rows={rows} campaignYear={selection.campaignYear} />
        </>
      )}
      <AuditorPdfExports rows={rows} selection={selection} content={content} expected={expected} />
    </section>
  );
});

function FilterSelect<V extends string>({
  id,
  label,
  value,
  values,
  text,
  onChange,
}: {
  id: string;
  label: string;
  value: V | undefined;
  values: readonly V[];
  text: (value: V) => string;
  onChange: (value: V | undefined) => void;
}) {
  const { t } = useTranslation();
  // The empty option means "all"; a real empty value (no GHT) is carried as "-".
  const encode = (v: V) => (v === '' ? '-' : v);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value === undefined ? '' : encode(value)}
        onChange={(e) => onChange(values.find((v) => encode(v) === e.target.value))}
      >
        <option value="">{t('auditor.dashboard.all')}</option>
        {values.map((v) => (
          <option key={encode(v)} value={encode(v)}>
            {text(v)}
          </option>
        ))}
      </select>
    </div>
  );
}

function BudgetSection({ rows }: { rows: readonly ConsolidatedRow[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const targets = defaultBudgetTargets;
  const points = useMemo(() => listScatterPoints(rows), [rows]);
  const region = useMemo(() => summarizeBudgets(rows, targets), [rows, targets]);
  return (
    <section aria-labelledby="auditor-budget">
      <h3 id="auditor-budget">{t('auditor.budget.title')}</h3>
      {region.withBudget === 0 ? (
        <p>{t('auditor.budget.none')}</p>
      ) : (
        <>
          <p>
            {t('auditor.budget.intro', {
              itTarget: formatShare(targets.itShare, language, 0),
              cyberTarget: formatShare(targets.cyberShare, language, 0),
            })}
          </p>
          <p>
            {region.withFigures > 0
              ? t('auditor.budget.region', {
                  value: formatNumber(region.withFigures, language),
                  itShare: formatShare(region.ratios.itShareOfOperating.value, language, 2),
                  cyberShare: formatShare(region.ratios.cyberShareOfIt.value, language, 1),
                })
              : t('auditor.budget.regionRatiosOnly')}
          </p>
          <BudgetScatter points={points} targets={targets} />
        </>
      )}
    </section>
  );
}

function MfaSection({ rows }: { rows: readonly ConsolidatedRow[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const totals = useMemo(() => totalMfa(rows), [rows]);
  const byDepartment = useMemo(() => totalMfaBy(rows, 'department'), [rows]);
  const n = (value: number) => formatNumber(value, language);
  return (
    <section aria-labelledby="auditor-mfa">
      <h3 id="auditor-mfa">{t('auditor.mfa.title')}</h3>
      {totals.establishments === 0 ? (
        <p>{t('auditor.mfa.none')}</p>
      ) : (
        <>
          <p>{t('auditor.mfa.intro')}</p>
          <dl className="facts">
            <div>
              <dt>{t('auditor.mfa.establishments')}</dt>
              <dd>{n(totals.establishments)}</dd>
            </div>
            <div>
              <dt>{t('auditor.mfa.compliant')}</dt>
              <dd>
                {t('auditor.mfa.ofTotal', {
                  part: n(totals.compliantCount),
                  total: n(totals.sensitiveCount),
                  share: formatShare(totals.compliantShare, language),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('auditor.mfa.users')}</dt>
              <dd>
                {t('auditor.mfa.ofTotal', {
                  part: n(totals.usersWithTwoFactors),
                  total: n(totals.users),
                  share: formatShare(totals.usersShare, language),
                })}
              </dd>
            </div>
          </dl>
          <ScrollRegion labelledBy="mfa-caption">
            <table className="data-table">
              <caption id="mfa-caption">{t('auditor.mfa.byDepartment')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('auditor.mfa.department')}</th>
                  <th scope="col">{t('auditor.mfa.establishments')}</th>
                  <th scope="col">{t('auditor.mfa.compliant')}</th>
                  <th scope="col">{t('auditor.mfa.users')}</th>
                </tr>
              </thead>
              <tbody>
                {byDepartment.map(({ group, totals: d }) => (
                  <tr key={group}>
                    <th scope="row">{group}</th>
                    <td>{n(d.establishments)}</td>
                    <td>{formatShare(d.compliantShare, language)}</td>
                    <td>{formatShare(d.usersShare, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

function GapsSection({
  rows,
  question,
}: {
  rows: readonly ConsolidatedRow[];
  question: (itemId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const ranking = useMemo(() => rankCriticalGaps(rows, 10), [rows]);
  return (
    <section aria-labelledby="auditor-gaps">
      <h3 id="auditor-gaps">{t('auditor.gaps.title')}</h3>
      {ranking.gaps.length === 0 ? (
        <p>{t('auditor.gaps.none')}</p>
      ) : (
        <>
          <p>{t('auditor.gaps.intro', { value: formatNumber(ranking.reporting, language) })}</p>
          <ScrollRegion labelledBy="gaps-caption">
            <table className="data-table gaps-table">
              <caption id="gaps-caption" className="visually-hidden">
                {t('auditor.gaps.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('auditor.gaps.question')}</th>
                  <th scope="col">{t('auditor.gaps.item')}</th>
                  <th scope="col">{t('auditor.gaps.count')}</th>
                  <th scope="col">{t('auditor.gaps.share')}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.gaps.map((gap) => (
                  <tr key={gap.itemId}>
                    <th scope="row" className="gaps-table__question">
                      {question(gap.itemId) ?? gap.itemId}
                    </th>
                    <td className="text">
                      <code>{gap.itemId}</code>
                    </td>
                    <td>{formatNumber(gap.count, language)}</td>
                    <td>{formatShare(gap.share, language, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}
