/**
 * What the popup shows of a mention, and which mention a command means. Costs follow what is shown,
 * not the page: a summary reads a few dozen characters around its mention, the list and the nearest
 * mention start from the viewport's centre and look only at the mentions around it.
 */
import { elementAtByBoxes } from './element-at';
import { compareStarts, liveRange, nodeLength } from './live-range';
import type { MentionSummary } from './messages';
import type { MentionRecord, MentionStore } from './mentions';
import type { Block } from './scan/text-model';
import { SLICE_MS, yieldToMain } from './scan/yield';

/** How much text either side of a mention the popup shows, in characters. */
const CONTEXT_CHARS = 40;
/** How much text is read at a time when walking outward from a mention for its context. */
const CONTEXT_STEP = 80;
/** The popup lists at most this many mentions, those nearest the viewport; it says how many more. */
export const LIST_LIMIT = 300;
/** Past this many mentions, the nearest is looked for among those around the viewport's centre. */
const MEASURE_ALL_MAX = 500;
/** How many mentions either side of the viewport's centre are measured for the nearest. */
const NEAREST_NEIGHBOURS = 32;

/** A live range kept for comparing points and measuring, set anew for each. */
const scratch = new Range();

/** Orders two mentions as a reader meets them; ranges in different shadow trees compare by their nodes. */
function documentOrder(a: MentionRecord, b: MentionRecord): number {
  try {
    return compareStarts(a.range, b.range, scratch);
  } catch {
    const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
}

/** Every shown mention, highlighted or held, in no particular order: what the cap ranks. */
export function shownRecords(store: MentionStore): MentionRecord[] {
  const records: MentionRecord[] = [];
  for (const list of store.blocks.values()) {
    for (const record of list) if (!store.isUnseen(record)) records.push(record);
  }
  return records;
}

/** The shown mentions read from a node, if it is a block, in reading order. */
function blockRecords(store: MentionStore, node: Node): MentionRecord[] {
  const records = store.blocks.get(node as Block);
  return records ? records.filter((record) => !store.isUnseen(record)) : [];
}

/** Every shown mention (highlighted or held), in document order. */
export function mentionsInOrder(store: MentionStore): MentionRecord[] {
  return shownRecords(store).sort(documentOrder);
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Cuts at a word boundary so the context reads as words, not fragments. */
function lastWords(text: string): string {
  const squashed = squash(text);
  if (squashed.length <= CONTEXT_CHARS) return squashed.trimStart();
  const tail = squashed.slice(-CONTEXT_CHARS);
  const space = tail.indexOf(' ');
  return `…${space >= 0 ? tail.slice(space) : tail}`;
}

function firstWords(text: string): string {
  const squashed = squash(text);
  if (squashed.length <= CONTEXT_CHARS) return squashed.trimEnd();
  const head = squashed.slice(0, CONTEXT_CHARS);
  const space = head.lastIndexOf(' ');
  return `${space > 0 ? head.slice(0, space) : head}…`;
}

/**
 * The block's text before a position, read backward a step at a time until there is more than the
 * popup shows (or the block starts): never the whole block, which may be one 10 MB text node.
 */
export function textBefore(block: Node, node: Node, offset: number): string {
  return new ContextReader(block, node).read(offset, true);
}

/** The block's text after a position, read forward the same way. */
export function textAfter(block: Node, node: Node, offset: number): string {
  return new ContextReader(block, node).read(offset, false);
}

class ContextReader {
  readonly #block: Node;
  readonly #node: Node;
  readonly #parts: string[] = [];
  #length = 0;

  constructor(block: Node, node: Node) {
    this.#block = block;
    this.#node = node;
  }

  read(offset: number, backward: boolean): string {
    const node = this.#node;
    if (node instanceof Text) this.#take(node.data, offset, backward);
    // Mentions start and end in text nodes: from there, the text nodes either way in the block.
    const step = backward ? previousInOrder : nextInOrder;
    for (let at = step(node, this.#block); at && !this.#enough(); at = step(at, this.#block)) {
      if (at instanceof Text) this.#take(at.data, backward ? at.length : 0, backward);
    }
    return this.#parts.join('');
  }

  #enough(): boolean {
    return this.#length > CONTEXT_STEP && squash(this.#parts.join('')).length > CONTEXT_CHARS;
  }

  /** Takes text from `data` outward from `at`, a step at a time, until enough. */
  #take(data: string, at: number, backward: boolean): void {
    let from = at;
    while (!this.#enough() && (backward ? from > 0 : from < data.length)) {
      const to = backward
        ? Math.max(0, from - CONTEXT_STEP)
        : Math.min(data.length, from + CONTEXT_STEP);
      if (backward) this.#parts.unshift(data.slice(to, from));
      else this.#parts.push(data.slice(from, to));
      this.#length += Math.abs(to - from);
      from = to;
    }
  }
}

export function summarise(record: MentionRecord): MentionSummary {
  const { range, block } = record;
  return {
    before: lastWords(textBefore(block, range.startContainer, range.startOffset)),
    text: record.text,
    after: firstWords(textAfter(block, range.endContainer, range.endOffset)),
    tag: record.tag,
  };
}

/** The popup's list: the mentions nearest the viewport in document order, and how many there are. */
export interface ListedMentions {
  records: MentionRecord[];
  summaries: MentionSummary[];
  total: number;
}

/** Lists the mentions nearest the viewport, summarised in slices that yield to the page. */
export async function listMentions(
  store: MentionStore,
  doc: Document,
  win: Window,
  limit = LIST_LIMIT,
): Promise<ListedMentions> {
  const total = store.size;
  const records = total <= limit ? mentionsInOrder(store) : aroundCentre(store, doc, win, limit);
  const summaries: MentionSummary[] = [];
  let deadline = performance.now() + SLICE_MS;
  for (const record of records) {
    summaries.push(summarise(record));
    if (performance.now() > deadline) {
      await yieldToMain();
      deadline = performance.now() + SLICE_MS;
    }
  }
  return { records, summaries, total };
}

/** The mention nearest the middle of the viewport, measuring only those around it on a big page. */
export function nearestMention(
  store: MentionStore,
  doc: Document,
  win: Window,
): MentionRecord | null {
  const { innerWidth: width, innerHeight: height } = win;
  if (store.size <= MEASURE_ALL_MAX) return nearestToCentre(shownRecords(store), width, height);
  const anchor = centrePosition(doc, win);
  // In one long text node, the nearest by offset is the nearest on screen, with nothing measured.
  if (anchor?.node instanceof Text) {
    let best: MentionRecord | null = null;
    for (const record of store.at(anchor.node)) {
      if (!best || offsetGap(record, anchor) < offsetGap(best, anchor)) best = record;
    }
    if (best) return best;
  }
  return nearestToCentre(aroundCentre(store, doc, win, NEAREST_NEIGHBOURS * 2), width, height);
}

function offsetGap(record: MentionRecord, anchor: { offset: number }): number {
  return Math.abs(record.range.startOffset - anchor.offset);
}

/** The mention nearest the middle of the viewport, among those with a box on screen or off it. */
export function nearestToCentre(
  records: readonly MentionRecord[],
  width: number,
  height: number,
): MentionRecord | null {
  let best: MentionRecord | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const record of records) {
    const box = liveRange(record.range, scratch).getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const dx = box.left + box.width / 2 - width / 2;
    const dy = box.top + box.height / 2 - height / 2;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = record;
    }
  }
  return best;
}

