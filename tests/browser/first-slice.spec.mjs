// The first end-to-end slice: load, draw, filter, open an incident, and
// show a broken dataset's errors.
import { test, expect } from '@playwright/test';
import { dataset, collectErrors, openApp, markPosition, openOnMap, openFilters } from './helpers.mjs';

const total = dataset.incidents.length;

test('loads with no console errors, in Arabic by default', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1.title')).toContainText(dataset.meta.title.ar);
  expect(errors).toEqual([]);
});

test('every incident is on the map and on the timeline', async ({ page }) => {
  await openApp(page, '?lang=en');
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', String(total));
  await expect(page.locator('.timeline-canvas')).toHaveAttribute('data-drawn', String(total));
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', String(total));
  await expect(page.locator('.summary')).toContainText(`${total} of ${total}`);
});

test('toggling a pattern changes both views and the counts together', async ({ page }) => {
  await openApp(page, '?lang=en');
  const pattern = 'bus-ambush';
  const remaining = dataset.incidents.filter((i) => i.patterns.some((p) => p !== pattern)).length;
  expect(remaining).toBeLessThan(total);
  await openFilters(page);
  const toggle = page.locator(`[data-pattern="${pattern}"]`);
  const withPattern = dataset.incidents.filter((i) => i.patterns.includes(pattern)).length;
  await expect(toggle.locator('.pattern-count')).toHaveText(String(withPattern));
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', String(remaining));
  await expect(page.locator('.timeline-canvas')).toHaveAttribute('data-drawn', String(remaining));
  await expect(page.locator('.summary')).toContainText(`${remaining} of ${total}`);
  // The switched-off pattern still says what it would show.
  await expect(toggle.locator('.pattern-count')).toHaveText(String(withPattern));

  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', String(total));
  await expect(page.locator('.timeline-canvas')).toHaveAttribute('data-drawn', String(total));
});

const T3 = dataset.incidents.find((i) => i.id.startsWith('t3-bus-2022-01'));

async function expectT3Claims(page) {
  const panel = page.locator(`.detail[data-incident="${T3.id}"]`);
  await expect(panel).toBeVisible();
  const rows = panel.locator('table.claims tbody tr');
  const government = rows.filter({ hasText: 'Syrian government' }).first();
  await expect(government.locator('td').nth(0)).toHaveText('5');
  await expect(government.locator('td').nth(1)).toHaveText('20');
  // The other claim stands beside it, attributed, in its own words.
  const documenting = rows.filter({ hasText: 'a large number' });
  await expect(documenting).toHaveCount(1);
  await expect(documenting.locator('th')).not.toHaveText('');
  await expect(panel).toContainText('Opposition sources denied this figure');
  await expect(panel.locator('.sources')).toContainText('SY24');
}

test('clicking the T3 attack on the map opens its claims side by side', async ({ page }) => {
  await openApp(page, '?lang=en');
  await openOnMap(page, T3.id);
  await expectT3Claims(page);
});

test('clicking the T3 attack on the timeline opens the same panel', async ({ page }) => {
  await openApp(page, '?lang=en');
  const { x, y } = await markPosition(page, 'timeline', T3.id);
  await page.mouse.click(x, y);
  await expectT3Claims(page);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.detail[data-incident]')).toHaveCount(0);
});

test('a broken dataset shows located errors instead of the app', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/index.html?lang=en&data=/__fixtures__/broken.json');
  const list = page.locator('.problem-list');
  await expect(list).toBeVisible();
  await expect(list).toContainText('incidents[0].when.start');
  await expect(list).toContainText('expected a date like 2020-12-30');
  await expect(list).toContainText('incidents[0].where.places[0].lat');
  await expect(list).toContainText('incidents[1].id');
  await expect(list).toContainText('duplicate id');
  await expect(list).toContainText('incidents[1].when.end');
  await expect(list).toContainText('incidents[0].patterns[0]');
  await expect(list).toContainText('sources[0].url');
  await expect(page.locator('.map-canvas')).toHaveCount(0);
  // Nothing from the dataset was turned into markup.
  await expect(page.locator('img')).toHaveCount(0);
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});

test('on the Arabic page a broken dataset\'s problems are in Arabic, still located', async ({ page }) => {
  await page.goto('/index.html?lang=ar&data=/__fixtures__/broken.json');
  const list = page.locator('.problem-list');
  await expect(list).toBeVisible();
  // The paths name the file's keys and stay as they are…
  await expect(list).toContainText('incidents[0].when.start');
  await expect(list).toContainText('incidents[1].id');
  await expect(list).toContainText('sources[0].url');
  // …the messages are Arabic, in Arabic direction.
  await expect(list).toContainText('ليس تاريخًا صالحًا');
  await expect(list).toContainText('مكرّر');
  await expect(list).toContainText('ليس خط عرض');
  await expect(list).not.toContainText('duplicate id');
  await expect(list).not.toContainText('expected a date');
  const messages = list.locator('.problem-message');
  expect(await messages.count()).toBeGreaterThan(4);
  for (const m of await messages.all()) {
    await expect(m).toHaveAttribute('lang', 'ar');
    await expect(m).toHaveAttribute('dir', 'rtl');
    expect(await m.textContent()).toMatch(/[\u0600-\u06FF]/);
  }
});

// Issue 12's fact-check, as the reader sees it: a pattern read into the
// reports says so and on what it rests; an approximate time says "about";
// a rendering by the compilers is marked as theirs.
const KABAJEB = dataset.incidents.find((i) => i.id.startsWith('kabajeb'));

test('the detail panel shows an interpreted pattern and an approximate time, in English', async ({ page }) => {
  await openApp(page, `?lang=en&incident=${T3.id}`);
  const panel = page.locator(`.detail[data-incident="${T3.id}"]`);
  const chips = panel.locator('.chips li');
  await expect(chips.filter({ hasText: 'Hit-and-run raid' })).toHaveText(
    "Hit-and-run raid (interpretation: an activist's general comment on ISIS tactics, SY24)",
  );
  await expect(chips.filter({ hasText: 'bus' }).locator('.interpretation')).toHaveCount(0);
  await expect(panel).toContainText('alleged by one party');
  // The English as_reported texts are not marked: they are the reports' words.
  await expect(panel.locator('.translated')).toHaveCount(0);

  await openApp(page, `?lang=en&incident=${KABAJEB.id}`);
  const kabajeb = page.locator(`.detail[data-incident="${KABAJEB.id}"]`);
  await expect(kabajeb.locator('.interpreted')).toHaveText('30 December 2020, about 16:00');
});

test('the detail panel shows an interpreted pattern, an approximate time and a translation, in Arabic', async ({ page }) => {
  await openApp(page, `?lang=ar&incident=${T3.id}`);
  const panel = page.locator(`.detail[data-incident="${T3.id}"]`);
  await expect(panel.locator('.chips li').filter({ hasText: 'إغارة سريعة' })).toHaveText(
    'إغارة سريعة وانسحاب (تفسير: تعقيب عام لناشط سياسي على أساليب تنظيم «داعش»، SY24)',
  );
  // Both Arabic as_reported texts quote AP in the compilers' translation.
  await expect(panel.locator('.translated')).toHaveCount(2);
  await expect(panel.locator('.translated').first()).toContainText('ترجمة معدّي مجموعة البيانات');

  await openApp(page, `?lang=ar&incident=${KABAJEB.id}`);
  const kabajeb = page.locator(`.detail[data-incident="${KABAJEB.id}"]`);
  await expect(kabajeb.locator('.interpreted')).toHaveText(/نحو (16:00|١٦:٠٠)$/);
});
