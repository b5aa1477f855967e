import { expect, test } from '@playwright/test';
import { launchBeforeInstall, type BrowserBeforeInstall } from './support/browser';
import { activeTabId } from './support/fixtures';
import { startFixtureServer } from './support/server';

/** The popup for the tab at `url`, after the reader clicked the toolbar button there. */
async function popupAfterClick(browser: BrowserBeforeInstall, id: string, url: string) {
  const page = await browser.context.newPage();
  await page.goto(url);
  const worker =
    browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker'));
  const tabId = await activeTabId(worker, page);
  await browser.clickToolbarButton(id, url);
  // The browser's own popup opens once the grant is made; this one waits for it the same way.
  await expect
    .poll(() => worker.evaluate(async (tab) => (await chrome.tabs.get(tab)).url ?? '', tabId))
    .toBe(url);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
  return popup;
}

test.describe('on a fediverse server it does not list', () => {
  test('the toolbar click recognises a Mastodon server and offers to always run there first', async () => {
    const { server, port } = await startFixtureServer();
    const browser = await launchBeforeInstall(port);
    try {
      const id = await browser.install();
      // A first install opens the welcome page; the pages below come after it, in front of it.
      const worker =
        browser.context.serviceWorkers()[0] ??
        (await browser.context.waitForEvent('serviceworker'));
      await expect
        .poll(() =>
          worker.evaluate(async () =>
            (await chrome.tabs.query({})).some((tab) => tab.url?.endsWith('/welcome.html')),
          ),
        )
        .toBe(true);
      const mastodon = await popupAfterClick(browser, id, 'https://fosstodon.org/');
      const offers = mastodon.locator('p.buttons button');
      await expect(offers.first()).toHaveText('Always run on this Mastodon server');
      await expect(offers.nth(1)).toHaveText('Scan this page');
      // A page whose markup names no server keeps the plain offer, after the one-off scan.
      const blog = await popupAfterClick(browser, id, 'https://blog.example.org/');
      await expect(blog.locator('p.buttons button').nth(1)).toHaveText('Always run on this site');
      await expect(blog.getByText('Mastodon server')).toHaveCount(0);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