/**
 * The DOM position under the viewport's centre, if the page has one there: on a page with a long
 * list (a feed of thousands of posts) the element there from the boxes, else the hit test's caret.
 */
function centrePosition(doc: Document, win: Window): { node: Node; offset: number } | null {
  const x = win.innerWidth / 2;
  const y = win.innerHeight / 2;
  const placed = doc.body ? elementAtByBoxes(doc.body, x, y) : null;
  if (placed) return { node: placed, offset: 0 };
  const caret = doc.caretPositionFromPoint?.(x, y);
  if (caret) return { node: caret.offsetNode, offset: caret.offset };
  const element = doc.elementFromPoint?.(x, y);
  return element ? { node: element, offset: 0 } : null;
}

/** How many elements either way the walk from the centre looks at before it gives up. */
const WALK_BUDGET = 50_000;

/**
 * About `limit` shown mentions around the viewport's centre, in document order: walks the DOM both
 * ways from the element there, taking each block's mentions, the nearest first. Mentions the walk
 * does not meet (in shadow trees) fill what is left, in no order.
 */
export function aroundCentre(
  store: MentionStore,
  doc: Document,
  win: Window,
  limit: number,
): MentionRecord[] {
  const anchor = centrePosition(doc, win);
  const root = doc.body ?? doc.documentElement;
  const start = anchor?.node ?? root;
  const centre = new Range();
  centre.setStart(start, Math.min(anchor?.offset ?? 0, nodeLength(start)));
  const half = Math.ceil(limit / 2);
  const before: MentionRecord[] = [];
  const after: MentionRecord[] = [];
  const centreNode = start instanceof Element ? start : (start.parentElement ?? root);
  // The element at the centre and its ancestors hold the centre: split their mentions around it.
  const seen = new Set<Node>();
  for (let node: Node | null = centreNode; node; node = node.parentNode) {
    seen.add(node);
    for (const record of blockRecords(store, node)) {
      if (comparePoint(record.range, centre) < 0) before.push(record);
      else after.push(record);
    }
  }
  before.reverse();
  let budget = WALK_BUDGET;
  let up: Node | null = centreNode;
  let onward: Node | null = centreNode;
  // Half each way; a side that runs out leaves its share to the other.
  while (budget-- > 0) {
    const back = up !== null && before.length < (onward ? half : limit - after.length);
    const forth = onward !== null && after.length < (up ? half : limit - before.length);
    if (!back && !forth) break;
    if (up && back) {
      up = previousInOrder(up, root);
      if (up && !seen.has(up)) before.push(...blockRecords(store, up).reverse());
    }
    if (onward && forth) {
      onward = nextInOrder(onward, root);
      if (onward) after.push(...blockRecords(store, onward));
    }
  }
  return pick(before, after, limit, store);
}

