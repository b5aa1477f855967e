import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COUNT_INTERVAL_MS, countReport } from './count-report';

describe('countReport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a count only when it changed, and the last one again when asked', () => {
    const sent: number[] = [];
    const count = countReport((n) => sent.push(n));
    count.again();
    count.report(0);
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    count.report(3);
    count.report(3);
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    count.report(3);
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    count.report(4);
    count.again();
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    count.report(4);
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    count.report(0);
    expect(sent).toEqual([0, 3, 4, 4, 0]);
  });

  it('sends at most one count per interval, the latest arriving last', () => {
    const sent: number[] = [];
    const count = countReport((n) => sent.push(n));
    for (let n = 1; n <= 100; n++) {
      count.report(n);
      vi.advanceTimersByTime(10); // a post recycled every 10 ms for a second
    }
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    expect(sent.length).toBeLessThanOrEqual(1 + Math.ceil(1000 / COUNT_INTERVAL_MS));
    expect(sent[0]).toBe(1);
    expect(sent.at(-1)).toBe(100);
  });

  it('sends nothing at the end of the interval when the count came back to what was sent', () => {
    const sent: number[] = [];
    const count = countReport((n) => sent.push(n));
    count.report(2);
    count.report(1);
    count.report(2);
    vi.advanceTimersByTime(COUNT_INTERVAL_MS * 4);
    expect(sent).toEqual([2]);
  });

  it('says a page turned off and on again within the interval, though its count ends where it was', () => {
    const sent: number[] = [];
    const count = countReport((n) => sent.push(n));
    count.report(4); // read on load
    count.switched(0); // turned off at once
    count.switched(0); // and on again: read anew
    count.report(4);
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    // The popup, which lists the page again on each count, hears that something changed.
    expect(sent).toEqual([4, 4]);
  });

  it('says a page with no mention turned on or off', () => {
    const sent: number[] = [];
    const count = countReport((n) => sent.push(n));
    count.report(0);
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    count.switched(0);
    vi.advanceTimersByTime(COUNT_INTERVAL_MS);
    count.switched(0);
    expect(sent).toEqual([0, 0, 0]);
  });
});
