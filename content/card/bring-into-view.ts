/**
 * Before a card opens on a mention chosen from the popup or by the keyboard command, the mention is
 * brought into view, unless it is in view already (the page then stays where the reader left it).
 * Its element is scrolled to first, which moves any scrolling container it sits in; then the window
 * puts the mention's own box in the middle: an element taller than the window (a long paragraph, one
 * 10 MB text node) can be in view while its mention is far off screen.
 */
export function bringIntoView(range: Range, win: Window): void {
  if (inView(range.getBoundingClientRect(), win)) return;
  range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = range.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return;
  const across = box.left >= 0 && box.right <= win.innerWidth;
  win.scrollBy({
    top: box.top + box.height / 2 - win.innerHeight / 2,
    left: across ? 0 : box.left + box.width / 2 - win.innerWidth / 2,
  });
}

/** Whether a box is drawn and wholly inside the window. */
function inView(box: DOMRect, win: Window): boolean {
  return (
    (box.width > 0 || box.height > 0) &&
    box.top >= 0 &&
    box.left >= 0 &&
    box.bottom <= win.innerHeight &&
    box.right <= win.innerWidth
  );
}
