import { describe, expect, it } from 'vitest';
import { leastWorkRatio, rotationOrder } from './least-work.ts';

describe('scan.leastWorkRatio', () => {
  it('turns the order of the three measures with each rotation, each first in turn', () => {
    expect(rotationOrder(0)).toEqual(['scan', 'hashWalk', 'hostWalk']);
    expect(rotationOrder(1)).toEqual(['hashWalk', 'hostWalk', 'scan']);
    expect(rotationOrder(2)).toEqual(['hostWalk', 'scan', 'hashWalk']);
    expect(rotationOrder(3)).toEqual(rotationOrder(0));
    expect(rotationOrder(-1)).toEqual(rotationOrder(2));
  });

  it("divides a rotation's read by the two walks of the same rotation", () => {
    expect(leastWorkRatio({ scan: 30, hashWalk: 11, hostWalk: 4 })).toBe(2);
  });
});
