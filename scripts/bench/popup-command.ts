/**
 * popup.listMs and command.nearestMs on the 100,000-mention page and on one 10 MB text node (the
 * size fixtures of e2e/size.spec.ts), timed from the extension's side: the service worker sends
 * the message the popup (`list-mentions`) or the keyboard command (`open-nearest`) sends, and the
 * clock runs until the content script's answer arrives, or the card joins the page. Each figure is
 * the worse of the two pages.
 */
import type { Page, Worker } from '@playwright/test';
import { type Bench, type Figures, round, serviceWorker, settledCount } from './common.ts';
import { fmt, sampleUntilSettled, type Spread, withSpread } from './stats.ts';
import { meets } from './table.ts';

const SAMPLES = 5;
/** Past this, more samples cannot change a verdict: two are enough. */
const FAR_OVER_MS = 1_000;
/** A sample that takes longer is recorded as this long, and the page measured no further. */
const GIVE_UP_MS = 10_000;

const PAGES = {
  Many: 'https://x.com/size/many.html',
  TextNode: 'https://x.com/size/text-10mb.html',
} as const;

function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    const id = tabs.find((tab) => tab.url === wanted)?.id;
    if (id === undefined) throw new Error(`no tab shows ${wanted}`);
    return id;
  }, url);
}

/** The popup's question, from the service worker: ms until the answer, and how many it listed. */
function askList(worker: Worker, tabId: number): Promise<{ ms: number; listed: number }> {
  return worker.evaluate(
    async ({ tabId, giveUp }) => {
      const start = performance.now();
      const answer = await Promise.race([
        chrome.tabs.sendMessage(tabId, { type: 'list-mentions' }, { frameId: 0 }),
        new Promise((late) => setTimeout(() => late(null), giveUp)),
      ]);
      const mentions = (answer as { mentions?: unknown[] } | null)?.mentions;
      return {
        ms: performance.now() - start,
        listed: Array.isArray(mentions) ? mentions.length : -1,
      };
    },
    { tabId, giveUp: GIVE_UP_MS },
  );
}

/** Page side: notes, on the shared clock, when the card joins the page. */
function watchCard(): void {
  const w = window as unknown as { cardAt: number | null };
  w.cardAt = null;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('metoo-context')) return;
    w.cardAt = performance.timeOrigin + performance.now();
    observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

/** The keyboard command, from the service worker: ms until the card joins the page. */
async function openNearest(worker: Worker, tab: Page, tabId: number): Promise<number> {
  // A renderer still busy with earlier work answers no evaluation: the sample is given up.
  if (
    (await within(
      tab.evaluate(watchCard).then(() => true),
      GIVE_UP_MS,
    )) !== true
  ) {
    return GIVE_UP_MS;
  }
  const sent = await worker.evaluate((tabId) => {
    const at = performance.timeOrigin + performance.now();
    chrome.tabs.sendMessage(tabId, { type: 'open-nearest' }, { frameId: 0 }).catch(() => {});
    return at;
  }, tabId);
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    const at = await within(
      tab.evaluate(() => (window as unknown as { cardAt: number | null }).cardAt),
      Math.max(0, deadline - Date.now()),
    );
    if (typeof at === 'number') {
      await within(closeCard(tab), GIVE_UP_MS);
      return at - sent;
    }
    await new Promise((wait) => setTimeout(wait, 20));
  }
  return GIVE_UP_MS;
}

/**
 * Whether a page's batch can stop: a sample given up on (the content script, still busy with it,
 * would answer nothing more), or two far over the target.
 */
function enough(batch: number[]): boolean {
  const last = batch.at(-1) ?? 0;
  return last >= GIVE_UP_MS || (batch.length >= 2 && batch.every((ms) => ms >= FAR_OVER_MS));
}

/** Waits for `work` at most `ms`, never failing. */
function within(work: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([work.catch(() => {}), new Promise((done) => setTimeout(done, ms))]);
}

async function closeCard(tab: Page): Promise<void> {
  await tab.keyboard.press('Escape');
  await tab
    .waitForFunction(() => !document.querySelector('metoo-context'), undefined, { timeout: 5_000 })
    .catch(() => {});
  await tab.waitForTimeout(200);
}

async function measurePage(
  bench: Bench,
  worker: Worker,
  url: string,
): Promise<{ list: Spread; nearest: Spread; listed: number }> {
  const tab = await bench.context.newPage();
  await tab.goto(url, { timeout: 120_000 });
  await tab.bringToFront();
  await within(settledCount(tab, 90_000), 90_000);
  const tabId = await tabIdOf(worker, url);
  const nearest = await sampleUntilSettled(
    `command.nearestMs ${url}`,
    async () => {
      const batch: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        batch.push(await openNearest(worker, tab, tabId));
        if (enough(batch)) return batch;
      }
      return batch;
    },
    meets('command.nearestMs'),
    2,
  );
  let listed = 0;
  const list = await sampleUntilSettled(
    `popup.listMs ${url}`,
    async () => {
      const batch: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const answer = await askList(worker, tabId);
        listed = answer.listed;
        batch.push(answer.ms);
        if (enough(batch)) return batch;
      }
      return batch;
    },
    meets('popup.listMs'),
    2,
  );
  // A renderer still working on an abandoned answer is ended rather than waited for.
  const cdp = await bench.context.newCDPSession(tab);
  await within(cdp.send('Page.crash'), 5_000);
  await within(tab.close(), 10_000);
  console.log(`  ${url}: list ${fmt(list)} (${listed} listed), nearest ${fmt(nearest)}`);
  return { list, nearest, listed };
}

export async function measurePopupAndCommand(bench: Bench): Promise<Record<string, Figures>> {
  console.log('• popup list and keyboard command: 100,000 mentions, one 10 MB text node');
  const worker = await serviceWorker(bench.context);
  const popup: Figures = {};
  const command: Figures = {};
  let worstList: Spread | null = null;
  let worstNearest: Spread | null = null;
  for (const [name, url] of Object.entries(PAGES)) {
    const { list, nearest, listed } = await measurePage(bench, worker, url);
    Object.assign(popup, withSpread(`list${name}Ms`, list), { [`listed${name}`]: listed });
    Object.assign(command, withSpread(`nearest${name}Ms`, nearest));
    if (!worstList || list.median > worstList.median) worstList = list;
    if (!worstNearest || nearest.median > worstNearest.median) worstNearest = nearest;
  }
  return {
    popup: { ...withSpread('listMs', worstList as Spread), ...popup, giveUpMs: round(GIVE_UP_MS) },
    command: { ...withSpread('nearestMs', worstNearest as Spread), ...command },
  };
}
