/**
 * A site the user adds, in Firefox: the settings page asks for that one origin (an optional host
 * permission of MV3), the background registers the content script for it (scripting API), and its
 * pages are read from then on; removing the site stops that again.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  closeFirefox,
  gotoExtensionPage,
  highlightedTexts,
  newPage,
  poll,
  waitForHighlights,
} from './support.ts';

after(closeFirefox);

const SITE = 'blog.example.org';

/** The match patterns of the content script registered for the user's sites, asked of an extension page. */
function registeredMatches(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(async () => {
    const scripting = (
      globalThis as unknown as {
        browser: {
          scripting: {
            getRegisteredContentScripts(filter: {
              ids: string[];
            }): Promise<{ matches?: string[] }[]>;
          };
        };
      }
    ).browser.scripting;
    const scripts = await scripting.getRegisteredContentScripts({ ids: ['metoo-user-sites'] });
    return scripts.flatMap((script) => script.matches ?? []);
  });
}
const URL = `https://${SITE}/`;

describe('Firefox: a site the user adds', () => {
  test('is read once added in the settings, and no longer once removed', async () => {
    const { page, consoleErrors } = await newPage();
    const { page: options } = await newPage();
    try {
      await page.goto(URL);
      await new Promise((done) => setTimeout(done, 1_000));
      assert.deepEqual(await highlightedTexts(page), [], 'not one of the built-in sites');

      await gotoExtensionPage(options, '/options.html');
      await options.type('form.add-site input', SITE);
      await options.click('form.add-site button[type="submit"]');
      const pattern = `https://${SITE}/*`;
      const listed = await poll(
        () => options.$$eval('ul.sites li', (items) => items.map((item) => item.textContent ?? '')),
        (items) => items.some((text) => text.includes(pattern)),
      );
      assert.ok(
        listed.some((text) => text.includes(pattern)),
        `listed: ${JSON.stringify(listed)}`,
      );

      // The registration follows the permission (permissions.onAdded): new loads get the script.
      const afterAdding = await poll(
        async () => {
          await page.reload();
          return waitForHighlights(page, ['#MeToo'], 1_000);
        },
        (texts) => texts.length === 1,
        10_000,
      );
      assert.deepEqual(afterAdding, ['#MeToo']);
      assert.deepEqual(await registeredMatches(options), [pattern]);

      await options.click(`ul.sites li button[aria-label*="${SITE}"]`);
      const afterRemoving = await poll(
        async () => {
          await page.reload();
          await new Promise((done) => setTimeout(done, 500));
          return highlightedTexts(page);
        },
        (texts) => texts.length === 0,
        10_000,
      );
      assert.deepEqual(afterRemoving, []);
      // And the background unregistered the script (permissions.onRemoved), not only lost the right.
      assert.deepEqual(
        await poll(
          () => registeredMatches(options),
          (matches) => matches.length === 0,
        ),
        [],
      );
      assert.deepEqual(consoleErrors, []);
    } finally {
      await options.close();
      await page.close();
    }
  });
});
