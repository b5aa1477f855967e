/**
 * What only a page with mentions needs (the card, its hover handling, the cap) comes in a second
 * script, run by the background at the page's first mention: a timeline without one never loads it.
 */
import type { Worker } from '@playwright/test';
import { measureBundle } from '../scripts/bench/bundle-size';
import {
  cardDialog,
  cardScriptLoaded,
  expect,
  expectHighlights,
  mentionPoint,
  test,
} from './support/fixtures';

/**
 * Holds the background's injection of the card script back by `ms` (in both its API namespaces),
 * or, with 0, puts it back as it was.
 */
async function delayCardScript(worker: Worker, ms: number): Promise<void> {
  await worker.evaluate((ms) => {
    type Inject = typeof chrome.scripting.executeScript;
    const held = globalThis as unknown as { heldInjects?: [Inject, Inject | undefined] };
    const native = (globalThis as unknown as { browser?: typeof chrome }).browser;
    if (ms === 0) {
      if (!held.heldInjects) return;
      const [inChrome, inBrowser] = held.heldInjects;
      chrome.scripting.executeScript = inChrome;
      if (native && inBrowser) native.scripting.executeScript = inBrowser;
      delete held.heldInjects;
      return;
    }
    const inChrome = chrome.scripting.executeScript.bind(chrome.scripting);
    const inBrowser = native?.scripting.executeScript.bind(native.scripting);
    held.heldInjects = [chrome.scripting.executeScript, native?.scripting.executeScript];
    const later = (inject: Inject) =>
      ((...args: Parameters<Inject>) =>
        new Promise((wait) => setTimeout(wait, ms)).then(() => inject(...args))) as Inject;
    chrome.scripting.executeScript = later(inChrome);
    if (native && inBrowser) native.scripting.executeScript = later(inBrowser);
  }, ms);
}

test('a page without mentions never loads the card; its first mention brings it, and the card opens', async ({
  page,
  extensionContext,
  consoleErrors,
}) => {
  await page.goto('https://x.com/quiet/');
  // The content script runs here (it reads the page), and finds nothing.
  await expect.poll(() => cardScriptLoaded(page, extensionContext).catch(() => null)).toBe(false);
  await page.waitForTimeout(1_000);
  await expectHighlights(page, []);
  expect(await cardScriptLoaded(page, extensionContext)).toBe(false);

  await page.evaluate(() => {
    const post = document.createElement('article');
    post.textContent = 'A new post about #MeToo';
    document.getElementById('timeline')?.prepend(post);
  });
  await expectHighlights(page, ['#MeToo']);
  await expect.poll(() => cardScriptLoaded(page, extensionContext)).toBe(true);
  const point = await mentionPoint(page);
  await page.mouse.move(point.x, point.y);
  await expect(cardDialog(page)).toBeVisible();
  await expect(cardDialog(page)).toContainText('Tarana Burke');
  expect(consoleErrors).toEqual([]);
});

test('a tap on a mention while its card loads opens the card once it is there', async ({
  page,
  extensionContext,
  serviceWorker,
}) => {
  await page.goto('https://x.com/quiet/');
  await expect.poll(() => cardScriptLoaded(page, extensionContext).catch(() => null)).toBe(false);
  // Long enough that a busy machine still taps well before it comes.
  await delayCardScript(serviceWorker, 4_000);
  try {
    await page.evaluate(() => {
      const post = document.createElement('article');
      post.textContent = 'A new post about #MeToo';
      document.getElementById('timeline')?.prepend(post);
    });
    await expectHighlights(page, ['#MeToo']);
    expect(await cardScriptLoaded(page, extensionContext)).toBe(false);
    const cdp = await extensionContext.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const point = await mentionPoint(page);
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: point.x, y: point.y }],
    });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    // Tapped before the card's script was there: the tap is handed to it when it comes.
    expect(await cardScriptLoaded(page, extensionContext)).toBe(false);
    await expect(cardDialog(page)).toBeVisible({ timeout: 15_000 });
    await cdp.detach();
  } finally {
    await delayCardScript(serviceWorker, 0);
  }
});

test("the store build's content script, which every page pays for, stays within 20,000 B gzipped", () => {
  // Measured as `npm run bench` measures it: the shipped file, gzipped at level 9.
  const gzipped = measureBundle().contentScriptGzipBytes ?? 0;
  expect(gzipped).toBeGreaterThan(10_000); // a build, not a stand-in
  expect(gzipped).toBeLessThanOrEqual(20_000);
});
