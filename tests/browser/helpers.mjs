// Shared helpers for the browser tests.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The default dataset, read from the repository (the same file the app serves). */
export const dataset = JSON.parse(
  readFileSync(new URL('../../data/incidents.json', import.meta.url), 'utf8'),
);

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Opens the app and waits until both views have drawn. */
export async function openApp(page, query = '') {
  await page.goto(`/index.html${query}`);
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
  await expect(page.locator('.timeline-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
}

/** Where the app drew an incident's mark in a view ('map' or 'timeline'). */
export async function markPosition(page, view, id) {
  await page.locator(`.${view}-canvas`).scrollIntoViewIfNeeded();
  const pos = await page.evaluate(([v, i]) => window.wasmBindings.atlas_mark_position(v, i), [view, id]);
  expect(pos, `${id} is drawn on the ${view}`).toBeTruthy();
  return { x: pos[0], y: pos[1] };
}

/**
 * Clicks an incident on the map as a reader would: where it sits in a
 * cluster, clicking zooms in, so click again until its panel opens.
 */
export async function openOnMap(page, id) {
  const panel = page.locator(`.detail[data-incident="${id}"]`);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const { x, y } = await markPosition(page, 'map', id);
    await page.mouse.click(x, y);
    if (await panel.isVisible()) return panel;
    // A cluster flies to its members; let the flight land.
    await page.waitForTimeout(700);
    if (await panel.isVisible()) return panel;
  }
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * Opens the filter sheet (the Filters button in the header), as a reader
 * must before toggling a pattern or a facet: the filters take no column
 * of their own.
 */
export async function openFilters(target) {
  const button = target.locator('.filters-open');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(target.locator('#filter-sheet')).toBeVisible();
}
