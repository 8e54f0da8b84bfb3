'use client';
import { Popover } from '@/components/ui/popover';
import { deferred } from '@/components/ui/deferred';
import { useDisplayZone } from './display-zone';
import { describeRange, utcOffsetLabel } from './time-format';
import type { TimePickerProps } from './time-picker-panel';
import styles from './time-picker.module.css';

export const TimePickerPanel = deferred(() => import('./time-picker-panel').then((m) => m.TimePickerPanel));

export function TimePicker({ time, resolved, onChange }: TimePickerProps) {
  // The screen's zone (the explorer provides it), so the server's render and the browser's agree.
  const viewerZone = useDisplayZone();
  const zone = time.timeZone ?? viewerZone;
  return (
    <Popover
      label="Time range"
      triggerClassName={`btn ${styles.trigger}`}
      align="end"
      trigger={
        <>
          <span className={styles.label}>{describeRange(time, zone)}</span>
          <span className={styles.offset}>
            {time.timeZone ? `${time.timeZone} ` : ''}
            {utcOffsetLabel(zone)}
          </span>
        </>
      }
    >
      {(close) => <TimePickerPanel time={time} zone={zone} resolved={resolved} onChange={onChange} close={close} />}
    </Popover>
  );
}
