/**
 * churn.extensionMsPerS: a timeline with mentions whose page rewrites 200 text nodes a second
 * that hold no mention (relative timestamps, like counts) for 10 s; the extension's main-thread
 * time in each second, from a sampling profile, the page's own work excluded.
 */
import type { Page } from '@playwright/test';
import { type Bench, type Figures, settledCount } from './common.ts';
import { startProfile, stopProfile } from './profile.ts';
import { fmt, sampleUntilSettled, withSpread } from './stats.ts';
import { meets } from './table.ts';

const SECONDS = 10;

/** Page script (its own world): runs the page's churn for `seconds`, 10 rewrites every 50 ms. */
function churn(seconds: number): Promise<number> {
  const churner = (window as unknown as { churn(seconds: number): Promise<number> }).churn;
  return churner(seconds);
}

async function churnOnce(tab: Page): Promise<number[]> {
  const cdp = await startProfile(tab);
  const rewrites = await tab.evaluate(churn, SECONDS);
  const profile = await stopProfile(cdp, 1000);
  if (rewrites < SECONDS * 180) throw new Error(`the page rewrote only ${rewrites} text nodes`);
  return profile.extension.slice(0, SECONDS);
}

export async function measureChurn(bench: Bench): Promise<Figures> {
  console.log(`• churn: 200 rewrites a second for ${SECONDS} s`);
  const tab = await bench.context.newPage();
  await tab.goto('https://x.com/churn.html', { timeout: 120_000 });
  await tab.bringToFront(); // a hidden tab's timers run once a second
  const mentions = await settledCount(tab);
  const perSecond = await sampleUntilSettled(
    'churn.extensionMsPerS',
    () => churnOnce(tab),
    meets('churn.extensionMsPerS'),
    2,
  );
  const after = await settledCount(tab);
  await tab.close();
  if (after !== mentions) throw new Error(`churn changed the highlight: ${mentions} → ${after}`);
  console.log(`  ${mentions} mentions; extension ms per second ${fmt(perSecond)}`);
  return { ...withSpread('extensionMsPerS', perSecond), mentions };
}
