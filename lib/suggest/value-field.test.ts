import { describe, expect, it } from 'vitest';
import type { SourceField } from '@/lib/queries/fields';
import { valueSuggestionField } from './value-field';

/** As `/api/fields` lists them: a text field with its keyword, a conflict, times, an unaggregatable text. */
const FIELDS = new Map<string, SourceField>(
  [
    { name: 'log', type: 'text', aggregatable: false },
    { name: 'message', type: 'text', aggregatable: false },
    { name: 'message.keyword', type: 'keyword', aggregatable: true },
    { name: 'kubernetes.pod_name', type: 'keyword', aggregatable: true },
    { name: 'level', type: 'conflict', aggregatable: false },
    { name: 'tag', type: 'text', aggregatable: false },
    { name: 'tag.keyword', type: 'conflict', aggregatable: false },
    { name: '@timestamp', type: 'date', aggregatable: true },
    { name: 'event.created', type: 'date_nanos', aggregatable: true },
  ].map((f) => [f.name, f]),
);

describe('valueSuggestionField', () => {
  it.each<[string, string | null]>([
    ['kubernetes.pod_name', 'kubernetes.pod_name'],
    ['message', 'message.keyword'],
    // Asked for, so the server's note says why there are no values.
    ['level', 'level'],
    ['tag', 'tag.keyword'],
    // Nothing to count: a text field without a keyword, a time, an unknown name.
    ['log', null],
    ['@timestamp', null],
    ['event.created', null],
    ['no.such.field', null],
  ])('%s → %s', (name, expected) => {
    expect(valueSuggestionField(FIELDS, name)?.name ?? null).toBe(expected);
  });
});
