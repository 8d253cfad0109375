import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp } from './helpers.mjs';

for (const q of ['', '?lang=en']) {
  test(`baseline ${q}`, async ({ page }) => {
    await openApp(page, q);
    const r = await new AxeBuilder({ page }).analyze(); console.log("violations", r.violations.length, "passes", r.passes.length, "incomplete", r.incomplete.map(i=>i.id).join(","));
    for (const v of r.violations) console.log(v.impact, v.id, v.help, v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\n/g,' ')).slice(0,6));
  });
}
