'use client';
import { useMemo } from 'react';
import type { HighlightRange } from '@/lib/schema/search';
import { messageSegments } from './message-segments';

interface MessageTextProps {
  message: string;
  highlight?: readonly HighlightRange[] | undefined;
  /** Visible characters to render; a longer message ends in an ellipsis. */
  maxChars?: number;
}

/** A log line as text: ANSI colours as classes, search matches as <mark>, never as HTML. */
export function MessageText({ message, highlight, maxChars }: MessageTextProps) {
  const { segments, truncated } = useMemo(() => messageSegments(message, highlight, maxChars), [message, highlight, maxChars]);
  return (
    <>
      {segments.map((segment, i) => {
        const className = segment.className || undefined;
        if (segment.mark) {
          return (
            <mark key={i} className={className}>
              {segment.text}
            </mark>
          );
        }
        return className ? (
          <span key={i} className={className}>
            {segment.text}
          </span>
        ) : (
          segment.text
        );
      })}
      {truncated ? '…' : null}
    </>
  );
}
