/**
 * Main-thread time from a sampling CPU profile of a page's renderer (the DevTools protocol's
 * Profiler), attributed by script: a sample is the extension's when any frame on its stack comes
 * from a chrome-extension:// script (the content script, the card's script), the page's when any
 * comes from the page's own http(s) scripts and none from the extension; the rest (idle, garbage
 * collection, the browser's own work) is neither.
 *
 * How much time a sample stands for is bounded by a trace of the renderer's main-thread tasks
 * (the `toplevel` category), recorded alongside: on a busy two-core machine the sampler thread is
 * starved now and then, and a gap of several milliseconds follows a sample. Counted up to the next
 * sample, the last sample of a task took the idle time after it too (a 0.3 ms timer tick of the
 * extension counted 1.8 ms). So a task's time goes to the samples taken in it, each up to the next
 * one or the task's end, the first from the task's start; time outside every task is nobody's.
 * Giving a task's unsampled start to its first sample errs towards the extension: a page timer whose
 * own script went unsampled before the extension's observer ran counts as the extension's.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { TraceEvent } from './trace.ts';

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

export interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** A stretch of the main thread's time spent in one task or more, in µs of the profile's clock. */
export interface Busy {
  start: number;
  end: number;
}

/** Milliseconds of main-thread time per bucket of the profile's span, and in all. */
export interface Attributed {
  extension: number[];
  page: number[];
  extensionMs: number;
  pageMs: number;
  spanMs: number;
}

/** A profile and a trace being recorded of one page. */
export interface Profiling {
  cdp: CDPSession;
  events: TraceEvent[];
}

/** How often V8 samples the stack: 0.1 ms, ten times the default, for short scripts. */
const SAMPLING_INTERVAL_US = 100;

export async function startProfile(page: Page): Promise<Profiling> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  return { cdp, events };
}

export async function stopProfile(
  { cdp, events }: Profiling,
  bucketMs: number,
): Promise<Attributed> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const complete = new Promise<{ dataLossOccurred?: boolean }>((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.end');
  const { dataLossOccurred } = await complete;
  await cdp.detach();
  if (dataLossOccurred)
    throw new Error('the trace lost events: its tasks cannot bound the samples');
  return attribute(profile, bucketMs, pageBusy(events, profile));
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

/** Each sample's time in µs of the profile's clock (the trace's clock too). */
function sampleTimes(profile: Profile): number[] {
  const times: number[] = [];
  let at = profile.startTime;
  for (const delta of profile.timeDeltas ?? []) times.push((at += delta));
  return times;
}

/** The stretch holding `time`, if any (`busy` sorted and apart). */
function stretchAt(busy: Busy[], time: number): number {
  let low = 0;
  let high = busy.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const stretch = busy[mid] as Busy;
    if (time < stretch.start) high = mid - 1;
    else if (time > stretch.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** Below this share of script samples in traced tasks, the trace and the profile disagree. */
const MIN_HELD = 0.9;

/** Complete events, merged where they overlap or nest, in order. */
function merge(events: TraceEvent[]): Busy[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const busy: Busy[] = [];
  for (const event of sorted) {
    const end = event.ts + (event.dur ?? 0);
    const last = busy.at(-1);
    if (last && event.ts <= last.end) last.end = Math.max(last.end, end);
    else busy.push({ start: event.ts, end });
  }
  return busy;
}

/**
 * The busy stretches of the renderer main thread the profile sampled: of the trace's renderer
 * main threads (other tabs, the extension's pages), the one whose tasks hold most of the samples
 * that ran script.
 */
export function pageBusy(events: TraceEvent[], profile: Profile): Busy[] {
  const key = (event: TraceEvent) => `${event.pid}:${event.tid}`;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map(key),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph !== 'X' || !mains.has(key(event))) continue;
    const list = byThread.get(key(event)) ?? [];
    list.push(event);
    byThread.set(key(event), list);
  }
  const owner = owners(profile.nodes);
  const times = sampleTimes(profile).filter(
    (_, i) => owner.get(profile.samples?.[i] as number) != null,
  );
  let best: Busy[] = [];
  let most = -1;
  for (const list of byThread.values()) {
    const busy = merge(list);
    const held = times.filter((time) => stretchAt(busy, time) >= 0).length;
    if (held > most) [best, most] = [busy, held];
  }
  // Both clocks are the browser's monotonic one: all but a few samples that ran script fall in a task.
  if (most < times.length * MIN_HELD) {
    throw new Error(`only ${most} of ${times.length} script samples fall in a traced task`);
  }
  return best;
}

/**
 * Each sample stands for the time until the next one or the end of its task, whichever is first,
 * and the first sample of a task also for the time from the task's start; a sample outside every
 * task (taken as the thread went idle) stands for nothing.
 */
export function attribute(profile: Profile, bucketMs: number, busy: Busy[]): Attributed {
  const owner = owners(profile.nodes);
  const spanMs = (profile.endTime - profile.startTime) / 1000;
  const buckets = Math.max(1, Math.floor(spanMs / bucketMs));
  const extension = new Array<number>(buckets).fill(0);
  const page = new Array<number>(buckets).fill(0);
  const samples = profile.samples ?? [];
  const times = sampleTimes(profile);
  let lastStretch = -1;
  for (let i = 0; i < samples.length; i++) {
    const at = times[i] as number;
    const stretch = stretchAt(busy, at);
    if (stretch < 0) continue;
    const { start, end } = busy[stretch] as Busy;
    const from = stretch === lastStretch ? at : Math.max(start, profile.startTime);
    lastStretch = stretch;
    const ms = (Math.min(times[i + 1] ?? profile.endTime, end) - from) / 1000;
    const bucket = Math.floor((at - profile.startTime) / 1000 / bucketMs);
    if (bucket >= buckets) continue;
    const who = owner.get(samples[i] as number);
    if (who === 'extension') extension[bucket] = (extension[bucket] ?? 0) + ms;
    else if (who === 'page') page[bucket] = (page[bucket] ?? 0) + ms;
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return { extension, page, extensionMs: sum(extension), pageMs: sum(page), spanMs };
}

/**
 * Time per second over the first `seconds` one-second buckets of an attributed profile: one sample
 * for a whole stretch (a second alone holds too few of the sampler's beats for short work).
 */
export function meanPerSecond(buckets: readonly number[], seconds: number): number {
  if (buckets.length < seconds)
    throw new Error(`the profile covers ${buckets.length} s of the ${seconds} asked for`);
  let sum = 0;
  for (let second = 0; second < seconds; second++) sum += buckets[second] ?? 0;
  return sum / seconds;
}
