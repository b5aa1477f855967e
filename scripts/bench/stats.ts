/**
 * A figure's spread across its samples, and the rule that decides when it has enough of them: the
 * middle half of its samples (first to third quartile) must fall on one side of its target, or it
 * is measured again on more samples, up to a limit.
 */
import { type Figures, median, round } from './common.ts';

export interface Spread {
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  samples: number;
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? 0;
  const high = sorted[Math.ceil(at)] ?? 0;
  return low + (high - low) * (at - Math.floor(at));
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: median(sorted),
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    samples: sorted.length,
  };
}

/** Whether the target's verdict is the same across the middle half of the samples. */
export function settled(s: Pick<Spread, 'q1' | 'q3'>, meets: (value: number) => boolean): boolean {
  return meets(s.q1) === meets(s.q3);
}

/** A figure being sampled: its spread so far, and its target as a test of one value. */
export interface Sampled {
  spread: () => Spread;
  meets: (value: number) => boolean;
}

/**
 * Takes batches until every figure has settled on one side of its target, or `maxBatches` batches
 * are in; says which still straddle. `takeBatch` adds to what each figure's `spread` reads.
 */
export async function batchesUntilSettled(
  takeBatch: () => unknown,
  figures: Record<string, Sampled>,
  maxBatches: number,
): Promise<void> {
  for (let batch = 1; batch <= maxBatches; batch++) {
    await takeBatch();
    const straddling = Object.entries(figures).flatMap(([name, figure]) => {
      const s = figure.spread();
      return settled(s, figure.meets) ? [] : [`${name} ${fmt(s)}`];
    });
    if (straddling.length === 0) return;
    console.log(
      batch < maxBatches
        ? `  straddles its target, more samples: ${straddling.join('; ')}`
        : `  still straddles its target after ${batch} batches: ${straddling.join('; ')}`,
    );
  }
}

/** One figure's samples, in batches until it has settled on one side of its target. */
export async function sampleUntilSettled(
  name: string,
  takeBatch: () => Promise<number[]>,
  meets: (value: number) => boolean,
  maxBatches: number,
): Promise<Spread> {
  const values: number[] = [];
  const figure = { spread: () => spread(values), meets };
  await batchesUntilSettled(
    async () => values.push(...(await takeBatch())),
    { [name]: figure },
    maxBatches,
  );
  return figure.spread();
}

export function fmt(s: Spread, digits = 2): string {
  return `${round(s.median, digits)} (${round(s.min, digits)}–${round(s.max, digits)}, n=${s.samples})`;
}

/** A figure's value with its spread beside it: `name`, `nameMin`, `nameMax` and the count. */
function shown(name: string, value: number, s: Spread, digits: number): Figures {
  return {
    [name]: round(value, digits),
    [`${name}Min`]: round(s.min, digits),
    [`${name}Max`]: round(s.max, digits),
    [`${name}Samples`]: s.samples,
  };
}

/**
 * A figure with its spread, as bench-results.json holds it: its median as `name`, the spread, and
 * the middle half's ends (`nameQ1`, `nameQ3`), by which the table tells a figure that never
 * settled on one side of its target. Those two stay unrounded: the table's verdict must be the one
 * the batching reached (a quartile of 2.004 rounds to 2, on the other side of `≤ 2`).
 */
export function withSpread(name: string, s: Spread, digits = 2): Figures {
  return { ...shown(name, s.median, s, digits), [`${name}Q1`]: s.q1, [`${name}Q3`]: s.q3 };
}

/**
 * A worst case as bench-results.json holds it: the largest sample is the figure, the spread beside
 * it. No middle half: the table judges the figure by its value, not by where most samples lie.
 */
export function worstOf(name: string, s: Spread, digits = 2): Figures {
  return shown(name, s.max, s, digits);
}
