/**
 * Frames: the content script runs in every frame whose URL the manifest matches (`allFrames`), each
 * with its own highlight and card; the toolbar badge speaks for the top frame alone.
 */
import type { Frame, Page, Worker } from '@playwright/test';
import {
  activeTabId,
  expect,
  frameHighlights,
  hoverFirstMentionIn,
  openPopup,
  tabIdOf,
  test,
} from './support/fixtures';
import { mentionPoint } from '../test/probes';

/** The frame showing a URL that starts with this prefix. */
async function frameAt(page: Page, prefix: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(prefix))).toBe(true);
  const frame = page.frames().find((f) => f.url().startsWith(prefix));
  if (!frame) throw new Error(`no frame at ${prefix}`);
  return frame;
}

function badge(worker: Worker, tabId: number): Promise<{ text: string; title: string }> {
  return worker.evaluate(async (id) => {
    const text = await chrome.action.getBadgeText({ tabId: id });
    const title = await chrome.action.getTitle({ tabId: id });
    return { text, title };
  }, tabId);
}

test.describe('frames', () => {
  test('a same-origin frame is read, highlighted in its own registry, and opens its own card', async ({
    page,
    serviceWorker,
    consoleErrors,
  }) => {
    await page.goto('https://x.com/frames/');
    const frame = await frameAt(page, 'https://x.com/frames/inner.html');
    await expect.poll(() => frameHighlights(page.mainFrame())).toEqual(['#MeToo', '#MeToo']);
    await expect
      .poll(() => frameHighlights(frame))
      .toEqual(['#MeToo', '#MoiAussi', '#YoTambién'].sort());

    await hoverFirstMentionIn(page, frame);
    const dialog = frame.locator('metoo-context').locator('[role="dialog"]');
    await expect(dialog).toBeVisible({ timeout: 5_000 });
    await expect(dialog).toHaveAccessibleName(/#MoiAussi/);
    // The card is the frame's: the top page has none.
    await expect(page.locator('metoo-context [role="dialog"]')).toHaveCount(0);

    // The badge counts the top frame's two mentions, not the frame's three.
    const tabId = await tabIdOf(serviceWorker, page.url());
    await expect.poll(() => badge(serviceWorker, tabId)).toMatchObject({ text: '2' });
    expect((await badge(serviceWorker, tabId)).title).toMatch(/\b2 mentions/);
    // The frame's count changes, last: the badge still says the top frame's.
    await frame.evaluate(() => {
      const post = document.createElement('article');
      post.textContent = 'A fourth: #MeToo';
      document.body.append(post);
    });
    await expect.poll(() => frameHighlights(frame)).toHaveLength(4);
    await page.waitForTimeout(1_000);
    expect(await badge(serviceWorker, tabId)).toMatchObject({ text: '2' });
    expect(consoleErrors).toEqual([]);
  });

  test('Escape pressed in the top page closes the card a frame shows, the pointer still on its mention', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('https://x.com/frames/');
    const frame = await frameAt(page, 'https://x.com/frames/inner.html');
    await expect.poll(() => frameHighlights(frame)).toHaveLength(3);
    await hoverFirstMentionIn(page, frame);
    const dialog = frame.locator('metoo-context').locator('[role="dialog"]');
    await expect(dialog).toBeVisible({ timeout: 5_000 });
    // Keyboard focus stays in the top page: the key goes there, not to the frame.
    expect(await frame.evaluate(() => document.hasFocus())).toBe(false);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0, { timeout: 2_000 });
    // As Escape in the frame itself: it stays closed while the pointer stays on that mention.
    const frameBox = await (await frame.frameElement()).boundingBox();
    const at = await frame.evaluate(mentionPoint, 0);
    if (!frameBox) throw new Error('no mention in the frame');
    await page.mouse.move(frameBox.x + at.x + 2, frameBox.y + at.y);
    await page.waitForTimeout(1_000);
    await expect(dialog).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('a tweet embedded in a news page is read in its platform.twitter.com frame', async ({
    page,
    serviceWorker,
    consoleErrors,
  }) => {
    await page.goto('https://news.example/frames/article.html');
    const embed = await frameAt(page, 'https://platform.twitter.com/embed/Tweet.html');
    await expect.poll(() => frameHighlights(embed)).toEqual(['#MeToo']);
    // The news page itself is no social site: nothing runs there, and its own #MeToo stays unmarked.
    expect(await frameHighlights(page.mainFrame())).toEqual([]);

    await hoverFirstMentionIn(page, embed);
    const dialog = embed.locator('metoo-context').locator('[role="dialog"]');
    await expect(dialog).toBeVisible({ timeout: 5_000 });
    await expect(dialog).toContainText('Tarana Burke');

    // Only the top frame speaks for the tab, and it has no script: no count. (Without access to
    // news.example the extension cannot see the tab's URL: every such tab shows no count.)
    const badges = await serviceWorker.evaluate(async () => {
      const texts: string[] = [];
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id !== undefined && tab.url === undefined)
          texts.push(await chrome.action.getBadgeText({ tabId: tab.id }));
      }
      return texts;
    });
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((text) => text === '')).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('the popup lists the top frame’s mentions, as the badge counts them, and its click opens that card alone', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
    consoleErrors,
  }) => {
    await page.goto('https://x.com/frames/');
    const frame = await frameAt(page, 'https://x.com/frames/inner.html');
    await expect.poll(() => frameHighlights(page.mainFrame())).toHaveLength(2);
    await expect.poll(() => frameHighlights(frame)).toHaveLength(3);
    // Both frames answer a question sent to the tab; the popup asks the top frame, every time.
    for (let round = 0; round < 3; round++) {
      const popup = await openPopup(page, extensionContext, extensionId, serviceWorker);
      await expect(popup.getByRole('heading', { name: 'On this page: 2 mentions' })).toBeVisible();
      if (round < 2) await popup.close();
      else {
        const items = popup.getByRole('region', { name: /On this page/ }).getByRole('listitem');
        await items.first().getByRole('button').click();
        await popup.close();
      }
    }
    // The click goes to every frame, and only the frame that listed it opens a card.
    const dialog = page.locator('metoo-context').locator('[role="dialog"]');
    await expect(dialog).toBeVisible({ timeout: 5_000 });
    await expect(dialog).toHaveAccessibleName(/^#MeToo /);
    await page.waitForTimeout(500);
    await expect(frame.locator('metoo-context [role="dialog"]')).toHaveCount(0);
    await expect(dialog).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('on a news page, the popup lists the embedded post’s mention and opens its card there', async ({
    page,
    extensionContext,
    extensionId,
    serviceWorker,
  }) => {
    await page.goto('https://news.example/frames/article.html');
    const embed = await frameAt(page, 'https://platform.twitter.com/embed/Tweet.html');
    await expect.poll(() => frameHighlights(embed)).toEqual(['#MeToo']);
    // The extension may not read this tab's URL: the popup is told the active tab's id.
    const tabId = await activeTabId(serviceWorker, page);
    const popup = await extensionContext.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.getByRole('heading', { name: 'On this page: 1 mention' })).toBeVisible();
    const items = popup.getByRole('region', { name: /On this page/ }).getByRole('listitem');
    await items.first().getByRole('button').click();
    await expect(embed.locator('metoo-context').locator('[role="dialog"]')).toBeVisible({
      timeout: 5_000,
    });
    await popup.close();
  });
});
