// The unit project alone, for StrykerJS (stryker.config.mjs): its vitest runner takes a config
// file, not a `--project`, and mutants must never reach the engine-backed integration tests.
import { defineConfig } from 'vitest/config';
import { unitProject } from './vitest.config';

export default defineConfig(unitProject);
