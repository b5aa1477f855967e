/**
 * The scanner bundled for the benchmark page, from the same source as the content script: reads
 * the whole page into ranges, as the extension does at load, and reports how long that took.
 */
import { MentionStore } from '../../content/mentions';
import { PageScanner } from '../../content/scan/page-scanner';

export interface ScanResult {
  ms: number;
  mentions: number;
}

async function scan(): Promise<ScanResult> {
  const ranges = new Set<AbstractRange>();
  const store = new MentionStore(ranges);
  const scanner = new PageScanner(store, () => ({ translations: true, related: false }));
  const start = performance.now();
  await scanner.start(document);
  const ms = performance.now() - start;
  scanner.stop();
  return { ms, mentions: ranges.size };
}

(globalThis as unknown as { metooBench: { scan: typeof scan } }).metooBench = { scan };
