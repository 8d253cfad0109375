// Accessibility: axe-core on the main states of the page, in Arabic and
// English. Serious and critical violations fail the test; the report lists
// each rule, its help text and the elements concerned.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { dataset, openApp, markPosition } from './helpers.mjs';

const T3 = dataset.incidents.find((i) => i.id.startsWith('t3-bus-2022-01'));

/** Runs axe on the page and fails on serious or critical violations. */
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

async function openIncident(page) {
  const { x, y } = await markPosition(page, 'timeline', T3.id);
  await page.mouse.click(x, y);
  await expect(page.locator(`.detail[data-incident="${T3.id}"]`)).toBeVisible();
}

for (const lang of ['ar', 'en']) {
  test.describe(`in ${lang === 'ar' ? 'Arabic' : 'English'}`, () => {
    test('the page as it opens', async ({ page }) => {
      await openApp(page, `?lang=${lang}`);
      await expectNoSeriousViolations(page, `the default page (${lang})`);
    });

    test('with an incident open', async ({ page }) => {
      await openApp(page, `?lang=${lang}`);
      await openIncident(page);
      await expectNoSeriousViolations(page, `the detail panel (${lang})`);
    });

    test('with an incident open on a phone', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      await openApp(page, `?lang=${lang}`);
      await openIncident(page);
      await expectNoSeriousViolations(page, `the detail sheet on a phone (${lang})`);
    });

    test('a broken dataset', async ({ page }) => {
      await page.goto(`/index.html?lang=${lang}&data=/__fixtures__/broken.json`);
      await expect(page.locator('.problem-list')).toBeVisible();
      await expectNoSeriousViolations(page, `the broken-dataset page (${lang})`);
    });

    test('embed mode, with an incident open', async ({ page }) => {
      await openApp(page, `?lang=${lang}&embed=1`);
      await expectNoSeriousViolations(page, `embed mode (${lang})`);
      await openIncident(page);
      await expectNoSeriousViolations(page, `embed mode with the detail panel (${lang})`);
    });

    test('embed mode, dark theme, with an incident open', async ({ page }) => {
      await openApp(page, `?lang=${lang}&embed=1&theme=dark`);
      await expectNoSeriousViolations(page, `embed mode, dark (${lang})`);
      await openIncident(page);
      await expectNoSeriousViolations(page, `embed mode, dark, with the detail panel (${lang})`);
    });

    test('the embed dialog', async ({ page }) => {
      await openApp(page, `?lang=${lang}`);
      await page.locator('.embed-open').click();
      await expect(page.locator('dialog.embed-dialog')).toBeVisible();
      await expectNoSeriousViolations(page, `the embed dialog (${lang})`);
    });
  });
}

test('an article with embedded atlases', async ({ page }) => {
  await page.goto('/examples/article-ar.html');
  for (const iframe of await page.locator('iframe').all()) {
    await iframe.scrollIntoViewIfNeeded();
    await expect(iframe.contentFrame().locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
  }
  // axe follows into the frames.
  await expectNoSeriousViolations(page, 'the Arabic example article');
});
