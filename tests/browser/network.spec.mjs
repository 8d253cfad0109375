// No third-party requests, and a strict Content-Security-Policy: every
// request the app makes stays on the page's origin, and the app runs with
// no violation under the policy in docs/embedding.md (served by serve.mjs
// under /__csp__/).
import { test, expect } from '@playwright/test';
import { dataset, collectErrors, markPosition } from './helpers.mjs';

const T3 = dataset.incidents.find((i) => i.id.startsWith('t3-bus-2022-01'));

/** Every request made while `run` goes on, from any frame of the page. */
async function recordRequests(page, run) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await run();
  return urls;
}

const offOrigin = (urls, origin) =>
  urls.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);

async function openAndUse(page, path) {
  await page.goto(path);
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
  await expect(page.locator('.timeline-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
  // Zoom and pan too, in case something loads on demand.
  await page.locator('.map-canvas').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await page.waitForTimeout(300);
}

for (const query of ['', '?lang=en', '?embed=1&theme=dark']) {
  test(`the app requests nothing from another origin (${query || 'default'})`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL).origin;
    const urls = await recordRequests(page, () => openAndUse(page, `/index.html${query}`));
    expect(offOrigin(urls, origin)).toEqual([]);
    // It did load everything it needs, from here.
    const paths = urls.map((u) => (u.startsWith('data:') ? 'data:' : new URL(u).pathname));
    for (const want of [/\/index\.html$/, /\.wasm$/, /\.js$/, /\.css$/, /\/data\/incidents\.json$/, /\/data\/basemap\.json$/]) {
      expect(paths.some((p) => want.test(p)), `a request for ${want}`).toBe(true);
    }
  });
}

test('an article embedding the atlas requests nothing from another origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const urls = await recordRequests(page, async () => {
    await page.goto('/examples/article-ar.html');
    for (const iframe of await page.locator('iframe').all()) {
      await iframe.scrollIntoViewIfNeeded();
      await expect(iframe.contentFrame().locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
    }
  });
  expect(offOrigin(urls, origin)).toEqual([]);
  expect(urls.some((u) => u.endsWith('/embed/host.js'))).toBe(true);
});

for (const query of ['?lang=ar', '?lang=en&embed=1&theme=dark']) {
  test(`the app runs under the strict CSP with no violation (${query})`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    const response = await page.goto(`/__csp__/index.html${query}`);
    const policy = response.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // The page has no inline script left (scripts/external-boot.mjs).
    expect(await page.locator('script:not([src])').count()).toBe(0);

    await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
    await expect(page.locator('.timeline-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
    // Open an incident and hover the map: the panel, the scale bar and the
    // tooltips render too.
    const { x, y } = await markPosition(page, 'timeline', T3.id);
    await page.mouse.click(x, y);
    await expect(page.locator(`.detail[data-incident="${T3.id}"] .chip`).first()).toBeVisible();
    const mark = await markPosition(page, 'map', T3.id);
    await page.mouse.move(mark.x, mark.y);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(errors).toEqual([]);
  });
}
