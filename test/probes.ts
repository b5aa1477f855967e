/**
 * Page probes shared by the Chromium suite (Playwright), the Firefox suite (puppeteer) and the
 * bench: each is a self-contained function that runs in the page's own world, passed as is to
 * `page.evaluate(probe, arg)` or `frame.evaluate(probe, arg)`. Both libraries send the function's
 * source, so a probe may use nothing from outside its own body.
 */

/** How many ranges the `metoo-mention` highlight holds. */
export function highlightCount(): number {
  return CSS.highlights.get('metoo-mention')?.size ?? 0;
}

/**
 * The text of every range in the `metoo-mention` highlight, in the highlight's order. The extension
 * highlights static ranges, which the browser never updates and which have no text of their own:
 * each is read through a live one, clamped to its nodes' text as it is now. A range on text the page
 * has removed (not yet pruned) reads as `(removed) ` and its text; one past its text's end, clamped.
 */
export function highlightedTexts(): string[] {
  // A loop, not Array.prototype.map: hostile fixtures overwrite built-ins in this world.
  const texts: string[] = [];
  const length = (node: Node) => (node.nodeValue ?? '').length || node.childNodes.length;
  for (const range of CSS.highlights.get('metoo-mention') ?? []) {
    const { startContainer: start, endContainer: end } = range;
    const live = new Range();
    live.setStart(start, Math.min(range.startOffset, length(start)));
    live.setEnd(end, Math.min(range.endOffset, length(end)));
    texts.push((start.isConnected && end.isConnected ? '' : '(removed) ') + String(live));
  }
  return texts;
}

/** Whether every range in the `metoo-mention` highlight is static: none that the page's changes update. */
export function highlightIsStatic(): boolean {
  const highlight = CSS.highlights.get('metoo-mention');
  if (!highlight || highlight.size === 0) return false;
  for (const range of highlight) if (!(range instanceof StaticRange)) return false;
  return true;
}

/** The centre of the first box of the n-th highlighted range, in document order. */
export function mentionPoint(index: number): { x: number; y: number } {
  const ranges: Range[] = [];
  for (const range of CSS.highlights.get('metoo-mention') ?? []) {
    const live = new Range();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    ranges.push(live);
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const box = ranges[index]?.getClientRects()[0];
  if (!box) throw new Error(`no highlighted range ${index}`);
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** A live timeline: adds `total` posts with a mention to the page's `main`, one every 20 ms. */
export function keepPosting(total: number): void {
  const main = document.querySelector('main') ?? document.body;
  let added = 0;
  const timer = setInterval(() => {
    const post = document.createElement('article');
    post.textContent = 'Another post about #MeToo';
    main.append(post);
    if (++added === total) clearInterval(timer);
  }, 20);
}
