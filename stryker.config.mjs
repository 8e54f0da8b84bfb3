// Mutation testing of the pure core (issue 8): `npm run test:mutation`, not part of `npm test`.
// Results, per-folder scores and the equivalent mutants are in docs/mutation.md.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The unit project only: a mutant must never reach the engine-backed integration tests.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'lib/{query,search,time,url-state,links,export,views}/**/*.ts',
    '!lib/**/*.test.ts',
    // Test helpers and fixtures.
    '!lib/query/kql-test-helpers.ts',
    '!lib/url-state/url-fixtures.ts',
    // I/O: engine calls, route handlers, stores. Their tests are the integration suite.
    '!lib/search/run-search.ts',
    '!lib/search/screen-search.ts',
    '!lib/search/engine-batch.ts',
    '!lib/search/stream-search.ts',
    '!lib/search/page-search.ts',
    '!lib/export/handler.ts',
    '!lib/export/stream.ts',
    '!lib/links/handlers.ts',
    '!lib/links/store.ts',
    '!lib/views/handlers.ts',
    '!lib/views/store.ts',
    '!lib/views/app-index.ts',
  ],
  // Nothing the unit tests read lives there; keeps the sandbox copy small.
  ignorePatterns: ['.next', 'engine', 'e2e', 'docs', 'bench', 'test-results', 'playwright-report', 'tsconfig.tsbuildinfo'],
  coverageAnalysis: 'perTest',
  // Reruns only mutate what changed since the last run (code or tests); the file is git-ignored.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // The machine is shared (2 cores): one test process; generous timeouts under load.
  concurrency: 1,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
};
