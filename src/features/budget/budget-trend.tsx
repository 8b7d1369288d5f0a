import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region';
import { budgetTrend, type BudgetTargets } from '../../domain/budget/budget-ratios';
import type { BudgetRecord } from '../../domain/budget/budget-record';
import { layoutTrendChart, trendSeries } from '../../domain/budget/trend-chart';
import type { Language } from '../../domain/localized-text';
import { formatEuros, formatPercent } from '../../texts/format';

/**
 * The ratios over the years entered: an SVG chart drawn here (no chart library: one small chart, no request, and the
 * same geometry serves the report), with a title and a description that say what it shows, and the same figures in
 * a table for anyone who cannot see the chart.
 */
export function BudgetTrend({
  records,
  targets,
  language,
}: {
  records: readonly BudgetRecord[];
  targets: BudgetTargets;
  language: Language;
}) {
  const { t } = useTranslation();
  const id = useId();
  const tableCaptionId = `${id}-table`;
  const points = budgetTrend(records, targets);
  if (points.length === 0) return null;
  const percent = (value: number | undefined) =>
    value === undefined ? t('budget.results.notComputed') : formatPercent(value, language, 2);
  const euros = (value: number | undefined) =>
    value === undefined ? t('budget.results.notComputed') : formatEuros(value, language);
  const layout = layoutTrendChart(points, targets);
  const { box } = layout;
  const first = points[0]?.year ?? 0;
  const last = points.at(-1)?.year ?? 0;
  const description = trendSeries
    .map((name) =>
      t('budget.trend.chartDesc', {
        series: t(`budget.trend.series.${name}`),
        values: points
          .map((p) => t('budget.trend.point', { year: p.year, value: percent(p.ratios[name].value) }))
          .join(', '),
      }),
    )
    .join(' ');

  return (
    <section aria-labelledby={`${id}-title`} className="section budget-trend">
      <h2 id={`${id}-title`}>{t('budget.trend.title')}</h2>
      {points.length < 2 ? (
        <p>{t('budget.trend.needTwoYears')}</p>
      ) : (
        <figure className="budget-trend__figure">
          <svg
            className="trend-chart"
            viewBox={`0 0 ${box.width} ${box.height}`}
            role="img"
            aria-labelledby={`${id}-chart-title ${id}-chart-desc`}
          >
            <title id={`${id}-chart-title`}>{t('budget.trend.chartTitle', { from: first, to: last })}</title>
            <desc id={`${id}-chart-desc`}>{description}</desc>
            {layout.yTicks.map((tick) => (
              <g key={tick.value}>
                <line
                  className="trend-chart__grid"
                  x1={box.margin.left}
                  x2={box.width - box.margin.right}
                  y1={tick.y}
                  y2={tick.y}
                />
                <text className="trend-chart__axis" x={box.margin.left - 8} y={tick.y + 4} textAnchor="end">
                  {formatPercent(tick.value, language, 2)}
                </text>
              </g>
            ))}
            {layout.xTicks.map((tick) => (
              <text
                key={tick.year}
                className="trend-chart__axis"
                x={tick.x}
                y={box.height - box.margin.bottom + 20}
                textAnchor="middle"
              >
                {tick.year}
              </text>
            ))}
            {layout.targets.map((target) => (
              <g key={target.name} className={`trend-chart__target trend-chart__target--${target.name}`}>
                <line x1={box.margin.left} x2={box.width - box.margin.right} y1={target.y} y2={target.y} />
                <text x={box.width - box.margin.right + 10} y={target.y + 4}>
                  {t('budget.trend.targetLine', { value: formatPercent(target.value, language, 2) })}
                </text>
              </g>
            ))}
            {layout.series.map((series) => (
              <g key={series.name} className={`trend-chart__series trend-chart__series--${series.name}`}>
                <polyline points={series.points.map((p) => `${p.x},${p.y}`).join(' ')} />
                {series.points.map((p) =>
                  series.name === 'itShareOfOperating' ? (
                    <circle key={p.year} cx={p.x} cy={p.y} r={5} />
                  ) : (
                    <rect key={p.year} x={p.x - 5} y={p.y - 5} width={10} height={10} />
                  ),
                )}
              </g>
            ))}
          </svg>
          <figcaption>
            <ul className="trend-legend" aria-label={t('budget.trend.legend')}>
              {trendSeries.map((name) => (
                <li key={name}>
                  <span className={`trend-legend__swatch trend-legend__swatch--${name}`} aria-hidden="true" />
                  {t(`budget.trend.series.${name}`)}
                </li>
              ))}
            </ul>
          </figcaption>
        </figure>
      )}
      <ScrollRegion labelledBy={tableCaptionId}>
        <table className="data-table">
          <caption id={tableCaptionId}>{t('budget.trend.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.trend.year')}</th>
              {trendSeries.map((name) => (
                <th key={name} scope="col">
                  {t(`budget.trend.series.${name}`)}
                </th>
              ))}
              <th scope="col">{t('budget.trend.gapIt')}</th>
              <th scope="col">{t('budget.trend.gapCyber')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                {trendSeries.map((name) => (
                  <td key={name}>{percent(p.ratios[name].value)}</td>
                ))}
                <td>{euros(p.ratios.gapToItTargetEur)}</td>
                <td>{euros(p.ratios.gapToCyberTargetEur)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
