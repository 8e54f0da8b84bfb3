/**
 * The histogram panel's bars as plain SVG (lib/embed/view/tree.ts): no chart library (recharts
 * is about 150 KB, most of what an embed would load) and nothing to measure before the first
 * paint. The bars stretch to any frame (`preserveAspectRatio="none"` on whole-bar coordinates);
 * the axis labels are HTML placed by percentages, so text is never stretched. A bar's counts
 * are in its native tooltip (an SVG `<title>`): the browser shows it, no script needed.
 *
 * Times are in UTC: an embed's bars are searched in UTC (lib/embed/locked-search.ts), and the
 * server and every viewer then draw the same labels.
 */
import { axisLabel, formatCount, yTicks } from '@/components/histogram/axis';
import { chartRows, TOTAL_KEY, type Histogram } from '@/components/histogram/histogram-rows';
import { intervalLabel } from '@/components/histogram/interval-label';
import { levelColour } from '@/components/histogram/level-colors';
import { h, type ViewElement } from './tree';

const ZONE = 'UTC';
/** About this many x labels, whatever the number of bars. */
const X_LABELS = 5;
/** The gap between bars, as a share of one bar's slot. */
const GAP = 0.12;

const isoMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export function histogramView(histogram: Histogram | null): ViewElement {
  if (!histogram) return h('p', { class: 'lxe-none' }, 'No bars for this panel.');
  const { rows, series } = chartRows(histogram);
  const ticks = yTicks(Math.max(0, ...rows.map((r) => r.total)));
  const top = ticks[ticks.length - 1] ?? 1;
  const every = Math.max(1, Math.ceil(rows.length / X_LABELS));
  const levels = series.length === 1 && series[0] === TOTAL_KEY ? [] : series;
  const per = intervalLabel(histogram.interval, histogram.intervalMs);
  return h(
    'section',
    { class: 'lxe-histogram', 'aria-label': 'Log volume over time' },
    h(
      'div',
      { class: 'lxe-h-meta' },
      h('span', {}, `${per}, UTC`),
      levels.length > 0
        ? h(
            'ul',
            { class: 'lxe-h-legend', 'aria-label': 'Level colours' },
            ...levels.map((level) =>
              h('li', {}, h('span', { class: 'lxe-h-swatch', style: `background: ${levelColour(level)}`, 'aria-hidden': 'true' }), level),
            ),
          )
        : null,
    ),
    h(
      'div',
      { class: 'lxe-h-chart', 'data-testid': 'histogram-chart' },
      h(
        'div',
        { class: 'lxe-h-y', 'aria-hidden': 'true' },
        ...ticks.map((t) => h('span', { style: `bottom: ${(t / top) * 100}%` }, formatCount(t))),
      ),
      h(
        'svg',
        {
          class: 'lxe-h-plot',
          viewBox: `0 0 ${Math.max(1, rows.length)} ${top}`,
          preserveAspectRatio: 'none',
          role: 'img',
          'aria-label': `${rows.length} bars, ${per}`,
        },
        ...ticks.map((t) =>
          h('line', { x1: 0, x2: rows.length, y1: top - t, y2: top - t, class: 'lxe-h-grid', 'vector-effect': 'non-scaling-stroke' }),
        ),
        ...rows.map((row, i) => {
          let base = top;
          const title = `${isoMinute(row.key)} – ${isoMinute(row.end)} UTC: ${row.total.toLocaleString('en-US')}${
            row.partial ? ' (partly outside the range)' : ''
          }`;
          return h(
            'g',
            { opacity: row.partial ? 0.45 : 1, 'data-bar': true },
            h('title', {}, title),
            ...series.map((name) => {
              const n = row[name] ?? 0;
              if (n <= 0) return null;
              base -= n;
              return h('rect', {
                x: i + GAP / 2,
                width: 1 - GAP,
                y: base,
                height: n,
                fill: name === TOTAL_KEY ? 'var(--accent)' : levelColour(name),
              });
            }),
          );
        }),
      ),
      h('span'),
      h(
        'div',
        { class: 'lxe-h-x', 'aria-hidden': 'true' },
        ...rows.map((row, i) =>
          i % every === 0
            ? h('span', { style: `left: ${((i + 0.5) / rows.length) * 100}%` }, axisLabel(row.key, histogram, histogram.intervalMs, ZONE))
            : null,
        ),
      ),
    ),
  );
}
