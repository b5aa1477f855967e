/**
 * Playwright fixtures: one fixture server and one browser with the extension per worker, a fresh
 * page per test, and helpers that read the page the way other suites do (CONTRACT.md).
 */
import {
  test as base,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import type { Server } from 'node:https';
import { extensionId, launchWithExtension } from './browser';
import { startFixtureServer } from './server';

interface WorkerFixtures {
  fixtureServer: { server: Server; port: number };
  extensionContext: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

interface TestFixtures {
  page: Page;
  consoleErrors: string[];
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  fixtureServer: [
    async ({}, use) => {
      const started = await startFixtureServer();
      await use(started);
      started.server.close();
    },
    { scope: 'worker' },
  ],
  extensionContext: [
    async ({ fixtureServer }, use) => {
      const context = await launchWithExtension(fixtureServer.port);
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ extensionContext }, use) => {
      await use(await extensionId(extensionContext));
    },
    { scope: 'worker' },
  ],
  serviceWorker: [
    async ({ extensionContext }, use) => {
      let [worker] = extensionContext.serviceWorkers();
      worker ??= await extensionContext.waitForEvent('serviceworker');
      await use(worker);
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  page: async ({ extensionContext, consoleErrors }, use) => {
    const page = await extensionContext.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await use(page);
    await page.close();
  },
});

export { expect };

/** The text of every range in the `metoo-mention` highlight, in the page's own world. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('metoo-mention');
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  });
}

/** Waits until the highlight holds exactly these texts (order-insensitive). */
export async function expectHighlights(page: Page, texts: string[]): Promise<void> {
  await expect
    .poll(async () => (await highlightedTexts(page)).sort(), { timeout: 5_000 })
    .toEqual([...texts].sort());
}

/** The centre of the first box of the n-th highlighted range. */
export async function mentionPoint(page: Page, index = 0): Promise<{ x: number; y: number }> {
  return page.evaluate((i) => {
    const highlight = CSS.highlights.get('metoo-mention');
    const ranges = highlight ? ([...highlight] as Range[]) : [];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const box = ranges[i]?.getClientRects()[0];
    if (!box) throw new Error(`no highlighted range ${i}`);
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, index);
}

/** The card's dialog, through the open shadow root. */
export function cardDialog(page: Page) {
  return page.locator('metoo-context').locator('[role="dialog"]');
}

/** The id of the tab showing a page, asked of the extension's service worker. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Puts the settings back to their defaults (storage outlives a test within a worker). */
export async function resetSettings(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.storage.sync.clear());
}
