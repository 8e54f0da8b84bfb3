import { describe, expect, it } from 'vitest';
import { messageSegments } from './message-segments';

const ESC = '\u001b';
const text = (message: string, ...rest: Parameters<typeof messageSegments> extends [string, ...infer R] ? R : never) =>
  messageSegments(message, ...rest)
    .segments.map((s) => s.text)
    .join('');

describe('messageSegments: ANSI escapes', () => {
  it('plain text is one unstyled segment', () => {
    expect(messageSegments('hello <b>world</b>').segments).toEqual([{ text: 'hello <b>world</b>', className: '', mark: false }]);
  });

  it('SGR colours become classes from the fixed list, and reset ends them', () => {
    const { segments } = messageSegments(`${ESC}[31mred${ESC}[0m plain ${ESC}[1;92mbright${ESC}[22m still green`);
    expect(segments).toEqual([
      { text: 'red', className: 'ansi-fg-31', mark: false },
      { text: ' plain ', className: '', mark: false },
      { text: 'bright', className: 'ansi-fg-92 ansi-bold', mark: false },
      { text: ' still green', className: 'ansi-fg-92', mark: false },
    ]);
  });

  it('background, italic, underline, default colours (39/49) and an empty SGR as reset', () => {
    const { segments } = messageSegments(`${ESC}[44;3;4mA${ESC}[39;49;23;24mB${ESC}[32mC${ESC}[mD`);
    expect(segments.map((s) => [s.text, s.className])).toEqual([
      ['A', 'ansi-bg-44 ansi-italic ansi-underline'],
      ['B', ''],
      ['C', 'ansi-fg-32'],
      ['D', ''],
    ]);
  });

  it('256-colour and true-colour arguments are skipped, never read as colours of their own', () => {
    // 38;5;31 would be "red" if 31 were read as its own code; 38;2;1;2;44 would be a blue background.
    expect(messageSegments(`${ESC}[38;5;31mX`).segments).toEqual([{ text: 'X', className: '', mark: false }]);
    expect(messageSegments(`${ESC}[38;2;1;2;44mY`).segments).toEqual([{ text: 'Y', className: '', mark: false }]);
    expect(messageSegments(`${ESC}[38;5;200;33mZ`).segments).toEqual([{ text: 'Z', className: 'ansi-fg-33', mark: false }]);
  });

  it('drops cursor moves, OSC titles and hyperlinks, keeping their text', () => {
    expect(text(`a${ESC}[2Kb${ESC}]0;title${'\u0007'}c${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\d`)).toBe('abclinkd');
    for (const s of messageSegments(`${ESC}[2K${ESC}]0;t${'\u0007'}x`).segments) expect(s.text).not.toContain(ESC);
  });
});

describe('messageSegments: highlights', () => {
  it('marks the ranges, given as offsets into the raw message with its escapes', () => {
    const message = `${ESC}[32mfoo${ESC}[0m bar foo`;
    // `foo` starts after the 5-character `ESC[32m`.
    const { segments } = messageSegments(message, [
      [5, 8],
      [message.length - 3, message.length],
    ]);
    expect(segments).toEqual([
      { text: 'foo', className: 'ansi-fg-32', mark: true },
      { text: ' bar ', className: '', mark: false },
      { text: 'foo', className: '', mark: true },
    ]);
  });

  it('merges overlapping ranges and ignores broken ones', () => {
    const { segments } = messageSegments('abcdefgh', [[1, 3], [2, 5], [6, 6], [7, 99], [-5, -1], [1.5, 2] as unknown as [number, number]]);
    expect(segments).toEqual([
      { text: 'a', className: '', mark: false },
      { text: 'bcde', className: '', mark: true },
      { text: 'fg', className: '', mark: false },
      { text: 'h', className: '', mark: true },
    ]);
  });
});

describe('messageSegments: length bound', () => {
  it('cuts at maxChars visible characters (escapes do not count) and says so', () => {
    const message = `${ESC}[31m${'x'.repeat(10)}${ESC}[0m${'y'.repeat(10)}`;
    const cut = messageSegments(message, undefined, 15);
    expect(cut.segments.map((s) => s.text).join('')).toBe('x'.repeat(10) + 'y'.repeat(5));
    expect(cut.truncated).toBe(true);
    expect(cut.visibleLength).toBe(20);
    const whole = messageSegments(message, undefined, 20);
    expect(whole.truncated).toBe(false);
  });

  it('a cut inside a mark keeps the mark up to the cut', () => {
    const { segments, truncated } = messageSegments('0123456789', [[2, 8]], 5);
    expect(segments).toEqual([
      { text: '01', className: '', mark: false },
      { text: '234', className: '', mark: true },
    ]);
    expect(truncated).toBe(true);
  });
});
