/**
 * `npm run store:screenshots`: the store listing's screenshots, 1280×800, taken the way `npm run demo`
 * takes its picture: Debian's Chromium with the Chrome build, the fixture pages under the sites' real
 * host names, the pointer resting on a mention until the card opens. Writes store/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionId, launchWithExtension } from '../e2e/support/browser.ts';
import { startFixtureServer } from '../e2e/support/server.ts';
import { mentionPoint } from '../test/probes.ts';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'store', 'screenshots');
mkdirSync(outDir, { recursive: true });
const SIZE = { width: 1280, height: 800 };

/** Rests the pointer on the page's first mention and waits for the card to finish fading in. */
async function openCard(page: Page, minimum: number): Promise<void> {
  await page.waitForFunction((n) => (CSS.highlights.get('metoo-mention')?.size ?? 0) >= n, minimum);
  const point = await page.evaluate(mentionPoint, 0);
  await page.mouse.move(point.x, point.y);
  await page.locator('metoo-context [role="dialog"]').waitFor({ state: 'visible', timeout: 5_000 });
  await page.waitForTimeout(400); // the fade-in
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(outDir, name);
  await page.screenshot({ path });
  console.log(`store/screenshots/${name}`);
}

async function withBrowser(
  port: number,
  colorScheme: 'light' | 'dark',
  work: (context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await launchWithExtension(port, { headless: true, colorScheme });
  try {
    await work(context);
  } finally {
    await context.close();
  }
}

const { server, port } = await startFixtureServer();
try {
  await withBrowser(port, 'light', async (context) => {
    const id = await extensionId(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(SIZE);

    await page.goto('https://x.com/demo/');
    await openCard(page, 4);
    await shoot(page, '1-timeline-card.png');

    await page.mouse.move(5, 5);
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(200);
    await shoot(page, '3-settings.png');

    await page.goto(`chrome-extension://${id}/article.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(200);
    await shoot(page, '4-article.png');

    // The popup for the demo timeline's tab, as the toolbar opens it (the tab comes as `?tab=`).
    const timeline = await context.newPage();
    await timeline.goto('https://x.com/demo/');
    await timeline.waitForTimeout(500);
    const [worker] = context.serviceWorkers();
    const tabId = await worker?.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === 'https://x.com/demo/')?.id ?? 0;
    });
    await page.goto(`chrome-extension://${id}/popup.html?tab=${tabId ?? 0}`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    await shoot(page, '5-popup.png');

    await page.goto(`chrome-extension://${id}/welcome.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(200);
    await shoot(page, '6-welcome.png');
    await timeline.close();
  });

  await withBrowser(port, 'dark', async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(SIZE);
    await page.goto('https://x.com/demo/');
    await openCard(page, 4);
    await shoot(page, '2-timeline-card-dark.png');
  });
} finally {
  server.close();
}
