'use client';
import { useState } from 'react';
import type { TimeRange } from '@/lib/schema/search';
import { Popover } from '@/components/ui/popover';
import { describeRange, formatLocalInput, parseTimeInput, QUICK_RANGES, timeZoneName, utcOffsetLabel } from './time-format';
import styles from './time-picker.module.css';

interface TimePickerProps {
  time: TimeRange;
  /** The range the server searched (epoch ms), shown under relative ranges. */
  resolved: { from: number; to: number } | undefined;
  onChange: (time: TimeRange) => void;
}

const toInput = (expr: string) => (expr.startsWith('now') ? expr : formatLocalInput(expr));

function RangeForm({ time, onApply }: { time: TimeRange; onApply: (time: TimeRange) => void }) {
  const [from, setFrom] = useState(toInput(time.from));
  const [to, setTo] = useState(toInput(time.to));
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        const f = parseTimeInput(from);
        const t = parseTimeInput(to);
        if (!f || !t) {
          setProblem(`Not a time: ${!f ? from : to}`);
          return;
        }
        if (!f.startsWith('now') && !t.startsWith('now') && Date.parse(f) >= Date.parse(t)) {
          setProblem('The start must be before the end.');
          return;
        }
        onApply({ from: f, to: t });
      }}
    >
      <label className={styles.field}>
        <span>From</span>
        <input value={from} onChange={(e) => setFrom(e.target.value)} spellCheck={false} aria-describedby="time-hint" />
      </label>
      <label className={styles.field}>
        <span>To</span>
        <input value={to} onChange={(e) => setTo(e.target.value)} spellCheck={false} aria-describedby="time-hint" />
      </label>
      <p id="time-hint" className={styles.hint}>
        Relative like <code>now-3h</code> or <code>now/d</code>, or absolute like <code>2026-11-20 14:30</code> in {utcOffsetLabel()}.
      </p>
      {problem ? (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary">
        Apply
      </button>
    </form>
  );
}

export function TimePicker({ time, resolved, onChange }: TimePickerProps) {
  const relative = time.from.startsWith('now') || time.to.startsWith('now');
  const zone = `${timeZoneName()} (${utcOffsetLabel()})`;
  return (
    <Popover
      label="Time range"
      triggerClassName={`btn ${styles.trigger}`}
      align="end"
      trigger={
        <>
          <span className={styles.label}>{describeRange(time)}</span>
          <span className={styles.offset}>{utcOffsetLabel()}</span>
        </>
      }
    >
      {(close) => (
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
                      onChange(q.range);
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
              time={time}
              onApply={(t) => {
                onChange(t);
                close();
              }}
            />
          </section>
          <p className={styles.zone}>
            Times in {zone}
            {relative && resolved ? (
              <>
                <br />
                Now searching {formatLocalInput(resolved.from)} → {formatLocalInput(resolved.to)}
              </>
            ) : null}
          </p>
        </div>
      )}
    </Popover>
  );
}
