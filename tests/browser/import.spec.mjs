// Opening the reader's own data: the Open data control and dropping a
// file, ACLED with rows outside Syria, GeoJSON, a newsroom spreadsheet
// mapped by hand, a broken file's located problems, data= by content,
// export and re-import, window.__count, progress and cancel of a big file.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectErrors, openApp, markPosition } from './helpers.mjs';

const fixture = (name) => new URL(`./fixtures/import/${name}`, import.meta.url).pathname;

/** Opens a file with the Open data control, as a reader would. */
async function openFile(page, path) {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.open-data-button').click();
  await (await chooser).setFiles(path);
}

/** The count the page shows and the one the probe returns. */
async function shown(page) {
  const summary = Number(await page.locator('.summary').getAttribute('data-shown'));
  const probe = await page.evaluate(() => window.__count());
  expect(probe).toBe(summary);
  return summary;
}

const onMap = async (page, id) =>
  page.evaluate((i) => window.wasmBindings.atlas_mark_position('map', i), id);

test('an ACLED export opens with its Syrian incidents on the map, the timeline and the list', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?lang=en');
  await expect(page.locator('.open-data-note')).toContainText('nothing is uploaded');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openFile(page, fixture('acled-syria-iraq.csv'));

  const report = page.locator('.import-report');
  await expect(report).toBeVisible();
  await expect(report).toHaveAttribute('data-loaded', '7');
  await expect(report.locator('.import-summary')).toHaveText('ACLED: 12 rows read, 7 loaded, 4 left out, 1 skipped');
  await expect(report.locator('.import-left-out')).toContainText('4 rows outside Syria were left out: Iraq 3, Lebanon 1');
  // Skipped rows are located by row and column.
  await report.locator('.import-skipped summary').click();
  await expect(report.locator('.import-skipped li').first()).toContainText('row 9, column event_date: "31/02/2022" is not a date');

  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
  expect(await shown(page)).toBe(7);
  await expect(page.locator('table.list tbody tr')).toHaveCount(7);
  await expect(page.locator('tr[data-incident="SYR20001"]')).toBeVisible();
  await expect(page.locator('tr[data-incident="IRQ30001"]')).toHaveCount(0);
  await markPosition(page, 'map', 'SYR20005');
  await markPosition(page, 'timeline', 'SYR20001');
  // Nothing was sent anywhere: the file was read in the page.
  expect(requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  // A file replaces data= and the old view in the URL.
  expect(page.url()).not.toContain('data=');
  expect(errors).toEqual([]);
});

test('rows outside Syria can be kept; the map fits them and presets without incidents are disabled', async ({ page }) => {
  await openApp(page, '?lang=en');
  await openFile(page, fixture('acled-syria-iraq.csv'));
  await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', '7');
  await page.locator('.import-keep').click();
  await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', '11');
  await expect(page.locator('.import-left-out')).toHaveCount(0);
  expect(await shown(page)).toBe(11);
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
  // Baghdad and Mosul are drawn inside the map: it fits the data.
  const box = await page.locator('.map-canvas').boundingBox();
  for (const id of ['IRQ30002', 'IRQ30003', 'SYR20003']) {
    const p = await onMap(page, id);
    expect(p, `${id} is drawn`).toBeTruthy();
    expect(p[0]).toBeGreaterThanOrEqual(box.x);
    expect(p[0]).toBeLessThanOrEqual(box.x + box.width);
    expect(p[1]).toBeGreaterThanOrEqual(box.y);
    expect(p[1]).toBeLessThanOrEqual(box.y + box.height);
  }
  await page.locator('.import-leave').click();
  await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', '7');
});

