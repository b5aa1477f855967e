import { describe, expect, it } from 'vitest';
import { attribute } from './profile';
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
    const result = attribute(profile, 1000);
    // At 0.25 s: idle; 0.5: page; 0.75: ext | 1.0: ext; 1.25: ext (8 under 5); 1.5: page; 1.75: gc.
    expect(result.extension).toEqual([250, 500]);
    expect(result.page).toEqual([250, 250]);
    expect(result.extensionMs).toBe(750);
    expect(result.pageMs).toBe(500);
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
