import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium.js';

/**
 * End-to-end tests drive the production build (vite preview) in the system Chromium; see tests/e2e/.
 * E2E_PORT and E2E_DIST let two runs side by side use their own port and build folder.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '**/*.spec.ts',
  // Two spec files at a time, each in its own browser process (its own profile, quota and IndexedDB): a journey
  // spends much of its time waiting on the page, so two keep a 2-core machine busy where one left it half idle.
  // Tests inside a file run in order. Every file writes only under its own test.info().outputPath().
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'fr-FR',
    serviceWorkers: 'allow',
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
