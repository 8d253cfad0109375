// The map: pan and zoom by mouse and keyboard, region presets, clusters,
// tooltips, and the basemap's governorates and the Golan.
import { test, expect } from '@playwright/test';
import { dataset, openApp, markPosition, openFilters } from './helpers.mjs';

const scaleOf = async (page) => Number(await page.locator('.map-canvas').getAttribute('data-scale'));
const centerOf = async (page) => page.locator('.map-canvas').getAttribute('data-center');

test('dragging and the wheel pan and zoom the map', async ({ page }) => {
  await openApp(page, '?lang=en');
  const box = await page.locator('.map-canvas').boundingBox();
  const center = await centerOf(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => centerOf(page)).not.toBe(center);

  const before = await scaleOf(page);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => scaleOf(page)).toBeGreaterThan(before * 1.5);
});

test('the keyboard pans and zooms the map', async ({ page }) => {
  await openApp(page, '?lang=en');
  await page.locator('.map-canvas').focus();
  const center = await centerOf(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => centerOf(page)).not.toBe(center);
  const before = await scaleOf(page);
  await page.keyboard.press('+');
  await expect.poll(() => scaleOf(page)).toBeGreaterThan(before * 1.4);
  await page.keyboard.press('0');
  await expect.poll(() => scaleOf(page)).toBeCloseTo(before, 3);
});

test('region presets fit their region, from a button and from the URL', async ({ page }) => {
  await openApp(page, '?lang=en');
  const syria = await scaleOf(page);
  await page.locator('[data-region="damascus"]').click();
  await expect(page.locator('[data-region="damascus"]')).toHaveAttribute('aria-pressed', 'true');
  // Damascus is about a tenth of Syria's width: the scale grows about tenfold.
  await expect.poll(() => scaleOf(page)).toBeGreaterThan(syria * 6);

  await openApp(page, '?lang=en&region=badia');
  await expect(page.locator('[data-region="badia"]')).toHaveAttribute('aria-pressed', 'true');
  const badia = await scaleOf(page);
  expect(badia).toBeGreaterThan(syria * 1.4);
  expect(badia).toBeLessThan(syria * 4);
});

test('a cluster shows its count, and clicking it zooms in until it splits', async ({ page }) => {
  await openApp(page, '?data=/__fixtures__/clusters.json');
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', '9');
  const { x, y } = await markPosition(page, 'map', 'c0');
  const second = await markPosition(page, 'map', 'c1');
  expect([second.x, second.y]).toEqual([x, y]); // one cluster holds both
  await page.mouse.move(x, y);
  await expect(page.locator('.map-tooltip')).toContainText('5 incidents here');
  const before = await scaleOf(page);
  await page.mouse.click(x, y);
  await expect.poll(() => scaleOf(page)).toBeGreaterThan(before * 1.9);
  // Zoomed in far enough, the members stand apart.
  for (let i = 0; i < 5; i += 1) {
    const a = await markPosition(page, 'map', 'c0');
    const b = await markPosition(page, 'map', 'c1');
    if (a.x !== b.x || a.y !== b.y) return;
    await page.mouse.click(a.x, a.y);
    await page.waitForTimeout(600);
  }
  throw new Error('the cluster never split');
});

test('incidents at the very same spot stay reachable through a list', async ({ page }) => {
  await openApp(page, '?data=/__fixtures__/clusters.json');
  for (let i = 0; i < 10; i += 1) {
    if (await page.locator('.spot-list').isVisible()) break;
    const { x, y } = await markPosition(page, 'map', 'c6');
    await page.mouse.click(x, y);
    await page.waitForTimeout(600);
  }
  const list = page.locator('.spot-list');
  await expect(list).toContainText('3 incidents here');
  await list.getByRole('button', { name: /Clustered incident 6/ }).click();
  await expect(page.locator('.detail[data-incident="c6"]')).toBeVisible();
});

test('hovering an incident shows its tooltip', async ({ page }) => {
  await openApp(page, '?lang=en&region=damascus');
  const qudsaya = dataset.incidents.find((i) => i.id.includes('qudsaya'));
  const { x, y } = await markPosition(page, 'map', qudsaya.id);
  await page.mouse.move(x, y);
  await expect(page.locator('.map-tooltip')).toContainText(qudsaya.title.en);
});

test('the basemap draws 14 governorates and the Golan as Syrian territory', async ({ page }) => {
  await openApp(page, '?lang=en');
  const canvas = page.locator('.map-canvas');
  await expect(canvas).toHaveAttribute('data-governorates', '14');
  await expect(canvas).toHaveAttribute('data-occupied', 'golan');
  // Sample the painted colours, zoomed in on the Golan: inside it the land
  // is Syria's (under the hatching), west of the line it is a neighbour's.
  const golan = await page.evaluate(() => window.wasmBindings.atlas_project(35.75, 32.9));
  await page.mouse.move(golan[0], golan[1]);
  await page.mouse.wheel(0, -500);
  await page.waitForTimeout(300);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const colours = await page.evaluate(() => {
    const c = document.querySelector('.map-canvas');
    const ctx = c.getContext('2d');
    const r = c.getBoundingClientRect();
    const dpr = c.width / r.width;
    // The most frequent colour around a point: the land under any hatching.
    const sample = (lon, lat) => {
      const [x, y] = window.wasmBindings.atlas_project(lon, lat);
      const d = ctx.getImageData(Math.round((x - r.left) * dpr) - 4, Math.round((y - r.top) * dpr) - 4, 9, 9).data;
      const counts = new Map();
      for (let i = 0; i < d.length; i += 4) {
        const key = `${d[i]},${d[i + 1]},${d[i + 2]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    };
    return { golan: sample(35.75, 32.9), syria: sample(36.15, 32.95), israel: sample(35.4, 32.8) };
  });
  expect(colours.golan).toEqual(colours.syria);
  expect(colours.israel).not.toEqual(colours.syria);
  expect(colours.syria).not.toEqual('0,0,0');
});

// Defect 3 of issue 8: the spot list kept a cluster group's index, and a
// filter change renumbers the groups, so it went on to list another group.
test('a spot list still lists its own spot after the filter changes', async ({ page }) => {
  await openApp(page, '?lang=en&data=/__fixtures__/clusters.json&pattern-except=bus-ambush');
  // The filters beside the map, open while the spot list is.
  await openFilters(page);
  const list = page.locator('.spot-list');
  for (let i = 0; i < 10; i += 1) {
    if (await list.isVisible()) break;
    const { x, y } = await markPosition(page, 'map', 'c6');
    await page.mouse.click(x, y);
    await page.waitForTimeout(600);
  }
  await expect(list).toContainText('3 incidents here');
  // Switching bus ambushes on adds groups before this one.
  await page.locator('[data-pattern="bus-ambush"]').click();
  await expect(page.locator('.summary')).toContainText('9 of 9');
  await expect(list).toContainText('3 incidents here');
  const items = list.locator('.spot-item');
  await expect(items).toHaveCount(3);
  for (const n of [5, 6, 7]) {
    await expect(list.getByRole('button', { name: new RegExp(`Clustered incident ${n}`) })).toBeVisible();
  }
  // Hiding the spot's incidents closes it rather than listing others.
  await page.locator('[data-pattern="raid"]').click();
  await expect(list).toBeHidden();
});