/** The nearest of both sides, `limit` in all, topped up from the rest; in document order. */
function pick(
  before: MentionRecord[],
  after: MentionRecord[],
  limit: number,
  store: MentionStore,
): MentionRecord[] {
  const fromBack = Math.min(before.length, Math.max(Math.ceil(limit / 2), limit - after.length));
  const chosen = before.slice(0, fromBack);
  chosen.push(...after.slice(0, limit - chosen.length));
  if (chosen.length < limit && chosen.length < store.size) {
    const taken = new Set(chosen);
    for (const record of shownRecords(store)) {
      if (chosen.length >= limit) break;
      if (!taken.has(record)) chosen.push(record);
    }
  }
  // Nested blocks interleave their mentions: a sort of the few chosen puts them in reading order.
  return chosen.sort(documentOrder);
}

/** The node before `node` in document order, within `root` (the root itself included). */
function previousInOrder(node: Node, root: Node): Node | null {
  if (node === root) return null;
  let sibling = node.previousSibling;
  if (!sibling) return node.parentNode;
  while (sibling.lastChild) sibling = sibling.lastChild;
  return sibling;
}

/** The node after `node` in document order, within `root`. */
function nextInOrder(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

function comparePoint(range: AbstractRange, centre: Range): number {
  try {
    return compareStarts(range, centre, scratch);
  } catch {
    return 1; // another shadow tree: after, as good as any
  }
}

/** The first mention that a selection touches. */
export function mentionInSelection(
  records: readonly MentionRecord[],
  selection: Selection | null,
): MentionRecord | null {
  if (!selection || selection.rangeCount === 0) return null;
  const selected = selection.getRangeAt(0);
  const at = (node: Node, offset: number) =>
    selected.comparePoint(node, Math.min(offset, nodeLength(node)));
  for (const record of records) {
    const { range } = record;
    try {
      // It ends at or after the selection's start, and starts at or before its end.
      if (
        at(range.endContainer, range.endOffset) >= 0 &&
        at(range.startContainer, range.startOffset) <= 0
      )
        return record;
    } catch {
      // A mention in another shadow tree can't be compared with the selection.
    }
  }
  return null;
}
