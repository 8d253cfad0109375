// Playback: a moving window plays through the data and stops at the end;
// with reduced motion it jumps a window at a time instead of gliding.
import { test, expect } from '@playwright/test';
import { openApp } from './helpers.mjs';

test('play moves a window through time and stops at the end', async ({ page }) => {
  await openApp(page, '?lang=en');
  await page.locator('.play-speed').selectOption('4');
  const play = page.locator('button.play');
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  const first = await page.locator('.range-start').inputValue();
  await expect.poll(() => page.locator('.range-start').inputValue()).not.toBe(first);
  // At 4× the whole span takes about 5 s.
  await expect(play).toHaveAttribute('aria-pressed', 'false', { timeout: 15_000 });
  await expect(page.locator('.range-end')).toHaveValue('2023-08-10');
});

test('with reduced motion, playback jumps by whole windows', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, '?lang=en');
  await page.locator('.range-start').fill('2021-01-01');
  await page.locator('.range-end').fill('2021-03-31');
  await page.locator('button.play').click();
  // The next position is a whole window (90 days) on, not a glide.
  await expect(page.locator('.range-start')).toHaveValue('2021-04-01', { timeout: 5_000 });
  await page.locator('button.play').click();
  await expect(page.locator('button.play')).toHaveAttribute('aria-pressed', 'false');
});

test('changing the speed during play does not make the window jump', async ({ page }) => {
  await openApp(page, '?lang=en');
  const start = () => page.locator('.range-start').inputValue().then(Date.parse);
  await page.locator('button.play').click();
  const first = await start();
  await page.waitForTimeout(3_000);
  const t0 = Date.now();
  const before = await start();
  await page.locator('.play-speed').selectOption('4');
  const after = await start();
  const elapsed = Date.now() - t0;
  // At 1× the whole data takes 20 s. Rescaling the time already played by
  // the new speed would jump 3 × 3 s of it, nearly half the data;
  // continuing from where it is moves only what plays while the test
  // reads (at most 4× the elapsed time: a loaded machine reads slowly).
  const data = Date.parse('2023-08-10') - first;
  expect(after - before).toBeGreaterThanOrEqual(0);
  expect((after - before) / data).toBeLessThan(0.05 + (4 * elapsed) / 20_000);
  // And it plays on faster.
  await expect.poll(start).toBeGreaterThan(after);
  await page.locator('button.play').click();
});
