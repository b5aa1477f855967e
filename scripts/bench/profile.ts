/**
 * Main-thread time from a sampling CPU profile of a page's renderer (the DevTools protocol's
 * Profiler), attributed by script: a sample is the extension's when any frame on its stack comes
 * from a chrome-extension:// script (the content script, the card's script), the page's when any
 * comes from the page's own http(s) scripts and none from the extension; the rest (idle, garbage
 * collection, the browser's own work) is neither.
 */
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Milliseconds of main-thread time per bucket of the profile's span, and in all. */
export interface Attributed {
  extension: number[];
  page: number[];
  extensionMs: number;
  pageMs: number;
  spanMs: number;
}

/** How often V8 samples the stack: 0.1 ms, ten times the default, for short scripts. */
const SAMPLING_INTERVAL_US = 100;

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  return cdp;
}

export async function stopProfile(cdp: CDPSession, bucketMs: number): Promise<Attributed> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.detach();
  return attribute(profile, bucketMs);
}

type Owner = 'extension' | 'page' | null;

function owners(nodes: ProfileNode[]): Map<number, Owner> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const owner = new Map<number, Owner>();
  const ownerOf = (id: number): Owner => {
    if (owner.has(id)) return owner.get(id) ?? null;
    const url = byId.get(id)?.callFrame.url ?? '';
    const up = parent.has(id) ? ownerOf(parent.get(id) as number) : null;
    let mine: Owner = up;
    if (url.startsWith('chrome-extension://')) mine = 'extension';
    else if (/^https?:/.test(url) && up === null) mine = 'page';
    owner.set(id, mine);
    return mine;
  };
  for (const node of nodes) ownerOf(node.id);
  return owner;
}

export function attribute(profile: Profile, bucketMs: number): Attributed {
  const owner = owners(profile.nodes);
  const spanMs = (profile.endTime - profile.startTime) / 1000;
  const buckets = Math.max(1, Math.floor(spanMs / bucketMs));
  const extension = new Array<number>(buckets).fill(0);
  const page = new Array<number>(buckets).fill(0);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = 0;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const bucket = Math.floor(at / 1000 / bucketMs);
    if (bucket >= buckets) continue;
    const who = owner.get(samples[i] as number);
    if (who === 'extension') extension[bucket] = (extension[bucket] ?? 0) + ms;
    else if (who === 'page') page[bucket] = (page[bucket] ?? 0) + ms;
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return { extension, page, extensionMs: sum(extension), pageMs: sum(page), spanMs };
}
