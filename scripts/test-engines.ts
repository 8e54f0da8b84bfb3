/**
 * `npm run test:engines [-- --only elasticsearch@8,opensearch@2] [--skip-default] [--keep] [--skip-shapes]`:
 * the integration suite against every supported engine (lib/es/local-engines.ts), one after
 * another so only one extra JVM runs at a time. For each: start the local engine (a no-op when
 * it runs), load the test dataset into it, run `vitest --project integration` with
 * ELASTICSEARCH_URL pointing at it, then stop the engine again if this run started it.
 * `--skip-default` leaves out the default engine (`npm test` has just run the suite on it);
 * `--skip-shapes` leaves out the log-shapes suites (tests/integration/shapes*.test.ts), which
 * otherwise run on each engine: profile detection (`_field_caps`), export (point in time), the
 * pod, context and tail views (time sorts) are where the engines differ, for every shape.
 */
import { Client } from '@elastic/elasticsearch';
import { parseArgs } from 'node:util';
import { seedDataset } from '../lib/demo-cluster/load';
import { TEST_DATASET } from '../lib/demo-cluster/test-dataset';
import { engineConnection } from '../lib/es/connection';
import { describeEngine, engineInfo } from '../lib/es/engine';
import { isDefaultEngine, LOCAL_ENGINES, type LocalEngineSpec } from '../lib/es/local-engines';
import { engineAnswers, runStep } from './run-steps';

const { values } = parseArgs({
  options: { only: { type: 'string' }, 'skip-default': { type: 'boolean' }, keep: { type: 'boolean' }, 'skip-shapes': { type: 'boolean' } },
});

const label = (e: LocalEngineSpec) => `${e.kind}@${e.version.split('.')[0]}`;

function selected(): LocalEngineSpec[] {
  const only = values.only?.split(',').map((s) => s.trim().toLowerCase());
  const engines = LOCAL_ENGINES.filter((e) => !only || only.includes(label(e)) || only.includes(`${e.kind}@${e.version}`));
  if (only && engines.length === 0) {
    throw new Error(`--only ${values.only} names no engine; choose from ${LOCAL_ENGINES.map(label).join(', ')}`);
  }
  return values['skip-default'] ? engines.filter((e) => !isDefaultEngine(e)) : engines;
}

interface Result {
  engine: string;
  code: number;
  seconds: number;
}

async function testOne(spec: LocalEngineSpec): Promise<Result> {
  const began = Date.now();
  const url = `http://127.0.0.1:${spec.port}`;
  const engineEnv = { ENGINE_KIND: spec.kind, ENGINE_VERSION: spec.version, ENGINE_PORT: undefined, ELASTICSEARCH_URL: undefined };
  const wasRunning = await engineAnswers(url);
  // A smaller heap than the default engine's: the suite's dataset is small and the machine shared.
  const heap = isDefaultEngine(spec) ? {} : { ENGINE_HEAP: process.env.ENGINE_HEAP ?? '1g' };
  const result = (code: number): Result => ({ engine: `${spec.kind} ${spec.version}`, code, seconds: (Date.now() - began) / 1000 });
  console.log(`\n=== ${spec.kind} ${spec.version} on ${url} ===`);
  if ((await runStep({ name: 'engine', command: 'tsx', args: ['scripts/engine.ts', 'start'], env: { ...engineEnv, ...heap } })) !== 0) {
    return result(1);
  }
  try {
    const client = new Client(engineConnection({ ...process.env, ELASTICSEARCH_URL: url }).options);
    try {
      const info = await engineInfo(client);
      console.log(`engine: ${describeEngine(info)}; loading the test dataset…`);
      await seedDataset(client, { ...TEST_DATASET, end: new Date(TEST_DATASET.end) });
    } finally {
      await client.close();
    }
    const code = await runStep({
      name: 'integration tests',
      command: 'vitest',
      // Every engine × the Fluentd shape, and every engine × every shape (the shapes suites).
      args: ['run', '--project', 'integration', ...(values['skip-shapes'] ? ['--exclude', 'tests/integration/shapes*.test.ts'] : [])],
      env: { ELASTICSEARCH_URL: url, ENGINE_KIND: undefined, ENGINE_VERSION: undefined },
    });
    return result(code);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return result(1);
  } finally {
    if (!wasRunning && !values.keep)
      await runStep({ name: 'engine stop', command: 'tsx', args: ['scripts/engine.ts', 'stop'], env: engineEnv });
  }
}

async function main(): Promise<void> {
  const began = Date.now();
  const results: Result[] = [];
  for (const spec of selected()) results.push(await testOne(spec));
  console.log('\n=== engines ===');
  for (const r of results) console.log(`${r.code === 0 ? 'PASS' : 'FAIL'}  ${r.engine.padEnd(28)} ${r.seconds.toFixed(1)} s`);
  console.log(`total ${((Date.now() - began) / 1000).toFixed(0)} s`);
  process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
