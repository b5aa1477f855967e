/**
 * Firefox: the extension updated or removed while a page is open, with a card open and posts
 * arriving. An update (the same build installed again, as a new version or the reload button of
 * about:debugging does) hands the page to the new script, which reads what came meanwhile; a
 * removal leaves the page working, with no error in its console.
 *
 * What Firefox does not allow: it ends the old script's sandbox at once, without an event the script
 * could act on, so what that script put in the page (its open card, its marks) stays until the page
 * is reloaded. The new script's marks replace the old ones (one highlight name); the old card stays
 * open beside the new one. Chromium ends its scripts differently: see e2e/hostile.spec.ts.
 *
 * This file runs last (files run in name order) and removes the extension at its end, then installs
 * it again, so the browser is left as the other files found it.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  closeFirefox,
  firefox,
  firefoxBuildDir,
  mentionPoint,
  newPage,
  openCard,
  pageState,
  poll,
  waitForHighlights,
} from './support.ts';
import * as probes from '../test/probes.ts';

after(closeFirefox);

async function hoverOpensCard(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  const point = await mentionPoint(page);
  await page.mouse.move(point.x, point.y);
  const card = await poll(
    () => openCard(page),
    (value) => value !== null,
    3_000,
  );
  assert.ok(card, `the card opens on hover (${await pageState(page)})`);
  assert.match(card.text, /Tarana Burke/);
}

/** How many card elements the page holds (open roots: this is the test build). */
function cardHosts(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('metoo-context').length);
}

describe('Firefox: the extension updated or removed under an open page', () => {
  test('updated: the new script reads the page, the posts that came meanwhile too, and opens its card', async () => {
    const { browser } = await firefox();
    const { page, consoleErrors } = await newPage();
    try {
      await page.goto('https://x.com/home');
      assert.deepEqual(await waitForHighlights(page, ['#MeToo']), ['#MeToo']);
      await hoverOpensCard(page);
      await page.evaluate(probes.keepPosting, 40);
      await browser.installExtension(firefoxBuildDir());

      // The new script reads the whole page, the posts that came meanwhile too.
      const all = Array.from({ length: 41 }, () => '#MeToo');
      assert.deepEqual(await waitForHighlights(page, all, 10_000), all, await pageState(page));
      // Its own card opens on a mention (beside the old script's, which Firefox leaves in the page).
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await page.evaluate(() => {
        const posts = document.querySelectorAll('article');
        posts[posts.length - 1]?.scrollIntoView({ block: 'center' });
      });
      const point = await mentionPoint(page, 40);
      await page.mouse.move(point.x, point.y);
      assert.equal(
        await poll(
          () => cardHosts(page),
          (value) => value === 2,
          3_000,
        ),
        2,
        'the new script’s card joins the page',
      );
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.close();
    }
  });

  test('removed: the page goes on, with no error', async () => {
    const { browser, extensionId } = await firefox();
    const { page, consoleErrors } = await newPage();
    try {
      await page.goto('https://x.com/home');
      assert.deepEqual(await waitForHighlights(page, ['#MeToo']), ['#MeToo']);
      await hoverOpensCard(page);
      const posts = () => page.evaluate(() => document.querySelectorAll('article').length);
      const before = await posts();
      await page.evaluate(probes.keepPosting, 40);
      await browser.uninstallExtension(extensionId);
      // The page goes on: its posts keep coming and its own script runs, with nothing thrown.
      await new Promise((done) => setTimeout(done, 1_500));
      assert.equal(await posts(), before + 40, 'the page’s own script went on adding posts');
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.close();
      await browser.installExtension(firefoxBuildDir());
    }
  });
});
