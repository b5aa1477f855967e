/**
 * Playwright fixtures: one fixture server and one browser with the extension per worker, a fresh
 * page per test, and helpers that read the page the way other suites do (CONTRACT.md).
 */
import {
  test as base,
  type Frame,
  expect,
  type BrowserContext,
  type Page,
  type Worker,
} from '@playwright/test';
import type { Server } from 'node:https';
import type { SeenRequest } from './server';
import { EXTENSION_DIR, extensionId, launchWithExtension } from './browser';
import { startFixtureServer } from './server';
import * as probes from '../../test/probes';

interface WorkerFixtures {
  /** The build under test: the test build, or the store build for the attack suite (see playwright.config.ts). */
  extensionDir: string;
  fixtureServer: { server: Server; port: number; requests: SeenRequest[] };
  extensionContext: BrowserContext;
  extensionId: string;
}

interface TestFixtures {
  page: Page;
  consoleErrors: string[];
  /** Fails the test on any network request the extension makes, from any of its contexts. */
  noExtensionRequests: undefined;
  serviceWorker: Worker;
}

/** Whether a request came from the extension: its origin, its referrer, or its initiator's script. */
/** Chromium's own services (component updates, accounts): every host resolves here, theirs too. */
const BROWSER_SERVICES = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt[12]\.com)$/;

/**
 * Whether a request reaching the fixture server came from the extension: an extension origin or
 * referrer; a script's request (fetch, XHR, beacon: `Sec-Fetch-Dest: empty`), which no fixture page
 * makes, so a content script's would be one (those carry the page as referrer); or a subresource
 * request with no referrer (pages' own subresources carry theirs).
 */
export function fromExtension(request: SeenRequest): boolean {
  if ([request.origin, request.referer].some((v) => v.startsWith('chrome-extension://')))
    return true;
  const url = new URL(request.url);
  if (url.pathname === '/favicon.ico' || BROWSER_SERVICES.test(url.hostname)) return false;
  if (request.dest === 'empty') return true;
  return request.mode !== 'navigate' && request.referer === '';
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  extensionDir: [EXTENSION_DIR, { scope: 'worker', option: true }],
  fixtureServer: [
    async ({}, use) => {
      const started = await startFixtureServer();
      await use(started);
      started.server.close();
    },
    { scope: 'worker' },
  ],
  extensionContext: [
    async ({ fixtureServer, extensionDir }, use) => {
      const context = await launchWithExtension(fixtureServer.port, { extensionDir });
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
  // Per test: a reload of the extension replaces its service worker.
  serviceWorker: async ({ extensionContext, extensionId }, use) => {
    const current = () =>
      extensionContext
        .serviceWorkers()
        .find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    let worker = current();
    if (!worker) {
      await extensionContext.waitForEvent('serviceworker', { timeout: 10_000 });
      worker = current();
    }
    if (!worker) throw new Error('the extension has no service worker');
    await use(worker);
  },
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  noExtensionRequests: [
    async ({ fixtureServer }, use) => {
      const before = fixtureServer.requests.length;
      await use(undefined);
      const made = fixtureServer.requests.slice(before).filter(fromExtension);
      expect(made, 'network requests made by the extension').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ extensionContext, consoleErrors }, use) => {
    const page = await extensionContext.newPage();
    // Requests started by the extension's content script carry its script in their initiator stack.
    const cdp = await extensionContext.newCDPSession(page);
    const scriptRequests: string[] = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      const frames = event.initiator.stack?.callFrames ?? [];
      if (frames.some((frame) => frame.url.startsWith('chrome-extension://'))) {
        scriptRequests.push(event.request.url);
      }
    });
    await cdp.send('Network.enable');
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await use(page);
    await page.close();
    expect(scriptRequests, 'network requests started by the content script').toEqual([]);
  },
});

export { expect };

/** The text of every range in the `metoo-mention` highlight, in the page's own world. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(probes.highlightedTexts);
}

/** Waits until the highlight holds exactly these texts (order-insensitive). */
export async function expectHighlights(page: Page, texts: string[]): Promise<void> {
  await expect
    .poll(async () => (await highlightedTexts(page)).sort(), { timeout: 5_000 })
    .toEqual([...texts].sort());
}

