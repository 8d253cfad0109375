// Screenshots of the served app, for docs and for looking at it.
//   node scripts/screenshot.mjs URL OUT.png [width] [height]   one page, full length
//   node scripts/screenshot.mjs --set BASE_URL [OUT_DIR]       the layouts of docs/screenshots/:
//     320, 390, 768, 1280 and 1920 px wide in English and Arabic (the first
//     screen), one dark, one with the filters and an incident open, the
//     phone's whole page, and the English article's frame at 390 px.
// BASE_URL is where dist/ is served, e.g. http://127.0.0.1:8090 (node
// tests/browser/serve.mjs 8090 serves dist/ and examples/).
import { chromium } from '@playwright/test';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});

/** Opens `url` at `width`×`height` and waits for both views to draw. */
async function open(url, width, height) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto(url);
  if (!url.includes('/examples/')) {
    await page.locator('.timeline-canvas[data-drawn]:not([data-drawn="0"])').waitFor({ timeout: 20_000 });
  }
  await page.waitForTimeout(800);
  return page;
}

async function shoot(url, out, width, height, { fullPage = false, before } = {}) {
  const page = await open(url, width, height);
  if (before) await before(page);
  await page.screenshot({ path: out, fullPage });
  console.log(`${out}  ${width}×${height}${fullPage ? ' (whole page)' : ''}`);
  await page.close();
}

const args = process.argv.slice(2);
if (args[0] === '--set') {
  const base = args[1] ?? 'http://127.0.0.1:8090';
  const dir = args[2] ?? 'docs/screenshots';
  const heights = { 320: 640, 390: 844, 768: 1024, 1280: 900, 1920: 1080 };
  for (const lang of ['en', 'ar']) {
    for (const [w, h] of Object.entries(heights)) {
      await shoot(`${base}/index.html?lang=${lang}`, `${dir}/atlas-${lang}-${w}.png`, Number(w), h);
    }
  }
  await shoot(`${base}/index.html?lang=en&theme=dark`, `${dir}/atlas-en-1280-dark.png`, 1280, 900);
  await shoot(`${base}/index.html?lang=ar&theme=dark`, `${dir}/atlas-ar-390-dark.png`, 390, 844);
  const sheets = async (page) => {
    await page.locator('.filters-open').click();
    await page.waitForTimeout(600);
  };
  const t3 = 'incident=t3-bus-2022-01-02';
  await shoot(`${base}/index.html?lang=en&${t3}`, `${dir}/atlas-en-1280-sheets.png`, 1280, 900, { before: sheets });
  await shoot(`${base}/index.html?lang=ar&${t3}`, `${dir}/atlas-ar-1280-sheets.png`, 1280, 900, { before: sheets });
  await shoot(`${base}/index.html?lang=en`, `${dir}/atlas-en-390-page.png`, 390, 844, { fullPage: true });
  await shoot(`${base}/examples/article-en.html`, `${dir}/article-en-390.png`, 390, 844, {
    fullPage: true,
    before: async (page) => {
      const frame = page.locator('iframe');
      await frame.scrollIntoViewIfNeeded();
      await frame.contentFrame().locator('.map-canvas[data-drawn]:not([data-drawn="0"])').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1000);
    },
  });
} else {
  const [url, out, width = '1400', height = '900'] = args;
  await shoot(url, out, Number(width), Number(height), { fullPage: true });
}
await browser.close();
