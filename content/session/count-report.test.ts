import { describe, expect, it } from 'vitest';
import { countReport } from './count-report';

describe('countReport', () => {
  it('sends a count only when it changed, and the last one again when asked', () => {
    const sent: number[] = [];
    const count = countReport((n) => sent.push(n));
    count.again();
    count.report(0);
    count.report(3);
    count.report(3);
    count.report(3);
    count.report(4);
    count.again();
    count.report(4);
    count.report(0);
    expect(sent).toEqual([0, 3, 4, 4, 0]);
  });
});
