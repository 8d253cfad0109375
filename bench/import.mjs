// Benchmark: opens a synthetic ACLED-style CSV with the app's "Open data"
// control in headless Chromium and prints how long the browser import
// takes, and how long the main thread was ever blocked meanwhile.
//
//   node bench/import.mjs [ROWS]          e.g. node bench/import.mjs 100000
//
// Needs a release build in dist/ and python3 (bench/make_acled_csv.py
// writes the file: codebook columns, about 10% of rows outside Syria).
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = fileURLToPath(new URL('..', import.meta.url));
const rows = Number(process.argv[2] ?? 100_000);
const PORT = Number(process.env.ATLAS_BENCH_PORT ?? 8098);
const file = join(tmpdir(), `acled-${rows}.csv`);
if (!existsSync(file)) {
  const r = spawnSync('python3', [join(root, 'bench/make_acled_csv.py'), String(rows), file], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('make_acled_csv.py failed');
}

const server = spawn('node', [join(root, 'tests/browser/serve.mjs'), String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/index.html?lang=en`);
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas')?.dataset.drawn) > 0);
  // The longest gap between two turns of the event loop while importing.
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    window.__probe = setInterval(() => {
      const now = performance.now();
      window.__gaps.push(now - last);
      last = now;
    }, 10);
  });
  const t0 = Date.now();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.open-data-button').click();
  await (await chooser).setFiles(file);
  await page.waitForSelector('.import-report', { timeout: 600_000 });
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas')?.dataset.drawn) > 0);
  const wall = Date.now() - t0;
  const result = await page.evaluate(() => {
    clearInterval(window.__probe);
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime;
    const report = document.querySelector('.import-report').dataset;
    const gaps = window.__gaps.slice().sort((a, b) => a - b);
    return {
      read: mark('atlas:import-read') - mark('atlas:import-start'),
      convert: mark('atlas:import-done') - mark('atlas:import-read'),
      total: mark('atlas:import-done') - mark('atlas:import-start'),
      loaded: report.loaded,
      rows: report.rows,
      shown: window.__count(),
      gapMax: gaps[gaps.length - 1],
      gapP95: gaps[Math.floor(gaps.length * 0.95)],
      readGaps: window.__gaps.length,
    };
  });
  const mb = (statSync(file).size / 1e6).toFixed(1);
  console.log(`browser import of ${file} (${rows} rows, ${mb} MB), release build, headless Chromium`);
  console.log(`  rows read ${result.rows}, loaded ${result.loaded}, shown ${result.shown}`);
  console.log(`  reading + importing in chunks: ${result.read.toFixed(0)} ms`);
  console.log(`  validating + building the atlas: ${result.convert.toFixed(0)} ms`);
  console.log(`  import total (first chunk to atlas): ${result.total.toFixed(0)} ms; file chosen to map drawn: ${wall} ms`);
  console.log(`  main-thread gaps while importing: p95 ${result.gapP95.toFixed(0)} ms, max ${result.gapMax.toFixed(0)} ms`);
} finally {
  await browser.close();
  server.kill();
}
