/**
 * In-page passes over the whole document, each returning the mean time of one pass (the page's
 * clock ticks in 0.1 ms) or -1 when it found nothing (a page that did not build). Passed as is to
 * `page.evaluate`: each uses nothing outside its own body.
 */

/** The floor: a walk over every text node, reading its data. */
export function textWalk(passes: number): number {
  let length = 0;
  const start = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      length += (node as Text).data.length;
  }
  const ms = (performance.now() - start) / passes;
  return length > 0 ? ms : -1;
}

/** What no scanner can skip (1): a look at every text node for a hash sign, two native searches. */
export function hashWalk(passes: number): number {
  let hashes = 0;
  const start = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      if (data.indexOf('#') !== -1 || data.indexOf('＃') !== -1) hashes += 1;
    }
  }
  const ms = (performance.now() - start) / passes;
  return hashes > 0 ? ms : -1;
}

/** What no scanner can skip (2): a walk over the elements for open shadow roots. */
export function hostWalk(passes: number): number {
  let elements = 0;
  const start = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node as Element).shadowRoot === null) elements += 1;
    }
  }
  const ms = (performance.now() - start) / passes;
  return elements > 0 ? ms : -1;
}

/**
 * What the page holds once the scan bundle (scan-entry.ts) and `installWalks` are evaluated in it:
 * a type only, so the functions below stay whole for `page.evaluate`.
 */
interface BenchWindow {
  metooBench: { scan(): { ms: number; mentions: number } };
  metooWalks: {
    hashWalk(passes: number): number;
    hostWalk(passes: number): number;
    markjsRead(): { ms: number; matches: number };
  };
}

/** The scanner's full read (scan-entry.ts, evaluated in the page first), mean of `passes`. */
export function scannerRead(passes: number): { ms: number; mentions: number } {
  const bench = (window as unknown as BenchWindow).metooBench;
  let ms = 0;
  let mentions = 0;
  for (let pass = 0; pass < passes; pass++) {
    const result = bench.scan();
    ms += result.ms;
    mentions = result.mentions;
  }
  return { ms: ms / passes, mentions };
}

/** The three measures of `scan.leastWorkRatio`, as least-work.ts runs them together in one task. */
export type LeastWorkMeasure = 'scan' | 'hashWalk' | 'hostWalk';

/**
 * One rotation of `scan.leastWorkRatio`: the scanner's read and the two walks back to back, in the
 * order given, in one call (one task of the page), so that the three share the machine's state of
 * the moment. Needs the scan bundle and `installWalks` first.
 */
export function leastWorkRotation(order: LeastWorkMeasure[]): Record<LeastWorkMeasure, number> {
  const page = window as unknown as BenchWindow;
  const ms = { scan: 0, hashWalk: 0, hostWalk: 0 };
  for (const name of order) {
    ms[name] = name === 'scan' ? page.metooBench.scan().ms : page.metooWalks[name](1);
  }
  return ms;
}

/**
 * One sample of `scan.markjsRatio`: the scanner's read, then mark.js, in one call (one task of the
 * page), so that the two share the machine's state of the moment. Needs the scan bundle, mark.js
 * and `installWalks` first.
 */
export function markjsPair(): { scan: number; mark: number; matches: number } {
  const page = window as unknown as BenchWindow;
  const scan = page.metooBench.scan().ms;
  const marking = page.metooWalks.markjsRead();
  return { scan, mark: marking.ms, matches: marking.matches };
}

/** The page script that gives `leastWorkRotation` and `markjsPair` the walks they call. */
export const installWalks = `window.metooWalks = { hashWalk: ${hashWalk}, hostWalk: ${hostWalk}, markjsRead: ${markjsRead} };`;

/** mark.js over a fresh copy of the timeline (it writes <mark> elements into what it marks). */
export function markjsRead(): { ms: number; matches: number } {
  const copy = document.getElementById('timeline')?.cloneNode(true) as HTMLElement;
  copy.id = 'copy';
  document.body.appendChild(copy);
  const pattern =
    /(?<![\p{L}\p{M}\p{N}_&])[#＃](?:metoomovement|metoo|moiaussi|yotambi[ée]n|eutamb[ée]m|米兔|미투|أنا_كمان|metooindia)(?![\p{L}\p{M}\p{N}_])/iu;
  const Mark = (
    window as unknown as {
      Mark: new (el: Element) => { markRegExp(r: RegExp, o: object): void };
    }
  ).Mark;
  const start = performance.now();
  let matches = 0;
  new Mark(copy).markRegExp(pattern, {
    acrossElements: true,
    done: (total: number) => (matches = total),
  });
  const ms = performance.now() - start;
  copy.remove();
  return { ms, matches };
}
