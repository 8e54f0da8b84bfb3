'use client';
import { useMemo, useState } from 'react';
import type { TimeRange } from '@/lib/schema/search';
import { isRelativeExpression } from '@/lib/time';
import { isRelativeRange } from '@/lib/url-state/share-link';
import { browserTimeZone, formatLocalInput, parseTimeInput, QUICK_RANGES, rangeProblem, utcOffsetLabel } from './time-format';
import styles from './time-picker.module.css';

export interface TimePickerProps {
  time: TimeRange;
  /** The range the server searched (epoch ms), shown under relative ranges. */
  resolved: { from: number; to: number } | undefined;
  onChange: (time: TimeRange) => void;
}

const toInput = (expr: string, zone: string) => (isRelativeExpression(expr) ? expr : formatLocalInput(expr, zone));

/** A chosen zone is kept with the range; "browser" (undefined) follows whoever opens the link. */
const withZone = (range: TimeRange, timeZone: string | undefined): TimeRange => ({
  from: range.from,
  to: range.to,
  ...(timeZone ? { timeZone } : {}),
});

function RangeForm({ time, zone, onApply }: { time: TimeRange; zone: string; onApply: (time: TimeRange) => void }) {
  const [from, setFrom] = useState(toInput(time.from, zone));
  const [to, setTo] = useState(toInput(time.to, zone));
  const [problem, setProblem] = useState<{ field: 'from' | 'to' | 'range'; message: string } | null>(null);

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = parseTimeInput(from, zone);
        if ('problem' in f) return setProblem({ field: 'from', message: `From: ${f.problem}` });
        const t = parseTimeInput(to, zone);
        if ('problem' in t) return setProblem({ field: 'to', message: `To: ${t.problem}` });
        const range = withZone({ from: f.expression, to: t.expression }, time.timeZone);
        // Refused here, not sent: `now` → `now-1h` would otherwise blank the screen.
        const inverted = rangeProblem(range, zone);
        if (inverted) return setProblem({ field: 'range', message: inverted });
        setProblem(null);
        onApply(range);
      }}
    >
      <label className={styles.field}>
        <span>From</span>
        <input
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          spellCheck={false}
          aria-describedby="time-hint"
          aria-invalid={problem?.field === 'from' || problem?.field === 'range'}
        />
      </label>
      <label className={styles.field}>
        <span>To</span>
        <input
          value={to}
          onChange={(e) => setTo(e.target.value)}
          spellCheck={false}
          aria-describedby="time-hint"
          aria-invalid={problem?.field === 'to' || problem?.field === 'range'}
        />
      </label>
      <p id="time-hint" className={styles.hint}>
        Relative like <code>now-3h</code>, <code>now/d</code> or <code>now-1d/d+6h</code>, or absolute like <code>2026-11-20 14:30</code> in{' '}
        {zone} ({utcOffsetLabel(zone)}).
      </p>
      {problem ? (
        <p className={styles.problem} role="alert">
          {problem.message}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary">
        Apply
      </button>
    </form>
  );
}

function ZoneSelect({ time, onChange }: { time: TimeRange; onChange: (time: TimeRange) => void }) {
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return ['UTC', ...all.filter((z) => z !== 'UTC')];
  }, []);
  const browser = browserTimeZone();
  return (
    <label className={styles.field}>
      <span>Time zone</span>
      <select value={time.timeZone ?? ''} onChange={(e) => onChange(withZone(time, e.target.value || undefined))}>
        <option value="">Browser ({browser})</option>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </label>
  );
}

interface TimePickerPanelProps extends TimePickerProps {
  zone: string;
  close: () => void;
}

/** Quick ranges, the range form and the zone menu: fetched when the picker first opens. */
export function TimePickerPanel({ time, zone, resolved, onChange, close }: TimePickerPanelProps) {
  const relative = isRelativeRange(time);
  return (
    <div className={styles.panel}>
      <section>
        <h3 className={styles.heading}>Quick ranges</h3>
        <ul className={styles.quick}>
          {QUICK_RANGES.map((q) => (
            <li key={q.label}>
              <button
                type="button"
                className={styles.quickButton}
                aria-pressed={q.range.from === time.from && q.range.to === time.to}
                onClick={() => {
                  onChange(withZone(q.range, time.timeZone));
                  close();
                }}
              >
                {q.label}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3 className={styles.heading}>Range</h3>
        <RangeForm
          key={zone}
          time={time}
          zone={zone}
          onApply={(t) => {
            onChange(t);
            close();
          }}
        />
        <ZoneSelect time={time} onChange={onChange} />
      </section>
      <p className={styles.zone}>
        Times in {zone} ({utcOffsetLabel(zone)})
        {relative && resolved ? (
          <>
            <br />
            Now searching {formatLocalInput(resolved.from, zone)} → {formatLocalInput(resolved.to, zone)}
          </>
        ) : null}
      </p>
    </div>
  );
}
