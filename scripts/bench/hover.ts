/**
 * hover.extensionMsPerS: the pointer sweeps across the 5,000-post timeline (151 mentions) for
 * 5 s, as a reader's does on the way somewhere, never resting on a mention long enough for a card;
 * the extension's main-thread time in each second, from a sampling profile.
 * hover.manyMentionsMsPerS: the same on the 100,000-mention page, where every post holds mentions.
 */
import type { Page } from '@playwright/test';
import { type Bench, type Figures, settledCount } from './common.ts';
import { startProfile, stopProfile } from './profile.ts';
import { fmt, type Spread, spread, withSpread } from './stats.ts';

const SECONDS = 5;
const SWEEPS = 3;

/** Back and forth across the page's column, a little lower each time: 20 moves a pass. */
async function sweep(tab: Page, seconds: number): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let moves = 0;
  for (let pass = 0; Date.now() < end; pass++) {
    const y = 100 + ((pass * 37) % 700);
    await tab.mouse.move(pass % 2 ? 340 : 940, y, { steps: 20 });
    moves += 20;
  }
  return moves;
}

async function hoverOnce(tab: Page): Promise<number[]> {
  const cdp = await startProfile(tab);
  const moves = await sweep(tab, SECONDS);
  const profile = await stopProfile(cdp, 1000);
  if (moves < SECONDS * 40) throw new Error(`only ${moves} pointer moves in ${SECONDS} s`);
  return profile.extension.slice(0, SECONDS);
}

/** Three sweeps over a page, each second a sample: the extension's ms in each. */
async function hoverPage(bench: Bench, url: string): Promise<Spread> {
  const tab = await bench.context.newPage();
  await tab.goto(url, { timeout: 120_000 });
  await tab.bringToFront();
  await settledCount(tab, 90_000);
  await tab.mouse.move(640, 400);
  await tab.waitForTimeout(1_000);
  // No target to settle on: three sweeps, each second a sample.
  const seconds: number[] = [];
  for (let i = 0; i < SWEEPS; i++) seconds.push(...(await hoverOnce(tab)));
  await tab.close();
  return spread(seconds);
}

export async function measureHover(bench: Bench): Promise<Figures> {
  console.log(
    `• hover: the pointer sweeps the timeline for ${SECONDS} s, then the 100,000 mentions`,
  );
  const timeline = await hoverPage(bench, 'https://x.com/churn.html');
  console.log(`  timeline: extension ms per second ${fmt(timeline)}`);
  const many = await hoverPage(bench, 'https://x.com/size/many.html');
  console.log(`  100,000 mentions: extension ms per second ${fmt(many)}`);
  return { ...withSpread('extensionMsPerS', timeline), ...withSpread('manyMentionsMsPerS', many) };
}
