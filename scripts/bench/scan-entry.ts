/**
 * The scanner's full read of a page, bundled for the benchmark page from the same modules the
 * content script uses: candidate blocks → text runs → mentions → ranges, for the whole page and its
 * open shadow trees, in one go. (The content script does the same work in 8 ms slices and then
 * checks, after the next frame, which mentions the page shows; neither the slicing nor that frame
 * is part of this figure.)
 */
import { LinkClues } from '../../content/scan/clues';
import { mentionsInRun, rangeInRun } from '../../content/scan/run-mentions';
import { SparseRunReader } from '../../content/scan/sparse-reader';

export interface ScanResult {
  ms: number;
  mentions: number;
}

function scan(): ScanResult {
  const options = { translations: true, related: false };
  const host = location.hostname;
  const ranges: StaticRange[] = [];
  const start = performance.now();
  const links = new LinkClues(host);
  const pending: Node[] = [document.body];
  while (pending.length > 0) {
    const root = pending.pop() as Node;
    const reader = new SparseRunReader(root, links);
    reader.read(Number.POSITIVE_INFINITY, (run) => {
      for (const mention of mentionsInRun(run, options, host)) {
        const range = rangeInRun(run, mention.start, mention.end);
        if (range) ranges.push(range);
      }
    });
    pending.push(...reader.shadowRoots);
  }
  return { ms: performance.now() - start, mentions: ranges.length };
}

(globalThis as unknown as { metooBench: { scan: typeof scan } }).metooBench = { scan };
