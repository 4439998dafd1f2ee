import { defineConfig, devices } from '@playwright/test';
import { browserPath } from './scripts/e2e-browser';

// E2E_PORT lets two checkouts on one machine run their e2e tests side by side.
const port = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  // CI machines have two cores, shared by two workers' browsers and the debrief's search in a Web Worker: a
  // test that takes 10 s alone has taken 31 s there. Twice Playwright's default keeps a slow run a pass and
  // a hang still a failure.
  timeout: 60_000,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    launchOptions: {
      // Browsers are never downloaded: CHROME_PATH or an installed Chromium (`npm run browser`, run before
      // `npm run test:e2e`, installs one when it can, or says what to install).
      executablePath: browserPath(),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'laptop', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 } } }],
  webServer: {
    command: `npx vite build --configLoader runner --logLevel warn && npx vite preview --configLoader runner --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
