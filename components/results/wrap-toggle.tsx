'use client';

/** A toggle button: pressed, long log lines wrap in the table instead of ending in an ellipsis. */
export function WrapToggle({ wrap, onChange }: { wrap: boolean; onChange: (wrap: boolean) => void }) {
  return (
    <button type="button" className="btn" aria-pressed={wrap} onClick={() => onChange(!wrap)} title="Wrap long log lines in the table">
      Wrap lines
    </button>
  );
}
