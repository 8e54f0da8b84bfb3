import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { buildEmbedAssets } from './scripts/build-embed-assets.mjs';

// The embed page's bundled script and stylesheet, which its routes import (git-ignored, made on
// every build and test run: a clean clone has none yet).
buildEmbedAssets();

const alias = { '@': path.resolve(import.meta.dirname) };

/** The pure tests: no engine, no browser. Also what mutation testing runs (vitest.mutation.config.ts). */
export const unitProject: TestProjectInlineConfiguration = {
  resolve: { alias },
  test: {
    name: 'unit',
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Request log lines of the frames under test would bury the report.
    env: { LOG_LEVEL: 'silent' },
    // Some tests generate the whole test dataset; a busy 2-core CI machine needs more than 5 s.
    testTimeout: 30_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      unitProject,
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One engine on a 2-core machine: run the files one after another.
          fileParallelism: false,
          // The request log lines of the routes under test would bury the report.
          env: { LOG_LEVEL: 'silent' },
        },
      },
    ],
  },
});
