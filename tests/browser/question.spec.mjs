// The reader's question from the issue, answered in a few clicks: how many
// attacks on buses happened in the Badia in 2020 and in 2022, and which
// were the deadliest by the opposition monitor's count?
import { test, expect } from '@playwright/test';
import { dataset, openApp, openFilters } from './helpers.mjs';

test('bus attacks in the Badia in 2020 and 2022, deadliest by SOHR', async ({ page }) => {
  await openApp(page, '?lang=en');
  await openFilters(page);
  // Only attacks on buses.
  for (const p of dataset.patterns) {
    if (p.id !== 'bus-ambush') await page.locator(`[data-pattern="${p.id}"]`).click();
  }
  // In the Badia.
  await page.locator('input[data-facet="area"][data-value="badia"]').check();
  // In 2020.
  await page.locator('.range-start').fill('2020-01-01');
  await page.locator('.range-end').fill('2020-12-31');
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', '1');
  await expect(page.locator('table.list tbody tr')).toHaveAttribute('data-incident', 'kabajeb-bus-2020-12-30');
  // In 2022.
  await page.locator('.range-end').fill('2022-12-31');
  await page.locator('.range-start').fill('2022-01-01');
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', '2');
  // Deadliest by SOHR's count: sort by casualties read on SOHR's figures.
  await page.locator('.killed-basis').selectOption({ label: 'Syrian Observatory for Human Rights (SOHR)' });
  await page.locator('[data-sort="casualties"]').click();
  await expect(page.locator('table.list tbody tr').first()).toHaveAttribute('data-incident', 't3-east-bus-2022-03-06');
  await expect(page.locator('.summary')).toHaveAttribute('data-shown', '2');
});
