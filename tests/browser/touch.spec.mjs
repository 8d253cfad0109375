// Touch: pinching zooms the map and the timeline. Two fingers are
// simulated with pointer events of two pointer ids.
import { test, expect } from '@playwright/test';
import { openApp } from './helpers.mjs';

async function pinch(page, selector, from, to) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.evaluate(([sel, a, b]) => {
    const el = document.querySelector(sel);
    const r = el.getBoundingClientRect();
    const cy = r.top + r.height * 0.4;
    const cx = r.left + r.width / 2;
    const fire = (type, id, x) => el.dispatchEvent(new PointerEvent(type, {
      pointerId: id, pointerType: 'touch', clientX: x, clientY: cy, bubbles: true, isPrimary: id === 1,
    }));
    fire('pointerdown', 1, cx - a);
    fire('pointerdown', 2, cx + a);
    for (let i = 1; i <= 10; i += 1) {
      const d = a + ((b - a) * i) / 10;
      fire('pointermove', 1, cx - d);
      fire('pointermove', 2, cx + d);
    }
    fire('pointerup', 1, cx - b);
    fire('pointerup', 2, cx + b);
  }, [selector, from, to]);
}

test('pinching out zooms the map in', async ({ page }) => {
  await openApp(page, '?lang=en');
  const before = Number(await page.locator('.map-canvas').getAttribute('data-scale'));
  await pinch(page, '.map-canvas', 40, 120);
  await expect.poll(async () => Number(await page.locator('.map-canvas').getAttribute('data-scale')))
    .toBeGreaterThan(before * 2);
});

test('pinching out zooms the timeline in', async ({ page }) => {
  await openApp(page, '?lang=en');
  expect(page.url()).not.toContain('timeline=');
  await pinch(page, '.timeline-canvas', 40, 160);
  await expect.poll(() => page.url()).toContain('timeline=');
  // A pinch is not a brush: nothing was filtered.
  await expect(page.locator('.summary')).toContainText('7 of 7');
});
