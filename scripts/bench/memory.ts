/** 5. memory: 100 rounds of appending and removing 50 posts, then the highlight against a fresh read. */
import {
  appendAndTime,
  type Bench,
  type Figures,
  highlightCount,
  removeAppended,
} from './common.ts';
import type { LiveTimeline } from './append.ts';

export async function measureMemory(bench: Bench, { tab, added }: LiveTimeline): Promise<Figures> {
  console.log('• memory');
  const before = await highlightCount(tab);
  for (let i = 0; i < 100; i++) {
    await appendAndTime(tab, bench.extra.posts, added);
    await removeAppended(tab, before);
  }
  await tab.waitForTimeout(500);
  await tab.evaluate(bench.scanBundle);
  const live = await tab.evaluate(async () => {
    // An independent fresh read of the page counts the mentions it really holds.
    return (
      window as unknown as { metooBench: { scan(): { mentions: number } } }
    ).metooBench.scan();
  });
  return {
    rangesAfterChurn: await highlightCount(tab),
    liveMentions: live.mentions,
  };
}
