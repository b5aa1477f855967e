/**
 * First run: a fresh install opens the welcome page once; installing the same build again (an update
 * or a reload, reason "update") opens nothing. The page itself: its sample opens the real card, it
 * lists the sites and links the bundled privacy text, and axe-core finds nothing.
 */
import type { BrowserContext } from '@playwright/test';
import { axeViolations } from './support/axe';
import { launchBeforeInstall } from './support/browser';
import { expect, test } from './support/fixtures';
import { highlightedTexts } from '../test/probes';

/**
 * Every tab the browser opened on the welcome page, closed ones included (a reload closes the
 * extension's tabs), as the DevTools protocol reports them: Playwright's page list misses some.
 */
async function welcomeTabsOpened(context: BrowserContext): Promise<() => number> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to ask for its tabs');
  const session = await browser.newBrowserCDPSession();
  const welcome = new Set<string>();
  const seen = ({
    targetInfo,
  }: {
    targetInfo: { targetId: string; type: string; url: string };
  }) => {
    if (targetInfo.type === 'page' && targetInfo.url.endsWith('/welcome.html'))
      welcome.add(targetInfo.targetId);
  };
  session.on('Target.targetCreated', seen);
  session.on('Target.targetInfoChanged', seen);
  await session.send('Target.setDiscoverTargets', { discover: true });
  return () => welcome.size;
}

test('a fresh install opens the welcome page once; an update or a reload does not', async ({
  fixtureServer,
}) => {
  const chromium = await launchBeforeInstall(fixtureServer.port);
  try {
    const { context } = chromium;
    const welcomeTabs = await welcomeTabsOpened(context);
    const id = await chromium.install();
    await expect.poll(welcomeTabs, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => context.pages().map((page) => page.url()))
      .toContain(`chrome-extension://${id}/welcome.html`);

    // Installing the same folder again is what the reload button and an update do.
    const worker = context.waitForEvent('serviceworker', { timeout: 10_000 });
    await chromium.install();
    await worker;
    // The new background has had its onInstalled; give a tab it might open time to show.
    const blank = await context.newPage();
    await blank.waitForTimeout(1_500);
    expect(welcomeTabs()).toBe(1);
  } finally {
    await chromium.close();
  }
});

test.describe('the welcome page', () => {
  test('says what it does, where it runs and how to add a site, and links its privacy text', async ({
    extensionContext,
    extensionId,
  }) => {
    const page = await extensionContext.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/welcome.html`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to MeToo Context');
      await expect(page.locator('.sites li')).toContainText(['X', 'Mastodon', 'Bluesky']);
      await expect(page.locator('.sites')).toContainText('mastodon.social');
      await expect(page.getByRole('region', { name: 'Add another site' })).toContainText(
        'Mastodon server',
      );
      await expect(page.locator('kbd')).toHaveText('Alt+Shift+M');
      const privacy = page.getByRole('link', { name: 'Read the privacy notice' });
      await privacy.click();
      await expect(page).toHaveURL(`chrome-extension://${extensionId}/PRIVACY.txt`);
      await expect(page.locator('body')).toContainText('collects nothing and sends nothing');
    } finally {
      await page.close();
    }
  });

  test('its sample mention opens the card on hover and on focus; Escape closes it', async ({
    extensionContext,
    extensionId,
  }) => {
    const page = await extensionContext.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/welcome.html`);
      const mention = page.getByRole('button', { name: '#MeToo' });
      const card = page.locator('#sample-card').getByRole('dialog');
      expect(await page.evaluate(highlightedTexts)).toEqual(['#MeToo']);
      await expect(card).toHaveCount(0);

      await mention.hover();
      await expect(card).toBeVisible();
      await expect(card).toContainText('Tarana Burke');
      await expect(card).toHaveAccessibleName(/#MeToo/);
      await expect(mention).toHaveAttribute('aria-expanded', 'true');
      expect(await axeViolations(page)).toEqual([]);

      await card.getByRole('button', { name: 'Close' }).click();
      await expect(card).toHaveCount(0);
      await expect(mention).toBeFocused();

      await page.mouse.move(0, 0);
      await page.locator('body').click({ position: { x: 0, y: 0 } });
      await page.keyboard.press('Tab');
      await expect(mention).toBeFocused();
      await expect(card).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(card).toHaveCount(0);
      await expect(mention).toBeFocused();
    } finally {
      await page.close();
    }
  });

  test('axe-core finds no violations, light or dark', async ({ extensionContext, extensionId }) => {
    const page = await extensionContext.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/welcome.html`);
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
