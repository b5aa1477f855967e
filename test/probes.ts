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

/** The text of every range in the `metoo-mention` highlight, in the highlight's order. */
export function highlightedTexts(): string[] {
  // A loop, not Array.prototype.map: hostile fixtures overwrite built-ins in this world.
  const texts: string[] = [];
  for (const range of CSS.highlights.get('metoo-mention') ?? []) texts.push(String(range));
  return texts;
}

/** The centre of the first box of the n-th highlighted range, in document order. */
export function mentionPoint(index: number): { x: number; y: number } {
  const highlight = CSS.highlights.get('metoo-mention');
  const ranges = highlight ? ([...highlight] as Range[]) : [];
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
