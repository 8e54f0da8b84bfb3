'use client';

/** A toggle button: pressed, long log lines wrap in the table instead of ending in an ellipsis. */
export function WrapToggle({ wrap, onChange }: { wrap: boolean; onChange: (wrap: boolean) => void }) {
  return (
    <button type="button" className="btn" aria-pressed={wrap} onClick={() => onChange(!wrap)} title="Wrap long log lines in the table">
      Wrap lines
    </button>
  );
}

/** A toggle button: pressed, the lines of a stack trace (a multi-line event) are one collapsible row. */
export function GroupingToggle({ group, onChange }: { group: boolean; onChange: (group: boolean) => void }) {
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={group}
      onClick={() => onChange(!group)}
      title="Show the lines of a stack trace or other multi-line event as one collapsible row"
    >
      Group multi-line
    </button>
  );
}
