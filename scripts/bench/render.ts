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
import { MainThreadTrace } from './trace.ts';

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
  const trace = await MainThreadTrace.start(context, tab);
  await tab.evaluate(fadeOnce, ANIMATION_MS);
  // Without highlights an opacity animation runs on the compositor: few frames need a PrePaint.
  return (await trace.stop())
    .filter((event) => event.name === 'PrePaint')
    .reduce((ms, event) => ms + (event.dur ?? 0) / 1000, 0);
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
