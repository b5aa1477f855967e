/** 4. card: from the end of the dwell to the card painted, on the live timeline. */
import type { Page } from '@playwright/test';
import { type Figures, median, round } from './common.ts';

/** The card's dwell (content/card/machine.ts): latency is counted from its end. */
const DWELL_MS = 500;

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
  addEventListener('pointermove', () => (w.arrived ||= performance.now()), {
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

export async function measureCard(tab: Page): Promise<Figures> {
  console.log('• card');
  await tab.bringToFront();
  const latencies: number[] = [];
  for (let i = 0; i < 5; i++) {
    const point = await tab.evaluate(visibleMentionPoint, i);
    await tab.evaluate(watchCardPaint);
    await tab.mouse.move(point.x, point.y);
    const latency = await tab.evaluate(async (dwell) => {
      const w = window as unknown as { arrived: number; painted: Promise<number> };
      return (await w.painted) - w.arrived - dwell;
    }, DWELL_MS);
    latencies.push(latency);
    await tab.keyboard.press('Escape');
    await tab.mouse.move(1, 1);
    await tab.waitForTimeout(100);
  }
  return { openLatencyMs: round(median(latencies)) };
}
