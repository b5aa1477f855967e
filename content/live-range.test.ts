import { describe, expect, it } from 'vitest';
import { mount } from '../test/dom';
import { compareStarts, liveRange } from './live-range';

function staticOver(node: Text, start: number, end: number): StaticRange {
  return new StaticRange({
    startContainer: node,
    startOffset: start,
    endContainer: node,
    endOffset: end,
  });
}

describe('liveRange', () => {
  it('gives a live range over the same place, into a range given or a new one', () => {
    mount('<p>see #MeToo here</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    const place = staticOver(text, 4, 10);
    expect(liveRange(place).toString()).toBe('#MeToo');
    const scratch = new Range();
    expect(liveRange(place, scratch)).toBe(scratch);
    expect(scratch.toString()).toBe('#MeToo');
    expect(liveRange(staticOver(text, 0, 3), scratch).toString()).toBe('see');
  });

  it('clamps a place the page has outrun to the text there is', () => {
    mount('<p>see #MeToo here</p>');
    const text = document.querySelector('p')?.firstChild as Text;
    const place = staticOver(text, 4, 10);
    text.data = 'see #Me';
    expect(liveRange(place).toString()).toBe('#Me');
    text.data = 'x';
    expect(liveRange(place).collapsed).toBe(true);
  });
});

describe('compareStarts', () => {
  it('orders two places as a reader meets them, across nodes', () => {
    mount('<p>#MeToo and <b>#MoiAussi</b></p>');
    const p = document.querySelector('p') as HTMLElement;
    const first = p.firstChild as Text;
    const second = p.querySelector('b')?.firstChild as Text;
    const scratch = new Range();
    const a = staticOver(first, 0, 6);
    const b = staticOver(second, 0, 9);
    expect(compareStarts(a, b, scratch)).toBeLessThan(0);
    expect(compareStarts(b, a, scratch)).toBeGreaterThan(0);
    expect(compareStarts(a, staticOver(first, 0, 3), scratch)).toBe(0);
    expect(compareStarts(staticOver(first, 4, 6), a, scratch)).toBeGreaterThan(0);
    expect(compareStarts(a, staticOver(first, 4, 6), scratch)).toBeLessThan(0);
    const at = new StaticRange({
      startContainer: p,
      startOffset: 1,
      endContainer: p,
      endOffset: 1,
    });
    expect(compareStarts(a, at, scratch)).toBeLessThan(0);
    expect(compareStarts(b, at, scratch)).toBeGreaterThan(0);
  });
});
