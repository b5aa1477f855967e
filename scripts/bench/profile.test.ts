import { describe, expect, it } from 'vitest';
import { attribute, meanPerSecond, pageBusy } from './profile';
import type { TraceEvent } from './trace';
import { settled, spread } from './stats';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'https://x.com/churn.html';

/** root → (idle), page → ext (a page callback calling into the extension), ext, page → gc. */
const nodes = [
  { id: 1, callFrame: { url: '' }, children: [2, 3, 5, 6] },
  { id: 2, callFrame: { url: '' } },
  { id: 3, callFrame: { url: PAGE }, children: [4, 7] },
  { id: 4, callFrame: { url: EXT } },
  { id: 5, callFrame: { url: EXT }, children: [8] },
  { id: 6, callFrame: { url: '' } },
  { id: 7, callFrame: { url: '' } },
  { id: 8, callFrame: { url: PAGE } },
];

describe('profile attribution', () => {
  it("counts a sample as the extension's when any frame is the extension's, else the page's", () => {
    // Samples every 100 ms (deltas in µs); each stands for the time until the next.
    const samples = [2, 3, 4, 5, 8, 7, 6, 2];
    const profile = {
      nodes,
      startTime: 0,
      endTime: 2_000_000,
      samples,
      timeDeltas: samples.map(() => 250_000),
    };
    // One task over the whole span: each sample stands for the time until the next.
    const result = attribute(profile, 1000, [{ start: 0, end: 2_000_000 }]);
    // At 0.25 s: idle; 0.5: page; 0.75: ext | 1.0: ext; 1.25: ext (8 under 5); 1.5: page; 1.75: gc.
    expect(result.extension).toEqual([250, 500]);
    expect(result.page).toEqual([250, 250]);
    expect(result.extensionMs).toBe(750);
    expect(result.pageMs).toBe(500);
  });
});

describe('profile attribution bounded by the trace', () => {
  // An extension sample at 1 ms in a task of 0.9–1.3 ms, then the sampler is late until 5 ms
  // (idle); a page sample outside every task; an extension and a page sample sharing one task.
  const profile = {
    nodes,
    startTime: 0,
    endTime: 20_000,
    samples: [4, 2, 3, 5, 3],
    timeDeltas: [1_000, 4_000, 2_000, 3_000, 200],
  };
  const busy = [
    { start: 900, end: 1_300 },
    { start: 9_950, end: 10_500 },
  ];

  it("ends a sample's time with its task, and starts a task's first sample with the task", () => {
    const result = attribute(profile, 1, busy);
    // Extension: 0.1 (task start to sample) + 0.3 (to task end) + 0.05 + 0.2 (second task).
    expect(result.extensionMs).toBeCloseTo(0.65, 6);
    // Page: the sample at 7 ms is in no task; the one at 10.2 ms runs to the task's end.
    expect(result.pageMs).toBeCloseTo(0.3, 6);
    expect(result.extension[1]).toBeCloseTo(0.4, 6);
    expect(result.extension[10]).toBeCloseTo(0.25, 6);
  });

  it('reads the busy stretches of the renderer main thread that holds the samples', () => {
    const main = (pid: number, name: string): TraceEvent => ({
      name: 'thread_name',
      ph: 'M',
      pid,
      tid: pid,
      ts: 0,
      args: { name },
    });
    const task = (pid: number, ts: number, dur: number): TraceEvent => ({
      name: 'ThreadControllerImpl::RunTask',
      ph: 'X',
      pid,
      tid: pid,
      ts,
      dur,
    });
    const events = [
      main(1, 'CrRendererMain'),
      main(2, 'CrRendererMain'),
      main(3, 'CrBrowserMain'),
      // Another renderer, busy at 1 ms only; the browser, busy throughout.
      task(1, 950, 200),
      task(3, 0, 20_000),
      // The sampled one: a task at 0.9–1.2 ms with a nested event to 1.3, and one at 9.95–10.5.
      task(2, 900, 300),
      { ...task(2, 1_000, 300), name: 'Receive mojo message' },
      task(2, 9_950, 550),
    ];
    // The page sample at 7 ms, in no task, left out: a profile whose script all ran in tasks.
    const sampled = { ...profile, samples: [4, 2, 2, 5, 3] };
    expect(pageBusy(events, sampled)).toEqual(busy);
    // A trace whose tasks miss the samples (another clock, another thread) is refused.
    const late = events.map((e) => (e.pid === 2 ? { ...e, ts: e.ts + 5_000 } : e));
    expect(() => pageBusy(late, sampled)).toThrow(/script samples fall in a traced task/);
  });
});

describe('spread', () => {
  it('settles only when the middle half of the samples is on one side of the target', () => {
    const meets = (v: number) => v <= 2;
    expect(settled(spread([1, 1.1, 1.2, 1.3, 9]), meets)).toBe(true);
    expect(settled(spread([1, 1.5, 2.5, 3, 3.5]), meets)).toBe(false);
    expect(spread([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3, samples: 3 });
  });
});

describe('time per second over a stretch', () => {
  it('takes the mean of the first buckets asked for, not the last second after them', () => {
    expect(meanPerSecond([1, 0, 2, 1, 9], 4)).toBe(1);
  });

  it('refuses a profile shorter than the stretch', () => {
    expect(() => meanPerSecond([1, 2], 3)).toThrow(/covers 2 s of the 3/);
  });
});
