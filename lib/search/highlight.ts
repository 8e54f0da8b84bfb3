import type { HighlightRange } from '@/lib/schema/search';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '@/lib/search/build-request';

/**
 * The engine's tagged copy of a message → [start, end) offsets (UTF-16 code units, as JS string
 * indices) into the untagged message. Returns undefined when the copy does not line up with the
 * message (it already held a marker character, or only a head was analyzed and it diverges),
 * because wrong ranges are worse than none.
 */
export function highlightRanges(tagged: string, message: string): HighlightRange[] | undefined {
  const ranges: HighlightRange[] = [];
  let plainLength = 0;
  let start = -1;
  let segmentStart = 0;
  for (let i = 0; i < tagged.length; i++) {
    const ch = tagged[i];
    if (ch !== HIGHLIGHT_PRE && ch !== HIGHLIGHT_POST) continue;
    const segment = tagged.slice(segmentStart, i);
    if (message.slice(plainLength, plainLength + segment.length) !== segment) return undefined;
    plainLength += segment.length;
    segmentStart = i + 1;
    if (ch === HIGHLIGHT_PRE) {
      if (start >= 0) return undefined;
      start = plainLength;
    } else {
      if (start < 0) return undefined;
      if (plainLength > start) ranges.push([start, plainLength]);
      start = -1;
    }
  }
  const rest = tagged.slice(segmentStart);
  if (start >= 0 || message.slice(plainLength, plainLength + rest.length) !== rest) return undefined;
  return ranges;
}
