import { describe, expect, it } from 'vitest';
import { spread, withSpread, worstOf } from './stats.ts';
import { verdict } from './table.ts';

describe('verdict', () => {
  it('goes by the median when the middle half lies on one side of the target', () => {
    const under = { scan: withSpread('leastWorkRatio', spread([1.2, 1.5, 1.7, 1.8, 1.9, 2.4])) };
    expect(verdict('scan', 'leastWorkRatio', under)).toBe('yes');
    const over = { card: withSpread('openLatencyMs', spread([17, 20, 23, 26, 30, 59])) };
    expect(verdict('card', 'openLatencyMs', over)).toBe('**no**');
  });

  it('says a figure straddles its target when the middle half lies on both sides', () => {
    // Its median under the target, its middle half not: another run may land either side.
    const results = { scan: withSpread('leastWorkRatio', spread([1.1, 1.7, 1.9, 1.98, 2.2, 2.6])) };
    expect(results.scan.leastWorkRatio).toBeLessThan(2);
    expect(verdict('scan', 'leastWorkRatio', results)).toBe('straddles');
  });

  it('judges the middle half as the batching did, not as rounded for the table', () => {
    // The first quartile and the median are 2.004: over `≤ 2` like the third quartile, so the
    // batching stopped; rounded to two digits they read 2, and the figure would seem to straddle
    // or to meet its target.
    const results = { scan: withSpread('leastWorkRatio', spread([1.9, 2.004, 2.004, 2.2, 2.3])) };
    expect(results.scan.leastWorkRatio).toBe(2);
    expect(verdict('scan', 'leastWorkRatio', results)).toBe('**no**');
  });

  it('judges a worst case by its value, wherever most samples lie', () => {
    const results = { mainThread: worstOf('maxTaskMs', spread([10, 12, 14, 16, 60])) };
    expect(results.mainThread.maxTaskMs).toBe(60);
    expect(verdict('mainThread', 'maxTaskMs', results)).toBe('**no**');
  });

  it('judges a figure with no spread, and one with no target, as before', () => {
    expect(
      verdict('bundle', 'contentScriptGzipBytes', { bundle: { contentScriptGzipBytes: 19_967 } }),
    ).toBe('yes');
    expect(verdict('scan', 'scanMs', { scan: { scanMs: 7 } })).toBe('');
  });
});
