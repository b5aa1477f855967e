/** 4. card: from the end of the dwell to the card painted, on the live timeline. */
import type { BrowserContext, Page } from '@playwright/test';
import { type Figures, serviceWorker, settledCount, useSettings } from './common.ts';
import { fmt, sampleUntilSettled, type Spread, withSpread } from './stats.ts';
import { meets } from './table.ts';

/** The card's dwell (content/card/machine.ts): latency is counted from its end. */
const DWELL_MS = 500;
const SAMPLES = 10;

/** The centre of a visible highlighted mention, scrolled to the middle of the viewport. */
function visibleMentionPoint(index: number): { x: number; y: number } {
  const ranges = [...(CSS.highlights.get('metoo-mention') ?? [])] as Range[];
  const visible = ranges.filter((r) => {
    const box = r.getBoundingClientRect();
    return box.height > 0;
  });
  const range = visible[index % visible.length] as Range;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const box = range.getClientRects()[0] as DOMRect;
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** Notes the pointer's arrival and, as a promise, the first frame after the card joins the page. */
function watchCardPaint(): void {
  const w = window as unknown as { arrived: number; painted: Promise<number> };
  w.arrived = 0;
  // The event's own time: a busy page runs its listeners late, the card's dwell counts from it.
  addEventListener('pointermove', (event) => (w.arrived ||= event.timeStamp), {
    once: true,
    capture: true,
  });
  w.painted = new Promise((done) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('metoo-context')) return;
      observer.disconnect();
      requestAnimationFrame(() => done(performance.now()));
    });
    observer.observe(document.body, { childList: true });
  });
}

async function openOnce(tab: Page, index: number): Promise<number> {
  const point = await tab.evaluate(visibleMentionPoint, index);
  await tab.evaluate(watchCardPaint);
  await tab.mouse.move(point.x, point.y);
  const latency = await tab.evaluate(async (dwell) => {
    const w = window as unknown as { arrived: number; painted: Promise<number> };
    return (await w.painted) - w.arrived - dwell;
  }, DWELL_MS);
  await tab.keyboard.press('Escape');
  await tab.mouse.move(1, 1);
  await tab.waitForTimeout(100);
  return latency;
}

/** Samples in batches until the figure settles on one side of its target. */
async function latencies(tab: Page, name: string): Promise<Spread> {
  let opened = 0;
  const latency = await sampleUntilSettled(
    name,
    async () => {
      const batch: number[] = [];
      for (let i = 0; i < SAMPLES; i++) batch.push(await openOnce(tab, opened++));
      return batch;
    },
    meets('card.openLatencyMs'),
    3,
  );
  console.log(`  ${name} ${fmt(latency)}`);
  return latency;
}

/**
 * The latency with the default underline, then with the background mark: in Chromium a highlight
 * with a text decoration makes every frame in which the page changes recompute the whole page's
 * ink overflow (PrePaint; 15–20 ms on this 5,000-post page, 2–3 ms with a background), and the
 * card's arrival is such a frame. The second figure shows what that costs the card.
 */
export async function measureCard(tab: Page, context: BrowserContext): Promise<Figures> {
  console.log('• card');
  await tab.bringToFront();
  const underline = await latencies(tab, 'card.openLatencyMs');
  const worker = await serviceWorker(context);
  await useSettings(worker, { highlightStyle: 'background' });
  await settledCount(tab);
  try {
    const background = await latencies(tab, 'card.openLatencyBackgroundMs');
    return {
      ...withSpread('openLatencyMs', underline),
      ...withSpread('openLatencyBackgroundMs', background),
    };
  } finally {
    await useSettings(worker, {});
    await settledCount(tab);
  }
}
