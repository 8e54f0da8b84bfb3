/**
 * `npm run seed -- [--docs 300000] [--days 1] [--seed 1] [--end <iso>] [--profile fluentd] [--prefix logstash-]
 *                  [--files <dir>] [--no-load] [--force]`
 * Generates the demo cluster's logs and loads them into the engine (ELASTICSEARCH_URL or the
 * local one). A rerun with the same options is a no-op; with other options it replaces
 * everything under the prefix, so documents never duplicate.
 */
import { parseArgs } from 'node:util';
import { Client } from '@elastic/elasticsearch';
import { generateEvents } from '../lib/demo-cluster/generate';
import { isLogShape, LOG_SHAPES, SHAPE_INDEX_PREFIX } from '../lib/demo-cluster/shapes';
import type { DemoOptions } from '../lib/demo-cluster/generate';
import { seedDataset } from '../lib/demo-cluster/load';
import type { SeedProgress } from '../lib/demo-cluster/load';
import { writeNodeFiles } from '../lib/demo-cluster/node-files';
import { engineConnection } from '../lib/es/connection';

const USAGE = `usage: npm run seed -- [options]
  --docs <n>       documents to generate (default 300000)
  --days <n>       length of the window in days, ending at --end (default 1)
  --seed <n>       random seed (default 1)
  --end <iso>      end of the window (default: now, rounded down to the minute)
  --profile <p>    document shape: fluentd (default), fluent-bit, ecs or otel (see lib/demo-cluster/shapes.ts)
  --prefix <p>     index prefix; indices are <p>YYYY.MM.DD (default by profile: logstash-, fluent-bit-, filebeat-, logs-otel-)
  --files <dir>    also write node-level Docker json-file logs under <dir>/containers/
  --no-load        only write the files, do not touch the engine
  --force          reload even if the indices already hold this dataset`;

function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function number(name: string, raw: string | undefined, fallback: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || (integer && !Number.isSafeInteger(value)))
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'}, got "${raw}"`);
  return value;
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      docs: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      prefix: { type: 'string' },
      profile: { type: 'string' },
      files: { type: 'string' },
      'no-load': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const now = new Date();
  now.setUTCSeconds(0, 0);
  const end = values.end ? new Date(values.end) : now;
  if (Number.isNaN(end.getTime())) throw new Error(`--end must be an ISO-8601 date, got "${values.end}"`);
  const shape = values.profile ?? 'fluentd';
  if (!isLogShape(shape)) throw new Error(`--profile must be one of ${LOG_SHAPES.join(', ')}, got "${values.profile}"`);
  const dataset: DemoOptions = {
    docs: number('docs', values.docs, 300_000, true),
    days: number('days', values.days, 1, false),
    seed: number('seed', values.seed, 1, true),
    end,
    indexPrefix: values.prefix ?? SHAPE_INDEX_PREFIX[shape],
    shape,
  };
  return { dataset, files: values.files, load: !values['no-load'], force: values.force, help: values.help };
}

/** A bar redrawn in place on a terminal; one line per ~10% when stderr is a file or a CI log. */
function progressReporter(): (p: SeedProgress) => void {
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let lastDecile = -1;
  return ({ done, total, elapsedMs }) => {
    const share = total > 0 ? done / total : 1;
    const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
    const text = `${grouped(done)}/${grouped(total)} docs  ${grouped(rate)} docs/s`;
    if (tty) {
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${text}\u001b[K`,
      );
      if (done >= total) process.stderr.write('\n');
    } else {
      const decile = Math.floor(share * 10);
      if (decile === lastDecile) return;
      lastDecile = decile;
      process.stderr.write(`seed: ${decile * 10}%  ${text}\n`);
    }
  };
}

async function main(): Promise<void> {
  const { dataset, files, load, force, help } = parseOptions(process.argv.slice(2));
  if (help) {
    console.log(USAGE);
    return;
  }
  const window = `${grouped(dataset.docs)} docs, ${dataset.days} day(s) ending ${dataset.end.toISOString()}, seed ${dataset.seed}`;
  if (load) {
    const connection = engineConnection();
    const client = new Client(connection.options);
    try {
      console.error(`seed: ${window} → ${dataset.indexPrefix}* on ${connection.local ? 'the local engine' : 'ELASTICSEARCH_URL'}`);
      const result = await seedDataset(client, { ...dataset, force }, { onProgress: progressReporter() });
      if (result.skipped)
        console.log(
          `seed: ${dataset.indexPrefix}* already holds this dataset (${grouped(dataset.docs)} docs); nothing to do (--force reloads)`,
        );
      else
        console.log(
          `seed: loaded ${grouped(result.docs)} docs into ${result.indices.length} index(es) in ${result.seconds.toFixed(1)} s (${grouped(result.docsPerSecond)} docs/s)`,
        );
    } finally {
      await client.close();
    }
  }
  if (files) {
    const t0 = Date.now();
    // Node files are what the container runtime writes, whatever ships them later: one shape.
    const written = writeNodeFiles(generateEvents({ ...dataset, shape: 'fluentd' }), files);
    console.log(
      `seed: wrote ${grouped(written.lines)} lines into ${grouped(written.files)} files under ${files}/containers in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(`seed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
