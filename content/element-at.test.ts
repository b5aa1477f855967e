import { afterEach, describe, expect, it, vi } from 'vitest';
import { elementAtByBoxes } from './element-at';

/** Each element's box, as layout would give it; elements not listed have none. */
const boxes = new Map<Element, DOMRect>();

function placeBoxes(): ReturnType<typeof vi.spyOn> {
  return vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: Element,
  ) {
    return boxes.get(this) ?? new DOMRect();
  });
}

/** A feed of posts, each with a paragraph inside; `top(i)` places post i, 100 px tall, 600 wide. */
function feed(count: number, top: (i: number) => number): void {
  const main = document.createElement('main');
  for (let i = 0; i < count; i++) {
    const post = document.createElement('article');
    const text = document.createElement('p');
    text.textContent = `post ${i}`;
    post.append(text);
    main.append(post);
    boxes.set(post, new DOMRect(0, top(i), 600, 100));
    boxes.set(text, new DOMRect(10, top(i) + 10, 580, 80));
  }
  const tops = Array.from({ length: count }, (_, i) => top(i));
  const first = Math.min(...tops);
  boxes.set(main, new DOMRect(0, first, 600, Math.max(...tops) + 100 - first));
  document.body.replaceChildren(main);
}

afterEach(() => {
  boxes.clear();
  document.body.replaceChildren();
});

describe('elementAtByBoxes', () => {
  it('finds the paragraph under the point in a long feed, halving it', () => {
    feed(25_000, (i) => i * 100);
    const measure = placeBoxes();
    const found = elementAtByBoxes(document.body, 300, 1_234_550);
    expect(found?.textContent).toBe('post 12345');
    expect(found?.localName).toBe('p');
    // About log2(25,000) boxes for the feed, and a few on the way down: not the feed's every post.
    expect(measure.mock.calls.length).toBeLessThanOrEqual(20);
  });

  it('stops at the post after a gap the point falls in', () => {
    feed(1000, (i) => i * 120);
    placeBoxes();
    // Post 500 ends at 60,100; post 501 starts at 60,120.
    expect(elementAtByBoxes(document.body, 300, 60_110)?.firstChild?.textContent).toBe('post 501');
  });

  it('gives up where a long list is drawn out of order, or nothing is long', () => {
    feed(1000, (i) => (999 - i) * 100);
    placeBoxes();
    expect(elementAtByBoxes(document.body, 300, 50_050)).toBeNull();

    feed(10, (i) => i * 100);
    expect(elementAtByBoxes(document.body, 300, 550)).toBeNull();
  });

  it('gives up beside the feed, where its boxes say nothing', () => {
    feed(1000, (i) => i * 100);
    placeBoxes();
    expect(elementAtByBoxes(document.body, 900, 50_050)).toBeNull();
  });
});
