/**
 * The element under a point, found from the boxes of elements rather than by the browser's hit
 * test. Chromium's hit test looks at the children of each element on the way down one by one; on
 * the bench's 100,000-mention page, whose feed holds 25,000 posts, that took 3–7 ms where halving
 * the feed looks at about 16 boxes (0.2–0.3 ms; docs/benchmarks.md). Reads layout only.
 */

/** A list of children at least this long is halved; a shorter one is read from its end. */
const LONG_LIST = 32;

/**
 * Where the walk down from `root` stops: the deepest element whose box holds the point, or, where
 * the point falls between two children of a long list (a margin), the later child. Null when no
 * list on the way was long (there the hit test costs little and tells the text under the point) or
 * when a long list's boxes are not in document order (a list its script places out of order).
 */
export function elementAtByBoxes(root: Element, x: number, y: number): Element | null {
  let at = root;
  let halved = false;
  for (;;) {
    const children = at.children;
    if (children.length >= LONG_LIST) {
      halved = true;
      const found = halve(children, x, y);
      if (!found) return null;
      if (!found.holds) return found.child;
      at = found.child;
      continue;
    }
    const child = lastHolding(children, x, y);
    if (!child) return halved ? at : null;
    at = child;
  }
}

function holds(box: DOMRect, x: number, y: number): boolean {
  return box.left <= x && x <= box.right && box.top <= y && y <= box.bottom;
}

/** The last child whose box holds the point: later siblings are drawn over earlier ones. */
function lastHolding(children: HTMLCollection, x: number, y: number): Element | null {
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child && holds(child.getBoundingClientRect(), x, y)) return child;
  }
  return null;
}

/**
 * The first child whose box reaches down to the point, by halving: whether it holds the point, or
 * the point lies in the gap above it. Null when neither is so (the boxes out of order, or the point
 * beside them).
 */
function halve(
  children: HTMLCollection,
  x: number,
  y: number,
): { child: Element; holds: boolean } | null {
  let low = 0;
  let high = children.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((children[mid]?.getBoundingClientRect().bottom ?? 0) < y) low = mid + 1;
    else high = mid;
  }
  const child = children[low];
  if (!child) return null;
  const box = child.getBoundingClientRect();
  if (holds(box, x, y)) return { child, holds: true };
  // In a gap only if the boxes either side are in order: above it, and below it.
  const above = children[low - 1]?.getBoundingClientRect();
  const below = children[low + 1]?.getBoundingClientRect();
  const inGap =
    box.left <= x &&
    x <= box.right &&
    y < box.top &&
    (!above || above.bottom <= y) &&
    (!below || below.top >= box.bottom);
  return inGap ? { child, holds: false } : null;
}
