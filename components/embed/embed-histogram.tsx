/**
 * The histogram panel's bars as plain SVG, rendered on the server with the page and again only
 * when new data comes: no chart library (recharts is about 150 KB, most of an embed's script)
 * and nothing to measure before the first paint. The bars stretch to any frame
 * (`preserveAspectRatio="none"` on whole-bar coordinates); the axis labels are HTML placed by
 * percentages, so text is never stretched. A bar's counts are in its native tooltip.
 *
 * Times are in UTC: an embed's bars are searched in UTC (lib/embed/locked-search.ts), and the
 * server and every viewer then draw the same labels.
 */
import { formatCount, axisLabel, yTicks } from '@/components/histogram/axis';
import { chartRows, TOTAL_KEY, type Histogram } from '@/components/histogram/histogram-rows';
import { intervalLabel } from '@/components/histogram/interval-label';
import { levelColour } from '@/components/histogram/level-colors';
import styles from './embed-histogram.module.css';

const ZONE = 'UTC';
/** About this many x labels, whatever the number of bars. */
const X_LABELS = 5;
/** The gap between bars, as a share of one bar's slot. */
const GAP = 0.12;

const isoMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export function EmbedHistogram({ histogram }: { histogram: Histogram | null }) {
  if (!histogram) return <p className={styles.none}>No bars for this panel.</p>;
  const { rows, series } = chartRows(histogram);
  const ticks = yTicks(Math.max(0, ...rows.map((r) => r.total)));
  const top = ticks[ticks.length - 1] ?? 1;
  const every = Math.max(1, Math.ceil(rows.length / X_LABELS));
  const levels = series.length === 1 && series[0] === TOTAL_KEY ? [] : series;
  return (
    <section className={styles.histogram} aria-label="Log volume over time">
      <div className={styles.meta}>
        <span>{intervalLabel(histogram.interval, histogram.intervalMs)}, UTC</span>
        {levels.length > 0 ? (
          <ul className={styles.legend} aria-label="Level colours">
            {levels.map((level) => (
              <li key={level}>
                <span className={styles.swatch} style={{ background: levelColour(level) }} aria-hidden="true" />
                {level}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className={styles.chart} data-testid="histogram-chart">
        <div className={styles.yAxis} aria-hidden="true">
          {ticks.map((t) => (
            <span key={t} style={{ bottom: `${(t / top) * 100}%` }}>
              {formatCount(t)}
            </span>
          ))}
        </div>
        <svg
          className={styles.plot}
          viewBox={`0 0 ${Math.max(1, rows.length)} ${top}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${rows.length} bars, ${intervalLabel(histogram.interval, histogram.intervalMs)}`}
        >
          {ticks.map((t) => (
            <line key={t} x1={0} x2={rows.length} y1={top - t} y2={top - t} className={styles.grid} vectorEffect="non-scaling-stroke" />
          ))}
          {rows.map((row, i) => {
            let base = top;
            const title = `${isoMinute(row.key)} – ${isoMinute(row.end)} UTC: ${row.total.toLocaleString('en-US')}${
              row.partial ? ' (partly outside the range)' : ''
            }`;
            return (
              <g key={row.key} opacity={row.partial ? 0.45 : 1} data-bar>
                <title>{title}</title>
                {series.map((name) => {
                  const n = row[name] ?? 0;
                  if (n <= 0) return null;
                  base -= n;
                  return (
                    <rect
                      key={name}
                      x={i + GAP / 2}
                      width={1 - GAP}
                      y={base}
                      height={n}
                      fill={name === TOTAL_KEY ? 'var(--accent)' : levelColour(name)}
                    />
                  );
                })}
              </g>
            );
          })}
        </svg>
        <span />
        <div className={styles.xAxis} aria-hidden="true">
          {rows.map((row, i) =>
            i % every === 0 ? (
              <span key={row.key} style={{ left: `${((i + 0.5) / rows.length) * 100}%` }}>
                {axisLabel(row.key, histogram, histogram.intervalMs, ZONE)}
              </span>
            ) : null,
          )}
        </div>
      </div>
    </section>
  );
}
