/**
 * Before a card opens on a mention chosen from the popup or by the keyboard command, the mention is
 * brought into view, unless it is in view already (the page then stays where the reader left it).
 * Its element is scrolled to first, which moves any scrolling container it sits in; then the window
 * puts the mention's own box in the middle: an element taller than the window (a long paragraph, one
 * 10 MB text node) can be in view while its mention is far off screen.
 */
export function bringIntoView(range: Range, win: Window): void {
  if (inView(range, win)) return;
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = range.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return;
  const across = box.left >= 0 && box.right <= win.innerWidth;
  win.scrollBy({
    top: box.top + box.height / 2 - win.innerHeight / 2,
    left: across ? 0 : box.left + box.width / 2 - win.innerWidth / 2,
  });
}

/**
 * Whether a mention is drawn and wholly inside the window, and inside the box of every element
 * around it (the nearest hundred) that clips what overflows it (a scrolling panel it may be
 * scrolled out of).
 */
function inView(range: Range, win: Window): boolean {
  const box = range.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  if (!within(box, { top: 0, left: 0, bottom: win.innerHeight, right: win.innerWidth }))
    return false;
  let depth = 0;
  for (let at = parentOf(range.startContainer); at; at = parentOf(at)) {
    if (at === at.ownerDocument.documentElement || ++depth > PANEL_DEPTH) break;
    const { overflowX, overflowY } = win.getComputedStyle(at);
    if ((CLIPS.has(overflowX) || CLIPS.has(overflowY)) && !within(box, at.getBoundingClientRect()))
      return false;
  }
  return true;
}

/** How many elements around a mention are asked whether they clip it (a page 10,000 deep exists). */
const PANEL_DEPTH = 100;

/** The values of `overflow` that cut off what lies outside an element's box. */
const CLIPS: ReadonlySet<string> = new Set(['hidden', 'auto', 'scroll', 'clip']);

type Edges = { top: number; left: number; bottom: number; right: number };

function within(box: Edges, frame: Edges): boolean {
  return (
    box.top >= frame.top &&
    box.left >= frame.left &&
    box.bottom <= frame.bottom &&
    box.right <= frame.right
  );
}

/** The element a node sits in, through a shadow root to its host. */
function parentOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  return parent.nodeType === Node.ELEMENT_NODE
    ? (parent as Element)
    : parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE
      ? ((parent as ShadowRoot).host ?? null)
      : null;
}
