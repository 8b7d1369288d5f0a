import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidatedRow } from '../../domain/consolidation/consolidate';
import {
  buildHeatMap,
  heatBandOf,
  heatBands,
  type HeatMapColumn,
  type SortDirection,
} from '../../domain/consolidation/regional-views';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../texts/format';
import { formatScoreNumber } from './auditor-format';
import { ScrollRegion } from '../../components/scroll-region';
import { DisplayName } from '../../components/display-name';
import { Link } from 'react-router';
import type { ReviewStanding } from '../../domain/review/review-draft';

const PAGE_SIZE = 50;

const sameColumn = (a: HeatMapColumn, b: HeatMapColumn) =>
  a.kind === b.kind && (a.kind !== 'domain' || (b.kind === 'domain' && a.domainId === b.domainId));

/**
 * Establishments × domains. Each cell shows its score as a number and a colour band (RGAA 3.1: colour is never the
 * only carrier of information); each column header is a button that sorts, with aria-sort on the sorted column
 * (WAI-ARIA Authoring Practices, "Sortable Table"). Long lists are paged, so that the page stays light with 10,000
 * establishments.
 *
 * So that every domain fits a 1366-px screen (issue 16), a domain column is headed by the domain's short label, set
 * vertically; its full name is the button's accessible name, shows on hover and on keyboard focus, and is listed in
 * the legend. The header row and the establishment column stay in place while the table scrolls inside its region.
 */
