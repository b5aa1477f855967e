/** The targets each figure is held to, and the table `npm run bench` prints. */
import type { Results } from './common.ts';
import { settled } from './stats.ts';

type Check = (value: number, all: Results) => boolean;

export const TARGETS: Record<string, [string, Check]> = {
  'detect.floorRatio': ['≤ 2', (v) => v <= 2],
  'detect.twitterTextRatio': ['≥ 5', (v) => v >= 5],
  'detect.growth10x': ['8–12', (v) => v >= 8 && v <= 12],
  'scan.floorRatio': ['≤ 1.5', (v) => v <= 1.5],
  'scan.markjsRatio': ['≥ 10', (v) => v >= 10],
  'append.ratio': ['≤ 2', (v) => v <= 2],
  'mainThread.maxTaskMs': ['≤ 50', (v) => v <= 50],
  'mainThread.tbtAddedMs': ['≤ 50', (v) => v <= 50],
  'card.openLatencyMs': ['≤ 16', (v) => v <= 16],
  'memory.rangesAfterChurn': ['= liveMentions', (v, all) => v === all.memory?.liveMentions],
  'bundle.contentScriptGzipBytes': ['≤ 20,000', (v) => v <= 20_000],
  'scan.leastWorkRatio': ['≤ 2', (v) => v <= 2],
  'churn.extensionMsPerS': ['≤ 1', (v) => v <= 1],
  'load.mentionFreeMs': ['≤ 5', (v) => v <= 5],
  'scroll.extensionShare': ['≤ 0.05', (v) => v <= 0.05],
  'scroll.longTasksAdded': ['= 0', (v) => v === 0],
  'popup.listMs': ['≤ 50', (v) => v <= 50],
  'command.nearestMs': ['≤ 16', (v) => v <= 16],
  'size.longTasks': ['= 0', (v) => v === 0],
};

/** A figure's target as a test of one value, for a measure deciding whether to sample more. */
export function meets(figure: string): (value: number) => boolean {
  const target = TARGETS[figure];
  if (!target) throw new Error(`no target for ${figure}`);
  return (value) => target[1](value, {});
}

const SPREAD = /(Min|Max|Samples|Q1|Q3)$/;

/**
 * Whether a figure meets its target: 'yes' or 'no' by the side its middle half of samples lies on
 * (the median's, unrounded), or 'straddles' when that half still lies on both sides of the target
 * (its sampling gave up on more batches), where the median's side is the noise of one run. A figure
 * with no spread goes by its value; '' for a figure with no target.
 */
export function verdict(group: string, name: string, all: Results): string {
  const target = TARGETS[`${group}.${name}`];
  const figures = all[group] ?? {};
  const value = figures[name];
  if (!target || value === undefined) return '';
  const meetsIt = (v: number) => target[1](v, all);
  const q1 = figures[`${name}Q1`];
  const q3 = figures[`${name}Q3`];
  if (q1 !== undefined && q3 !== undefined && !settled({ q1, q3 }, meetsIt)) return 'straddles';
  return meetsIt(q1 ?? value) ? 'yes' : '**no**';
}

export function printTable(all: Results): void {
  console.log('\n| figure | value | target | met |\n|---|---|---|---|');
  for (const [group, figures] of Object.entries(all)) {
    for (const [name, value] of Object.entries(figures)) {
      // A figure's spread is printed beside it: median (min–max, n samples).
      if (SPREAD.test(name) && figures[name.replace(SPREAD, '')] !== undefined) continue;
      const min = figures[`${name}Min`];
      const max = figures[`${name}Max`];
      const shown =
        min === undefined ? `${value}` : `${value} (${min}–${max}, n=${figures[`${name}Samples`]})`;
      const target = TARGETS[`${group}.${name}`];
      const met = verdict(group, name, all);
      console.log(`| \`${group}.${name}\` | ${shown} | ${target?.[0] ?? ''} | ${met} |`);
    }
  }
}
