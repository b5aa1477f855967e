/**
 * scan.leastWorkRatio: the scanner's full read over the least any scanner must do here (a look at
 * every text node for a hash sign, plus the walk for shadow hosts), on a timeline big enough that
 * one sample takes at least 10 ms. Each rotation gives one ratio; the figure is their median.
 */
import { type Bench, type Figures, round } from './common.ts';
import { rotate } from './scan.ts';
import { fmt, sampleUntilSettled, withSpread } from './stats.ts';
import { meets } from './table.ts';

export const LEAST_WORK_POSTS = 20_000;
/** Rotations per batch; a figure that straddles its target gets one more. */
const ROTATIONS = 15;

export async function measureLeastWork(bench: Bench): Promise<Figures> {
  console.log(`• least work: ${LEAST_WORK_POSTS} posts`);
  const page = await bench.context.newPage();
  await page.goto('https://bench.test/big.html', { timeout: 120_000 });
  await page.evaluate(bench.scanBundle);
  const ms = { scan: [] as number[], hashWalk: [] as number[], hostWalk: [] as number[] };
  const ratios = await sampleUntilSettled(
    'scan.leastWorkRatio',
    async () => {
      const { samples } = await rotate(page, ROTATIONS, 1);
      ms.scan.push(...samples.scan);
      ms.hashWalk.push(...samples.hashWalk);
      ms.hostWalk.push(...samples.hostWalk);
      return samples.scan.map(
        (scan, i) => scan / ((samples.hashWalk[i] ?? 0) + (samples.hostWalk[i] ?? 0)),
      );
    },
    meets('scan.leastWorkRatio'),
    2,
  );
  await page.close();
  const shortest = Math.min(...ms.scan, ...ms.hashWalk.map((h, i) => h + (ms.hostWalk[i] ?? 0)));
  console.log(`  ratio ${fmt(ratios)}; shortest sample ${round(shortest)} ms`);
  return {
    ...withSpread('leastWorkRatio', ratios),
    leastWorkPosts: LEAST_WORK_POSTS,
    leastWorkShortestSampleMs: round(shortest),
  };
}
