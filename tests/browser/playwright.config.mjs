// Browser tests: Playwright driving Debian's Chromium against the release
// build in dist/, served on localhost by serve.mjs.
import { defineConfig } from '@playwright/test';

// ATLAS_TEST_PORT lets several checkouts run their browser tests at once.
const PORT = Number(process.env.ATLAS_TEST_PORT ?? 8090);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  outputDir: './results',
  // Two cores: one worker keeps timings and canvases steady.
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic'],
    },
    viewport: { width: 1280, height: 900 },
    trace: 'off',
  },
  webServer: {
    command: `node serve.mjs ${PORT}`,
    cwd: new URL('.', import.meta.url).pathname,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
