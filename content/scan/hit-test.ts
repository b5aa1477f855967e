/**
 * Which mention is under a point: the caret position there names a text node, the store knows the
 * mentions on that node, and the mention's own boxes must hold the point (a caret snaps to the
 * nearest text even over blank space).
 */
import { liveRange } from '../live-range';
import type { MentionRecord, MentionStore } from '../mentions';

/** Slack around a mention's boxes, in CSS pixels, so the edge of a letter still counts. */
const EDGE_PX = 1;

function textNodeAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): Text | null {
  let node: Node | null = null;
  if (typeof doc.caretPositionFromPoint === 'function') {
    node = doc.caretPositionFromPoint(x, y, { shadowRoots })?.offsetNode ?? null;
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    node = doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  }
  return node instanceof Text ? node : null;
}

/** One live range, set to each mention measured in turn. */
const scratch = new Range();

export function rangeHolds(range: AbstractRange, x: number, y: number): boolean {
  for (const box of liveRange(range, scratch).getClientRects()) {
    if (
      x >= box.left - EDGE_PX &&
      x <= box.right + EDGE_PX &&
      y >= box.top - EDGE_PX &&
      y <= box.bottom + EDGE_PX
    ) {
      return true;
    }
  }
  return false;
}

export function mentionAtPoint(
  doc: Document,
  store: MentionStore,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): MentionRecord | null {
  const node = textNodeAt(doc, x, y, shadowRoots);
  if (!node) return null;
  for (const record of store.at(node)) if (rangeHolds(record.range, x, y)) return record;
  return null;
}

/** Past this many mentions in the text given, `mentionAmong` leaves the point to the hit test. */
const MEASURED_MOST = 16;

/**
 * The mention under a point among those spanning the given text nodes (the text under the element
 * a pointer event found there), by their own boxes: no hit test, so the browser brings layout up
 * to date but not paint. Undefined when those nodes hold more mentions than are worth measuring
 * (one long text node): then the caller hit-tests.
 */
export function mentionAmong(
  store: MentionStore,
  texts: readonly Text[],
  x: number,
  y: number,
): MentionRecord | null | undefined {
  let measured = 0;
  for (const text of texts) {
    for (const record of store.at(text)) {
      if (++measured > MEASURED_MOST) return undefined;
      if (rangeHolds(record.range, x, y)) return record;
    }
  }
  return null;
}

/** The mention whose site link is this element, for keyboard focus. */
export function mentionOfLink(store: MentionStore, element: Element): MentionRecord | null {
  if (!(element instanceof HTMLAnchorElement)) return null;
  for (const node of textNodesIn(element)) {
    for (const record of store.at(node)) if (record.link === element) return record;
  }
  return null;
}

function textNodesIn(element: Element): Text[] {
  const nodes: Text[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}
