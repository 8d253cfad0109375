// Certainty made visible and pictures of the view: the date- and
// place-precision facets filter, count and live in the URL; the summary
// says how many shown incidents have an exact date and place, in both
// languages; "Download image" gives a PNG at twice the sheet's size and
// an SVG that parses, in the page's language; axe stays clean.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { collectErrors, dataset, openApp } from './helpers.mjs';

const total = dataset.incidents.length;
const exactDates = dataset.incidents.filter((i) => i.when.precision === 'exact').length;
const exactBoth = dataset.incidents.filter((i) => i.when.precision === 'exact'
  && i.where.places.every((p) => p.precision === 'exact')).length;
const regionPlaces = dataset.incidents.filter((i) => i.where.places.some((p) => p.precision === 'region')).length;

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes) {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function expectNoSeriousViolations(page, include, state) {
  const results = await new AxeBuilder({ page })
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes
    .slice(0, 8)
    .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`)
    .join('\n')}`);
  expect(report, `axe on ${state}`).toEqual([]);
}

test('the date-precision facet filters, counts and lives in the URL', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?lang=en');
  const group = page.locator('details.facet[data-facet="date-precision"]');
  await group.locator('summary').click();
  await expect(group.locator('summary')).toHaveText('How well the date is known');
  const exact = group.locator('input[data-value="exact"]');
  await expect(exact).toBeChecked();
  const exactLabel = group.locator('label.facet-value', { has: page.locator('input[data-value="exact"]') });
  await expect(exactLabel.locator('.facet-label')).toHaveText('exact date');
  await expect(exactLabel.locator('.facet-count')).toHaveText(String(exactDates));
  await exact.uncheck();
  const summary = page.locator('.pattern-filter .summary[data-shown]');
  await expect(summary).toHaveAttribute('data-shown', String(total - exactDates));
  await expect(page).toHaveURL(/[?&]date-precision-except=exact(&|$)/);
  // Nothing exactly dated is shown, so none is exact in date and place.
  await expect(page.locator('.certainty-summary')).toHaveAttribute('data-exact', '0');
  // Its own count does not change: it says what switching it on gives.
  await expect(exactLabel.locator('.facet-count')).toHaveText(String(exactDates));
  // The link opens the same view.
  await page.reload();
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', /[0-9]/);
  await expect(summary).toHaveAttribute('data-shown', String(total - exactDates));
  await page.locator('details.facet[data-facet="date-precision"] summary').click();
  await expect(page.locator('details.facet[data-facet="date-precision"] input[data-value="exact"]')).not.toBeChecked();
  expect(errors).toEqual([]);
});

test('the place-precision facet: only places known to a region', async ({ page }) => {
  await openApp(page, '?lang=en&place-precision=region');
  await expect(page.locator('.pattern-filter .summary[data-shown]')).toHaveAttribute('data-shown', String(regionPlaces));
  const group = page.locator('details.facet[data-facet="place-precision"]');
  await group.locator('summary').click();
  await expect(group.locator('input[data-value="region"]')).toBeChecked();
  await expect(group.locator('input[data-value="area"]')).not.toBeChecked();
  await group.locator('button', { hasText: 'Show all' }).click();
  await expect(page.locator('.pattern-filter .summary[data-shown]')).toHaveAttribute('data-shown', String(total));
  await expect(page).not.toHaveURL(/place-precision/);
});

test('the certainty line in English and in Arabic', async ({ page }) => {
  await openApp(page, '?lang=en');
  const line = page.locator('.certainty-summary');
  await expect(line).toHaveText(`${exactBoth} of ${total} incidents ${exactBoth === 1 ? 'has' : 'have'} an exact date and place`);
  await expect(line).toHaveAttribute('data-total', String(total));
  await openApp(page, '?lang=ar');
  const arabic = (n) => String(n).replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]);
  await expect(line).toHaveText(`حوادث معروفة التاريخ والمكان بدقّة: ${arabic(exactBoth)} من ${arabic(total)}`);
  await openApp(page, '?lang=ar&digits=latn');
  await expect(line).toHaveText(`حوادث معروفة التاريخ والمكان بدقّة: ${exactBoth} من ${total}`);
});

test('Download image: a PNG at twice the size of the sheet', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?lang=en&date-precision=exact');
  const menu = page.locator('.picture-menu');
  await menu.locator('summary').click();
  const png = await download(page, menu.getByRole('button', { name: /PNG/ }));
  expect(png.name).toBe('incident-atlas-en.png');
  const size = pngSize(png.bytes);
  const css = {
    width: Number(await menu.getAttribute('data-width')),
    height: Number(await menu.getAttribute('data-height')),
  };
  expect(size).toEqual({ width: Math.ceil(css.width * 2), height: Math.ceil(css.height * 2) });
  // The sheet holds the map and the timeline at their size on screen.
  const map = await page.locator('.map-canvas').boundingBox();
  const timeline = await page.locator('.timeline-canvas').boundingBox();
  expect(css.width).toBeGreaterThanOrEqual(Math.max(map.width, timeline.width));
  expect(css.height).toBeGreaterThan(map.height + timeline.height);
  await expect(menu.locator('.picture-status')).toHaveText('The image is downloading.');
  expect(errors).toEqual([]);
});

test('Download image: an SVG that parses, in Arabic, with the title, legend and attribution', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?lang=ar');
  const menu = page.locator('.picture-menu');
  await menu.locator('summary').click();
  await expect(menu.locator('summary')).toHaveText('تنزيل صورة');
  const svg = await download(page, menu.locator('button.picture-svg'));
  expect(svg.name).toBe('incident-atlas-ar.svg');
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    const root = doc.documentElement;
    return {
      error: error ? error.textContent : null,
      root: root.localName,
      lang: root.getAttribute('xml:lang'),
      direction: root.getAttribute('direction'),
      title: doc.querySelector('title')?.textContent,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      paths: doc.querySelectorAll('path').length,
      width: Number(root.getAttribute('width')),
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.lang).toBe('ar');
  expect(parsed.direction).toBe('rtl');
  expect(parsed.title).toBe(dataset.meta.title.ar);
  const all = parsed.texts.join(' ');
  // The title (perhaps over two lines), the legend, the attribution.
  expect(all).toContain(dataset.meta.title.ar.split(' ').slice(0, 3).join(' '));
  expect(parsed.texts).toContain('دليل الرموز');
  for (const p of dataset.patterns) expect(parsed.texts).toContain(p.label.ar);
  expect(all).toContain('Natural Earth');
  expect(all).toContain('حوادث معروفة التاريخ والمكان بدقّة');
  // The map's basemap and marks, and the timeline's axis, are drawn.
  expect(parsed.paths).toBeGreaterThan(50);
  expect(parsed.width).toBe(Number(await menu.getAttribute('data-width')));
  expect(errors).toEqual([]);
});

for (const lang of ['ar', 'en']) {
  test(`axe: the facet panel with the certainty facets open, and the image menu (${lang})`, async ({ page }) => {
    await openApp(page, `?lang=${lang}&place-precision-except=region`);
    for (const facet of ['date-precision', 'place-precision']) {
      await page.locator(`details.facet[data-facet="${facet}"] summary`).click();
    }
    await expectNoSeriousViolations(page, '.facet-filters', `the facet panel (${lang})`);
    await page.locator('.picture-menu summary').click();
    await expectNoSeriousViolations(page, '.picture-menu', `the image menu (${lang})`);
    await expectNoSeriousViolations(page, '.pattern-filter', `the summary (${lang})`);
  });
}
