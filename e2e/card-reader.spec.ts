/**
 * The card as a reader meets it (issue 15): glanceable at a laptop's 1366×768, a source to follow and
 * cite, the page's own theme, its own writing direction, and a way to turn it off on the site.
 */
import type { Page } from '@playwright/test';
import {
  cardDialog,
  expect,
  expectHighlights,
  mentionPoint,
  openCardFixture,
  resetSettings,
  test,
} from './support/fixtures';

const SOURCE_URL =
  'https://www.newsandguts.com/alyssa-milano-shares-personal-message-metoo-moment/';
const DARK_BG = 'rgb(28, 31, 36)';
const LIGHT_BG = 'rgb(255, 255, 255)';

async function openOn(page: Page, index = 0) {
  const point = await mentionPoint(page, index);
  await page.mouse.move(point.x, point.y);
  const dialog = cardDialog(page);
  await expect(dialog).toBeVisible({ timeout: 3_000 });
  return dialog;
}

const background = (page: Page) =>
  cardDialog(page).evaluate((el) => getComputedStyle(el).backgroundColor);

test.describe('the card for a reader', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test('is at most 440 px tall at 1366×768, with nothing scrolling inside', async ({ page }) => {
    await openCardFixture(page);
    // #MeToo, and #MoiAussi, whose card has the tag's one line besides.
    for (const index of [0, 3]) {
      const dialog = await openOn(page, index);
      await page.waitForTimeout(200);
      const size = await dialog.evaluate((el) => {
        const body = el.querySelector('.body') as HTMLElement;
        return {
          height: el.getBoundingClientRect().height,
          scroll: body.scrollHeight,
          client: body.clientHeight,
        };
      });
      await dialog.screenshot({ path: `test-results/card-${index}.png` });
      expect(size.height).toBeLessThanOrEqual(440);
      expect(size.scroll).toBe(size.client);
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await expect(dialog).toHaveCount(0);
    }
  });

  test('the date’s basis is one keyboard step away, and announced as a disclosure', async ({
    page,
  }) => {
    await openCardFixture(page);
    const dialog = await openOn(page);
    const why = dialog.getByRole('button', { name: 'Why this date?' });
    await expect(why).toHaveAttribute('aria-expanded', 'false');
    await expect(dialog.locator('p.basis')).toBeHidden();
    await why.focus();
    await page.keyboard.press('Enter');
    await expect(why).toHaveAttribute('aria-expanded', 'true');
    await expect(dialog.locator('p.basis')).toBeVisible();
    await expect(dialog.locator('p.basis')).toContainText('HuffPost Australia');
  });

  test('Copy citation copies who started it and the source, and says “Copied”', async ({
    page,
    extensionContext,
  }) => {
    await extensionContext.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://x.com',
    });
    await openCardFixture(page);
    const dialog = await openOn(page);
    await dialog.getByRole('button', { name: 'Copy citation' }).click();
    await expect(dialog.locator('[aria-live="polite"]')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Tarana Burke started the movement');
    expect(copied).toContain('News & Guts');
    expect(copied).toContain('15 October 2018 (date inferred)');
    expect(copied).toContain(SOURCE_URL);
  });

  test('where the page forbids the clipboard, says so and offers the article page', async ({
    page,
    extensionContext,
  }) => {
    await page.goto('https://x.com/card/no-clipboard.html');
    await expectHighlights(page, ['#MeToo']);
    const dialog = await openOn(page);
    await dialog.getByRole('button', { name: 'Copy citation' }).click();
    await expect(dialog.locator('.status')).toHaveText(
      'This page does not allow copying to the clipboard. The article page can copy the citation.',
    );
    const opened = extensionContext.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Copy from the article page' }).click();
    const article = await opened;
    await article.waitForLoadState();
    expect(article.url()).toMatch(/\/article\.html$/);
    await expect(article.getByRole('button', { name: 'Copy citation' })).toBeVisible();
    await article.close();
  });

  test('“automatic” is dark on a dark page under a light system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('https://x.com/card/dark.html');
    await expectHighlights(page, ['#MeToo']);
    await openOn(page);
    expect(await background(page)).toBe(DARK_BG);
  });

  test('“automatic” is light on a light page under a dark system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('https://x.com/card/light.html');
    await expectHighlights(page, ['#MeToo']);
    await openOn(page);
    expect(await background(page)).toBe(LIGHT_BG);
  });

  test('is left-to-right and English on a right-to-left page', async ({ page }) => {
    await page.goto('https://x.com/card/rtl.html');
    await expectHighlights(page, ['#أنا_كمان', '#MeToo']);
    for (const index of [0, 1]) {
      const dialog = await openOn(page, index);
      await expect(dialog).toHaveAttribute('dir', 'ltr');
      expect(await dialog.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      await expect(dialog.locator('.lead')).toHaveAttribute('lang', 'en');
      await expect(dialog.locator('.words')).toHaveAttribute('lang', 'en');
      expect(await dialog.getAttribute('lang')).toMatch(/^en/);
      // The sentence's full stop stays at its end, on the right.
      const lead = await dialog.locator('.lead').evaluate((el) => {
        const range = document.createRange();
        const text = el.firstChild as Text;
        range.setStart(text, text.length - 1);
        range.setEnd(text, text.length);
        const stop = range.getBoundingClientRect();
        range.setStart(text, 0);
        range.setEnd(text, 1);
        return { stop: stop.left, first: range.getBoundingClientRect().left };
      });
      expect(lead.first).toBeLessThan(lead.stop);
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await expect(dialog).toHaveCount(0);
    }
  });

  test('turns off on this site in one click, with an undo while the card is open', async ({
    page,
    serviceWorker,
  }) => {
    await resetSettings(serviceWorker);
    try {
      await openCardFixture(page);
      const dialog = await openOn(page);
      await dialog.getByRole('button', { name: 'Turn off on x.com' }).click();
      await expect(dialog.locator('.status')).toHaveText('Off on x.com once this card closes.');
      const undo = dialog.getByRole('button', { name: 'Undo: keep it on for x.com' });
      await expect(undo).toBeFocused();
      await undo.click();
      await expect(dialog.locator('.status')).toHaveText('Kept on for x.com.');
      // Undone: closing the card leaves the site on.
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(dialog).toHaveCount(0);
      await page.waitForTimeout(300);
      await expectHighlights(page, ['#MeToo', '#MeToo', '#MeTooMovement', '#MoiAussi']);
      // Turned off, then closed: the site is off and its marks go.
      await page.mouse.move(5, 5);
      const again = await openOn(page);
      await again.getByRole('button', { name: 'Turn off on x.com' }).click();
      await again.getByRole('button', { name: 'Close' }).click();
      await expectHighlights(page, []);
      const stored = await serviceWorker.evaluate(() => chrome.storage.sync.get('settings'));
      expect((stored.settings as { sites: Record<string, boolean> }).sites.x).toBe(false);
    } finally {
      await resetSettings(serviceWorker);
    }
  });
});
