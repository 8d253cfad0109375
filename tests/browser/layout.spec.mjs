// Layout and legibility (issue 12): the map is the hero with the timeline
// full width under it; the filters, the legend and the incident open when
// asked for (keyboard, Escape, focus in and back, mirrored in Arabic);
// nothing overflows at 320 px; the embed stays about one screen and grows
// as its panels open; the dark theme reaches the canvases; axe stays clean.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { dataset, openApp, openFilters } from './helpers.mjs';

const T3 = dataset.incidents.find((i) => i.id.startsWith('t3-bus-2022-01'));

async function expectNoSeriousViolations(page, state) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes
    .slice(0, 8)
    .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`)
    .join('\n')}`);
  expect(report, `axe on ${state}`).toEqual([]);
}

/** Elements of the atlas wider than the page (scrolling boxes excepted). */
function cutOff(target) {
  return target.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    return [...document.querySelectorAll('.atlas *')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden'))
      .filter((el) => !inScroller(el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
}

async function expectFitsWidth(page, state) {
  const width = page.viewportSize().width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `scroll width, ${state}`)
    .toBeLessThanOrEqual(width);
  expect(await cutOff(page), `cut off, ${state}`).toEqual([]);
}

for (const [width, height] of [[1280, 900], [1920, 1080]]) {
  test(`at ${width}×${height} the map is the hero and the timeline spans the width under it`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page, '?lang=en');
    const map = await page.locator('.map-canvas').boundingBox();
    const timeline = await page.locator('.timeline-canvas').boundingBox();
    const ratio = (map.width * map.height) / (width * height);
    console.log(`map canvas at ${width}×${height}: ${Math.round(map.width)}×${Math.round(map.height)}, ${(ratio * 100).toFixed(1)}% of the window`);
    expect(ratio, 'share of the window the map takes').toBeGreaterThan(0.5);
    // Both in the first screen, the timeline under the map and as wide.
    expect(timeline.y).toBeGreaterThan(map.y + map.height - 1);
    expect(timeline.y + timeline.height).toBeLessThanOrEqual(height);
    expect(timeline.width).toBeGreaterThan(map.width - 40);
    expect(timeline.height, 'the chart is taller than the old 170 px').toBeGreaterThan(185);
    // No column stands empty beside the views.
    await expect(page.locator('#filter-sheet')).toBeHidden();
    await expect(page.locator('.detail')).toBeHidden();
  });
}

for (const lang of ['en', 'ar']) {
  test(`at 320 px nothing overflows, in ${lang}, with the sheets open or closed`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openApp(page, `?lang=${lang}`);
    await expectFitsWidth(page, 'as it opens');
    await openFilters(page);
    await expectFitsWidth(page, 'filters open');
    await page.keyboard.press('Escape');
    await page.locator('.legend-open').click();
    await expect(page.locator('#legend-card')).toBeVisible();
    await expectFitsWidth(page, 'legend open');
    await page.keyboard.press('Escape');
    await page.locator(`table.list tr[data-incident="${T3.id}"] .row-button`).click();
    await expect(page.locator(`.detail[data-incident="${T3.id}"]`)).toBeVisible();
    await expectFitsWidth(page, 'incident open');
    // The list reads as rows: the figures are there, not cut off.
    const figure = page.locator(`table.list tr[data-incident="${T3.id}"] td.figure`);
    const box = await figure.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  });
}

test('the filter sheet opens and closes by keyboard, and focus returns to its button', async ({ page }) => {
  await openApp(page, '?lang=en');
  const button = page.locator('.filters-open');
  const sheet = page.locator('#filter-sheet');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('#filter-sheet'))).toBe(true);
  // In English it comes from the left, and makes room for itself: the map
  // is not under it.
  const box = await sheet.boundingBox();
  expect(box.x).toBeLessThanOrEqual(1);
  const map = await page.locator('.map-canvas').boundingBox();
  expect(map.x).toBeGreaterThanOrEqual(box.x + box.width - 1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // The close button does the same.
  await page.keyboard.press('Enter');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close the filters' }).click();
  await expect(sheet).toBeHidden();
  await expect(button).toBeFocused();
});

