import { describe, expect, it } from 'vitest';
import { intervalLabel } from './interval-label';
import { levelColour, sortLevels } from './level-colors';

describe('intervalLabel', () => {
  it.each([
    ['30s', 30_000, 'per 30 s'],
    ['1s', 1_000, 'per 1 s'],
    ['5m', 300_000, 'per 5 min'],
    ['3h', 10_800_000, 'per 3 h'],
    ['1d', 86_400_000, 'per day'],
    ['7d', 604_800_000, 'per 7 days'],
    ['1w', 604_800_000, 'per week'],
    ['1M', 2_592_000_000, 'per month'],
    ['1y', 31_536_000_000, 'per year'],
    ['weird', 1234, 'per 1,234 ms'],
  ])('%s → %s', (interval, ms, label) => {
    expect(intervalLabel(interval, ms)).toBe(label);
  });
});

describe('level colours', () => {
  it('one colour per level whatever its case, the same for synonyms, stable for unknown levels', () => {
    expect(levelColour('ERROR')).toBe(levelColour('error'));
    expect(levelColour('warning')).toBe(levelColour('warn'));
    expect(levelColour('error')).not.toBe(levelColour('info'));
    expect(levelColour('custom-level')).toBe(levelColour('custom-level'));
    expect(levelColour('custom-level')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('stacks the most severe first, unknown levels after, alphabetically', () => {
    expect(sortLevels(['info', 'zeta', 'error', 'alpha', 'debug', 'fatal', 'info'])).toEqual([
      'fatal',
      'error',
      'info',
      'debug',
      'alpha',
      'zeta',
    ]);
  });
});
