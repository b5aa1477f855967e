/**
 * Test helpers for the scanner on the test document: scanners that a test's end stops, a wait until
 * one rests, and its mentions by text and place, in a form two stores on one page can compare (a
 * scanner that followed the page's changes against a fresh read of it). Never used by shipped code.
 */
import { afterEach } from 'vitest';
import { mentionsInOrder } from '../content/mention-summary';
import { MentionStore } from '../content/mentions';
import { PageScanner } from '../content/scan/page-scanner';

const options = () => ({ translations: true, related: false });
const scanners: PageScanner[] = [];

/** Stops every scanner and empties the page after each test of the file that imports this. */
afterEach(() => {
  stopScanners();
  document.body.replaceChildren();
});

export function stopScanners(): void {
  for (const scanner of scanners.splice(0)) scanner.stop();
}

/** A scanner reading the test document from scratch, once its first read is over. */
export async function scan(): Promise<{ store: MentionStore; scanner: PageScanner }> {
  const store = new MentionStore(new Set());
  const scanner = new PageScanner(store, options);
  scanners.push(scanner);
  await scanner.start(document);
  return { store, scanner };
}

/** Waits until the scanner has sorted the page's last changes and done the work they call for. */
export async function settle(scanner: PageScanner): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await scanner.idle();
  }
}

/** The mentions a store holds, by text and place. */
export function places(store: MentionStore): string[] {
  const nodes = [...document.body.querySelectorAll('*')].flatMap((e) => [...e.childNodes]);
  const id = (node: Node) => nodes.indexOf(node as ChildNode);
  return mentionsInOrder(store)
    .map(({ text, range: r }) => {
      return `${text}@${id(r.startContainer)}:${r.startOffset}-${id(r.endContainer)}:${r.endOffset}`;
    })
    .sort();
}