test('in Arabic the filters come from the right and the incident from the left', async ({ page }) => {
  await openApp(page, '?lang=ar');
  await openFilters(page);
  const sheet = await page.locator('#filter-sheet').boundingBox();
  expect(sheet.x + sheet.width).toBeGreaterThanOrEqual(1279);
  await page.keyboard.press('Escape');
  await page.locator(`table.list tr[data-incident="${T3.id}"] .row-button`).click();
  const detail = await page.locator(`.detail[data-incident="${T3.id}"]`).boundingBox();
  expect(detail.x).toBeLessThanOrEqual(1);
  const map = await page.locator('.map-canvas').boundingBox();
  expect(map.x).toBeGreaterThanOrEqual(detail.x + detail.width - 1);
});

test('an incident opened from the list takes focus, and Escape gives it back to the row', async ({ page }) => {
  await openApp(page, '?lang=en');
  const row = page.locator(`table.list tr[data-incident="${T3.id}"] .row-button`);
  await row.focus();
  await page.keyboard.press('Enter');
  const panel = page.locator(`.detail[data-incident="${T3.id}"]`);
  await expect(panel).toBeVisible();
  await expect(panel.locator('h2')).toBeFocused();
  // On the inline-end side in English: the right.
  const box = await panel.boundingBox();
  expect(box.x + box.width).toBeGreaterThanOrEqual(1279);
  await page.keyboard.press('Escape');
  await expect(page.locator('.detail[data-incident]')).toHaveCount(0);
  await expect(row).toBeFocused();
});

test('the legend explains the Golan\'s hatching in both languages and closes with Escape', async ({ page }) => {
  await openApp(page, '?lang=en');
  const button = page.locator('.legend-open');
  await button.click();
  const card = page.locator('#legend-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('occupied by Israel since 1967; Syrian territory under international law');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(button).toBeFocused();
  await openApp(page, '?lang=ar');
  await page.locator('.legend-open').click();
  await expect(page.locator('#legend-card')).toContainText('تحتلّه إسرائيل منذ عام ١٩٦٧');
  await expect(page.locator('#legend-card')).toContainText('أرض سورية بموجب القانون الدولي');
});

/** The iframe's height on the host page, once it follows its content. */
async function frameHeight(iframe) {
  await expect.poll(async () => {
    const content = await iframe.evaluate((el) =>
      Math.ceil(el.contentDocument.documentElement.getBoundingClientRect().height));
    const box = await iframe.boundingBox();
    return Math.abs(content - box.height);
  }, { timeout: 10_000 }).toBeLessThanOrEqual(2);
  return (await iframe.boundingBox()).height;
}

test('embedded at 390 px the atlas is about one screen, and grows as its panels open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/examples/article-en.html');
  const iframe = page.locator('iframe');
  await iframe.scrollIntoViewIfNeeded();
  const frame = iframe.contentFrame();
  await expect(frame.locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/, { timeout: 15_000 });
  const closed = await frameHeight(iframe);
  console.log(`article-en.html at 390 px: the frame is ${closed} px tall`);
  expect(closed).toBeLessThanOrEqual(900);
  // A one-line summary: the count and the dates.
  await expect(frame.locator('.view-summary')).toContainText(/of \d+ incidents shown · .*20\d\d/);
  await expect(frame.locator('table.list')).toBeHidden();

  for (const [button, panel] of [['.list-open', 'table.list'], ['.filters-open', '#filter-sheet'], ['.legend-open', '#legend-card']]) {
    await frame.locator(button).click();
    await expect(frame.locator(panel)).toBeVisible();
    const open = await frameHeight(iframe);
    console.log(`  with ${button.slice(1)}: ${open} px`);
    expect(open, `${button} grows the frame`).toBeGreaterThan(closed + 50);
    await frame.locator(button).click();
    await expect(frame.locator(panel)).toBeHidden();
    await expect.poll(() => frameHeight(iframe)).toBeLessThan(closed + 3);
  }
});

