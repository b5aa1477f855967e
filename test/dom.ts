import { OBSERVED } from '../content/scan/observed';

/**
 * Test helper: builds a fixture DOM from markup written in the test file itself. Parsed by an
 * inert DOMParser document and adopted node by node; never used by shipped code.
 */
export function mount(markup: string, parent: ParentNode = document.body): void {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  parent.replaceChildren(
    ...[...parsed.body.childNodes].map((node) => document.importNode(node, true)),
  );
}

/** The records a change to the page makes, as the scanner's observer gets them. */
export function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, OBSERVED);
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}
