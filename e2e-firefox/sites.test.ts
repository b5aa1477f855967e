/**
 * Detection in Firefox: the same site fixtures and expectations as the Chromium suite
 * (e2e/scan/site-cases.ts), under the sites' real host names, with the manifest's real match patterns.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { SITE_CASES } from '../e2e/scan/site-cases.ts';
import {
  closeFirefox,
  extensionRequests,
  firefox,
  newPage,
  pageState,
  waitForHighlights,
} from './support.ts';

after(closeFirefox);

describe('Firefox: every site fixture', () => {
  for (const { site, url, highlights } of SITE_CASES) {
    test(`${site}: highlights exactly the page's mentions`, async () => {
      const { requests } = await firefox();
      const before = requests.length;
      const { page, consoleErrors } = await newPage();
      try {
        await page.goto(url);
        const seen = await waitForHighlights(page, highlights);
        assert.deepEqual(seen, [...highlights].sort(), await pageState(page));
        assert.deepEqual(consoleErrors, []);
        assert.deepEqual(extensionRequests(requests.slice(before)), []);
      } finally {
        await page.close();
      }
    });
  }

  test('Facebook: text shown by "See more" is read when it arrives', async () => {
    const { page, consoleErrors } = await newPage();
    try {
      await page.goto('https://www.facebook.com/groups/survivors');
      assert.deepEqual(await waitForHighlights(page, ['#MeToo']), ['#MeToo']);
      await page.locator('::-p-aria(See more[role="button"])').click();
      assert.deepEqual(await waitForHighlights(page, ['#MeToo', '#MoiAussi']), [
        '#MeToo',
        '#MoiAussi',
      ]);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.close();
    }
  });

  test('YouTube: lazily loaded comments are read', async () => {
    const { page, consoleErrors } = await newPage();
    try {
      await page.goto('https://www.youtube.com/watch?v=abc123');
      const first = ['#MeToo', 'Me Too movement', '#MeToo'];
      assert.deepEqual(await waitForHighlights(page, first), [...first].sort());
      await page.mouse.move(400, 400);
      await page.mouse.wheel({ deltaY: 600 });
      const all = [...first, '#MoiAussi'];
      assert.deepEqual(await waitForHighlights(page, all), [...all].sort());
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.close();
    }
  });

  test('an embedded post swapped for its frame loses its highlight', async () => {
    const { page, consoleErrors } = await newPage();
    try {
      await page.goto('https://metoo-history.tumblr.com/post/1/me-too-movement');
      await page.waitForSelector('iframe', { timeout: 5_000 });
      const expected = ['Me Too movement', 'Me Too movement', '#MeToo', '#MoiAussi'];
      assert.deepEqual(await waitForHighlights(page, expected), [...expected].sort());
      assert.deepEqual(consoleErrors, []);
    } finally {
      await page.close();
    }
  });
});