test('the Arabic article\'s frames are about one screen each at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/examples/article-ar.html');
  for (const iframe of await page.locator('iframe').all()) {
    await iframe.scrollIntoViewIfNeeded();
    await expect(iframe.contentFrame().locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/, { timeout: 15_000 });
    const h = await frameHeight(iframe);
    console.log(`article-ar.html at 390 px: a frame is ${h} px tall`);
    expect(h).toBeLessThanOrEqual(900);
  }
});

/** The colour of the map canvas at a CSS pixel, as [r, g, b]. */
function mapPixel(page, x, y) {
  return page.evaluate(([px, py]) => {
    const c = document.querySelector('.map-canvas');
    const dpr = c.width / c.getBoundingClientRect().width;
    const d = c.getContext('2d').getImageData(Math.round(px * dpr), Math.round(py * dpr), 1, 1).data;
    return [d[0], d[1], d[2]];
  }, [x, y]);
}

/** The colour of the timeline canvas at a CSS pixel, as [r, g, b, a]. */
function timelinePixel(page, x, y) {
  return page.evaluate(([px, py]) => {
    const c = document.querySelector('.timeline-canvas');
    const dpr = c.width / c.getBoundingClientRect().width;
    return [...c.getContext('2d').getImageData(Math.round(px * dpr), Math.round(py * dpr), 1, 1).data];
  }, [x, y]);
}

const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

test('the dark theme reaches the map and the timeline', async ({ page }) => {
  // The map's top corner, above the presets' row, is the Mediterranean
  // or the land around Syria at the default view.
  // On the timeline, a brushed range veils the rest in the panel's colour:
  // the left edge lies before the range.
  const brushed = '?lang=en&time=2021-06-01..2022-01-01';
  await openApp(page, brushed);
  const light = await mapPixel(page, 3, 3);
  const lightVeil = await timelinePixel(page, 3, 20);
  await openApp(page, `${brushed}&theme=dark`);
  const dark = await mapPixel(page, 3, 3);
  const darkVeil = await timelinePixel(page, 3, 20);
  console.log(`map background light ${light}, dark ${dark}; timeline veil light ${lightVeil}, dark ${darkVeil}`);
  expect(luminance(light)).toBeGreaterThan(180);
  expect(luminance(dark)).toBeLessThan(70);
  expect(lightVeil[3], 'the veil is painted').toBeGreaterThan(100);
  expect(darkVeil[3], 'the veil is painted').toBeGreaterThan(100);
  expect(luminance(lightVeil)).toBeGreaterThan(200);
  expect(luminance(darkVeil)).toBeLessThan(60);
  // auto follows the reader's setting, and repaints when it changes.
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, '?lang=en&theme=auto');
  expect(luminance(await mapPixel(page, 3, 3))).toBeLessThan(70);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => luminance(await mapPixel(page, 3, 3))).toBeGreaterThan(180);
});

for (const lang of ['en', 'ar']) {
  test(`axe finds nothing serious with the sheets open, in ${lang}`, async ({ page }) => {
    await openApp(page, `?lang=${lang}`);
    await openFilters(page);
    await page.locator('.legend-open').click();
    await page.locator(`table.list tr[data-incident="${T3.id}"] .row-button`).click();
    await expect(page.locator(`.detail[data-incident="${T3.id}"]`)).toBeVisible();
    await expectNoSeriousViolations(page, `filters, legend and incident open (${lang})`);
  });
}

test('axe finds nothing serious in the dark theme on a phone, nor in a compact embed with its panels open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page, '?lang=en&theme=dark');
  await openFilters(page);
  await expectNoSeriousViolations(page, 'dark, phone, filters open');
  await openApp(page, '?lang=ar&embed=1');
  for (const b of ['.list-open', '.filters-open', '.legend-open']) await page.locator(b).click();
  await expectNoSeriousViolations(page, 'embed with list, filters and legend open (ar)');
});
