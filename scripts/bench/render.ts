/**
 * render.*: what the highlight costs the page's own rendering, which the profiled figures (script
 * time) do not see. While anything on a page animates (a spinner, a hover transition, the card's
 * own fade), an opacity animation alone runs on the compositor; with custom highlights registered,
 * Chromium runs the main thread's PrePaint every frame, and it grows with the page and the
 * highlighted text, a text decoration (the underline) costing several times a background. Measured
 * on the 5,000-post timeline with its 151 mentions: a small element fades in for a second while a
 * trace records the renderer's main thread; a sample is the PrePaint time in that second. Under
 * bench.test the extension does not run (the page alone); under x.com it runs with the underline,
 * then with the background.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { type Bench, type Figures, serviceWorker, settledCount, useSettings } from './common.ts';
import { fmt, spread, withSpread, type Spread } from './stats.ts';
import type { TraceEvent } from './trace.ts';

const SAMPLES = 5;
const ANIMATION_MS = 1000;

/** In the page: a small element fades in over `ms`, then leaves; resolves when it has. */
function fadeOnce(ms: number): Promise<void> {
  return new Promise((done) => {
    requestAnimationFrame(() => {
      const box = document.createElement('div');
      box.style.cssText = `position:fixed;top:8px;left:8px;width:40px;height:40px;background:#888;animation:bench-fade ${ms}ms linear`;
      const style = document.createElement('style');
      style.textContent = '@keyframes bench-fade { from { opacity: 0 } }';
      document.head.append(style);
      box.addEventListener('animationend', () => {
        box.remove();
        style.remove();
        done();
      });
      document.body.append(box);
    });
  });
}

/** The PrePaint time (ms) on the tab's renderer main thread while a fade runs for a second. */
async function prePaintMs(context: BrowserContext, tab: Page): Promise<number> {
  const cdp = await context.newCDPSession(tab);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await tab.evaluate(fadeOnce, ANIMATION_MS);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  // The tab's main thread is the one with most PrePaint time (other renderers are idle).
  const byThread = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || event.name !== 'PrePaint') continue;
    const key = `${event.pid}:${event.tid}`;
    byThread.set(key, (byThread.get(key) ?? 0) + (event.dur ?? 0) / 1000);
  }
  // Without highlights an opacity animation runs on the compositor: few frames need a PrePaint.
  return Math.max(0, ...byThread.values());
}

async function sample(bench: Bench, host: string): Promise<number[]> {
  const samples: number[] = [];
  const tab = await bench.context.newPage();
  try {
    await tab.goto(`https://${host}/timeline.html`, { timeout: 60_000 });
    await tab.bringToFront();
    if (host !== 'bench.test') await settledCount(tab);
    for (let i = 0; i < SAMPLES; i++) samples.push(await prePaintMs(bench.context, tab));
  } finally {
    await tab.close();
  }
  return samples;
}

export async function measureRender(bench: Bench): Promise<Figures> {
  console.log('• render: a one-second fade on the 5,000-post timeline, PrePaint ms');
  const alone = spread(await sample(bench, 'bench.test'));
  const underline = spread(await sample(bench, 'x.com'));
  const worker = await serviceWorker(bench.context);
  let background: Spread;
  await useSettings(worker, { highlightStyle: 'background' });
  try {
    background = spread(await sample(bench, 'x.com'));
  } finally {
    await useSettings(worker, {});
  }
  console.log(
    `  page alone ${fmt(alone)} ms; underline ${fmt(underline)} ms; background ${fmt(background)} ms`,
  );
  return {
    ...withSpread('fadePrePaintMs', underline),
    ...withSpread('fadePrePaintBackgroundMs', background),
    ...withSpread('fadePrePaintPageAloneMs', alone),
  };
}
