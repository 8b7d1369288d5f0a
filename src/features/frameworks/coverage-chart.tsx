import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageTotals, MeasureState } from '../../domain/frameworks/framework-coverage';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../texts/format';

/** The states a chart shows, in the order of the bar: from what is done to what no questionnaire asks. */
export const chartStates = [
  'met',
  'partly-met',
  'not-met',
  'not-assessed',
  'not-covered',
] as const satisfies readonly MeasureState[];

/**
 * The coverage of one framework as one stacked bar: an SVG drawn here (no chart library, as the budget trend and the
 * radar), with a title and a description that give every figure, and a legend that names each state with its count,
 * so that the colour is never the only carrier of the meaning (WCAG 1.4.1). The same figures are in the table below.
 */
export function CoverageChart({ totals, name }: { totals: CoverageTotals; name: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const counted = chartStates.reduce((sum, s) => sum + totals.counts[s], 0);
  const n = (value: number) => formatNumber(value, language);
  const description = chartStates
    .map((s) => t('frameworks.chart.part', { state: t(`frameworks.states.${s}`), count: n(totals.counts[s]) }))
    .join(', ');
  let x = 0;
  return (
    <figure className="coverage-chart">
      <svg
        className="coverage-chart__bar"
        viewBox="0 0 1000 40"
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{t('frameworks.chart.title', { name, count: n(counted) })}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect className="coverage-chart__empty" x={0} y={0} width={1000} height={40} />
        {counted > 0
          ? chartStates.map((s) => {
              const width = (totals.counts[s] / counted) * 1000;
              const rect = (
                <rect key={s} className={`coverage-chart__part state--${s}`} x={x} y={0} width={width} height={40} />
              );
              x += width;
              return rect;
            })
          : null}
      </svg>
      <figcaption>
        <ul className="coverage-legend" aria-label={t('frameworks.chart.legend')}>
          {chartStates.map((s) => (
            <li key={s}>
              <span className={`coverage-legend__swatch state--${s}`} aria-hidden="true" />
              {t('frameworks.chart.legendEntry', { state: t(`frameworks.states.${s}`), count: n(totals.counts[s]) })}
            </li>
          ))}
          {totals.counts['not-applicable'] > 0 ? (
            <li>{t('frameworks.chart.notApplicable', { count: n(totals.counts['not-applicable']) })}</li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}
