import type { Worker } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import {
  activeTabId,
  cardDialog,
  cardOpenedAfter,
  expect,
  expectHighlights,
  openCardFixture,
  highlightedTexts,
  mentionPoint,
  resetSettings,
  revealListed,
  tabIdOf,
  test,
  watchCardOpening,
} from './support/fixtures';
import { PopupPage } from './pages/popup';
import { SettingsPage } from './pages/settings';

/** The popup as the toolbar opens it on `page`'s tab. */
async function popupFor(page: Page, context: BrowserContext, extensionId: string, worker: Worker) {
  return PopupPage.open(context, extensionId, await tabIdOf(worker, page.url()));
}

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
    const settings = await SettingsPage.open(extensionContext, extensionId);
    const enable = settings.enableSwitch;
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
    await settings.close();
    expect(consoleErrors).toEqual([]);
  });

  test('a per-site switch leaves that site alone and no other', async ({
    page,
    extensionContext,
    extensionId,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const settings = await SettingsPage.open(extensionContext, extensionId);
    const other = await extensionContext.newPage();
    await other.goto('https://bsky.app/profile/alice.bsky.social/post/3kabc');
    await expectHighlights(other, ['#MeToo', '#MeToo', '#MeToo', '#MeToo']);
    await settings.siteSwitch('X').uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    // No other site went with it.
    await other.waitForTimeout(300);
    expect(await highlightedTexts(other)).toHaveLength(4);
    await other.close();
    await settings.siteSwitch('X').check();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual(['#MeToo']);
    await settings.close();
  });

  test('the popup counts and lists the page’s mentions, and a click opens that card', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await openCardFixture(page);
    const popup = await popupFor(page, extensionContext, extensionId, serviceWorker);
    await expect(popup.heading('On this page: 4 mentions')).toBeVisible();
    await expect(popup.mentions).toHaveCount(4);
    await expect(popup.text('Tarana Burke started the movement')).toBeVisible();
    // The last one, so that opening the first would not pass for it.
    const item = popup.mention('#MoiAussi');
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
    const popup = await popupFor(page, extensionContext, extensionId, serviceWorker);
    await popup.siteSwitch.uncheck();
    await expect.poll(() => highlightedTexts(page), { timeout: 1_000 }).toEqual([]);
    // Only this site: the switch for everywhere stays on, and so does the stored global switch.
    await expect(popup.everywhereSwitch).toBeChecked();
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
    const popup = await popupFor(page, extensionContext, extensionId, serviceWorker);
    const section = popup.onPage;
    // Off for the site: not "no mentions", which the page has.
    await expect(section).toContainText('MeToo Context is off here');
    await expect(popup.text('No mentions of #MeToo here.')).toHaveCount(0);
    const site = popup.siteSwitch;
    await site.check();
    await expectHighlights(page, ['#MeToo', '#MeToo', '#MeTooMovement', '#MoiAussi']);
    await expect(popup.heading('On this page: 4 mentions')).toBeVisible({ timeout: 3_000 });
    await expect(popup.mentions).toHaveCount(4);
    // The list came back without taking focus from the switch.
    await expect(site).toBeFocused();
    await site.uncheck();
    // The switch is stored, the page lets go of its mentions, and the popup says so: in that order.
    await expect
      .poll(() => serviceWorker.evaluate(() => chrome.storage.sync.get('settings')))
      .toMatchObject({ settings: { enabled: true, sites: { x: false } } });
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    await expect(section).toContainText('MeToo Context is off here', { timeout: 3_000 });
    await expect(popup.mentions).toHaveCount(0);
    await popup.close();
  });

  test('when storage refuses a change, the popup says so and its switch shows what is stored', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    // Other synced data leaves too little room in sync storage for the change.
    await serviceWorker.evaluate(async () => {
      const items: Record<string, string> = {};
      for (let index = 0; index < 12; index++) items[`filler${index}`] = 'x'.repeat(8_000);
      await chrome.storage.sync.set(items);
      const room =
        chrome.storage.sync.QUOTA_BYTES - (await chrome.storage.sync.getBytesInUse(null));
      await chrome.storage.sync.set({ last: 'x'.repeat(room - 'last'.length - 2 - 40) });
    });
    const popup = await popupFor(page, extensionContext, extensionId, serviceWorker);
    // A click, not uncheck(): the switch is expected to go back, which uncheck() takes for a failure.
    await popup.siteSwitch.click();
    await expect(popup.status).toContainText('Not saved');
    await expect(popup.siteSwitch).toBeChecked();
    await expectHighlights(page, ['#MeToo']);
    await popup.close();
    await resetSettings(serviceWorker);
  });

  test('on the extension’s own pages the popup offers no switch or permission for a site', async ({
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    const settings = await SettingsPage.open(extensionContext, extensionId);
    const popup = await popupFor(settings.page, extensionContext, extensionId, serviceWorker);
    await expect(popup.heading('On this page')).toBeVisible();
    await expect(popup.siteSwitch).toHaveCount(0);
    await expect(popup.alwaysButton).toHaveCount(0);
    await expect(popup.scanButton).toHaveCount(0);
    await expect(popup.everywhereSwitch).toBeVisible();
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
    const settings = await SettingsPage.open(extensionContext, extensionId);
    const x = settings.siteSwitch('X');
    await expect(x).toBeChecked();
    const popup = await popupFor(page, extensionContext, extensionId, serviceWorker);
    await popup.siteSwitch.uncheck();
    await expect(x).not.toBeChecked({ timeout: 3_000 });
    await popup.close();
    const second = await SettingsPage.open(extensionContext, extensionId);
    await second.option('On click').check();
    await second.option('Dark').check();
    await second.relatedCampaigns.check();
    await expect(second.text('Saved.')).toBeVisible();
    await expect(settings.option('On click')).toBeChecked({ timeout: 3_000 });
    await expect(settings.option('Dark')).toBeChecked();
    await expect(settings.relatedCampaigns).toBeChecked();
    await expect(x).not.toBeChecked();
    await second.close();
    await settings.close();
  });

  test('adding a site that is already listed says so, and asks for nothing', async ({
    extensionContext,
    extensionId,
  }) => {
    const settings = await SettingsPage.open(extensionContext, extensionId);
    await settings.addSite('www.x.com');
    await expect(settings.status).toHaveText('www.x.com is one of the sites above already.');
    await expect(settings.addedSites).toContainText('No other sites yet');
    await settings.close();
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
    const popup = await popupFor(page, extensionContext, extensionId, serviceWorker);
    const everywhere = popup.everywhereSwitch;
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

  test('the popup and the settings page fit a phone’s width (Firefox for Android shows them as pages)', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/home');
    await expectHighlights(page, ['#MeToo']);
    const popup = await popupFor(page, extensionContext, extensionId, serviceWorker);
    const settings = await SettingsPage.open(extensionContext, extensionId);
    for (const shown of [popup.page, settings.page]) {
      await shown.setViewportSize({ width: 360, height: 740 });
      await expect
        .poll(() => shown.evaluate(() => document.documentElement.scrollWidth))
        .toBeLessThanOrEqual(360);
    }
    await expect(popup.mentions).toHaveCount(1);
  });

  test('a capture of the whole settings page shows the preview whole: the empty status line is not pinned over it', async ({
    extensionContext,
    extensionId,
  }) => {
    const settings = await SettingsPage.open(extensionContext, extensionId);
    const status = settings.status;
    // A full-length capture draws a sticky line at the first screen's bottom, across the preview.
    await expect(status).toBeEmpty();
    expect(await status.evaluate((line) => getComputedStyle(line).position)).toBe('static');
    // A message still stays in sight at the bottom while it is shown.
    await settings.option('Dark').check();
    await expect(status).not.toBeEmpty();
    expect(await status.evaluate((line) => getComputedStyle(line).position)).toBe('sticky');
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

  test('the popup’s click on a mention scrolled out of its panel scrolls the panel to it', async ({
    page,
    serviceWorker,
  }) => {
    await page.goto('https://x.com/card/panel.html');
    await expectHighlights(page, ['#MeToo']);
    // The mention lies below the panel's fold, yet inside the window: only its panel hides it.
    const hidden = await page.evaluate(() => {
      const panel = document.getElementById('panel')?.getBoundingClientRect();
      const far = document.getElementById('far')?.getBoundingClientRect();
      return panel && far ? far.top >= panel.bottom && far.bottom <= innerHeight : false;
    });
    expect(hidden).toBe(true);
    await revealListed(serviceWorker, page, 0);
    const shown = await page.evaluate(() => {
      const panel = document.getElementById('panel')?.getBoundingClientRect();
      const first = CSS.highlights.get('metoo-mention')?.values().next().value as AbstractRange;
      const range = new Range();
      range.setStart(first.startContainer, first.startOffset);
      range.setEnd(first.endContainer, first.endOffset);
      const box = range.getBoundingClientRect();
      return panel ? box.top >= panel.top && box.bottom <= panel.bottom : false;
    });
    expect(shown).toBe(true);
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
    const popup = await PopupPage.open(extensionContext, extensionId, tabId);
    await expect(popup.text('MeToo Context isn’t running on this page.')).toBeVisible();
    await expect(popup.scanButton).toBeVisible();
    // Outside a real toolbar click there is no activeTab grant: the popup can't read the tab's address
    // (so it can't offer "Always run on this site" for it), and the scan is refused, saying so.
    await expect(popup.alwaysButton).toHaveCount(0);
    await popup.scanButton.click();
    await expect(popup.status).toContainText('can’t be scanned');
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
    const settings = await SettingsPage.open(extensionContext, extensionId);
    const previewRules = () => settings.previewRules();
    const cardBackground = () => settings.previewCardBackground();
    // The page draws itself once it has read the settings, after its load event: wait for it.
    await expect.poll(previewRules).toContain('text-decoration');
    await expect.poll(cardBackground).not.toBeNull();
    const light = await cardBackground();

    await settings.option('A tinted background').check();
    await expect.poll(previewRules).toContain('background-color');
    await settings.option('Dark').check();
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

    await settings.siteSwitch('X').uncheck();
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    await settings.resetButton.click();
    await expect(settings.status).toHaveText('All settings are back to their defaults.');
    await expect(settings.resetButton).toBeFocused();
    await expect(settings.option('A dotted underline')).toBeChecked();
    await expect(settings.option('Automatic')).toBeChecked();
    await expect(settings.siteSwitch('X')).toBeChecked();
    await expect.poll(cardBackground).toBe(light);
    await expectHighlights(page, ['#MeToo']);
    const stored = await serviceWorker.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      return settings as { highlightStyle?: string; theme?: string; sites?: object } | undefined;
    });
    expect(stored).toMatchObject({ highlightStyle: 'underline', theme: 'auto', sites: {} });
    await settings.close();
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
