import { describe, expect, it } from 'vitest';
import { leastWorkRatio, leastWorkSample, rotationOrder } from './least-work.ts';

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

  it("takes a sample's median over its rotations, each read against its own walks", () => {
    const rotations = [
      { scan: 30, hashWalk: 11, hostWalk: 4 }, // 2
      { scan: 60, hashWalk: 8, hostWalk: 2 }, // 6
      { scan: 10, hashWalk: 8, hostWalk: 2 }, // 1
      { scan: 45, hashWalk: 12, hostWalk: 3 }, // 3
      { scan: 25, hashWalk: 9, hostWalk: 1 }, // 2.5
    ];
    expect(leastWorkSample(rotations)).toBe(2.5);
  });
});
