import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';
import { config } from './src/config';

const port = config.e2ePort;

// End-to-end tests run against the real production build in dist/, served by `astro preview`.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: config.ci ? 2 : undefined,
  retries: 0,
  reporter: config.ci ? 'list' : 'line',
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx astro preview --port ${port}`,
    url: `http://localhost:${port}/en/`,
    reuseExistingServer: !config.ci,
    timeout: 60_000,
  },
});
