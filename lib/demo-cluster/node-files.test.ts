import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flattenDoc, generateEvents } from './index';
import { dockerJsonLine, writeNodeFiles } from './node-files';

const dir = mkdtempSync(path.join(tmpdir(), 'demo-node-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('node-level files', () => {
  it('writes Docker json-file entries like the daemon does', () => {
    expect(dockerJsonLine('a <b> & "c"', 'stderr', '2026-11-20T12:00:00.123Z')).toBe(
      '{"log":"a \\u003cb\\u003e \\u0026 \\"c\\"\\n","stream":"stderr","time":"2026-11-20T12:00:00.123000000Z"}\n',
    );
  });

  it('holds exactly the container events, one file per container incarnation, named as the kubelet names them', () => {
    const opts = { seed: 5, docs: 6000, days: 1, end: new Date('2026-11-20T12:00:00Z') };
    const written = writeNodeFiles(generateEvents(opts), dir);
    // Twice: the second run must overwrite, not append.
    writeNodeFiles(generateEvents(opts), dir);
    const expected = [...generateEvents(opts)].map((e) => flattenDoc(e.doc)).filter((f) => f['docker.container_id']);
    const files = readdirSync(path.join(dir, 'containers'));
    expect(files).toHaveLength(written.files);
    for (const file of files) expect(file).toMatch(/^[a-z0-9-]+_[a-z0-9-]+_[a-z0-9-]+-[0-9a-f]{64}\.log$/);

    const lines = files.flatMap((file) => {
      const [pod, namespace, rest] = file.split('_');
      const container = rest?.slice(0, -69);
      const id = rest?.slice(-68, -4);
      return readFileSync(path.join(dir, 'containers', file), 'utf8')
        .trimEnd()
        .split('\n')
        .map((raw) => {
          const entry = JSON.parse(raw) as { log: string; stream: string; time: string };
          return `${pod}|${namespace}|${container}|${id}|${entry.time.replace('000000Z', 'Z')}|${entry.stream}|${entry.log.slice(0, -1)}`;
        });
    });
    const want = expected.map(
      (f) =>
        `${f['kubernetes.pod_name']}|${f['kubernetes.namespace_name']}|${f['kubernetes.container_name']}|${f['docker.container_id']}|${f['@timestamp']}|${f.stream}|${f.log}`,
    );
    expect(lines.sort()).toEqual(want.sort());
  });
});
