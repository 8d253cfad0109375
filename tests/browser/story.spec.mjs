// Story mode (docs/story.md): the default dataset's story opened, stepped
// through by button, keyboard and swipe in English and Arabic, held in the
// URL, left at its view; a story file, a broken one, author mode; axe.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { dataset, openApp, collectErrors } from './helpers.mjs';

const story = dataset.story;
const N = story.steps.length;

/** Client px where the map draws (lon, lat), and the canvas' centre. */
async function mapOffset(page, lon, lat) {
  const at = await page.evaluate(([x, y]) => window.wasmBindings.atlas_project(x, y), [lon, lat]);
  const box = await page.locator('.map-canvas').boundingBox();
  return Math.hypot(at[0] - (box.x + box.width / 2), at[1] - (box.y + box.height / 2));
}

/** Where an incident's mark is on a view, and whether it lies in the canvas. */
async function markInside(page, view, id) {
  const pos = await page.evaluate(([v, i]) => window.wasmBindings.atlas_mark_position(v, i), [view, id]);
  if (!pos) return false;
  const box = await page.locator(`.${view}-canvas`).boundingBox();
  return pos[0] >= box.x && pos[0] <= box.x + box.width && pos[1] >= box.y && pos[1] <= box.y + box.height;
}

/** Checks the card shows step `i` (0-based) and the views show its view. */
async function expectStep(page, i, lang) {
  const step = story.steps[i];
  const card = page.locator('.story-card');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-step', String(i + 1));
  await expect(card.locator('.story-step-title')).toHaveText(step.title[lang]);
  await expect(card.locator('.story-text')).toHaveText(step.text[lang]);
  await expect.poll(() => page.url()).toMatch(new RegExp(`[?&]step=${i + 1}(&|$)`));
  const { view } = step;
  if (view.incident) {
    await expect(page.locator(`.detail[data-incident="${view.incident}"]`)).toBeVisible();
    await expect.poll(() => markInside(page, 'map', view.incident)).toBe(true);
    await expect.poll(() => markInside(page, 'timeline', view.incident)).toBe(true);
  }
  if (view.map) {
    await expect.poll(() => mapOffset(page, view.map.lon, view.map.lat)).toBeLessThan(3);
  }
  if (view.region) await expect.poll(() => page.url()).toContain(`region=${view.region}`);
  if (view.timeline) {
    await expect.poll(() => decodeURIComponent(page.url())).toContain(`timeline=${view.timeline}`);
  } else {
    await expect.poll(() => page.url()).not.toContain('timeline=');
  }
}

async function expectNoSeriousViolations(page, state) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), state).toEqual([]);
}

test('the default dataset has a story of four to six steps', () => {
  expect(N).toBeGreaterThanOrEqual(4);
  expect(N).toBeLessThanOrEqual(6);
});

test('in English: start, step by button and keyboard, reload the link, Escape leaves at the view', async ({ page }) => {
  // Twenty views checked in one walk through the story.
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await openApp(page, '?lang=en');
  const start = page.locator('.story-start');
  await expect(start).toContainText(`Tell the story: ${story.title.en}`);
  await start.click();
  const card = page.locator('.story-card');
  await expect(card).toBeFocused();
  await expectStep(page, 0, 'en');
  await expect(card.locator('.story-count')).toHaveText(`Step 1 of ${N}`);
  await expect(page.locator('.story-announcement')).toHaveText(`Step 1 of ${N}: ${story.steps[0].title.en}`);
  await expect(card.locator('.story-previous')).toBeDisabled();

  await card.locator('.story-next').click();
  await expectStep(page, 1, 'en');
  // Keys on the card: → forward in English, Page Down and Page Up, ←.
  await card.focus();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 2, 'en');
  await page.keyboard.press('PageDown');
  await expectStep(page, 3, 'en');
  await page.keyboard.press('End');
  await expectStep(page, N - 1, 'en');
  await expect(card.locator('.story-next')).toBeDisabled();
  await page.keyboard.press('PageUp');
  await expectStep(page, N - 2, 'en');
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, N - 3, 'en');
  await page.keyboard.press('Home');
  await expectStep(page, 0, 'en');
  await card.locator('.story-next').click();
  await expectStep(page, 1, 'en');

  // The link opens that step.
  const link = page.url();
  await page.goto(link);
  await expectStep(page, 1, 'en');
  // Back to the step before, by the history.
  await card.locator('.story-next').click();
  await expectStep(page, 2, 'en');
  await page.goBack();
  await expectStep(page, 1, 'en');

  // Escape leaves; the view stays.
  await card.focus();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(start).toBeFocused();
  await expect(page.locator('.story-announcement')).toHaveText(/You left the story/);
  await expect.poll(() => page.url()).not.toMatch(/[?&]step=/);
  const { view } = story.steps[1];
  expect(decodeURIComponent(page.url())).toContain(`timeline=${view.timeline}`);
  expect(page.url()).toContain(`incident=${view.incident}`);
  await expect(page.locator(`.detail[data-incident="${view.incident}"]`)).toBeVisible();
  expect(await mapOffset(page, view.map.lon, view.map.lat)).toBeLessThan(3);
  expect(errors).toEqual([]);
});

