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
