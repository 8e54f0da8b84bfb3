import { describe, expect, it } from 'vitest';
import { LOCAL_ENGINES, resolveLocalEngine } from '@/lib/es/local-engines';

describe('resolveLocalEngine', () => {
  it('defaults to the first engine (Elasticsearch 9 on 9200)', () => {
    expect(resolveLocalEngine()).toEqual(LOCAL_ENGINES[0]);
    expect(resolveLocalEngine()).toMatchObject({ kind: 'elasticsearch', port: 9200 });
  });

  it('takes an exact version, a major or a minor, each kind on its own port', () => {
    expect(resolveLocalEngine('elasticsearch', '8')).toMatchObject({ version: '8.19.21', port: 9208 });
    expect(resolveLocalEngine('elasticsearch', '8.19')).toMatchObject({ version: '8.19.21' });
    expect(resolveLocalEngine('OpenSearch', '2.19.6')).toMatchObject({ kind: 'opensearch', port: 9212 });
    expect(resolveLocalEngine('opensearch', '3')).toMatchObject({ port: 9213, minJava: 21 });
    expect(resolveLocalEngine('opensearch')).toMatchObject({ version: '2.19.6' });
  });

  it('takes another patch of a supported major as given', () => {
    expect(resolveLocalEngine('opensearch', '2.19.5')).toMatchObject({ version: '2.19.5', port: 9212 });
  });

  it('refuses unknown kinds, versions and majors, listing what is supported', () => {
    expect(() => resolveLocalEngine('solr')).toThrow(/unknown engine kind "solr".*opensearch 2\.19\.6/);
    expect(() => resolveLocalEngine('elasticsearch', '7.17.1')).toThrow(/not a supported local engine/);
    expect(() => resolveLocalEngine('elasticsearch', 'latest')).toThrow(/not a version number/);
  });
});
