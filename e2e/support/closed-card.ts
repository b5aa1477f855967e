/**
 * Reads the store build's card, whose element has a name drawn per page and a closed shadow root:
 * the page cannot see inside, so these probes go through the browser (the DevTools protocol's
 * accessibility tree and box model), as a screen reader and the user's eyes do.
 */
import type { BrowserContext, Page } from '@playwright/test';

interface AXNode {
  nodeId: string;
  role?: { value?: string };
  name?: { value?: string };
  childIds?: string[];
  backendDOMNodeId?: number;
  ignored?: boolean;
}

export interface CardSeen {
  /** The dialog's accessible name. */
  name: string;
  /** Every text under the dialog, as the accessibility tree has it. */
  text: string;
  /** The centre of each control (button or link) by its accessible name, in the page's pixels. */
  controls: Map<string, { x: number; y: number }>;
}

/** The card as the browser shows it, or null when no dialog is in the accessibility tree. */
export async function cardSeen(page: Page, context: BrowserContext): Promise<CardSeen | null> {
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const dialog = nodes.find((node) => node.role?.value === 'dialog' && !node.ignored);
    if (!dialog) return null;
    const texts: string[] = [];
    const controls = new Map<string, { x: number; y: number }>();
    const walk = async (node: AXNode) => {
      const role = node.role?.value ?? '';
      const name = node.name?.value ?? '';
      if (role === 'StaticText' && name) texts.push(name);
      if ((role === 'button' || role === 'link') && node.backendDOMNodeId) {
        // The card's body scrolls inside: bring the control into view, as the reader would.
        await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId });
        const { model } = (await cdp.send('DOM.getBoxModel', {
          backendNodeId: node.backendDOMNodeId,
        })) as { model: { content: number[] } };
        const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
        controls.set(name, { x: (x1 + x3) / 2, y: (y1 + y3) / 2 });
      }
      for (const id of node.childIds ?? []) {
        const child = byId.get(id);
        if (child) await walk(child);
      }
    };
    await walk(dialog);
    return { name: dialog.name?.value ?? '', text: texts.join(' '), controls };
  } finally {
    await cdp.detach();
  }
}

/** What the page's own world sees of the card's element: the document's one open popover. */
export function cardElementFromPage(
  page: Page,
): Promise<{ name: string; shadowRoot: boolean } | null> {
  return page.evaluate(() => {
    const host = document.querySelector(':popover-open');
    return host ? { name: host.localName, shadowRoot: host.shadowRoot !== null } : null;
  });
}
