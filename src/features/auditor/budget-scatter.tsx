import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BudgetTargets } from '../../domain/budget/budget-ratios';
import type { ScatterPoint } from '../../domain/consolidation/regional-views';
import { scatterGeometry } from '../../domain/consolidation/scatter-geometry';
import { sectorOfCategory } from '../../domain/establishment/establishment';
import { currentLanguage } from '../../i18n/i18n';
import { formatShare } from './auditor-format';
import { ScrollRegion } from '../../components/scroll-region';
import { DisplayName } from '../../components/display-name';
import { displayName } from '../../texts/format';

const WIDTH = 640;
const HEIGHT = 420;
const BOX = { width: WIDTH, height: HEIGHT, margin: { left: 64, right: 24, top: 20, bottom: 56 } };

/** Above this many points, they are not keyboard stops (the table lists them all): tabbing through thousands helps no one. */
const MAX_FOCUSABLE_POINTS = 300;

/**
 * The budget scatter in SVG followed by the same figures in a table, which screen readers and keyboard users can read
 * instead of the drawing (RGAA 1.3 and 5.x). Health establishments are circles and medico-social ones squares, so
 * that the shape, not only a colour, tells them apart. Each point names its establishment and figures on hover and
 * on keyboard focus (issue 16), and the table lists them by name: hovering or focusing a row draws its point larger
 * with its name, pressing the row's name moves the focus to the point, and a point under the pointer or the focus
 * marks its row. The axes run on nice bounds and steps
 * (scatter-geometry.ts), from 0 only when the data come near it.
 */
