import { defineConfig, devices } from '@playwright/test';
import { E2E_SOURCES_ENV } from './lib/demo-cluster/test-dataset';

const external = process.env.E2E_BASE_URL;
// E2E_PORT lets a second checkout run its own server beside the default one.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = external ?? `http://127.0.0.1:${port}`;

/**
 * End-to-end specs in Debian's Chromium against `next start` (built beforehand) on the fixed
 * test dataset. One worker: the specs share one engine, and the last project stops and starts it.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/output',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  // Projects run in this order: the engine is stopped only after everything else has run.
  projects: [
    { name: 'explorer', testIgnore: /engine-restart\.spec\.ts$/ },
    { name: 'engine', testMatch: /engine-restart\.spec\.ts$/ },
  ],
  webServer: external
    ? undefined
    : {
        command: `npx next start -p ${port}`,
        url: baseURL,
        // Views and short links made by the specs go to indices of their own, not the demo's.
        env: {
          LOG_SOURCES: E2E_SOURCES_ENV,
          APP_INDEX_PREFIX: 'lxtest-e2e-',
          // Embeds on, for host pages the embed spec serves on the next ports (e2e/embed.spec.ts).
          EMBED_SECRET: 'e2e-embed-secret-not-for-production-0123',
          EMBED_ALLOWED_ORIGINS: `http://localhost:${port + 50}`,
        },
        reuseExistingServer: true,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
