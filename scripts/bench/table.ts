/** The targets each figure is held to, and the table `npm run bench` prints. */
import type { Results } from './common.ts';

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
};

export function printTable(all: Results): void {
  console.log('\n| figure | value | target | met |\n|---|---|---|---|');
  for (const [group, figures] of Object.entries(all)) {
    for (const [name, value] of Object.entries(figures)) {
      const target = TARGETS[`${group}.${name}`];
      const met = target ? (target[1](value, all) ? 'yes' : '**no**') : '';
      console.log(`| \`${group}.${name}\` | ${value} | ${target?.[0] ?? ''} | ${met} |`);
    }
  }
}
