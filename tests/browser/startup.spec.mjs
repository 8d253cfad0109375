// Start-up (issue 11): the page paints a placeholder before the wasm runs,
// and the default page's data is fetched alongside the wasm, once.
import { test, expect } from '@playwright/test';
import { collectErrors, openApp } from './helpers.mjs';

test('the title, layout and a placeholder paint before the wasm runs', async ({ page }) => {
  // Hold the module back: whatever shows now is plain HTML and CSS.
  // (The held request keeps `load` from firing: wait for the response only.)
  await page.route('**/*.wasm', () => {});
  await page.goto('/index.html', { waitUntil: 'commit' });
  const placeholder = page.locator('.boot');
  await expect(placeholder).toBeVisible();
  await expect(placeholder.locator('.brand')).toContainText('Incident Atlas');
  await expect(placeholder.locator('.brand')).toContainText('أطلس الحوادث');
  await expect(placeholder.getByRole('status')).toContainText('Loading');
  const map = await placeholder.locator('.boot-map').boundingBox();
  expect(map?.height, 'the map area is laid out').toBeGreaterThan(200);
});

test('the placeholder gives way to the app', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.locator('.boot')).toBeHidden();
  expect(errors).toEqual([]);
});

test('the dataset and the basemap are preloaded and fetched once', async ({ page }) => {
  await openApp(page);
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({
      path: new URL(e.name).pathname,
      by: e.initiatorType,
    })),
  );
  for (const file of ['/data/incidents.json', '/data/basemap.json']) {
    const requests = entries.filter((e) => e.path.endsWith(file));
    // One request, started by the <link rel=preload>: the app's fetch
    // reused its response instead of asking again.
    expect(requests, file).toEqual([{ path: expect.stringMatching(file), by: 'link' }]);
  }
});
