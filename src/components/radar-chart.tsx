import { useId, type ReactNode } from 'react';
import { polygonPath, radarGeometry, wrapLabel, type RadarAxis } from '../domain/charts/radar-geometry';
import { ScrollRegion } from './scroll-region';
import { useNarrowScreen } from './use-narrow-screen';
import './radar-chart.css';

export interface RadarSeries {
  name: string;
  /** One value per axis, 0 to 100; undefined when there is none (drawn at the centre, shown as such in the table). */
  values: readonly (number | undefined)[];
}

interface RadarChartProps {
  /** The chart's title: the table's caption and the accessible name of the drawing. */
  caption: string;
  /** One label per axis (the domain titles). */
  labels: readonly string[];
  labelHeader: string;
  /** The current series, then optionally an earlier one drawn as a dashed outline. */
  series: readonly [RadarSeries, RadarSeries?];
  formatValue: (value: number | undefined) => string;
  /** More columns for the table (completeness, change), one cell per axis. */
  extraColumns?: readonly { header: string; cells: readonly ReactNode[] }[];
}

/**
 * Two drawings: the wide one, and one for phones whose box is about as wide as the screen, so that its labels are
 * drawn at 12 px and stay readable (issue 16: at least 11 px at 390 px wide) instead of shrinking with a wide box.
 */
const wideBox = { width: 720, height: 440, margin: 80, labelGap: 12, wrapAt: 22, lineHeight: 15 };
const narrowBox = { width: 380, height: 400, margin: 114, labelGap: 8, wrapAt: 13, lineHeight: 14 };

/**
 * On the phone drawing, labels wrap onto up to five lines: a label beside the chart is centred on its axis rather than
 * hanging below or above it, so that two neighbours on the same side do not overlap.
 */
function baselineOf(axis: RadarAxis, narrow: boolean): RadarAxis['baseline'] {
  return narrow && axis.align !== 'middle' && Math.abs(Math.cos(axis.angle)) < 0.8 ? 'middle' : axis.baseline;
}

/**
 * A radar chart of domain scores drawn in SVG from the shared geometry (src/domain/charts/radar-geometry.ts, also
 * used by the PDF report), followed by a table with the same figures: the drawing is one image with a name, the
 * table carries every number for screen readers, keyboard users and anyone who prefers to read (RGAA 1.3, 5.x).
 */
export function RadarChart({ caption, labels, labelHeader, series, formatValue, extraColumns = [] }: RadarChartProps) {
  const titleId = useId();
  const tableCaptionId = useId();
  const narrow = useNarrowScreen();
  const box = narrow ? narrowBox : wideBox;
  const [current, previous] = series;
  const geometry = radarGeometry(current.values, box);
  const previousShape = previous ? radarGeometry(previous.values, box).shape : undefined;
  const drawable = labels.length >= 3;
  return (
    <figure className="radar">
      {drawable ? (
        <svg
          className={narrow ? 'radar__chart radar__chart--narrow' : 'radar__chart'}
          viewBox={`0 0 ${box.width} ${box.height}`}
          role="img"
          aria-labelledby={titleId}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={titleId}>{caption}</title>
          {geometry.rings.map((ring) => (
            <path key={ring.value} d={polygonPath(ring.points)} className="radar__ring" />
          ))}
          {geometry.axes.map((axis, i) => (
            <line
              key={`axis-${i}`}
              x1={geometry.center.x}
              y1={geometry.center.y}
              x2={axis.end.x}
              y2={axis.end.y}
              className="radar__axis"
            />
          ))}
          {geometry.rings.map((ring) => (
            <text
              key={`ring-${ring.value}`}
              x={geometry.center.x + 4}
              y={(ring.points[0]?.y ?? 0) + 12}
              className="radar__ring-label"
            >
              {formatValue(ring.value)}
            </text>
          ))}
          {previousShape ? <path d={polygonPath(previousShape)} className="radar__previous" /> : null}
          <path d={polygonPath(geometry.shape)} className="radar__shape" />
          {geometry.shape.map((p, i) => (
            <circle key={`point-${i}`} cx={p.x} cy={p.y} r={3.5} className="radar__point" />
          ))}
          {geometry.axes.map((axis, i) => {
            const lines = wrapLabel(labels[i] ?? '', box.wrapAt);
            const baseline = baselineOf(axis, narrow);
            const firstY =
              baseline === 'bottom'
                ? axis.label.y - (lines.length - 1) * box.lineHeight
                : baseline === 'middle'
                  ? axis.label.y - ((lines.length - 1) * box.lineHeight) / 2 + 4
                  : axis.label.y + 11;
            return (
              <text key={`label-${i}`} x={axis.label.x} y={firstY} textAnchor={axis.align} className="radar__label">
                {lines.map((line, j) => (
                  <tspan key={j} x={axis.label.x} dy={j === 0 ? 0 : box.lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          })}
        </svg>
      ) : null}
      {previous ? (
        <figcaption className="radar__legend">
          <span className="radar__key radar__key--current" aria-hidden="true" /> {current.name}{' '}
          <span className="radar__key radar__key--previous" aria-hidden="true" /> {previous.name}
        </figcaption>
      ) : null}
      <ScrollRegion labelledBy={tableCaptionId}>
        <table className="data-table radar__table">
          <caption id={tableCaptionId}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{current.name}</th>
              {previous ? <th scope="col">{previous.name}</th> : null}
              {extraColumns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="num">{formatValue(current.values[i])}</td>
                {previous ? <td className="num">{formatValue(previous.values[i])}</td> : null}
                {extraColumns.map((c) => (
                  <td key={c.header} className="num">
                    {c.cells[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}
