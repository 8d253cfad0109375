// The social preview and the embed fallback pictures: the default view of
// the served app in each language, 1200 × 630 px (the size social sites
// show), written to assets/preview-ar.png and assets/preview-en.png.
//   scripts/serve.sh &   # or any server of dist/
//   node scripts/preview-image.mjs http://127.0.0.1:8080/
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:8080/', outDir = 'assets'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});
for (const lang of ['ar', 'en']) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  // Embed mode: the compact chrome, so that the map fills the picture.
  await page.goto(new URL(`?lang=${lang}&embed=1`, base).href);
  // Drawn: the map has marks on it.
  await page.waitForFunction(() => Number(document.querySelector('.map-canvas')?.dataset.drawn) > 0);
  await page.waitForTimeout(500);
  const out = `${outDir}/preview-${lang}.png`;
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1200, height: 630 } });
  console.log(`wrote ${out}`);
  await page.close();
}
await browser.close();
