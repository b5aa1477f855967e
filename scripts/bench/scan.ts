/**
 * 1. scan: floor, our scanner, mark.js, on the page without the extension. The floor and the
 * scanner are measured in the same state, in turns (which goes first alternates), each sample the
 * mean of a few passes; mark.js, which writes into the page and leaves garbage behind, runs apart,
 * after them, each run in one task with a read of the scanner's before it. Each ratio is one per
 * rotation or pair, with its spread; a ratio that straddles its target is measured again on a
 * fresh page.
 */
import type { Page } from '@playwright/test';
import { type Bench, type Figures, median, POSTS, round, RUNS } from './common.ts';
import { batchesUntilSettled, spread, withSpread } from './stats.ts';
import { meets } from './table.ts';
import { hashWalk, hostWalk, installWalks, markjsPair, scannerRead, textWalk } from './walks.ts';

/** The scan figures are a few milliseconds each: more runs, after one that warms all three up. */
const SCAN_RUNS = 15;
/** Passes averaged into one scan or floor sample. */
const SCAN_PASSES = 1;

export type ScanSamples = Record<'floor' | 'scan' | 'hashWalk' | 'hostWalk', number[]>;

/**
 * Samples the four measures in rotation, `rounds` rounds after one that warms up: each goes first
 * in turn, so that what ran before (and the garbage it left) is the same for all.
 */
export async function rotate(
  page: Page,
  rounds: number,
  passes: number,
): Promise<{ samples: ScanSamples; mentions: number }> {
  let mentions = 0;
  const measures = {
    floor: () => page.evaluate(textWalk, passes),
    scan: async () => {
      const result = await page.evaluate(scannerRead, passes);
      mentions = result.mentions;
      return result.ms;
    },
    hashWalk: () => page.evaluate(hashWalk, passes),
    hostWalk: () => page.evaluate(hostWalk, passes),
  };
  const names = Object.keys(measures) as (keyof ScanSamples)[];
  const samples: ScanSamples = { floor: [], scan: [], hashWalk: [], hostWalk: [] };
  for (let i = 0; i <= rounds; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length] as keyof ScanSamples;
      const ms = await measures[name]();
      if (i > 0) samples[name].push(ms);
    }
  }
  return { samples, mentions };
}

/** Ratio by ratio: the i-th sample of one measure over the i-th of the other. */
function ratios(a: number[], b: number[]): number[] {
  return a.slice(0, b.length).map((value, i) => value / (b[i] ?? Number.NaN));
}

/** Batches at most, each on a fresh page, while a ratio straddles its target. */
const MAX_BATCHES = 3;

/**
 * One batch on a fresh page: the rotations, then mark.js apart, each of its runs paired with a read
 * of the scanner's in the same task (the first pair warms both up).
 */
async function scanBatch(bench: Bench): Promise<{
  samples: ScanSamples;
  mentions: number;
  mark: number[];
  markScans: number[];
  markjsMatches: number;
}> {
  const page = await bench.context.newPage();
  await page.goto('https://bench.test/timeline.html');
  await page.evaluate(bench.scanBundle);
  await page.evaluate(bench.markjs);
  await page.evaluate(installWalks);
  const { samples, mentions } = await rotate(page, SCAN_RUNS, SCAN_PASSES);
  const mark: number[] = [];
  const markScans: number[] = [];
  let markjsMatches = 0;
  for (let i = 0; i <= RUNS; i++) {
    const pair = await page.evaluate(markjsPair);
    markjsMatches = pair.matches;
    if (i === 0) continue;
    mark.push(pair.mark);
    markScans.push(pair.scan);
  }
  await page.close();
  return { samples, mentions, mark, markScans, markjsMatches };
}

export async function measureScan(bench: Bench): Promise<Figures> {
  console.log(`• scan: ${POSTS} posts, ${bench.timeline.mentions} mentions`);
  const samples: ScanSamples = { floor: [], scan: [], hashWalk: [], hostWalk: [] };
  const mark: number[] = [];
  let mentions = 0;
  let markjsMatches = 0;
  // Each ratio pairs samples of one task: the floor's, of one rotation; mark.js's, of one pair.
  const markjsRatioSamples: number[] = [];
  const floorRatios = () => spread(ratios(samples.scan, samples.floor));
  const markjsRatios = () => spread(markjsRatioSamples);
  await batchesUntilSettled(
    async () => {
      const taken = await scanBatch(bench);
      for (const name of Object.keys(samples) as (keyof ScanSamples)[])
        samples[name].push(...taken.samples[name]);
      mark.push(...taken.mark);
      markjsRatioSamples.push(...ratios(taken.mark, taken.markScans));
      mentions = taken.mentions;
      markjsMatches = taken.markjsMatches;
    },
    {
      'scan.floorRatio': { spread: floorRatios, meets: meets('scan.floorRatio') },
      'scan.markjsRatio': { spread: markjsRatios, meets: meets('scan.markjsRatio') },
    },
    MAX_BATCHES,
  );
  const floorMs = median(samples.floor);
  const scanMs = median(samples.scan);
  const hashWalkMs = median(samples.hashWalk);
  const hostWalkMs = median(samples.hostWalk);
  const markjsMs = median(mark);
  return {
    posts: POSTS,
    mentions,
    floorMs: round(floorMs),
    scanMs: round(scanMs),
    markjsMs: round(markjsMs),
    markjsMentions: markjsMatches,
    ...withSpread('floorRatio', floorRatios()),
    ...withSpread('markjsRatio', markjsRatios()),
    hashWalkMs: round(hashWalkMs),
    hostWalkMs: round(hostWalkMs),
    // The least a scanner could cost that looks at every text node for a hash sign and finds
    // the open shadow roots (as #4 asks), before it reads a single mention.
    leastRatio: round((hashWalkMs + hostWalkMs) / floorMs),
  };
}