test('a GeoJSON file dropped on the page opens; presets with no incident are disabled', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?lang=en');
  const text = readFileSync(fixture('incidents.geojson'), 'utf8');
  const transfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'incidents.geojson', { type: 'application/geo+json' }));
    return dt;
  }, text);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await expect(page.locator('.import-drop')).toContainText('nothing is uploaded');
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', '4');
  await expect(page.locator('.import-left-out')).toContainText('1 row outside Syria was left out: Iraq 1');
  expect(await shown(page)).toBe(4);
  // Palmyra, al-Sukhnah, Jabal al-Bishri (Badia) and Qudsaya (Damascus);
  // none in Deir ez-Zor's box.
  await expect(page.locator('[data-region="deir-ez-zor"]')).toBeDisabled();
  await expect(page.locator('[data-region="badia"]')).toBeEnabled();
  await expect(page.locator('[data-region="damascus"]')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('a newsroom spreadsheet is mapped by hand, with a preview, and the mapping saved and reused', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?lang=en');
  await openFile(page, fixture('newsroom-sheet.csv'));
  const dialog = page.locator('.mapping-step');
  await expect(dialog).toBeVisible();
  // Proposed from the Arabic and English headers.
  await expect(dialog.locator('select[data-field="date"]')).toHaveValue('تاريخ');
  await expect(dialog.locator('select[data-field="lat_lon"]')).toHaveValue('Coordinates');
  await expect(dialog.locator('select[data-field="fatalities"]')).toHaveValue('القتلى');
  await expect(dialog.locator('select[data-field="title"]')).toHaveValue('');
  const preview = dialog.locator('.mapping-preview');
  await expect(preview).toHaveAttribute('data-rows', '4');
  // Ambiguous dates: day first unless chosen otherwise.
  await expect(preview.locator('tbody tr').first().locator('td').first()).toHaveText('2022-04-03');
  await dialog.locator('select[data-field="day_month"]').selectOption('month-first');
  await expect(preview.locator('tbody tr').first().locator('td').first()).toHaveText('2022-03-04');
  // The title column is chosen by hand, and the Arabic place name.
  await dialog.locator('select[data-field="title"]').selectOption('الحدث');
  await dialog.locator('select[data-field="place_ar"]').selectOption('المكان');
  await expect(preview.locator('tbody tr').first()).toContainText('كمين على حافلة مبيت');
  // Without a date the mapping cannot load.
  await dialog.locator('select[data-field="date"]').selectOption('');
  await expect(dialog.locator('.mapping-load')).toBeDisabled();
  await dialog.locator('select[data-field="date"]').selectOption('تاريخ');
  await expect(dialog.locator('.mapping-load')).toBeEnabled();

  const saving = page.waitForEvent('download');
  await dialog.locator('.mapping-save').click();
  const saved = await saving;
  const mappingPath = join(mkdtempSync(join(tmpdir(), 'atlas-')), 'mapping.json');
  await saved.saveAs(mappingPath);
  const mapping = JSON.parse(readFileSync(mappingPath, 'utf8'));
  expect(mapping.title).toBe('الحدث');
  expect(mapping.day_month).toBe('month-first');

  await dialog.locator('.mapping-load').click();
  await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', '4');
  expect(await shown(page)).toBe(4);
  await expect(page.locator('table.list')).toContainText('كمين على حافلة مبيت');
  await expect(page.locator('tr[data-incident="N-1"] .list-date')).toContainText('4 March 2022');

  // The saved mapping, reused for the same sheet.
  await openFile(page, fixture('newsroom-sheet.csv'));
  await expect(dialog).toBeVisible();
  const reuse = page.waitForEvent('filechooser');
  await dialog.locator('.mapping-use').click();
  await (await reuse).setFiles(mappingPath);
  await expect(dialog.locator('select[data-field="title"]')).toHaveValue('الحدث');
  await expect(dialog.locator('select[data-field="day_month"]')).toHaveValue('month-first');
  await dialog.locator('.mapping-cancel').click();
  await expect(dialog).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a broken CSV shows located row and column problems, in Arabic too', async ({ page }) => {
  await openApp(page, '?lang=ar');
  await openFile(page, fixture('broken-acled.csv'));
  const report = page.locator('.import-report');
  await expect(report).toHaveAttribute('data-skipped', '5');
  await expect(report).toHaveAttribute('data-loaded', '1');
  await report.locator('.import-skipped summary').click();
  const items = report.locator('.import-skipped li');
  await expect(items).toHaveCount(5);
  await expect(items.nth(0)).toHaveAttribute('data-row', '3');
  await expect(items.nth(0)).toHaveAttribute('data-column', 'event_date');
  await expect(items.nth(0).locator('.problem-path')).toHaveText('الصف ٣، العمود event_date:');
  await expect(items.nth(0).locator('.problem-message')).toContainText('"31/02/2021" is not a date');
  await expect(items.nth(1)).toHaveAttribute('data-column', 'latitude');
  await expect(items.nth(4).locator('.problem-message')).toContainText('never closed');
  await expect(report.locator('.import-summary')).toContainText('حُمّل منها ١');
});

test('a file that is not data says why, and the atlas stays as it was', async ({ page }) => {
  await openApp(page, '?lang=en');
  const before = await shown(page);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
  const path = join(dir, 'empty.csv');
  writeFileSync(path, '');
  await openFile(page, path);
  await expect(page.locator('.import-failure')).toContainText('The file could not be imported');
  await expect(page.locator('.import-failure .import-reason')).toContainText('empty');
  expect(await shown(page)).toBe(before);
});