test('in Arabic: Next goes the reading direction, by button and by ←', async ({ page }) => {
  await openApp(page, '?lang=ar');
  await page.locator('.story-start').click();
  await expectStep(page, 0, 'ar');
  const card = page.locator('.story-card');
  await expect(card.locator('.story-count')).toHaveText(`الخطوة ١ من ${(N).toLocaleString('ar-EG')}`);
  // Right to left: Previous on the right, Next to its left.
  const next = await card.locator('.story-next').boundingBox();
  const previous = await card.locator('.story-previous').boundingBox();
  expect(next.x).toBeLessThan(previous.x);
  await card.locator('.story-next').click();
  await expectStep(page, 1, 'ar');
  await card.focus();
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 2, 'ar');
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 1, 'ar');
  await expectNoSeriousViolations(page, 'the story card (ar)');
});

test('axe stays clean with the story open in English, and in author mode', async ({ page }) => {
  await openApp(page, '?lang=en&author=1');
  await page.locator('.story-start').click();
  await expectStep(page, 0, 'en');
  await expectNoSeriousViolations(page, 'the story card (en)');
});

test('under reduced motion a step lands at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, '?lang=en&step=1');
  await expectStep(page, 0, 'en');
  await page.locator('.story-next').click();
  const target = story.steps[1].view.map;
  // Two frames: the request, then the jump.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await mapOffset(page, target.lon, target.lat)).toBeLessThan(3);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a swipe turns the step; the card and what it points at share the screen', async ({ page }) => {
    await openApp(page, '?lang=en');
    await page.locator('.story-start').click();
    await expectStep(page, 0, 'en');
    const card = page.locator('.story-card');
    const box = await card.boundingBox();
    const client = await page.context().newCDPSession(page);
    const swipe = async (from, to) => {
      const y = box.y + 30;
      await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] });
      for (let k = 1; k <= 6; k += 1) {
        const x = from + ((to - from) * k) / 6;
        await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      }
      await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    // Leftwards in English: the next step.
    await swipe(box.x + box.width - 40, box.x + 40);
    await expectStep(page, 1, 'en');
    // Rightwards: back.
    await swipe(box.x + 40, box.x + box.width - 40);
    await expectStep(page, 0, 'en');
    // The incident's mark is on screen, above the card, not under it.
    const id = story.steps[0].view.incident;
    const mark = await page.evaluate((i) => window.wasmBindings.atlas_mark_position('map', i), id);
    const cardBox = await card.boundingBox();
    expect(mark[1]).toBeGreaterThan(0);
    expect(mark[1]).toBeLessThan(cardBox.y);
    await expect(card.locator('.story-next')).toBeInViewport();
    await expectNoSeriousViolations(page, 'the story on a phone');
  });
});

test('in an embed the card fits in the page', async ({ page }) => {
  await openApp(page, '?lang=en&embed=1');
  await page.locator('.story-start').click();
  await expectStep(page, 0, 'en');
  const card = await page.locator('.story-card').boundingBox();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(card.x).toBeGreaterThanOrEqual(0);
  expect(card.x + card.width).toBeLessThanOrEqual(width);
  await expectNoSeriousViolations(page, 'the story in an embed');
});

test('a story file from the site replaces the dataset story', async ({ page }) => {
  await openApp(page, '?lang=en&story=/__fixtures__/short-story.json&step=2');
  const card = page.locator('.story-card');
  await expect(card.locator('.story-step-title')).toHaveText('Mayadin');
  await expect(card.locator('.story-count')).toHaveText('Step 2 of 2');
  await expect(page.locator('.detail[data-incident="mayadin-desert-bus-2023-08-10"]')).toBeVisible();
  expect(page.url()).toContain('story=/__fixtures__/short-story.json');
});

test('a story with a bad incident id shows a located error, in both languages', async ({ page }) => {
  await page.goto('/index.html?lang=en&story=/__fixtures__/bad-story.json');
  const list = page.locator('.problem-list');
  await expect(list).toBeVisible();
  await expect(list.locator('li').first().locator('.problem-path')).toHaveText('steps[0].view.incident');
  await expect(list).toContainText('no incident with id "x" in the dataset');
  await page.goto('/index.html?lang=ar&story=/__fixtures__/bad-story.json');
  await expect(page.locator('.problem-list')).toContainText('لا توجد في مجموعة البيانات حادثة بالمعرّف "x"');
  await expectNoSeriousViolations(page, 'a broken story (ar)');
  // A story from another site is refused without being fetched.
  await page.goto('/index.html?lang=en&story=https://example.org/s.json');
  await expect(page.locator('.problem-list')).toContainText("must come from the atlas's own site");
});

test('author mode: add the view as a step, get the JSON', async ({ page }) => {
  await openApp(page, '?lang=en&author=1&region=badia&incident=t3-bus-2022-01-02');
  await page.locator('.story-add').click();
  await expect(page.locator('.story-author-count')).toHaveAttribute('data-count', '1');
  await page.locator('.story-start').click();
  await page.locator('.story-next').click();
  await expectStep(page, 1, 'en');
  await page.locator('.story-add').click();
  await expect(page.locator('.story-author-count')).toHaveAttribute('data-count', '2');
  const json = JSON.parse(await page.locator('#story-json').inputValue());
  expect(json.steps).toHaveLength(2);
  expect(json.steps[0].view).toEqual({ region: 'badia', incident: 't3-bus-2022-01-02' });
  expect(json.steps[1].view.incident).toBe(story.steps[1].view.incident);
  expect(json.steps[1].view.timeline).toBe(story.steps[1].view.timeline);
  expect(json.steps[0].title.en).toBe(dataset.incidents.find((i) => i.id === 't3-bus-2022-01-02').title.en);
});
