// The whole view lives in the URL: a copied URL opens the same view, back
// and forward step through meaningful changes, bad parameters are ignored.
import { test, expect } from '@playwright/test';
import { collectErrors, openApp, openFilters } from './helpers.mjs';

test('a copied URL opens the same view in a new page', async ({ page, context }) => {
  await openApp(page, '?lang=en');
  await openFilters(page);
  await page.locator('[data-pattern="kidnapping"]').click();
  await page.locator('.range-start').fill('2020-11-01');
  await page.locator('.range-end').fill('2022-12-31');
  await page.locator('[data-region="badia"]').click();
  await page.locator('table.list .row-button').first().click();
  const selected = await page.locator('.detail[data-incident]').getAttribute('data-incident');
  const shown = await page.locator('.summary').getAttribute('data-shown');
  // The URL settles a moment after the last change.
  await expect.poll(() => page.url()).toContain(`incident=${selected}`);
  await expect.poll(() => page.url()).toContain('region=badia');
  const url = page.url();
  expect(url).toMatch(/time=2020-11-01\.\.2023-01-01/);

  const other = await context.newPage();
  const errors = collectErrors(other);
  await other.goto(url);
  await expect(other.locator('.map-canvas')).toHaveAttribute('data-drawn', /\d/);
  await expect(other.locator('.summary')).toHaveAttribute('data-shown', shown);
  await expect(other.locator(`.detail[data-incident="${selected}"]`)).toBeVisible();
  await expect(other.locator('[data-pattern="kidnapping"]')).toHaveAttribute('aria-pressed', 'false');
  await expect(other.locator('[data-region="badia"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.locator('.range-start')).toHaveValue('2020-11-01');
  expect(errors).toEqual([]);
});

test('back and forward step through filter changes', async ({ page }) => {
  await openApp(page, '?lang=en');
  const total = await page.locator('.summary').getAttribute('data-shown');
  await openFilters(page);
  await page.locator('[data-pattern="bus-ambush"]').click();
  await expect.poll(() => page.url()).toContain('pattern');
  const filtered = await page.locator('.summary').getAttribute('data-shown');
  expect(filtered).not.toBe(total);
  await page.goBack();
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', total);
  await expect(page.locator('[data-pattern="bus-ambush"]')).toHaveAttribute('aria-pressed', 'true');
  await page.goForward();
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', filtered);
});

test('unknown or malformed parameters are ignored with a warning', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const errors = collectErrors(page);
  await openApp(page, '?lang=en&pattern=nonsense&time=yesterday&map=a,b,c&foo=1');
  await expect(page.locator('.summary')).toContainText('7 of 7');
  expect(warnings.some((w) => w.includes('URL'))).toBe(true);
  expect(errors).toEqual([]);
});

test('a search and a facet filter combine, with counts for each value', async ({ page }) => {
  await openApp(page, '?lang=en');
  await openFilters(page);
  // Arabic search forgives spelling variants: taa marbuta and haa.
  await page.locator('.search-input').fill('المحطه');
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', '2');
  await page.locator('.search-input').fill('');
  await page.locator('input[data-facet="area"][data-value="badia"]').check();
  const badia = await page.locator('.summary').getAttribute('data-shown');
  expect(Number(badia)).toBeGreaterThan(0);
  expect(Number(badia)).toBeLessThan(7);
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', '7');
});

test('switching the language is a step in the history that Back undoes', async ({ page }) => {
  await openApp(page, '?lang=en');
  await page.locator('.lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('ar');
  await page.goBack();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  await page.goForward();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
});

test('a URL lists the same facet values as clicking to the same view', async ({ page, context }) => {
  const values = (p) => p.locator('.facet-values input')
    .evaluateAll((els) => els.map((e) => `${e.dataset.facet}=${e.dataset.value}`));
  const dimmed = (p) => p.locator('.facet-values li.empty input')
    .evaluateAll((els) => els.map((e) => `${e.dataset.facet}=${e.dataset.value}`));
  await openApp(page, '?lang=en');
  await openFilters(page);
  await page.locator('[data-pattern="bus-ambush"]').click();
  await expect.poll(() => page.url()).toContain('pattern-except=bus-ambush');
  const clicked = await values(page);
  const clickedDimmed = await dimmed(page);
  expect(clickedDimmed.length, 'some values give no incident without bus ambushes').toBeGreaterThan(0);

  const other = await context.newPage();
  await openApp(other, '?lang=en&pattern-except=bus-ambush');
  expect(await values(other)).toEqual(clicked);
  expect(await dimmed(other)).toEqual(clickedDimmed);
});

test('digits=latn gives Western digits in Arabic, and only on that page', async ({ page }) => {
  await openApp(page, '?lang=ar&digits=latn');
  await expect(page.locator('.summary')).toContainText('7 من 7');
  await expect.poll(() => new URL(page.url()).searchParams.get('digits')).toBe('latn');
  await openApp(page, '?lang=ar');
  await expect(page.locator('.summary')).toContainText('٧ من ٧');
});
