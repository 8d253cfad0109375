// Benchmark: loads the release build in headless Chromium with synthetic
// datasets and prints timings. Not a pass/fail test: it reports figures.
//
//   node bench/run.mjs [SIZES...]        e.g. node bench/run.mjs 10000 100000
//
// Needs a release build in dist/ (scripts/test.sh or `trunk build --release`)
// and cargo (to generate the synthetic data with the `synth` binary).
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000, 100_000);
const PORT = 8097;
const SEED = 7;
const dataDir = join(root, 'tests/browser/fixtures/bench');
mkdirSync(dataDir, { recursive: true });

function generate(n) {
  const file = join(dataDir, `synth-${n}.json`);
  if (!existsSync(file)) {
    const r = spawnSync('cargo', ['run', '--quiet', '--release', '--features', 'synth', '--bin', 'synth', '--',
      '--count', String(n), '--seed', String(SEED), '--out', file], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`synth failed for ${n}`);
  }
  return file;
}

const pct = (xs, p) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const summary = (xs) => `median ${fmt(pct(xs, 50))} ms, p95 ${fmt(pct(xs, 95))} ms (n=${xs.length})`;

// In-page: records the main-thread time of each frame from rAF to rAF.
const FRAME_RECORDER = () => {
  window.__frames = [];
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  window.__recording = true;
  requestAnimationFrame(tick);
};

async function measure(page, view, action) {
  await page.evaluate((v) => window.wasmBindings.atlas_take_paint_times(v), view);
  await page.evaluate(FRAME_RECORDER);
  await action();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => { window.__recording = false; });
  const paints = Array.from(await page.evaluate((v) => window.wasmBindings.atlas_take_paint_times(v), view));
  const frames = (await page.evaluate(() => window.__frames)).slice(1);
  return { paints, frames };
}

const server = spawn('node', [join(root, 'tests/browser/serve.mjs'), String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});

console.log(`Incident Atlas benchmark — ${new Date().toISOString()}`);
console.log('headless Chromium, viewport 1280x900, release build in dist/\n');
try {
  for (const n of sizes) {
    const file = generate(n);
    const mb = statSync(file).size / 1e6;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT}/index.html?lang=en&data=/__fixtures__/bench/synth-${n}.json`);
    await page.waitForFunction(() => Number(document.querySelector('.map-canvas')?.dataset.drawn) > 0, null, { timeout: 120_000 });
    const marks = await page.evaluate(() => Object.fromEntries(
      performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    const arrived = marks['atlas:data-arrived'];
    console.log(`== ${n.toLocaleString('en')} incidents (${mb.toFixed(1)} MB JSON)`);
    console.log(`load: validate ${fmt(marks['atlas:validated'] - arrived)} ms, build scene ${fmt(marks['atlas:scene-built'] - marks['atlas:validated'])} ms, ` +
      `first map drawing ${fmt(marks['atlas:first-map-draw'] - arrived)} ms after the data arrived`);

    const box = await page.locator('.map-canvas').boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;

    const pan = await measure(page, 'map', async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; i < 60; i += 1) {
        await page.mouse.move(cx + Math.sin(i / 6) * 200, cy + Math.cos(i / 6) * 120);
      }
      await page.mouse.up();
    });
    console.log(`pan:    map paint ${summary(pan.paints)}; frame ${summary(pan.frames)}`);

    const zoom = await measure(page, 'map', async () => {
      await page.mouse.move(cx + 40, cy - 30);
      for (let i = 0; i < 40; i += 1) {
        await page.mouse.wheel(0, i < 20 ? -120 : 120);
        await page.waitForTimeout(16);
      }
    });
    console.log(`zoom:   map paint ${summary(zoom.paints)}; frame ${summary(zoom.frames)}`);

    // The timeline: brushing a range, then zooming through time.
    const tl = await page.locator('.timeline-canvas').boundingBox();
    await page.locator('.timeline-canvas').scrollIntoViewIfNeeded();
    const tlBox = await page.locator('.timeline-canvas').boundingBox();
    const ty = tlBox.y + tlBox.height * 0.4;
    const brush = await measure(page, 'timeline', async () => {
      await page.mouse.move(tlBox.x + 20, ty);
      await page.mouse.down();
      for (let i = 0; i < 60; i += 1) {
        await page.mouse.move(tlBox.x + 20 + (i / 60) * (tlBox.width - 60), ty);
      }
      await page.mouse.up();
    });
    const mapDuringBrush = Array.from(await page.evaluate(() => window.wasmBindings.atlas_take_paint_times('map')));
    console.log(`brush:  timeline paint ${summary(brush.paints)}; map paint ${summary(mapDuringBrush)}; frame ${summary(brush.frames)}`);
    const tzoom = await measure(page, 'timeline', async () => {
      await page.mouse.move(tlBox.x + tlBox.width / 2, ty);
      for (let i = 0; i < 40; i += 1) {
        await page.mouse.wheel(0, i < 20 ? -120 : 120);
        await page.waitForTimeout(16);
      }
    });
    console.log(`timeline zoom: timeline paint ${summary(tzoom.paints)}; frame ${summary(tzoom.frames)}`);
    void tl;
    await page.evaluate(() => document.querySelector('.range-clear')?.click());
    await page.locator('.map-canvas').scrollIntoViewIfNeeded();

    // A filter toggle: the main-thread work of the frame that shows it
    // (the click's handlers, which recompute the filter, plus the map and
    // timeline paints), and the latency from click to painted frame.
    const work = [];
    const latency = [];
    await page.evaluate(() => { window.wasmBindings.atlas_take_paint_times('map'); window.wasmBindings.atlas_take_paint_times('timeline'); });
    for (let i = 0; i < 12; i += 1) {
      const r = await page.evaluate(() => new Promise((resolve) => {
        const button = document.querySelectorAll('.pattern-toggle')[0];
        const t0 = performance.now();
        button.click();
        // The click's handlers and the effects they queue (recomputing the
        // filter, the counts, the list) have run by the time a 0 ms timer
        // fires; the paints are recorded by the app.
        setTimeout(() => {
          const effects = performance.now() - t0;
          requestAnimationFrame(() => requestAnimationFrame(() => {
            const sum = (xs) => Array.from(xs).reduce((a, b) => a + b, 0);
            const paints = sum(window.wasmBindings.atlas_take_paint_times('map')) + sum(window.wasmBindings.atlas_take_paint_times('timeline'));
            resolve({ work: effects + paints, latency: performance.now() - t0 });
          }));
        }, 0);
      }));
      work.push(r.work);
      latency.push(r.latency);
    }
    console.log(`filter: frame work ${summary(work)}; click to painted frame ${summary(latency)}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
