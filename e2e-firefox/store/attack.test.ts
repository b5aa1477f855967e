/**
 * The page as an adversary in Firefox, on the store build (`FIREFOX_EXTENSION_DIR=.output/firefox-mv3`,
 * which `scripts/test-firefox.ts` sets for this folder): the card's element has a name drawn per page
 * and a closed root, so the page's world sees only that a popover is open, and the attacks run there.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  closeFirefox,
  EXTENSION_ID,
  mentionPoint,
  newPage,
  pageState,
  poll,
  waitForHighlights,
} from '../support.ts';

after(closeFirefox);

/**
 * What the page's world sees of the card: the document's one open popover, through selectors only
 * (Firefox denies the page any property of an element the content script defined).
 */
function cardElement(page: Page): Promise<{ testName: boolean } | null> {
  return page.evaluate(() =>
    document.querySelector(':popover-open')
      ? { testName: document.querySelector('metoo-context:popover-open') !== null }
      : null,
  );
}

async function hoverOpen(page: Page): Promise<{ testName: boolean }> {
  const point = await mentionPoint(page);
  await page.mouse.move(point.x, point.y);
  const card = await poll(
    () => cardElement(page),
    (value) => value !== null,
    3_000,
  );
  assert.ok(card, 'the card opens on hover');
  return card;
}

function addPost(page: Page): Promise<void> {
  return page.evaluate(() => {
    const post = document.createElement('article');
    post.textContent = 'Another post about #MeToo';
    document.querySelector('main')?.append(post);
  });
}

describe('Firefox, store build: the page as an adversary', () => {
  test('names defined before the extension runs, <metoo-context> among them, leave the card working', async () => {
    const { page } = await newPage();
    try {
      await page.evaluateOnNewDocument(() => {
        class Squatter extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).textContent = 'squatted';
          }
        }
        customElements.define('metoo-context', class extends Squatter {});
        const letters = 'abcdefghijklmnopqrstuvwxyz';
        const pick = (n: number) =>
          Array.from({ length: n }, () => letters[Math.floor(Math.random() * 26)]).join('');
        for (let i = 0; i < 2_000; i++) {
          try {
            customElements.define(`${pick(4 + (i % 4))}-${pick(6)}`, class extends Squatter {});
          } catch {
            // drew a name twice
          }
        }
      });
      await page.goto('https://x.com/home');
      assert.deepEqual(
        await waitForHighlights(page, ['#MeToo']),
        ['#MeToo'],
        await pageState(page),
      );
      const card = await hoverOpen(page);
      assert.equal(card.testName, false, 'the card is not <metoo-context>');
      const inside = await page.evaluate(() => {
        try {
          return document.querySelector(':popover-open')?.shadowRoot?.textContent ?? null;
        } catch {
          return null; // not even the element's properties
        }
      });
      assert.equal(inside, null, 'the page cannot read the card');
    } finally {
      await page.close();
    }
  });

  // (A post added after the first mention on this page is not highlighted in Firefox within 5 s,
  // forged event or not: to be looked into; Chromium's attack suite checks that part.)
  test('a forged WXT "content script started" event leaves highlights and card working', async () => {
    const { page } = await newPage();
    try {
      await page.goto('https://x.com/home');
      assert.deepEqual(
        await waitForHighlights(page, ['#MeToo']),
        ['#MeToo'],
        await pageState(page),
      );
      await page.evaluate((id) => {
        for (const name of [
          `${id}:content:wxt:content-script-started`,
          'wxt:content-script-started',
          `${id}:content:wxt:locationchange`,
        ]) {
          const detail = { contentScriptName: 'content', messageId: 'forged' };
          document.dispatchEvent(new CustomEvent(name, { detail }));
          window.dispatchEvent(new CustomEvent(name, { detail }));
          window.postMessage({ type: name, ...detail }, '*');
        }
      }, EXTENSION_ID);
      await new Promise((done) => setTimeout(done, 1_000));
      assert.deepEqual(await waitForHighlights(page, ['#MeToo']), ['#MeToo']);
      await hoverOpen(page);
    } finally {
      await page.close();
    }
  });

  test('a page without a mention sees no highlight and no style sheet; one with a mention does', async () => {
    const { page } = await newPage();
    try {
      await page.goto('https://x.com/quiet/');
      await new Promise((done) => setTimeout(done, 1_000));
      const traces = () =>
        page.evaluate(() => ({
          highlights: CSS.highlights.size,
          sheets: document.adoptedStyleSheets.length,
        }));
      assert.deepEqual(await traces(), { highlights: 0, sheets: 0 });
      await addPost(page);
      assert.deepEqual(await waitForHighlights(page, ['#MeToo']), ['#MeToo']);
      assert.deepEqual(await traces(), { highlights: 1, sheets: 1 });
    } finally {
      await page.close();
    }
  });
});
