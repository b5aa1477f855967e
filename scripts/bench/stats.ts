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
export function settled(s: Spread, meets: (value: number) => boolean): boolean {
  return meets(s.q1) === meets(s.q3);
}

/**
 * Takes batches of samples until the figure has settled on one side of its target or `maxBatches`
 * batches are in; says when it could not settle.
 */
export async function sampleUntilSettled(
  name: string,
  takeBatch: () => Promise<number[]>,
  meets: (value: number) => boolean,
  maxBatches: number,
): Promise<Spread> {
  const values: number[] = [];
  for (let batch = 1; ; batch++) {
    values.push(...(await takeBatch()));
    const s = spread(values);
    if (settled(s, meets)) return s;
    if (batch >= maxBatches) {
      console.log(`  ${name}: still straddles its target after ${s.samples} samples`);
      return s;
    }
    console.log(`  ${name}: straddles its target (${fmt(s)}), more samples`);
  }
}

export function fmt(s: Spread, digits = 2): string {
  return `${round(s.median, digits)} (${round(s.min, digits)}–${round(s.max, digits)}, n=${s.samples})`;
}

/** A figure with its spread, as bench-results.json holds it: `name`, `nameMin`, `nameMax`. */
export function withSpread(name: string, s: Spread, digits = 2): Figures {
  return {
    [name]: round(s.median, digits),
    [`${name}Min`]: round(s.min, digits),
    [`${name}Max`]: round(s.max, digits),
    [`${name}Samples`]: s.samples,
  };
}
