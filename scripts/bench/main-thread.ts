/** 3. mainThread: long tasks after load, with the extension (x.com) and without (bench.test). */
import type { Page } from '@playwright/test';
import { type Bench, type Figures, median, round } from './common.ts';
import { sampleUntilSettled, spread, withSpread, worstOf } from './stats.ts';
import { meets } from './table.ts';

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

/** One load of the timeline with the extension (x.com) and one without (bench.test). */
async function loadPair(context: Bench['context']): Promise<[Tasks, Tasks]> {
  const pair: Tasks[] = [];
  for (const host of ['x.com', 'bench.test']) {
    const tab = await context.newPage();
    await tab.addInitScript(observeLongTasks);
    await tab.goto(`https://${host}/timeline.html`);
    pair.push(await longTasksAfterLoad(tab, 2_500));
    await tab.close();
  }
  return pair as [Tasks, Tasks];
}

export async function measureMainThread({ context }: Bench): Promise<Figures> {
  console.log('• main thread');
  const withExt: Tasks[] = [];
  const withoutExt: Tasks[] = [];
  // The blocking time the extension adds, one figure per pair of loads; more pairs while the
  // middle half straddles the target.
  const added = await sampleUntilSettled(
    'mainThread.tbtAddedMs',
    async () => {
      const values: number[] = [];
      for (let i = 0; i < 3; i++) {
        const [withTasks, withoutTasks] = await loadPair(context);
        withExt.push(withTasks);
        withoutExt.push(withoutTasks);
        values.push(Math.max(0, withTasks.blockingMs - withoutTasks.blockingMs));
      }
      return values;
    },
    meets('mainThread.tbtAddedMs'),
    3,
  );
  // The longest task is a worst case: the figure is the longest of all loads, its spread each
  // load's longest.
  const longest = spread(withExt.map((r) => r.maxTaskMs));
  return {
    pageTasksSeen: Math.min(...withoutExt.map((r) => r.seenBeforeLoad)),
    ...worstOf('maxTaskMs', longest),
    tbtWithMs: round(median(withExt.map((r) => r.blockingMs))),
    tbtWithoutMs: round(median(withoutExt.map((r) => r.blockingMs))),
    ...withSpread('tbtAddedMs', added),
  };
}
