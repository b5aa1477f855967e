/** 2. append: 50 posts onto 5,000 with the extension running, against 50 onto an empty page. */
import type { Page } from '@playwright/test';
import {
  APPEND,
  appendAndTime,
  type Bench,
  type Figures,
  median,
  round,
  RUNS,
  removeAppended,
  settledCount,
} from './common.ts';
import { sampleUntilSettled, withSpread } from './stats.ts';
import { meets } from './table.ts';

/** The timeline tab left open for the measures after this one, and what 50 posts add. */
export interface LiveTimeline {
  tab: Page;
  /** How many highlights the appended posts add on this host. */
  added: number;
}

export async function measureAppend(
  bench: Bench,
): Promise<{ figures: Figures; live: LiveTimeline }> {
  console.log('• append');
  const { context, extra } = bench;
  const timelineTab = await context.newPage();
  await timelineTab.goto('https://x.com/timeline.html');
  const initial = await settledCount(timelineTab);
  const emptyTab = await context.newPage();
  await emptyTab.goto('https://x.com/empty.html');
  await settledCount(emptyTab);
  // How many highlights 50 posts add on this host, counted once the page has settled.
  await emptyTab.evaluate((posts) => {
    const holder = document.createElement('div');
    holder.className = 'appended';
    (window as unknown as { buildPosts(p: unknown[], parent: Element): void }).buildPosts(
      posts,
      holder,
    );
    document.getElementById('timeline')?.appendChild(holder);
  }, extra.posts);
  const added = await settledCount(emptyTab);
  await emptyTab.evaluate(() => document.querySelector('.appended')?.remove());
  await settledCount(emptyTab);
  console.log(`  ${initial} highlighted on load, ${added} more from ${APPEND} posts`);
  const appendTimes: number[] = [];
  const aloneTimes: number[] = [];
  // One ratio per run, the two appends taken in turn; more runs while it straddles its target.
  const ratio = await sampleUntilSettled(
    'append.ratio',
    async () => {
      const ratios: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await timelineTab.bringToFront();
        const appendMs = await appendAndTime(timelineTab, extra.posts, added);
        await removeAppended(timelineTab, initial);
        await emptyTab.bringToFront();
        const aloneMs = await appendAndTime(emptyTab, extra.posts, added);
        await removeAppended(emptyTab, 0);
        await timelineTab.waitForTimeout(100);
        appendTimes.push(appendMs);
        aloneTimes.push(aloneMs);
        ratios.push(appendMs / aloneMs);
      }
      return ratios;
    },
    meets('append.ratio'),
    3,
  );
  await emptyTab.close();
  const figures = {
    posts: APPEND,
    appendMs: round(median(appendTimes)),
    aloneMs: round(median(aloneTimes)),
    ...withSpread('ratio', ratio),
  };
  return { figures, live: { tab: timelineTab, added } };
}
