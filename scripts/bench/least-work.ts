/**
 * scan.leastWorkRatio: the scanner's full read over the least any scanner must do here (a look at
 * every text node for a hash sign, plus the walk for shadow hosts), on a timeline big enough that
 * one measure takes at least 10 ms. Each rotation gives one ratio; a sample is the median of five
 * rotations' ratios, and the figure the median of the samples.
 *
 * A rotation runs its three measures back to back in one task of the page (`leastWorkRotation`), in
 * an order that turns with each rotation, so that a ratio's numerator and denominator are read under
 * the same state of the machine: its background threads, its collector, its other processes.
 *
 * Samples of five: the middle half of single rotations' ratios is about 0.2 wide on this machine,
 * so it straddled 2 in runs whose median lay within a tenth of it, however many were taken
 * (docs/benchmarks.md, "Bigger samples, of paired rotations"). The median of five varies less, as
 * #16 asks of a figure whose spread exceeds its target's margin.
 */
import { type Bench, type Figures, median, round } from './common.ts';
import { fmt, sampleUntilSettled, spread, withSpread } from './stats.ts';
import { meets } from './table.ts';
import { installWalks, leastWorkRotation, type LeastWorkMeasure } from './walks.ts';

export const LEAST_WORK_POSTS = 20_000;
/** Samples per batch; a figure that straddles its target gets more batches. */
const SAMPLES = 15;
/** Rotations per sample. */
const ROTATIONS_PER_SAMPLE = 5;
/** Batches at most. */
const BATCHES = 3;
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

/** A sample: the median of its rotations' ratios. */
export function leastWorkSample(rotations: readonly Record<LeastWorkMeasure, number>[]): number {
  return median(rotations.map(leastWorkRatio));
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
  const single: number[] = [];
  const ratios = await sampleUntilSettled(
    'scan.leastWorkRatio',
    async () => {
      const batch: number[] = [];
      for (let s = 0; s < SAMPLES; s++) {
        const rotations: Record<LeastWorkMeasure, number>[] = [];
        for (let i = 0; i < ROTATIONS_PER_SAMPLE; i++, taken++) {
          const ms = await page.evaluate(leastWorkRotation, rotationOrder(taken));
          rotations.push(ms);
          single.push(leastWorkRatio(ms));
          shortest = Math.min(shortest, ms.scan, ms.hashWalk + ms.hostWalk);
        }
        batch.push(leastWorkSample(rotations));
      }
      return batch;
    },
    meets('scan.leastWorkRatio'),
    BATCHES,
  );
  await page.close();
  const singles = spread(single);
  console.log(
    `  ratio ${fmt(ratios)} in samples of ${ROTATIONS_PER_SAMPLE} rotations; single rotations ` +
      `${fmt(singles)}; shortest measure ${round(shortest)} ms`,
  );
  return {
    ...withSpread('leastWorkRatio', ratios),
    leastWorkRotations: singles.samples,
    leastWorkRotationMin: round(singles.min),
    leastWorkRotationMax: round(singles.max),
    leastWorkPosts: LEAST_WORK_POSTS,
    leastWorkShortestSampleMs: round(shortest),
  };
}
