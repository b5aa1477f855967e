/** 3. mainThread: long tasks after load, with the extension (x.com) and without (bench.test). */
import type { Page } from '@playwright/test';
import { type Bench, type Figures, median, round } from './common.ts';

interface Tasks {
  maxTaskMs: number;
  blockingMs: number;
  seenBeforeLoad: number;
}

/** Collects the page's long tasks in `window.longTasks`; an init script, run before the page's. */
export const observeLongTasks = () => {
  const w = window as unknown as { longTasks: { start: number; duration: number }[] };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      w.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** Long tasks after the page's own load work, and the blocking time they add. */
async function longTasksAfterLoad(page: Page, settleMs: number): Promise<Tasks> {
  await page.waitForTimeout(settleMs);
  return page.evaluate(() => {
    const load = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] })
      .longTasks;
    const after = tasks.filter((task) => task.start >= load.loadEventEnd);
    return {
      // The page's own build of its posts is a long task before load: proof the observer sees them.
      seenBeforeLoad: tasks.length - after.length,
      maxTaskMs: Math.max(0, ...after.map((t) => t.duration)),
      blockingMs: after.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      count: after.length,
    };
  });
}

export async function measureMainThread({ context }: Bench): Promise<Figures> {
  console.log('• main thread');
  const withExt: Tasks[] = [];
  const withoutExt: Tasks[] = [];
  for (let i = 0; i < 3; i++) {
    for (const [host, into] of [
      ['x.com', withExt],
      ['bench.test', withoutExt],
    ] as const) {
      const tab = await context.newPage();
      await tab.addInitScript(observeLongTasks);
      await tab.goto(`https://${host}/timeline.html`);
      into.push(await longTasksAfterLoad(tab, 2_500));
      await tab.close();
    }
  }
  const tbtWith = median(withExt.map((r) => r.blockingMs));
  const tbtWithout = median(withoutExt.map((r) => r.blockingMs));
  return {
    pageTasksSeen: Math.min(...withoutExt.map((r) => r.seenBeforeLoad)),
    maxTaskMs: round(Math.max(...withExt.map((r) => r.maxTaskMs))),
    tbtWithMs: round(tbtWith),
    tbtWithoutMs: round(tbtWithout),
    tbtAddedMs: round(Math.max(0, tbtWith - tbtWithout)),
  };
}