export function HeatMapTable({
  rows,
  domainIds,
  domainTitle,
  domainShortTitle,
  reviews,
}: {
  rows: readonly ConsolidatedRow[];
  domainIds: readonly string[];
  domainTitle: (domainId: string) => string;
  domainShortTitle: (domainId: string) => string;
  /** Where each row's review stands (issue 18): adds the « Examen » column with « Examiner ». */
  reviews?: ReadonlyMap<string, ReviewStanding> | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [sort, setSort] = useState<{ column: HeatMapColumn; direction: SortDirection }>({
    column: { kind: 'name' },
    direction: 'ascending',
  });
  const [page, setPage] = useState(0);
  const collator = useMemo(
    () => new Intl.Collator(language === 'fr' ? 'fr' : 'en', { sensitivity: 'base' }),
    [language],
  );
  const heatMap = useMemo(
    () => buildHeatMap(rows, domainIds, sort, (a, b) => collator.compare(a, b)),
    [rows, domainIds, sort, collator],
  );
  const pages = Math.max(1, Math.ceil(heatMap.rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = heatMap.rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  const sortBy = (column: HeatMapColumn) => {
    setPage(0);
    setSort((s) =>
      sameColumn(s.column, column)
        ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : // A new column starts ascending: names from A, scores from the lowest (the cells that need attention).
          { column, direction: 'ascending' },
    );
  };

  const header = (column: HeatMapColumn, label: string, className?: string) => {
    const sorted = sameColumn(sort.column, column);
    const key = column.kind === 'domain' ? `domain-${column.domainId}` : column.kind;
    return (
      <th key={key} scope="col" className={className} aria-sort={sorted ? sort.direction : undefined}>
        <button type="button" className="sort-button" onClick={() => sortBy(column)}>
          {label}
        </button>
      </th>
    );
  };
  // The short label is seen, the full name is heard (it contains the short label: WCAG 2.5.3) and shown on demand.
  const domainHeader = (domainId: string) => {
    const column: HeatMapColumn = { kind: 'domain', domainId };
    const sorted = sameColumn(sort.column, column);
    return (
      <th
        key={`domain-${domainId}`}
        scope="col"
        className="heat-map__domain"
        aria-sort={sorted ? sort.direction : undefined}
      >
        <button type="button" className="sort-button heat-map__domain-button" onClick={() => sortBy(column)}>
          <span aria-hidden="true">{domainShortTitle(domainId)}</span>
          <span className="visually-hidden">{domainTitle(domainId)}</span>
        </button>
        <span className="heat-map__tip" aria-hidden="true">
          {domainTitle(domainId)}
        </span>
      </th>
    );
  };

  return (
    <div className="heat-map">
      <div className="heat-map__legend">
        <p id="heat-map-legend">{t('auditor.heatMap.legend')}</p>
        <ul aria-labelledby="heat-map-legend">
          {[...heatBands.filter((b) => b !== 'none'), 'none' as const].map((band) => (
            <li key={band}>
              <span className={`heat-swatch heat--${band}`} aria-hidden="true" />
              {t(`auditor.heatMap.bands.${band}`)}
            </li>
          ))}
        </ul>
        {domainIds.length > 0 ? (
          <>
            <p id="heat-map-domains">{t('auditor.heatMap.domainsLegend')}</p>
            <dl className="heat-map__domains" aria-labelledby="heat-map-domains">
              {domainIds.map((id) => (
                <div key={id}>
                  <dt>{domainShortTitle(id)}</dt>
                  <dd>{domainTitle(id)}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </div>
      <ScrollRegion labelledBy="heat-map-caption" className="heat-map__scroll">
        <table className="data-table heat-map__table">
          <caption id="heat-map-caption">{t('auditor.heatMap.caption')}</caption>
          <thead>
            <tr>
              {header({ kind: 'name' }, t('auditor.heatMap.establishment'), 'heat-map__name')}
              {reviews ? (
                <th scope="col" className="heat-map__review">
                  {t('auditor-review.dashboard.column')}
                </th>
              ) : null}
              {header({ kind: 'category' }, t('auditor.heatMap.category'))}
              {header({ kind: 'overall' }, t('auditor.heatMap.overall'))}
              {domainIds.map(domainHeader)}
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <tr key={line.row.key}>
                <th scope="row" className="heat-map__name">
                  <span className="heat-map__establishment">
                    <DisplayName name={line.row.name} />
                  </span>
                  <span className="heat-map__finess">{line.row.finessEg ?? line.row.finessEj}</span>
                  {line.row.declared ? (
                    <span className="badge badge--unconfirmed" title={t('auditor.declared.title')}>
                      {t('auditor.declared.badge')}
                    </span>
                  ) : null}
                </th>
                {reviews ? <ReviewCell row={line.row} standing={reviews.get(line.row.key)} /> : null}
                <td className="text heat-map__category">{t(`establishments.categories.${line.row.category}`)}</td>
                <td className={`heat heat--${heatBandOf(line.overall)}`}>
                  {formatScoreNumber(line.overall, language)}
                </td>
                {line.cells.map((cell, i) => (
                  <td key={domainIds[i]} className={`heat heat--${heatBandOf(cell)}`}>
                    {formatScoreNumber(cell, language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('auditor.heatMap.pagination')}>
          <button
            type="button"
            className="button button--small"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t('auditor.heatMap.previous')}
          </button>
          <span aria-live="polite">
            {t('auditor.heatMap.page', {
              page: formatNumber(current + 1, language),
              pages: formatNumber(pages, language),
            })}
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('auditor.heatMap.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}

/** The review state of one row and the link that opens its review (the file kept, by its digest). */
function ReviewCell({ row, standing }: { row: ConsolidatedRow; standing: ReviewStanding | undefined }) {
  const { t } = useTranslation();
  const state = standing?.state ?? 'not-reviewed';
  return (
    <td className="text heat-map__review">
      <span className="review-state">
        <span className={`review-state__label review-state--${state}`}>
          {t(`auditor-review.dashboard.states.${state}`)}
        </span>
        {standing?.olderSubmission ? (
          <span className="review-state__older" title={t('auditor-review.dashboard.olderTitle')}>
            {t('auditor-review.dashboard.older')}
          </span>
        ) : null}
        <Link
          to={`/auditor/review/${row.digest}`}
          className="button button--small"
          aria-label={t('auditor-review.dashboard.examineLabel', { name: row.name })}
        >
          {t('auditor-review.dashboard.examine')}
        </Link>
      </span>
    </td>
  );
}
