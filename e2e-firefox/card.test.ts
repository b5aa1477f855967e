/**
 * The card in Firefox: hover a mention → the card (an open shadow root's `[role=dialog]`) shows
 * Tarana Burke's words → Escape closes it; on the X-like, Mastodon-like and LinkedIn-like fixtures.
 * Then the extension's own pages: the settings switch and the bundled article.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  closeFirefox,
  firefox,
  gotoExtensionPage,
  highlightedTexts,
  mentionPoint,
  newPage,
  openCard,
  pageState,
  poll,
  waitForHighlights,
} from './support.ts';

after(closeFirefox);

const CARD_CASES = [
  { site: 'X', url: 'https://x.com/home', highlights: ['#MeToo'] },
  {
    site: 'Mastodon',
    url: 'https://mastodon.social/tags/MeToo',
    highlights: ['#MeToo', '#MeToo', '#MoiAussi', '#metoo', '#MeToo'],
  },
  { site: 'LinkedIn', url: 'https://www.linkedin.com/feed', highlights: ['#MeToo', '#metoo'] },
] as const;

describe('Firefox: hover → card → Escape', () => {
  for (const { site, url, highlights } of CARD_CASES) {
    test(`${site}: the card opens on hover with Burke's words, and Escape closes it`, async () => {
      const { page, consoleErrors } = await newPage();
      try {
        await page.goto(url);
        assert.deepEqual(
          await waitForHighlights(page, highlights),
          [...highlights].sort(),
          await pageState(page),
        );
        assert.equal(await openCard(page), null, 'no card before the hover');

        const point = await mentionPoint(page);
        await page.mouse.move(point.x, point.y);
        const card = await poll(
          () => openCard(page),
          (value) => value !== null,
          3_000,
        );
        assert.ok(card, 'the card opens after the dwell');
        assert.match(card.name, /#MeToo/i);
        assert.match(card.text, /Tarana Burke/);

        await page.keyboard.press('Escape');
        assert.equal(
          await poll(
            () => openCard(page),
            (value) => value === null,
            2_000,
          ),
          null,
          'Escape closes the card',
        );
        assert.deepEqual(consoleErrors, []);
      } finally {
        await page.close();
      }
    });
  }
});

describe('Firefox: the extension pages', () => {
  test('the settings page’s enable switch turns highlights off and on in an open tab', async () => {
    await firefox();
    const { page } = await newPage();
    // The settings in a window of their own, so that the page stays a visible tab: Firefox throttles
    // a background tab's timers to 1 s (dom.min_background_timeout_value and budget throttling),
    // which the content script's setTimeout-based waits then add to the one second allowed.
    const { page: options, consoleErrors } = await newPage({ window: true });
    try {
      await page.goto('https://x.com/home');
      assert.deepEqual(await waitForHighlights(page, ['#MeToo']), ['#MeToo']);
      await gotoExtensionPage(options, '/options.html');
      // The first switch whose label says "enable" (CONTRACT.md), by its id.
      const id = await (
        await options.waitForFunction(() => {
          for (const input of document.querySelectorAll<HTMLInputElement>(
            'input[type="checkbox"], [role="switch"]',
          )) {
            const name = [...(input.labels ?? [])].map((label) => label.textContent).join(' ');
            if (/enable/i.test(name || input.getAttribute('aria-label') || '')) return input.id;
          }
          return null;
        })
      ).jsonValue();
      assert.ok(id, 'an enable switch with an id');
      const enable = `[id="${id}"]`;
      assert.equal(
        await options.$eval(enable, (input) => (input as HTMLInputElement).checked),
        true,
      );

      await options.click(enable);
      assert.deepEqual(
        await poll(
          () => highlightedTexts(page),
          (texts) => texts.length === 0,
          1_000,
        ),
        [],
      );
      await options.click(enable);
      assert.deepEqual(
        await poll(
          () => highlightedTexts(page),
          (texts) => texts.length === 1,
          1_000,
        ),
        ['#MeToo'],
      );
      assert.deepEqual(consoleErrors, []);
    } finally {
      await options.close();
      await page.close();
    }
  });

  test('the bundled article opens as a reading page', async () => {
    const { page, consoleErrors } = await newPage();
    try {
      await gotoExtensionPage(page, '/article.html');
      const text = await poll(
        () => page.evaluate(() => document.body.innerText),
        (value) => value.includes('Tarana Burke'),
      );
      assert.match(text, /Tarana Burke/);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.close();
    }
  });
});
