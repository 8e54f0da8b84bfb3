/**
 * `npm test`: every test, against a real engine. Starts the local engine unless
 * ELASTICSEARCH_URL is set, loads the fixed test dataset, then runs the lint (types, ESLint,
 * Prettier), unit and integration tests, the integration tests again on each other supported
 * engine (scripts/test-engines.ts), the Helm chart check (deploy/helm/check.sh), a production
 * build and the Playwright specs in Chromium.
 * Set SKIP_E2E=1 to stop after the chart check, SKIP_ENGINES=1 to leave the other engines out.
 */
import { Client } from '@elastic/elasticsearch';
import { seedDataset } from '../lib/demo-cluster/load';
import { TEST_DATASET } from '../lib/demo-cluster/test-dataset';
import { engineConnection } from '../lib/es/connection';
import { runStep, type Step } from './run-steps';

async function main(): Promise<void> {
  const began = Date.now();
  const results: { name: string; code: number; seconds: number }[] = [];
  const run = async (step: Step) => {
    const t0 = Date.now();
    console.log(`\n=== ${step.name} ===`);
    const code = await runStep(step);
    results.push({ name: step.name, code, seconds: (Date.now() - t0) / 1000 });
    return code;
  };

  if ((await run({ name: 'engine', command: 'tsx', args: ['scripts/engine.ts', 'start'] })) !== 0) return finish(results, began);

  console.log('\n=== test dataset ===');
  const client = new Client(engineConnection().options);
  try {
    const t0 = Date.now();
    await seedDataset(client, { ...TEST_DATASET, end: new Date(TEST_DATASET.end) });
    results.push({ name: 'test dataset', code: 0, seconds: (Date.now() - t0) / 1000 });
  } catch (err) {
    console.error(err);
    results.push({ name: 'test dataset', code: 1, seconds: 0 });
    return finish(results, began);
  } finally {
    await client.close();
  }

  await run({ name: 'lint (tsc, eslint, prettier)', command: 'sh', args: ['-c', 'tsc --noEmit -p . && eslint . && prettier --check .'] });
  await run({ name: 'unit tests', command: 'vitest', args: ['run', '--project', 'unit'] });
  await run({ name: 'integration tests', command: 'vitest', args: ['run', '--project', 'integration'] });
  // The same suite on the other supported engines (ES 8, OpenSearch 2 and 3), one JVM at a time.
  if (!process.env.SKIP_ENGINES && engineConnection().local) {
    await run({ name: 'other engines (integration)', command: 'tsx', args: ['scripts/test-engines.ts', '--skip-default'] });
  }
  await run({ name: 'chart (helm lint, render, validate)', command: 'bash', args: ['deploy/helm/check.sh'] });
  if (!process.env.SKIP_E2E) {
    if ((await run({ name: 'build', command: 'next', args: ['build'] })) === 0) {
      await run({ name: 'end-to-end tests', command: 'playwright', args: ['test'] });
    }
  }
  finish(results, began);
}

function finish(results: { name: string; code: number; seconds: number }[], began: number): void {
  console.log('\n=== summary ===');
  for (const r of results) console.log(`${r.code === 0 ? 'PASS' : 'FAIL'}  ${r.name.padEnd(28)} ${r.seconds.toFixed(1)} s`);
  console.log(`total ${((Date.now() - began) / 1000).toFixed(0)} s`);
  process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
