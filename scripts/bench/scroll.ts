/**
 * scroll.extensionShare and scroll.longTasksAdded: an X-like virtualized timeline (30 posts
 * mounted, recycled while it scrolls 60 posts a second for 10 s, one post in 20 with a mention).
 * The share is the extension's main-thread time over the page's own scripting time, second by
 * second, from a sampling profile; the long tasks are counted with the extension and without.
 */
import type { Page } from '@playwright/test';
import { type Bench, type Figures, highlightCount, round } from './common.ts';
import { observeLongTasks } from './main-thread.ts';
import { startProfile, stopProfile } from './profile.ts';
import { fmt, sampleUntilSettled, spread, withSpread } from './stats.ts';
import { meets } from './table.ts';

const SECONDS = 10;

interface Scrolled {
  longTasks: number;
  recycled: number;
}

/** Scrolls the feed for SECONDS and counts the long tasks that started meanwhile. */
async function scrollFeed(tab: Page): Promise<Scrolled> {
  return tab.evaluate(async (seconds) => {
    const w = window as unknown as {
      longTasks: { start: number }[];
      scrollFeed(s: number): Promise<{ start: number; end: number; recycled: number }>;
    };
    const { start, end, recycled } = await w.scrollFeed(seconds);
    const longTasks = w.longTasks.filter((t) => t.start >= start && t.start <= end).length;
    return { longTasks, recycled };
  }, SECONDS);
}

async function openFeed(bench: Bench, host: string): Promise<Page> {
  const tab = await bench.context.newPage();
  await tab.addInitScript(observeLongTasks);
  await tab.goto(`https://${host}/scroll.html`, { timeout: 60_000 });
  await tab.bringToFront();
  await tab.waitForTimeout(1_000);
  return tab;
}

export async function measureScroll(bench: Bench): Promise<Figures> {
  console.log(`• scroll: a virtualized feed, 60 posts a second for ${SECONDS} s`);
  const withExtension: Scrolled[] = [];
  const withoutExtension: Scrolled[] = [];
  let pageMs = 0;
  /** The extension's own main-thread time, second by second: the share's numerator on its own. */
  const extensionMs: number[] = [];
  const shares = await sampleUntilSettled(
    'scroll.extensionShare',
    async () => {
      const tab = await openFeed(bench, 'x.com');
      const cdp = await startProfile(tab);
      withExtension.push(await scrollFeed(tab));
      const profile = await stopProfile(cdp, 1000);
      if ((await highlightCount(tab)) === 0) throw new Error('the feed showed no mention');
      await tab.close();
      pageMs += profile.pageMs;
      extensionMs.push(...profile.extension.slice(0, SECONDS));
      const without = await openFeed(bench, 'bench.test');
      withoutExtension.push(await scrollFeed(without));
      await without.close();
      return profile.extension
        .slice(0, SECONDS)
        .map((ms, i) => ms / Math.max(profile.page[i] ?? 0, 0.1));
    },
    meets('scroll.extensionShare'),
    2,
  );
  const tasks = (runs: Scrolled[]) => runs.reduce((sum, run) => sum + run.longTasks, 0);
  // Fewer long tasks with the extension than without is the page's noise: none added.
  const added = Math.max(0, tasks(withExtension) - tasks(withoutExtension));
  console.log(
    `  share ${fmt(shares, 3)}; extension ${fmt(spread(extensionMs))} ms/s; long tasks ${tasks(withExtension)} with, ${tasks(withoutExtension)} without; ` +
      `${withExtension[0]?.recycled ?? 0} posts recycled per run`,
  );
  return {
    ...withSpread('extensionShare', shares, 3),
    ...withSpread('extensionMsPerS', spread(extensionMs)),
    longTasksAdded: added,
    longTasksWith: tasks(withExtension),
    longTasksWithout: tasks(withoutExtension),
    pageScriptMsPerS: round(pageMs / (SECONDS * withExtension.length)),
  };
}