/** The card fixture (x.com/card/), once its four mentions are highlighted. */
export async function openCardFixture(page: Page): Promise<void> {
  await page.goto('https://x.com/card/');
  await expectHighlights(page, ['#MeToo', '#MeToo', '#MeTooMovement', '#MoiAussi']);
}

/** The centre of the first box of the n-th highlighted range. */
export function mentionPoint(page: Page, index = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(probes.mentionPoint, index);
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

/**
 * Lists the page's mentions as the toolbar popup does, then sends the popup's click on the one at
 * `index` of that list, and waits for its card, wholly inside the window.
 */
export async function revealListed(worker: Worker, page: Page, index: number): Promise<void> {
  const tabId = await tabIdOf(worker, page.url());
  await worker.evaluate(
    async ({ id, index }) => {
      const list = (await chrome.tabs.sendMessage(
        id,
        { type: 'list-mentions' },
        { frameId: 0 },
      )) as { frame: string };
      await chrome.tabs.sendMessage(id, { type: 'reveal-mention', index, frame: list.frame });
    },
    { id: tabId, index },
  );
  await expect(cardDialog(page)).toBeVisible({ timeout: 45_000 });
  await expect(cardDialog(page)).toBeInViewport({ ratio: 1 });
}

/** Puts the settings back to their defaults (storage outlives a test within a worker). */
export async function resetSettings(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.storage.sync.clear());
}

/** The id of the active tab: for pages whose URL the extension may not read (no host access). */
export async function activeTabId(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error('no active tab');
  return id;
}

/** The popup as the toolbar would open it for this page's tab (the tab id comes as `?tab=`). */
export async function openPopup(page: Page, context: BrowserContext, id: string, worker: Worker) {
  const tabId = await tabIdOf(worker, page.url());
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
  return popup;
}

export async function openOptions(context: BrowserContext, id: string) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  return options;
}

/**
 * Evaluates an expression in the extension's isolated world in the page's top frame (where its
 * content script runs), through the DevTools protocol; returns the value.
 */
export async function inExtensionWorld(
  page: Page,
  context: BrowserContext,
  expression: string,
): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  try {
    const worlds: { id: number; origin: string; auxData?: { frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ours = worlds.filter(
      (world) =>
        world.origin.startsWith('chrome-extension://') &&
        world.auxData?.frameId === frameTree.frame.id,
    );
    const world = ours.at(-1);
    if (!world) throw new Error('the content script has no isolated world in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Whether the card's script (the mention layer) has run in the page's top frame: it leaves its module there. */
export async function cardScriptLoaded(page: Page, context: BrowserContext): Promise<boolean> {
  const found = await inExtensionWorld(
    page,
    context,
    `Object.getOwnPropertySymbols(globalThis).some((key) => String(key).includes('metoo-context/card-module'))`,
  );
  return found === true;
}

/**
 * Starts timing, in the page's own clock, from the pointer's last move to the card joining the page;
 * `cardOpenedAfter` reads it. A slow machine can only make that later, never sooner.
 */
export function watchCardOpening(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { lastMove: number; openedAfter: number | null };
    w.lastMove = 0;
    w.openedAfter = null;
    document.addEventListener('pointermove', (event) => (w.lastMove = event.timeStamp), true);
    new MutationObserver((records) => {
      const added = records.some((r) =>
        [...r.addedNodes].some((n) => n.nodeName === 'METOO-CONTEXT'),
      );
      if (added && w.openedAfter === null) w.openedAfter = performance.now() - w.lastMove;
    }).observe(document.body, { childList: true });
  });
}

/** Milliseconds from the pointer's last move to the card's arrival (see `watchCardOpening`). */
export function cardOpenedAfter(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as { openedAfter: number | null }).openedAfter);
}

/** The text of every range in a frame's own `metoo-mention` highlight. */
export async function frameHighlights(frame: Frame): Promise<string[]> {
  return (await frame.evaluate(probes.highlightedTexts)).sort();
}

/** Hovers the first mention highlighted in a frame, in the page's coordinates. */
export async function hoverFirstMentionIn(page: Page, frame: Frame): Promise<void> {
  const inFrame = await frame.evaluate(probes.mentionPoint, 0);
  const frameBox = await (await frame.frameElement()).boundingBox();
  if (!frameBox) throw new Error('the frame has no box');
  await page.mouse.move(frameBox.x + inFrame.x, frameBox.y + inFrame.y);
}
