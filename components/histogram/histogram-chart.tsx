'use client';
import { memo, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, Tooltip, XAxis, YAxis, type MouseHandlerDataParam } from 'recharts';
import { useDisplayZone } from '@/components/time-picker/display-zone';
import { formatTimestamp } from '@/components/time-picker/time-format';
import { axisLabel, formatCount, yTicks } from './axis';
import { chartRows, TOTAL_KEY, type Histogram, type Row } from './histogram-rows';
import { levelColour } from './level-colors';
import styles from './histogram.module.css';

interface HistogramChartProps {
  histogram: Histogram;
  onZoom: (fromMs: number, toMs: number) => void;
}

/** Memoized so a deferred render of the histogram (see Histogram) really skips recharts. */
export const HistogramChart = memo(function HistogramChart({ histogram, onZoom }: HistogramChartProps) {
  const { rows, series } = useMemo(() => chartRows(histogram), [histogram]);
  const ticks = useMemo(() => yTicks(Math.max(0, ...rows.map((r) => r.total))), [rows]);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const zone = useDisplayZone();

  const keyAt = (state: MouseHandlerDataParam): number | null => {
    const index = Number(state.activeTooltipIndex ?? state.activeIndex);
    return Number.isInteger(index) ? (rows[index]?.key ?? null) : null;
  };

  const finish = () => {
    if (!drag) return;
    const first = Math.min(drag.start, drag.end);
    const last = rows.find((r) => r.key === Math.max(drag.start, drag.end));
    const from = Math.max(first, histogram.from);
    // The range is inclusive: it ends on the last bar's final millisecond, not on the next bar's start.
    const to = Math.min((last?.end ?? first + histogram.intervalMs) - 1, histogram.to);
    setDrag(null);
    if (to > from) onZoom(from, to);
  };

  return (
    <div className={styles.chart} data-testid="histogram-chart">
      <BarChart
        responsive
        style={{ width: '100%', height: '100%' }}
        data={rows}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        barCategoryGap={1}
        onMouseDown={(state) => {
          const key = keyAt(state);
          if (key !== null) setDrag({ start: key, end: key });
        }}
        onMouseMove={(state) => {
          if (!drag) return;
          const key = keyAt(state);
          if (key !== null && key !== drag.end) setDrag({ ...drag, end: key });
        }}
        onMouseUp={finish}
        onMouseLeave={() => setDrag(null)}
      >
        <CartesianGrid vertical={false} stroke="var(--grid)" />
        <XAxis
          dataKey="key"
          tickFormatter={(v: number) => axisLabel(Number(v), histogram, histogram.intervalMs, zone)}
          minTickGap={40}
          tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
          tickLine={false}
        />
        <YAxis
          width={44}
          allowDecimals={false}
          domain={[0, ticks[ticks.length - 1] ?? 1]}
          ticks={ticks}
          interval={0}
          tickFormatter={(v: number) => formatCount(Number(v))}
          tick={{ fontSize: 11, fill: 'var(--text-muted)' }}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: 'var(--chart-cursor)' }}
          content={(props) => {
            const row = rows[Number(props.activeIndex)];
            if (!props.active || !row) return null;
            return <BucketTooltip row={row} series={series} zone={zone} />;
          }}
        />
        {series.map((name) => (
          <Bar
            key={name}
            dataKey={name}
            stackId="levels"
            fill={name === TOTAL_KEY ? 'var(--accent)' : levelColour(name)}
            isAnimationActive={false}
          >
            {/* Bars only partly inside the range are drawn paler, as Kibana marks them. */}
            {rows.map((row) => (
              <Cell key={row.key} fillOpacity={row.partial ? 0.45 : 1} />
            ))}
          </Bar>
        ))}
        {drag ? (
          <ReferenceArea x1={Math.min(drag.start, drag.end)} x2={Math.max(drag.start, drag.end)} fill="var(--accent)" fillOpacity={0.2} />
        ) : null}
      </BarChart>
    </div>
  );
});

function BucketTooltip({ row, series, zone }: { row: Row; series: string[]; zone: string }) {
  const start = formatTimestamp(row.key, zone).replace(/\.000$/, '');
  const endText = formatTimestamp(row.end, zone).replace(/\.000$/, '');
  // Same day: the time alone; a bar of days or longer spells its end date out.
  const end = endText.split(' @ ')[0] === start.split(' @ ')[0] ? endText.replace(/^.* @ /, '') : endText;
  return (
    <div className={styles.tooltip}>
      <div className={styles.tooltipTime}>
        {start} – {end}
        {row.partial ? <span className={styles.partialNote}> (partly outside the range)</span> : null}
      </div>
      <dl className={styles.counts}>
        {series
          .filter((s) => (row[s] ?? 0) > 0)
          .map((s) => (
            <div key={s} className={styles.countRow}>
              <dt>
                <span className={styles.swatch} style={{ background: s === TOTAL_KEY ? 'var(--accent)' : levelColour(s) }} />
                {s}
              </dt>
              <dd className={styles.num}>{(row[s] ?? 0).toLocaleString('en-US')}</dd>
            </div>
          ))}
        {series.length > 1 ? (
          <div className={styles.countRow}>
            <dt>total</dt>
            <dd className={styles.num}>{row.total.toLocaleString('en-US')}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
