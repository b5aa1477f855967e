/**
 * 4. card: from the end of the dwell to the card's first frame (its animation callbacks), and to
 * the end of that frame's main-thread work (style, layout, paint), on the live timeline.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { type Figures, serviceWorker, settledCount, useSettings } from './common.ts';
import { fmt, sampleUntilSettled, spread, type Spread, withSpread } from './stats.ts';
import { meets } from './table.ts';

/** The card's dwell (content/card/machine.ts): latency is counted from its end. */
const DWELL_MS = 500;
const SAMPLES = 10;

/** The centre of a visible highlighted mention, scrolled to the middle of the viewport. */
function visibleMentionPoint(index: number): { x: number; y: number } {
  // The highlight holds static ranges; the one chosen is measured through a live range, made once
  // (a live range more in the page adds to the cost of each of its removals).
  const ranges = [...(CSS.highlights.get('metoo-mention') ?? [])];
  const visible = ranges.filter(
    (r) => (r.startContainer.parentElement?.getClientRects().length ?? 0) > 0,
  );
  const chosen = visible[index % visible.length] as AbstractRange;
  chosen.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const range = new Range();
  range.setStart(chosen.startContainer, chosen.startOffset);
  range.setEnd(chosen.endContainer, chosen.endOffset);
  const box = range.getClientRects()[0] as DOMRect;
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/**
 * Notes the pointer's arrival and, as a promise, the first frame after the card joins the page: when
 * its animation callbacks run, and when the main thread is done with it (a message posted from those
 * callbacks is handled in the next task, after the frame's style, layout, paint and commit).
 */
function watchCardPaint(): void {
  const w = window as unknown as { arrived: number; painted: Promise<[number, number]> };
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
      requestAnimationFrame(() => {
        const framed = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done([framed, performance.now()]);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { childList: true });
  });
}

/** One opening's latency to the card's first frame, and to that frame done. */
interface Opening {
  framed: number;
  done: number;
}

async function openOnce(tab: Page, index: number): Promise<Opening> {
  const point = await tab.evaluate(visibleMentionPoint, index);
  await tab.evaluate(watchCardPaint);
  await tab.mouse.move(point.x, point.y);
  const latency = await tab.evaluate(async (dwell) => {
    const w = window as unknown as { arrived: number; painted: Promise<[number, number]> };
    const [framed, finished] = await w.painted;
    return { framed: framed - w.arrived - dwell, done: finished - w.arrived - dwell };
  }, DWELL_MS);
  await tab.keyboard.press('Escape');
  await tab.mouse.move(1, 1);
  await tab.waitForTimeout(100);
  return latency;
}

/**
 * Samples in batches until the latency to the first frame settles on one side of its target; the
 * same openings give the latency to that frame done.
 */
async function latencies(tab: Page, name: string): Promise<{ framed: Spread; done: Spread }> {
  const done: number[] = [];
  const framed = await sampleUntilSettled(
    name,
    async () => {
      const batch: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const opening = await openOnce(tab, done.length);
        batch.push(opening.framed);
        done.push(opening.done);
      }
      return batch;
    },
    meets('card.openLatencyMs'),
    3,
  );
  console.log(`  ${name} ${fmt(framed)}, its frame done ${fmt(spread(done))}`);
  return { framed, done: spread(done) };
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
      ...withSpread('openLatencyMs', underline.framed),
      ...withSpread('openLatencyBackgroundMs', background.framed),
      ...withSpread('frameDoneMs', underline.done),
      ...withSpread('frameDoneBackgroundMs', background.done),
    };
  } finally {
    await useSettings(worker, {});
    await settledCount(tab);
  }
}
