import type { Worker } from '@playwright/test';
import {
  activeTabId,
  openOptions,
  openPopup,
  cardDialog,
  cardOpenedAfter,
  expect,
  expectHighlights,
  openCardFixture,
  highlightedTexts,
  mentionPoint,
  resetSettings,
  tabIdOf,
  test,
  watchCardOpening,
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
    const options = await openOptions(extensionContext, extensionId);
    const enable = options.getByRole('switch', { name: /enable/i }).first();
    await expect(enable).toBeChecked();
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
    );

    await enable.uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    await enable.check();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual(['#MeToo']);
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
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
    const options = await openOptions(extensionContext, extensionId);
    const other = await extensionContext.newPage();
    await other.goto('https://bsky.app/profile/alice.bsky.social/post/3kabc');
    await expectHighlights(other, ['#MeToo', '#MeToo', '#MeToo', '#MeToo']);
    await options.getByRole('switch', { name: 'X', exact: true }).uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    // No other site went with it.
    await other.waitForTimeout(300);
    expect(await highlightedTexts(other)).toHaveLength(4);
    await other.close();
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
    await openCardFixture(page);
    const popup = await openPopup(page, extensionContext, extensionId, serviceWorker);
    await expect(popup.getByRole('heading', { name: 'On this page: 4 mentions' })).toBeVisible();
    const items = popup.getByRole('region', { name: /On this page/ }).getByRole('listitem');
    await expect(items).toHaveCount(4);
    await expect(popup.getByText('Tarana Burke started the movement')).toBeVisible();
    // The last one, so that opening the first would not pass for it.
    const item = items.filter({ hasText: '#MoiAussi' });
    // A few words either side of the mention.
    await expect(item).toContainText('En français');
    await expect(item).toContainText('au Québec');
    await item.getByRole('button').click();
    await expect(cardDialog(page)).toHaveAccessibleName(/^#MoiAussi /);
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
    const popup = await openPopup(page, extensionContext, extensionId, serviceWorker);
    await popup.getByRole('switch', { name: /On this site/ }).uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    // Only this site: the switch for everywhere stays on, and so does the stored global switch.
    await expect(popup.getByRole('switch', { name: /everywhere/i })).toBeChecked();
    const stored = await serviceWorker.evaluate(() => chrome.storage.sync.get('settings'));
    expect(stored.settings).toMatchObject({ enabled: true, sites: { x: false } });
    await popup.close();
  });

  test('the popup says when it is off here, and its list follows its own switch', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/card/');
    await expectHighlights(page, ['#MeToo', '#MeToo', '#MeTooMovement', '#MoiAussi']);
    await serviceWorker.evaluate(() =>
      chrome.storage.sync.set({ settings: { version: 1, sites: { x: false } } }),
    );
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    const popup = await openPopup(page, extensionContext, extensionId, serviceWorker);
    const section = popup.getByRole('region', { name: /On this page/ });
    // Off for the site: not "no mentions", which the page has.
    await expect(section).toContainText('MeToo Context is off here');
    await expect(popup.getByText('No mentions of #MeToo here.')).toHaveCount(0);
    const site = popup.getByRole('switch', { name: /On this site/ });
    await site.check();
    await expectHighlights(page, ['#MeToo', '#MeToo', '#MeTooMovement', '#MoiAussi']);
    await expect(popup.getByRole('heading', { name: 'On this page: 4 mentions' })).toBeVisible({
      timeout: 3_000,
    });
    await expect(section.getByRole('listitem')).toHaveCount(4);
    // The list came back without taking focus from the switch.
    await expect(site).toBeFocused();
    await site.uncheck();
    await expect(section).toContainText('MeToo Context is off here', { timeout: 3_000 });
    await expect(section.getByRole('listitem')).toHaveCount(0);
    await popup.close();
  });

  test('on the extension’s own pages the popup offers no switch or permission for a site', async ({
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    const options = await openOptions(extensionContext, extensionId);
    const popup = await openPopup(options, extensionContext, extensionId, serviceWorker);
    await expect(popup.getByRole('heading', { name: 'On this page' })).toBeVisible();
    await expect(popup.getByRole('switch', { name: /On this site/ })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Always run on this site' })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Scan this page' })).toHaveCount(0);
    await expect(popup.getByRole('switch', { name: /everywhere/i })).toBeVisible();
    await popup.close();
  });

  test('the settings page shows changes made elsewhere: the popup, another settings tab', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const options = await openOptions(extensionContext, extensionId);
    const x = options.getByRole('switch', { name: 'X', exact: true });
    await expect(x).toBeChecked();
    const popup = await openPopup(page, extensionContext, extensionId, serviceWorker);
    await popup.getByRole('switch', { name: /On this site/ }).uncheck();
    await expect(x).not.toBeChecked({ timeout: 3_000 });
    await popup.close();
    const second = await openOptions(extensionContext, extensionId);
    await second.getByRole('radio', { name: 'On click' }).check();
    await second.getByRole('radio', { name: 'Dark' }).check();
    await second.getByRole('checkbox', { name: /related campaigns/i }).check();
    await expect(second.getByText('Saved.')).toBeVisible();
    await expect(options.getByRole('radio', { name: 'On click' })).toBeChecked({ timeout: 3_000 });
    await expect(options.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(options.getByRole('checkbox', { name: /related campaigns/i })).toBeChecked();
    await expect(x).not.toBeChecked();
    await second.close();
    await options.close();
  });

  test('adding a site that is already listed says so, and asks for nothing', async ({
    extensionContext,
    extensionId,
  }) => {
    const options = await openOptions(extensionContext, extensionId);
    await options.getByRole('textbox', { name: 'Add a site' }).fill('www.x.com');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect(options.locator('p.status')).toHaveText(
      'www.x.com is one of the sites above already.',
    );
    await expect(options.getByRole('list', { name: /sites you added/i })).toContainText(
      'No other sites yet',
    );
    await options.close();
  });

  test('the popup’s switch for everywhere turns it off in every tab, and back on', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const other = await extensionContext.newPage();
    await other.goto('https://bsky.app/profile/alice.bsky.social/post/3kabc');
    await expectHighlights(other, ['#MeToo', '#MeToo', '#MeToo', '#MeToo']);
    const popup = await openPopup(page, extensionContext, extensionId, serviceWorker);
    const everywhere = popup.getByRole('switch', { name: /everywhere/i });
    await everywhere.uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    await expect.poll(() => highlightedTexts(other), { timeout: 1_000 }).toEqual([]);
    const stored = await serviceWorker.evaluate(() => chrome.storage.sync.get('settings'));
    expect(stored.settings).toMatchObject({ enabled: false, sites: {} });
    await everywhere.check();
    await expectHighlights(page, ['#MeToo']);
    await expectHighlights(other, ['#MeToo', '#MeToo', '#MeToo', '#MeToo']);
    await other.close();
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

test.describe('keyboard command and context menu', () => {
  test('the keyboard command’s message opens the card for the mention nearest the middle', async ({
    page,
    serviceWorker,
  }) => {
    // A small window, where the mention nearest its middle is the last one, #MoiAussi.
    await page.setViewportSize({ width: 400, height: 380 });
    await openCardFixture(page);
    const tabId = await tabIdOf(serviceWorker, page.url());
    // What the background sends when the command fires (commands can't be pressed in a headless run).
    await serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'open-nearest' }),
      tabId,
    );
    await expect(cardDialog(page)).toHaveAccessibleName(/^#MoiAussi /);
  });

  test('“Show #MeToo context” on a selection opens the card for the mention in it', async ({
    page,
    serviceWorker,
  }) => {
    await openCardFixture(page);
    await page.locator('#translation').selectText();
    const tabId = await tabIdOf(serviceWorker, page.url());
    await serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'open-selection' }),
      tabId,
    );
    await expect(cardDialog(page)).toHaveAccessibleName(/^#MoiAussi /);
  });

  test('the background registers the context-menu item and the command', async ({
    serviceWorker,
  }) => {
    const commands = await serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.map((c) => c.name)).toContain('open-nearest');
    // Updating an item rejects when the background never created it.
    const menu = await serviceWorker.evaluate(() =>
      chrome.contextMenus.update('show-metoo-context', {}).then(
        () => 'registered',
        (error: unknown) => String(error),
      ),
    );
    expect(menu).toBe('registered');
  });
});

