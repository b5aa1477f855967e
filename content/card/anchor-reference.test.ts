import { describe, expect, it } from 'vitest';
import { measuredOnce, unionOfDrawn } from './anchor-reference';

/** A range whose measurements are counted: its client rects as given, its own box as given. */
function countedRange(rects: DOMRect[], box = new DOMRect(1, 2, 3, 4)) {
  const calls = { rects: 0, box: 0 };
  const paragraph = document.createElement('p');
  paragraph.textContent = 'a #MeToo mention';
  const range = {
    startContainer: paragraph.firstChild,
    getClientRects: () => {
      calls.rects += 1;
      return rects as unknown as DOMRectList;
    },
    getBoundingClientRect: () => {
      calls.box += 1;
      return box;
    },
  } as unknown as Range;
  return { range, calls, paragraph };
}

const plain = (rect: { x: number; y: number; width: number; height: number } | null) =>
  rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };

describe('the mention as the card’s reference', () => {
  it('reads the range’s rects once a placement, and its box from them', () => {
    // A mention cut by a line's end: two boxes, one on each line.
    const lines = [new DOMRect(300, 100, 40, 18), new DOMRect(10, 118, 30, 18)];
    const { range, calls, paragraph } = countedRange(lines);
    const reference = measuredOnce(range);
    expect(plain(reference.getBoundingClientRect())).toEqual({
      x: 10,
      y: 100,
      width: 330,
      height: 36,
    });
    expect(Array.from(reference.getClientRects?.() ?? [])).toEqual(lines);
    reference.getBoundingClientRect();
    expect(calls).toEqual({ rects: 1, box: 0 });
    expect(reference.contextElement).toBe(paragraph);
    // The next placement measures again: the page may have moved meanwhile.
    measuredOnce(range).getBoundingClientRect();
    expect(calls.rects).toBe(2);
  });

  it('leaves out the rects without an area, as the browser’s own box does', () => {
    const rects = [
      new DOMRect(50, 10, 0, 18),
      new DOMRect(60, 10, 20, 18),
      new DOMRect(90, 40, 5, 0),
    ];
    expect(plain(unionOfDrawn(rects))).toEqual({ x: 60, y: 10, width: 20, height: 18 });
  });

  it('asks the browser for the box of a range whose rects have no area', () => {
    const box = new DOMRect(7, 8, 0, 0);
    const { range, calls } = countedRange([new DOMRect(7, 8, 0, 0)], box);
    expect(unionOfDrawn([])).toBeNull();
    expect(measuredOnce(range).getBoundingClientRect()).toBe(box);
    expect(calls).toEqual({ rects: 1, box: 1 });
  });
});
