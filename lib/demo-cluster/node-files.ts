/**
 * The same events as a node would hold them: Docker json-file lines under
 * `containers/<pod>_<namespace>_<container>-<container id>.log` (the kubelet's naming), so the
 * demo data can be compared with what a log agent tails. Pushed events never touched a node
 * and are skipped. Server/CLI only (writes files).
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoEvent } from './generate';

const FLUSH_BYTES = 256 * 1024;

/** Docker's Go encoder escapes HTML characters and the JS line separators; mimic it byte for byte. */
function goJson(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One json-file entry: the line with its newline restored, nanosecond time as Docker writes it. */
export function dockerJsonLine(log: string, stream: string, timestamp: string): string {
  const time = timestamp.replace(/Z$/, '000000Z');
  return `{"log":${goJson(`${log}\n`)},"stream":"${stream}","time":"${time}"}\n`;
}

export function containerLogFileName(pod: string, namespace: string, container: string, containerId: string): string {
  return `${pod}_${namespace}_${container}-${containerId}.log`;
}

export class NodeFileWriter {
  private readonly buffers = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();
  /** Files this writer has already started: the first write truncates, so reruns do not append. */
  private readonly started = new Set<string>();
  private readonly dir: string;
  files = 0;
  lines = 0;

  constructor(outDir: string) {
    this.dir = path.join(outDir, 'containers');
    mkdirSync(this.dir, { recursive: true });
  }

  write(event: DemoEvent): void {
    const doc = event.doc;
    const k8s = doc.kubernetes as Record<string, unknown> | undefined;
    const docker = doc.docker as Record<string, unknown> | undefined;
    if (!k8s || !docker) return;
    const name = containerLogFileName(
      String(k8s.pod_name),
      String(k8s.namespace_name),
      String(k8s.container_name),
      String(docker.container_id),
    );
    const line = dockerJsonLine(String(doc.log), String(doc.stream), String(doc['@timestamp']));
    let buffer = this.buffers.get(name);
    if (!buffer) {
      this.buffers.set(name, (buffer = []));
      this.files++;
    }
    buffer.push(line);
    this.lines++;
    const size = (this.sizes.get(name) ?? 0) + line.length;
    if (size >= FLUSH_BYTES) this.flushFile(name);
    else this.sizes.set(name, size);
  }

  private flushFile(name: string): void {
    const buffer = this.buffers.get(name);
    if (!buffer || buffer.length === 0) return;
    const file = path.join(this.dir, name);
    if (this.started.has(name)) appendFileSync(file, buffer.join(''));
    else {
      writeFileSync(file, buffer.join(''));
      this.started.add(name);
    }
    this.buffers.set(name, []);
    this.sizes.set(name, 0);
  }

  close(): void {
    for (const name of this.buffers.keys()) this.flushFile(name);
  }
}

/** Writes every container event of the dataset as node-level files under `<outDir>/containers/`. */
export function writeNodeFiles(events: Iterable<DemoEvent>, outDir: string): { files: number; lines: number } {
  const writer = new NodeFileWriter(outDir);
  for (const event of events) writer.write(event);
  writer.close();
  return { files: writer.files, lines: writer.lines };
}
