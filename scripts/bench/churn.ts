/**
 * churn.extensionMsPerS: a timeline with mentions whose page rewrites 200 text nodes a second
 * that hold no mention (relative timestamps, like counts) for 10 s; the extension's main-thread
 * time per second over those 10 s, from a sampling profile, the page's own work excluded. One
 * sample per 10 s churn, four to a batch: a single second holds twenty of the extension's short
 * tasks and a handful of the profile's samples, too few to settle on either side of 1 ms.
 */
import type { Page } from '@playwright/test';
import { type Bench, type Figures, settledCount } from './common.ts';
import { meanPerSecond, startProfile, stopProfile } from './profile.ts';
import { fmt, sampleUntilSettled, withSpread } from './stats.ts';
import { meets } from './table.ts';

const SECONDS = 10;
/** 10 s churns a batch; up to three batches while the figure straddles its target. */
const CHURNS = 4;

/** Page script (its own world): runs the page's churn for `seconds`, 10 rewrites every 50 ms. */
function churn(seconds: number): Promise<number> {
  const churner = (window as unknown as { churn(seconds: number): Promise<number> }).churn;
  return churner(seconds);
}

/** The extension's ms per second over one 10 s churn. */
async function churnOnce(tab: Page): Promise<number> {
  const cdp = await startProfile(tab);
  const rewrites = await tab.evaluate(churn, SECONDS);
  const profile = await stopProfile(cdp, 1000);
  if (rewrites < SECONDS * 180) throw new Error(`the page rewrote only ${rewrites} text nodes`);
  return meanPerSecond(profile.extension, SECONDS);
}

export async function measureChurn(bench: Bench): Promise<Figures> {
  console.log(`• churn: 200 rewrites a second for ${SECONDS} s`);
  const tab = await bench.context.newPage();
  await tab.goto('https://x.com/churn.html', { timeout: 120_000 });
  await tab.bringToFront(); // a hidden tab's timers run once a second
  const mentions = await settledCount(tab);
  const msPerS = await sampleUntilSettled(
    'churn.extensionMsPerS',
    async () => {
      const batch: number[] = [];
      for (let i = 0; i < CHURNS; i++) batch.push(await churnOnce(tab));
      return batch;
    },
    meets('churn.extensionMsPerS'),
    3,
  );
  const after = await settledCount(tab);
  await tab.close();
  if (after !== mentions) throw new Error(`churn changed the highlight: ${mentions} → ${after}`);
  console.log(`  ${mentions} mentions; extension ms per second ${fmt(msPerS)}`);
  return { ...withSpread('extensionMsPerS', msPerS), mentions };
}
