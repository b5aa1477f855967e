/**
 * load.mentionFreeMs: the content script's main-thread time from injection until idle on a
 * 1,000-post page with no mention (its evaluation, settings, first read), from a sampling profile
 * over the load and the 2.5 s after it.
 */
import { type Bench, type Figures, highlightCount } from './common.ts';
import { startProfile, stopProfile } from './profile.ts';
import { fmt, sampleUntilSettled, withSpread } from './stats.ts';
import { meets } from './table.ts';

export const MENTION_FREE_POSTS = 1000;
const SETTLE_MS = 2_500;
const LOADS = 5;

async function loadOnce(bench: Bench): Promise<number> {
  const tab = await bench.context.newPage();
  try {
    // A page of the same site first, so that the load below stays in the renderer being profiled.
    await tab.goto('https://x.com/empty.html');
    await tab.bringToFront();
    await tab.waitForTimeout(500);
    const cdp = await startProfile(tab);
    await tab.goto('https://x.com/quiet.html', { waitUntil: 'load', timeout: 60_000 });
    await tab.waitForTimeout(SETTLE_MS);
    const profile = await stopProfile(cdp, 60_000);
    if ((await highlightCount(tab)) !== 0) throw new Error('the mention-free page has a mention');
    if (profile.extensionMs === 0) throw new Error('the profile saw no extension script');
    return profile.extensionMs;
  } finally {
    await tab.close();
  }
}

export async function measureLoad(bench: Bench): Promise<Figures> {
  console.log(`• load: ${MENTION_FREE_POSTS} posts, no mention`);
  const ms = await sampleUntilSettled(
    'load.mentionFreeMs',
    async () => {
      const batch: number[] = [];
      for (let i = 0; i < LOADS; i++) batch.push(await loadOnce(bench));
      return batch;
    },
    meets('load.mentionFreeMs'),
    2,
  );
  console.log(`  extension ms ${fmt(ms)}`);
  return { ...withSpread('mentionFreeMs', ms), posts: MENTION_FREE_POSTS };
}