export function BudgetScatter({ points, targets }: { points: readonly ScatterPoint[]; targets: BudgetTargets }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  // The table is built when opened: thousands of rows nobody asked for would slow the dashboard down.
  const [tableOpen, setTableOpen] = useState(false);
  const [pointed, setPointed] = useState<string | undefined>(undefined);
  const g = scatterGeometry(points, BOX, targets);
  const focusable = points.length <= MAX_FOCUSABLE_POINTS;
  const describe = (p: ScatterPoint) =>
    t('auditor.budget.point', {
      name: displayName(p.name),
      itShare: formatShare(p.itShare, language, 2),
      cyberShare: formatShare(p.cyberShare, language, 1),
    });
  const shown = g.points.find((p) => p.key === pointed);
  const chart = useRef<SVGSVGElement>(null);
  const tableBody = useRef<HTMLTableSectionElement>(null);
  // A point's key is an establishment's FINESS and campaign: it is looked up among the points, never put in a selector.
  const focusPoint = (key: string) => {
    const target = [...(chart.current?.querySelectorAll<SVGElement>('.scatter__point') ?? [])].find(
      (element) => element.dataset.key === key,
    );
    if (target && focusable) target.focus();
    else target?.scrollIntoView({ block: 'center' });
  };
  // Focus on a point marks its row in the table (when the table is open) and keeps that row in view.
  useEffect(() => {
    if (!tableOpen || pointed === undefined) return;
    const row = tableBody.current?.querySelector<HTMLTableRowElement>('.scatter__row--pointed');
    if (row && !row.contains(document.activeElement)) row.scrollIntoView({ block: 'nearest' });
  }, [pointed, tableOpen]);
  return (
    <figure className="scatter">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        ref={chart}
        role={focusable ? 'group' : 'img'}
        aria-labelledby={titleId}
        className="scatter__chart"
      >
        <title id={titleId}>{t('auditor.budget.chart')}</title>
        <g aria-hidden="true">
          {g.xTicks.map((tick) => (
            <g key={`x${tick.value}`}>
              <line x1={tick.at} x2={tick.at} y1={g.plot.top} y2={g.plot.bottom} className="scatter__grid" />
              <text x={tick.at} y={g.plot.bottom + 18} textAnchor="middle" className="scatter__tick">
                {formatShare(tick.value, language, g.xTickDecimals)}
              </text>
            </g>
          ))}
          {g.yTicks.map((tick) => (
            <g key={`y${tick.value}`}>
              <line x1={g.plot.left} x2={g.plot.right} y1={tick.at} y2={tick.at} className="scatter__grid" />
              <text x={g.plot.left - 8} y={tick.at + 4} textAnchor="end" className="scatter__tick">
                {formatShare(tick.value, language, g.yTickDecimals)}
              </text>
            </g>
          ))}
          {g.targetX !== undefined ? (
            <line x1={g.targetX} x2={g.targetX} y1={g.plot.top} y2={g.plot.bottom} className="scatter__target" />
          ) : null}
          {g.targetY !== undefined ? (
            <line x1={g.plot.left} x2={g.plot.right} y1={g.targetY} y2={g.targetY} className="scatter__target" />
          ) : null}
        </g>
        {g.points.map((p) => {
          const isPointed = p.key === pointed;
          const point = {
            className: [
              'scatter__point',
              sectorOfCategory(p.category) === 'medico-social' ? 'scatter__point--ms' : '',
              isPointed ? 'scatter__point--pointed' : '',
            ]
              .filter(Boolean)
              .join(' '),
            'data-key': p.key,
            ...(focusable ? { tabIndex: 0, role: 'img', 'aria-label': describe(p) } : {}),
            onMouseEnter: () => setPointed(p.key),
            onMouseLeave: () => setPointed(undefined),
            onFocus: () => setPointed(p.key),
            onBlur: () => setPointed(undefined),
          };
          // The point a table row points at is drawn larger, so that it stands out among its neighbours.
          const half = isPointed ? 7 : 4;
          return sectorOfCategory(p.category) === 'medico-social' ? (
            <rect key={p.key} x={p.x - half} y={p.y - half} width={2 * half} height={2 * half} {...point}>
              <title>{describe(p)}</title>
            </rect>
          ) : (
            <circle key={p.key} cx={p.x} cy={p.y} r={isPointed ? 7.5 : 4.5} {...point}>
              <title>{describe(p)}</title>
            </circle>
          );
        })}
        {shown ? <PointLabel x={shown.x} y={shown.y} text={displayName(shown.name)} /> : null}
        <g aria-hidden="true">
          <text x={(g.plot.left + g.plot.right) / 2} y={HEIGHT - 12} textAnchor="middle" className="scatter__axis">
            {t('auditor.budget.xAxis')}
          </text>
          <text
            x={16}
            y={(g.plot.top + g.plot.bottom) / 2}
            textAnchor="middle"
            transform={`rotate(-90 16 ${(g.plot.top + g.plot.bottom) / 2})`}
            className="scatter__axis"
          >
            {t('auditor.budget.yAxis')}
          </text>
        </g>
      </svg>
      <figcaption className="scatter__legend">
        <span className="scatter__key" aria-hidden="true" /> {t('establishments.sectors.health')}{' '}
        <span className="scatter__key scatter__key--ms" aria-hidden="true" />{' '}
        {t('establishments.sectors.medico-social')}{' '}
        <span className="scatter__key scatter__key--target" aria-hidden="true" /> {t('auditor.budget.target')}
      </figcaption>
      <details className="scatter__data" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary>{t('auditor.budget.showTable')}</summary>
        {tableOpen ? (
          <ScrollRegion labelledBy={`${titleId}-table`}>
            <table className="data-table">
              <caption id={`${titleId}-table`}>
                {t('auditor.budget.tableCaption')}{' '}
                <span id={`${titleId}-row-hint`} className="scatter__hint">
                  {t('auditor.budget.rowHint')}
                </span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('auditor.heatMap.establishment')}</th>
                  <th scope="col">{t('auditor.heatMap.category')}</th>
                  <th scope="col">{t('auditor.budget.itShare')}</th>
                  <th scope="col">{t('auditor.budget.cyberShare')}</th>
                </tr>
              </thead>
              <tbody ref={tableBody}>
                {points.map((p) => (
                  <tr
                    key={p.key}
                    className={p.key === pointed ? 'scatter__row--pointed' : undefined}
                    onMouseEnter={() => setPointed(p.key)}
                    onMouseLeave={() => setPointed(undefined)}
                  >
                    <th scope="row">
                      {/* Focus on a row shows its point; pressing it moves the focus to the point, whose name shows. */}
                      <button
                        type="button"
                        className="scatter__row-button"
                        aria-describedby={`${titleId}-row-hint`}
                        onFocus={() => setPointed(p.key)}
                        onBlur={() => setPointed(undefined)}
                        onClick={() => focusPoint(p.key)}
                      >
                        <DisplayName name={p.name} />
                      </button>
                    </th>
                    <td className="text">{t(`establishments.categories.${p.category}`)}</td>
                    <td>{formatShare(p.itShare, language, 2)}</td>
                    <td>{formatShare(p.cyberShare, language, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
      </details>
    </figure>
  );
}

/** The name of the point under the pointer or the focus, beside it, kept inside the drawing. */
function PointLabel({ x, y, text }: { x: number; y: number; text: string }) {
  const width = Math.min(260, 16 + text.length * 7.2);
  const left = x + 10 + width > WIDTH - 4 ? x - 10 - width : x + 10;
  const top = Math.max(2, y - 30);
  return (
    <g className="scatter__label" aria-hidden="true">
      <rect x={left} y={top} width={width} height={24} rx={4} />
      <text x={left + 8} y={top + 16}>
        {text}
      </text>
    </g>
  );
}