test.describe('each setting reaches an open tab', () => {
  test.afterEach(async ({ serviceWorker }) => {
    await resetSettings(serviceWorker);
  });

  const store = (worker: Worker, settings: Record<string, unknown>) =>
    worker.evaluate(
      (value) => chrome.storage.sync.set({ settings: { version: 1, ...value } }),
      settings,
    );

  test('translations off, related campaigns on', async ({ page, serviceWorker }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    await store(serviceWorker, { related: true });
    await expectHighlights(page, ['#MeToo', '#TimesUp']);
    await openCardFixture(page);
    await store(serviceWorker, { translations: false });
    await expectHighlights(page, ['#MeToo', '#MeToo', '#MeTooMovement']);
  });

  test('click mode: resting the pointer does nothing, a click opens the card', async ({
    page,
    serviceWorker,
  }) => {
    await store(serviceWorker, { trigger: 'click' });
    await openCardFixture(page);
    const point = await mentionPoint(page, 3);
    await page.mouse.move(point.x, point.y);
    // Longer than the longest dwell the settings allow (DWELL_RANGE.max, 2 s).
    await page.waitForTimeout(2_300);
    await expect(cardDialog(page)).toHaveCount(0);
    await page.mouse.click(point.x, point.y);
    await expect(cardDialog(page)).toBeVisible();
    await expect(cardDialog(page).getByRole('button', { name: 'Close' })).toBeVisible();
  });

  test('the dwell setting sets how long the pointer rests before the card opens', async ({
    page,
    serviceWorker,
  }) => {
    await store(serviceWorker, { dwellMs: 1500 });
    await openCardFixture(page);
    await watchCardOpening(page);
    const point = await mentionPoint(page, 3);
    await page.mouse.move(point.x, point.y);
    await expect(cardDialog(page)).toBeVisible({ timeout: 4_000 });
    expect(await cardOpenedAfter(page)).toBeGreaterThanOrEqual(1_400);
  });

  test('a dark theme chosen in settings wins over a light system', async ({
    page,
    serviceWorker,
  }) => {
    await store(serviceWorker, { theme: 'dark', dwellMs: 200 });
    await openCardFixture(page);
    const point = await mentionPoint(page);
    await page.mouse.move(point.x, point.y);
    await expect(cardDialog(page)).toBeVisible({ timeout: 1_000 });
    expect(await cardDialog(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(28, 31, 36)',
    );
  });

  test('the highlight style follows the setting', async ({ page, serviceWorker }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const rule = () =>
      page.evaluate(() =>
        [...document.adoptedStyleSheets]
          .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
          .filter((text) => text.includes('metoo-mention'))
          .join(' '),
      );
    expect(await rule()).toContain('underline');
    await store(serviceWorker, { highlightStyle: 'background' });
    await expect.poll(rule, { timeout: 1_000 }).toContain('background-color');
    await store(serviceWorker, { highlightStyle: 'none' });
    await expect.poll(rule, { timeout: 1_000 }).toBe('');
    await expectHighlights(page, ['#MeToo']);
  });
});

test.describe('on a site it does not run on', () => {
  test('the page is left alone; without a toolbar click the popup’s one-off scan is refused, and says so', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://blog.example.org/');
    await page.waitForTimeout(500);
    expect(await highlightedTexts(page)).toEqual([]);
    const tabId = await activeTabId(serviceWorker, page);
    const popup = await extensionContext.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.getByText('MeToo Context isn’t running on this page.')).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Scan this page' })).toBeVisible();
    // Outside a real toolbar click there is no activeTab grant: the popup can't read the tab's address
    // (so it can't offer "Always run on this site" for it), and the scan is refused, saying so.
    await expect(popup.getByRole('button', { name: 'Always run on this site' })).toHaveCount(0);
    await popup.getByRole('button', { name: 'Scan this page' }).click();
    await expect(popup.locator('p.status')).toContainText('can’t be scanned');
    expect(await highlightedTexts(page)).toEqual([]);
    await popup.close();
  });
});

