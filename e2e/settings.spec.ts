import {
  cardDialog,
  expect,
  expectHighlights,
  highlightedTexts,
  resetSettings,
  tabIdOf,
  test,
} from './support/fixtures';

test.describe('settings, popup and badge', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await resetSettings(serviceWorker);
  });

  test('the options page’s enable switch turns highlights off and on in an open tab, no reload', async ({
    page,
    extensionContext,
    extensionId,
    consoleErrors,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const options = await extensionContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const enable = options.getByRole('switch', { name: /enable/i }).first();
    await expect(enable).toBeChecked();

    await enable.uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    await enable.check();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual(['#MeToo']);
    await options.close();
    expect(consoleErrors).toEqual([]);
  });

  test('a per-site switch leaves that site alone and no other', async ({
    page,
    extensionContext,
    extensionId,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const options = await extensionContext.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('switch', { name: 'X', exact: true }).uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    await options.getByRole('switch', { name: 'X', exact: true }).check();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual(['#MeToo']);
    await options.close();
  });

  test('the popup counts and lists the page’s mentions, and a click opens that card', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const tabId = await tabIdOf(serviceWorker, page.url());
    const popup = await extensionContext.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.getByRole('heading', { name: 'On this page: 1 mention' })).toBeVisible();
    const item = popup
      .getByRole('region', { name: /On this page/ })
      .getByRole('listitem')
      .filter({ hasText: '#MeToo' });
    await expect(item).toContainText('still listening');
    await expect(popup.getByText('Tarana Burke started the movement')).toBeVisible();
    await item.getByRole('button').click();
    await expect(cardDialog(page)).toBeVisible();
    await expect(cardDialog(page)).toContainText('Tarana Burke');
    await popup.close();
  });

  test('the popup’s switch for this site turns it off there', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const tabId = await tabIdOf(serviceWorker, page.url());
    const popup = await extensionContext.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('switch', { name: /On this site/ }).uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    await popup.close();
  });

  test('the toolbar badge shows the tab’s mention count', async ({ page, serviceWorker }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const tabId = await tabIdOf(serviceWorker, page.url());
    await expect
      .poll(() => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe('1');
    const title = await serviceWorker.evaluate(
      (id) => chrome.action.getTitle({ tabId: id }),
      tabId,
    );
    expect(title).toMatch(/1 mention/);
  });

  test('the manifest asks for the least it needs', async ({ serviceWorker }) => {
    const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      ['activeTab', 'contextMenus', 'scripting', 'storage'].sort(),
    );
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    for (const pattern of manifest.host_permissions ?? []) {
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z.]+\/\*$/);
    }
    expect(manifest.content_security_policy).toBeUndefined();
  });
});
