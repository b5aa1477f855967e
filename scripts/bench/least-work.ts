/**
 * scan.leastWorkRatio: the scanner's full read over the least any scanner must do here (a look at
 * every text node for a hash sign, plus the walk for shadow hosts), on a timeline big enough that
 * one sample takes at least 10 ms. Each rotation gives one ratio; the figure is their median.
 *
 * A rotation runs its three measures back to back in one task of the page (`leastWorkRotation`), in
 * an order that turns with each rotation, so that a ratio's numerator and denominator are read under
 * the same state of the machine: its background threads, its collector, its other processes.
 */
import { type Bench, type Figures, round } from './common.ts';
import { fmt, sampleUntilSettled, withSpread } from './stats.ts';
import { meets } from './table.ts';
import { installWalks, leastWorkRotation, type LeastWorkMeasure } from './walks.ts';

export const LEAST_WORK_POSTS = 20_000;
/** Rotations per batch; a figure that straddles its target gets one more. */
const ROTATIONS = 15;
const MEASURES: readonly LeastWorkMeasure[] = ['scan', 'hashWalk', 'hostWalk'];

/** The measures of rotation `i`, each rotation starting one further along. */
export function rotationOrder(i: number): LeastWorkMeasure[] {
  const n = MEASURES.length;
  return MEASURES.map((_, k) => MEASURES[(((i + k) % n) + n) % n] as LeastWorkMeasure);
}

/** A rotation's ratio: the scanner's read over the two walks of the same rotation. */
export function leastWorkRatio(ms: Record<LeastWorkMeasure, number>): number {
  return ms.scan / (ms.hashWalk + ms.hostWalk);
}

export async function measureLeastWork(bench: Bench): Promise<Figures> {
  console.log(`• least work: ${LEAST_WORK_POSTS} posts`);
  const page = await bench.context.newPage();
  await page.goto('https://bench.test/big.html', { timeout: 120_000 });
  await page.evaluate(bench.scanBundle);
  await page.evaluate(installWalks);
  // A first rotation warms the three up and is not kept.
  await page.evaluate(leastWorkRotation, rotationOrder(-1));
  let shortest = Number.POSITIVE_INFINITY;
  let taken = 0;
  const ratios = await sampleUntilSettled(
    'scan.leastWorkRatio',
    async () => {
      const batch: number[] = [];
      for (let i = 0; i < ROTATIONS; i++, taken++) {
        const ms = await page.evaluate(leastWorkRotation, rotationOrder(taken));
        batch.push(leastWorkRatio(ms));
        shortest = Math.min(shortest, ms.scan, ms.hashWalk + ms.hostWalk);
      }
      return batch;
    },
    meets('scan.leastWorkRatio'),
    2,
  );
  await page.close();
  console.log(`  ratio ${fmt(ratios)}; shortest sample ${round(shortest)} ms`);
  return {
    ...withSpread('leastWorkRatio', ratios),
    leastWorkPosts: LEAST_WORK_POSTS,
    leastWorkShortestSampleMs: round(shortest),
  };
}