test.describe('the settings page’s preview and reset', () => {
  test.afterEach(async ({ serviceWorker }) => {
    await resetSettings(serviceWorker);
  });

  test('the preview follows the mark and the theme; reset brings every default back, in open tabs too', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const options = await openOptions(extensionContext, extensionId);
    const previewRules = () =>
      options.evaluate(() =>
        [...document.adoptedStyleSheets]
          .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
          .filter((text) => text.includes('::highlight(metoo-mention)'))
          .join('\n'),
      );
    const cardBackground = () =>
      options.evaluate(() => {
        const card = document.querySelector('.card-preview')?.shadowRoot?.querySelector('.card');
        return card ? getComputedStyle(card).backgroundColor : null;
      });
    expect(await previewRules()).toContain('text-decoration');
    const light = await cardBackground();

    await options.getByRole('radio', { name: 'A tinted background' }).check();
    await expect.poll(previewRules).toContain('background-color');
    await options.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(cardBackground).not.toBe(light);
    // The open tab's highlight changed with it.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.adoptedStyleSheets]
            .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
            .some(
              (text) =>
                text.includes('::highlight(metoo-mention)') && text.includes('background-color'),
            ),
        ),
      )
      .toBe(true);

    await options.getByRole('switch', { name: 'X', exact: true }).uncheck();
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(options.locator('p.status')).toHaveText(
      'All settings are back to their defaults.',
    );
    await expect(options.getByRole('button', { name: 'Reset to defaults' })).toBeFocused();
    await expect(options.getByRole('radio', { name: 'A dotted underline' })).toBeChecked();
    await expect(options.getByRole('radio', { name: 'Automatic' })).toBeChecked();
    await expect(options.getByRole('switch', { name: 'X', exact: true })).toBeChecked();
    await expect.poll(cardBackground).toBe(light);
    await expectHighlights(page, ['#MeToo']);
    const stored = await serviceWorker.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      return settings as { highlightStyle?: string; theme?: string; sites?: object } | undefined;
    });
    expect(stored).toMatchObject({ highlightStyle: 'underline', theme: 'auto', sites: {} });
    await options.close();
  });
});

test.describe('touch', () => {
  test('a tap on a mention opens its card; a tap elsewhere closes it', async ({
    page,
    extensionContext,
  }) => {
    await openCardFixture(page);
    const cdp = await extensionContext.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const tap = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    // #MoiAussi is plain text (a tap on a hashtag link follows the link, as on the site).
    const point = await mentionPoint(page, 3);
    await tap(point.x, point.y);
    await expect(cardDialog(page)).toHaveAccessibleName(/^#MoiAussi /);
    await tap(5, 600);
    await expect(cardDialog(page)).toHaveCount(0);
    await cdp.detach();
  });
});
