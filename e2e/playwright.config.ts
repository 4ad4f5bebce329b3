/**
 * End-to-end tests in Debian Chromium against the real API, which also serves the built web app.
 * Each run starts its own API on E2E_PORT (default 3100) with a fresh PGlite directory and the demo
 * network seeded. WEB_DIST points the API at a web build other than apps/web/dist. See e2e/README.md.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The config is evaluated again in each worker; the environment carries the first run's directory.
process.env.YL_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'yilian-e2e-'));
const dataDir = process.env.YL_E2E_DATA_DIR;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: join(dataDir, 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // `json` writes to PLAYWRIGHT_JSON_OUTPUT_NAME (scripts/test.mjs reads it for the summary line); without
  // that variable it would print the whole report to stdout, so it is left out of interactive runs.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
  ],
  webServer: {
    command: 'npx tsx apps/api/src/main.ts',
    cwd: resolve(import.meta.dirname, '..'),
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PGLITE_DIR: join(dataDir, 'pglite'),
      FILES_DIR: join(dataDir, 'files'),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...(process.env.WEB_DIST ? { WEB_DIST: resolve(process.env.WEB_DIST) } : {}),
    },
  },
});