test('data= accepts CSV and GeoJSON, recognised by content', async ({ page }) => {
  // A CSV served under a .txt name: the content decides.
  await page.route('**/feeds/acled.txt', (route) =>
    route.fulfill({ body: readFileSync(fixture('acled-syria-iraq.csv')), contentType: 'text/plain' }));
  await page.route('**/feeds/events.json', (route) =>
    route.fulfill({ body: readFileSync(fixture('incidents.geojson')), contentType: 'application/json' }));
  await openApp(page, '?lang=en&data=feeds/acled.txt');
  await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', '7');
  expect(await shown(page)).toBe(7);
  await openApp(page, '?lang=en&data=feeds/events.json');
  await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', '4');
  expect(await shown(page)).toBe(4);
});

test('export of the shown incidents as CSV and GeoJSON re-imports to the same count; the dataset downloads as JSON', async ({ page }) => {
  await openApp(page, '?lang=en');
  // A filter: only what is shown is exported.
  await page.locator('[data-pattern="bus-ambush"]').click();
  const count = await shown(page);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(7);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
  const save = async (cls, name) => {
    await page.locator('.export-menu > summary').click();
    const d = page.waitForEvent('download');
    await page.locator(cls).click();
    const path = join(dir, name);
    await (await d).saveAs(path);
    return path;
  };
  const csv = await save('.export-csv', 'shown.csv');
  const bytes = readFileSync(csv);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const geojson = await save('.export-geojson', 'shown.geojson');
  const json = await save('.export-dataset', 'dataset.json');
  expect(JSON.parse(readFileSync(json, 'utf8')).format).toBe('incident-atlas');

  for (const path of [csv, geojson]) {
    await openFile(page, path);
    // The atlas's own CSV is a spreadsheet whose columns are all proposed.
    const dialog = page.locator('.mapping-step');
    if (path.endsWith('.csv')) {
      await expect(dialog).toBeVisible();
      await dialog.locator('.mapping-load').click();
    }
    await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', String(count));
    expect(await shown(page)).toBe(count);
    await expect(page.locator('.import-report')).toHaveAttribute('data-skipped', '0');
  }
  // The dataset JSON opens as it is.
  await openFile(page, json);
  await expect(page.locator('.import-report')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__count())).toBe(7);
});

test('a big CSV shows progress, can be cancelled, and the page stays responsive', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page, '?lang=en');
  // ACLED rows made in the page: 100,000 (about 40 MB) to cancel, 20,000
  // to load.
  const lines = readFileSync(fixture('acled-syria-iraq.csv'), 'utf8').split('\n');
  await page.evaluate(([h, r]) => {
    const make = (n) => {
      const rows = [h];
      for (let i = 0; i < n; i += 1) rows.push(r.replace('SYR20001', `SYR${i}`));
      const dt = new DataTransfer();
      dt.items.add(new File([rows.join('\n')], `big-${n}.csv`, { type: 'text/csv' }));
      return dt;
    };
    window.__files = { big: make(100000), small: make(20000) };
  }, [lines[0], lines[1]]);
  const drop = (which) => page.evaluate((w) => {
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: window.__files[w], bubbles: true, cancelable: true }));
  }, which);
  await drop('big');
  const progress = page.locator('.import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('big-100000.csv');
  // The page answers while the file is read.
  const lag = await page.evaluate(() => new Promise((resolve) => {
    const t = performance.now();
    setTimeout(() => resolve(performance.now() - t), 0);
  }));
  expect(lag).toBeLessThan(500);
  await page.locator('.import-cancel').click();
  await expect(progress).toHaveCount(0);
  await expect(page.locator('.import-failure')).toContainText('cancelled');
  await expect(page.locator('.import-report')).toHaveCount(0);
  expect(await shown(page)).toBe(7);

  await drop('small');
  await expect(page.locator('.import-report')).toHaveAttribute('data-loaded', '20000', { timeout: 150_000 });
  expect(await page.evaluate(() => window.__count())).toBe(20000);
});

test('a UCDP GED file is recognised without asking', async ({ page }) => {
  await openApp(page, '?lang=en');
  await openFile(page, new URL('../fixtures/import/ucdp.csv', import.meta.url).pathname);
  const report = page.locator('.import-report');
  await expect(report.locator('.import-summary')).toHaveText('UCDP GED: 5 rows read, 3 loaded, 1 left out, 1 skipped');
  await expect(page.locator('.mapping-step')).toHaveCount(0);
  expect(await shown(page)).toBe(3);
});
