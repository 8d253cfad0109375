// Embedding: the example articles, the height messages and embed/host.js,
// embed mode from 300 px up, themes, and the embed-code generator (whose
// code is pasted into a page and must work there).
import { test, expect } from '@playwright/test';
import { dataset, collectErrors, openApp } from './helpers.mjs';

const T3 = dataset.incidents.find((i) => i.id.startsWith('t3-bus-2022-01'));

/** Records, in the top page only, every message its frames post to it. */
async function recordMessages(page) {
  await page.addInitScript(() => {
    if (window.top !== window) return;
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
}

/** Waits until the atlas in `iframe` (a locator) has drawn its map. */
async function expectAtlasIn(iframe) {
  await iframe.scrollIntoViewIfNeeded();
  const frame = iframe.contentFrame();
  await expect(frame.locator('.map-canvas')).toHaveAttribute('data-drawn', /[1-9]/, { timeout: 15_000 });
  await expect(frame.locator('.timeline-canvas')).toHaveAttribute('data-drawn', /[1-9]/);
  await expect(frame.locator('html')).toHaveAttribute('data-embed', '1');
  return frame;
}

/** The frame's content height (what it reports) and its iframe's height. */
async function heights(iframe) {
  const content = await iframe.evaluate((el) =>
    Math.ceil(el.contentDocument.documentElement.getBoundingClientRect().height));
  const box = await iframe.boundingBox();
  return { content, frame: box.height };
}

/** The iframe's height follows its content (never the default 150 px). */
async function expectSizedToContent(iframe) {
  await expect.poll(async () => {
    const h = await heights(iframe);
    return Math.abs(h.content - h.frame);
  }, { timeout: 10_000 }).toBeLessThanOrEqual(2);
  const h = await heights(iframe);
  expect(h.frame).toBeGreaterThan(400);
}

/**
 * Elements of the atlas in `target` (a page or frame) that stick out of its
 * width. Content of a horizontally scrolling box (a wide table) can be
 * scrolled to, so it does not count.
 */
function cutOff(target) {
  return target.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    return [...document.querySelectorAll('.atlas *')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden'))
      .filter((el) => !inScroller(el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  });
}

/** Nothing wider than the viewport, in the page and in each frame. */
async function expectNoHorizontalOverflow(page) {
  const width = page.viewportSize().width;
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth, 'page scroll width').toBeLessThanOrEqual(width);
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const [scroll, client] = await frame.evaluate(() =>
      [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, `scroll width of ${frame.url()}`).toBeLessThanOrEqual(client);
    expect(await cutOff(frame), `cut off in ${frame.url()}`).toEqual([]);
  }
  for (const iframe of await page.locator('iframe').all()) {
    const box = await iframe.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
  }
}

test('the Arabic article embeds two views that render and size to their content', async ({ page }) => {
  const errors = collectErrors(page);
  await recordMessages(page);
  await page.goto('/examples/article-ar.html');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const frames = page.locator('iframe');
  await expect(frames).toHaveCount(2);
  for (const [i, region] of [[0, 'badia'], [1, 'damascus']]) {
    const frame = await expectAtlasIn(frames.nth(i));
    await expect(frame.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(frame.locator(`[data-region="${region}"]`)).toHaveAttribute('aria-pressed', 'true');
    await expectSizedToContent(frames.nth(i));
  }
  // The documented message: type, height in CSS px, the frame's id.
  const messages = await page.evaluate(() => window.__messages);
  const last = (id) => messages.filter((m) => m?.id === id).at(-1);
  for (const id of ['atlas-badia', 'atlas-damascus']) {
    expect(last(id)).toEqual({ type: 'incident-atlas:height', height: expect.any(Number), id });
  }
  const badia = await heights(frames.nth(0));
  expect(Math.abs(last('atlas-badia').height - badia.frame)).toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
});

test('the English article embeds the atlas once, in English', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/examples/article-en.html');
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveCount(1);
  const frame = await expectAtlasIn(iframe);
  await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
  await expect(frame.locator('html')).toHaveAttribute('dir', 'ltr');
  await expectSizedToContent(iframe);
  expect(errors).toEqual([]);
});

test('the frame grows when an incident opens and shrinks when it closes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/examples/article-en.html');
  const iframe = page.locator('iframe');
  const frame = await expectAtlasIn(iframe);
  await expectSizedToContent(iframe);
  const before = (await heights(iframe)).frame;

  await frame.locator('.timeline-canvas').scrollIntoViewIfNeeded();
  const pos = await frame.locator('html').evaluate((_, id) =>
    window.wasmBindings.atlas_mark_position('timeline', id), T3.id);
  expect(pos, 'the T3 attack is on the timeline').toBeTruthy();
  const box = await iframe.boundingBox();
  await page.mouse.click(box.x + pos[0], box.y + pos[1]);
  const panel = frame.locator(`.detail[data-incident="${T3.id}"]`);
  await expect(panel).toBeVisible();
  // In a narrow frame the panel is in the flow, not a sheet fixed to the
  // bottom of a tall frame.
  await expect(panel).toHaveCSS('position', 'static');
  await expect.poll(async () => (await heights(iframe)).frame).toBeGreaterThan(before + 100);
  await expectSizedToContent(iframe);

  await frame.getByRole('button', { name: 'Close' }).first().click();
  await expect(frame.locator('.detail[data-incident]')).toHaveCount(0);
  await expect.poll(async () => (await heights(iframe)).frame).toBeLessThan(before + 5);
});

