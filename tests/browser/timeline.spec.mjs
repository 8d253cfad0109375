// The timeline and the list: brushing a range filters the other views,
// keyboard-only use, and the sortable list.
import { test, expect } from '@playwright/test';
import { dataset, openApp, markPosition } from './helpers.mjs';

const total = dataset.incidents.length;
const overlaps = (inc, a, b) => {
  const start = Date.parse(inc.when.start.slice(0, 10));
  const end = Date.parse((inc.when.end ?? inc.when.start).slice(0, 10)) + 86_400_000;
  return start < b && end > a;
};

test('brushing a range on the timeline changes the counts, the map and the list', async ({ page }) => {
  await openApp(page, '?lang=en');
  const canvas = page.locator('.timeline-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // Brush the left half of the plot (time runs left to right in English).
  await page.mouse.move(box.x + 4, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 40, { steps: 8 });
  await page.mouse.up();
  const start = await page.locator('.range-start').inputValue();
  const end = await page.locator('.range-end').inputValue();
  expect(start).toMatch(/^\d{4}-\d\d-\d\d$/);
  const a = Date.parse(start);
  const b = Date.parse(end) + 86_400_000;
  const expected = dataset.incidents.filter((i) => overlaps(i, a, b)).length;
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(total);
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', String(expected));
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', String(expected));
  await expect(page.locator('table.list tbody tr')).toHaveCount(expected);
  // The timeline keeps the context: everything stays drawn, veiled.
  await expect(canvas).toHaveAttribute('data-drawn', String(total));

  await page.getByRole('button', { name: 'Clear range' }).click();
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', String(total));
});

test('keyboard only: set a range, toggle a pattern, open an incident', async ({ page }) => {
  await openApp(page, '?lang=en');
  await page.locator('.range-start').focus();
  await page.keyboard.type('01012021');
  await page.locator('.range-end').focus();
  await page.keyboard.type('12312022');
  await page.keyboard.press('Tab');
  const a = Date.parse('2021-01-01');
  const b = Date.parse('2022-12-31') + 86_400_000;
  const inRange = dataset.incidents.filter((i) => overlaps(i, a, b));
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', String(inRange.length));

  // The filters open from their button, by keyboard too.
  await page.locator('.filters-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#filter-sheet')).toBeVisible();
  const toggle = page.locator('[data-pattern="bus-ambush"]');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const remaining = inRange.filter((i) => i.patterns.some((p) => p !== 'bus-ambush'));
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', String(remaining.length));
  await page.keyboard.press('Enter');

  const first = page.locator('table.list tbody tr .row-button').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail[data-incident]')).toBeVisible();
});

test('the list sorts by casualties, deadliest first', async ({ page }) => {
  await openApp(page, '?lang=en');
  await page.locator('[data-sort="casualties"]').click();
  const first = page.locator('table.list tbody tr').first();
  await expect(first).toHaveAttribute('data-incident', /kabajeb/);
  await expect(page.locator('th[aria-sort="descending"]')).toHaveCount(1);
});

// Where the timeline drew an incident emphasised (hovered or selected) in
// its last paint, or null when it did not.
const emphasisedAt = (page, id) =>
  page.evaluate((i) => window.wasmBindings.atlas_mark_position('timeline-emphasis', i) ?? null, id);

test('hovering a row highlights the incident and selecting it opens the panel', async ({ page }) => {
  await openApp(page, '?lang=en');
  const t3 = dataset.incidents.find((i) => i.id.startsWith('t3-bus-2022-01'));
  const row = page.locator(`table.list tr[data-incident="${t3.id}"]`);
  await markPosition(page, 'timeline', t3.id);
  expect(await emphasisedAt(page, t3.id), 'nothing is emphasised before hovering').toBeNull();
  // Really hover the row (the pointer over it), as a reader would.
  await row.scrollIntoViewIfNeeded();
  await row.hover();
  await expect(row).toHaveClass(/hovered/);
  await expect.poll(() => emphasisedAt(page, t3.id), 'the timeline emphasises the hovered row')
    .not.toBeNull();
  // Only that one.
  const others = dataset.incidents.filter((i) => i.id !== t3.id);
  for (const other of others) expect(await emphasisedAt(page, other.id), other.id).toBeNull();
  // Moving away takes the emphasis off.
  await page.mouse.move(0, 0);
  await expect.poll(() => emphasisedAt(page, t3.id)).toBeNull();

  await row.locator('.row-button').click();
  await expect(page.locator(`.detail[data-incident="${t3.id}"]`)).toBeVisible();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  // It is the one emphasised on the timeline too, hovered or not.
  await page.mouse.move(0, 0);
  await expect.poll(() => emphasisedAt(page, t3.id)).not.toBeNull();
});

// The visible span the URL records (`timeline=START..END`), as ms.
const visibleSpan = (url) => {
  const range = new URL(url).searchParams.get('timeline');
  if (!range) return null;
  const [a, b] = range.split('..').map((d) => Date.parse(d.length === 10 ? d : `${d}Z`));
  return [a, b];
};

test('in Arabic time runs right to left: → goes back in time, ← forward', async ({ page }) => {
  await openApp(page, '?lang=ar');
  const canvas = page.locator('.timeline-canvas');
  await canvas.focus();
  await page.keyboard.press('+');
  await expect.poll(() => visibleSpan(page.url())).not.toBeNull();
  const zoomed = visibleSpan(page.url());
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => visibleSpan(page.url())?.[0]).toBeLessThan(zoomed[0]);
  const back = visibleSpan(page.url());
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => visibleSpan(page.url())?.[0]).toBeGreaterThan(back[0]);
});

test('the timeline zoom buttons are labelled in the page language', async ({ page }) => {
  await openApp(page, '?lang=ar');
  const buttons = page.locator('.timeline-controls button');
  await expect(buttons.nth(0)).toHaveAttribute('aria-label', 'تكبير الخط الزمني');
  await expect(buttons.nth(1)).toHaveAttribute('aria-label', 'تصغير الخط الزمني');
  await expect(buttons.nth(2)).toHaveAttribute('aria-label', 'عرض الفترة كاملة');
  await expect(buttons.nth(0)).toHaveAttribute('title', 'تكبير الخط الزمني');
  await openApp(page, '?lang=en');
  await expect(page.getByRole('button', { name: 'Zoom in on time' })).toBeVisible();
  await page.getByRole('button', { name: 'Zoom in on time' }).click();
  await expect.poll(() => visibleSpan(page.url())).not.toBeNull();
  await page.getByRole('button', { name: 'Show the whole period' }).click();
  await expect.poll(() => visibleSpan(page.url())).toBeNull();
});
