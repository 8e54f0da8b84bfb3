import { describe, expect, it } from 'vitest';
import { rankFieldNames } from './rank-fields';

const NAMES = [
  'log',
  'level',
  'kubernetes.namespace_name',
  'kubernetes.pod_name',
  'kubernetes.labels.app',
  'stream',
  'docker.container_id',
  'Namespace',
];

describe('rankFieldNames', () => {
  it.each<[string, string[]]>([
    ['kubernetes.na', ['kubernetes.namespace_name']],
    ['KUBERNETES.NA', ['kubernetes.namespace_name']],
    ['na', ['Namespace', 'kubernetes.namespace_name', 'kubernetes.pod_name']],
    ['l', ['level', 'log', 'kubernetes.labels.app']],
    ['tain', ['docker.container_id']],
    ['zzz', []],
  ])('%j → %j', (typed, expected) => {
    expect(rankFieldNames(NAMES, typed, 10)).toEqual(expected);
  });

  it('lists everything alphabetically for nothing typed, up to the limit', () => {
    expect(rankFieldNames(NAMES, '', 3)).toEqual(['Namespace', 'docker.container_id', 'kubernetes.labels.app']);
  });
});