for (const width of [360, 300]) {
  test(`on a ${width} px phone the articles and their frames fit the width`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    for (const article of ['article-ar.html', 'article-en.html']) {
      await page.goto(`/examples/${article}`);
      for (const iframe of await page.locator('iframe').all()) {
        await expectAtlasIn(iframe);
        await expectSizedToContent(iframe);
      }
      await expectNoHorizontalOverflow(page);
    }
  });
}

test('embed mode at 300 px: compact chrome, nothing cut off', async ({ page }) => {
  await page.setViewportSize({ width: 300, height: 640 });
  await openApp(page, '?lang=en&embed=1');
  await expect(page.locator('html')).toHaveAttribute('data-embed', '1');
  // The description is collapsed; the embed button is not offered inside a
  // frame, a link to the full atlas is.
  const about = page.locator('details.description-toggle');
  await expect(about).toBeVisible();
  await expect(about).not.toHaveAttribute('open', '');
  await expect(page.locator('.embed-open')).toHaveCount(0);
  const full = page.locator('a.open-full');
  await expect(full).toHaveAttribute('target', '_blank');
  const href = await full.getAttribute('href');
  expect(href).toContain('lang=en');
  expect(href).not.toContain('embed=');
  // The map's height comes from the width, not the frame's height.
  const map = await page.locator('.map-frame').boundingBox();
  expect(map.height).toBeGreaterThanOrEqual(250);
  expect(map.height).toBeLessThan(400);
  expect(await cutOff(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
});

test('themes by URL: light, dark, auto and transparent', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await openApp(page, '?embed=1&theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
  expect(await background()).toBe('rgb(22, 24, 27)');
  // The map is dark too (layout.spec.mjs reads its pixels), and so are
  // the controls over it: the attribution in the dark muted ink.
  await expect(page.locator('.map-attribution')).toHaveCSS('color', 'rgb(184, 176, 164)');

  await openApp(page, '?embed=1&theme=light');
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'light');
  expect(await background()).toBe('rgb(246, 243, 237)');

  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page, '?embed=1&theme=auto');
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'light');

  await openApp(page, '?embed=1&transparent=1');
  expect(await background()).toBe('rgba(0, 0, 0, 0)');
});

test('a Pym.js parent gets its string message too', async ({ page }) => {
  await recordMessages(page);
  await page.route('**/__host__/pym.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!DOCTYPE html><title>Pym host</title><iframe src="/index.html?embed=1&lang=en&childId=pym-1" title="Atlas"></iframe>',
  }));
  await page.goto('/__host__/pym.html');
  await expect.poll(() => page.evaluate(() => window.__messages.filter((m) => typeof m === 'string')))
    .toContainEqual(expect.stringMatching(/^pymxPYMxpym-1xPYMxheightxPYMx\d+$/));
});

test('the embed dialog: labelled, focus kept inside and returned, code that works when pasted', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, '?lang=en&region=badia');
  const opener = page.getByRole('button', { name: 'Embed' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Embed this atlas in an article' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  // Tab never leaves the dialog for the page behind it.
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    const outside = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a !== document.body && !a.closest('dialog') ? a.outerHTML.slice(0, 80) : null;
    });
    expect(outside).toBeNull();
  }

  const code = dialog.getByLabel('Embed code');
  const snippet = await code.inputValue();
  expect(snippet).toMatch(/^<iframe id="(incident-atlas-[0-9a-z]{6})" src="[^"]+"/);
  const src = snippet.match(/ src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  const url = new URL(src);
  expect(url.origin).toBe(new URL(baseURL).origin);
  expect(url.searchParams.get('embed')).toBe('1');
  expect(url.searchParams.get('lang')).toBe('en');
  expect(url.searchParams.get('region')).toBe('badia');
  expect(url.searchParams.get('frame')).toMatch(/^incident-atlas-/);
  expect(snippet).toContain(`title="Incident Atlas: ${dataset.meta.title.en}"`);
  expect(snippet).toContain(' lang="en"');
  expect(snippet).toContain(`<script src="${new URL('/embed/host.js', baseURL)}" async></script>`);

  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(code).toHaveValue(/theme=dark/);
  await dialog.getByRole('button', { name: 'Copy code' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await code.inputValue());

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Pasted into an article, the code works: the frame renders and sizes.
  await page.route('**/__host__/pasted.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!DOCTYPE html><html lang="en"><title>Pasted</title><body style="margin:0">
      <p>An article paragraph.</p>${copied}<p>After the atlas.</p></body></html>`,
  }));
  await page.goto('/__host__/pasted.html');
  const iframe = page.locator('iframe');
  const frame = await expectAtlasIn(iframe);
  await expect(frame.locator('html')).toHaveAttribute('data-scheme', 'dark');
  await expectSizedToContent(iframe);
});

test('the embed dialog in Arabic closes with its button and returns focus', async ({ page }) => {
  await openApp(page, '?lang=ar');
  const opener = page.getByRole('button', { name: 'تضمين' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'تضمين الأطلس في مقال' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('رمز التضمين')).toHaveValue(/lang=ar/);
  await dialog.getByRole('button', { name: 'إغلاق' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('embed and theme are read in any case, and the URL keeps them', async ({ page }) => {
  const param = (name) => new URL(page.url()).searchParams.get(name);
  await openApp(page, '?lang=en&embed=on&theme=Dark');
  await expect(page.locator('html')).toHaveAttribute('data-embed', '1');
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
  // The URL settles a moment after load, written by the one URL model.
  await expect.poll(() => param('theme')).toBe('dark');
  expect(param('embed')).toBe('1');

  await openApp(page, '?lang=en&embed=TRUE');
  await expect(page.locator('html')).toHaveAttribute('data-embed', '1');
  await expect.poll(() => param('embed')).toBe('1');
  await expect(page.locator('.open-full')).toBeVisible();
});
