/**
 * The mentions on the page: one record per mention, indexed by the block it was read from and by the
 * text nodes it spans, and kept in step with the `metoo-mention` highlight.
 */

/** The highlight name other suites look up (../shared/CONTRACT.md). */
export const HIGHLIGHT_NAME = 'metoo-mention';

export interface MentionRecord {
  range: Range;
  /** Canonical family id, e.g. `metoo`. */
  tag: string;
  /** The mention as the page shows it, e.g. `#MeToo`. */
  text: string;
  block: Element;
  /** The site's hashtag link around the mention, if any. */
  link: HTMLAnchorElement | null;
  nodes: Text[];
}

/** The part of `Highlight` the store uses; lets tests count without a browser. */
export interface RangeSet {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
}

export class MentionStore {
  private readonly byBlock = new Map<Element, MentionRecord[]>();
  private readonly byNode = new Map<Text, MentionRecord[]>();
  private readonly ranges: RangeSet;

  constructor(ranges: RangeSet) {
    this.ranges = ranges;
  }

  get size(): number {
    let count = 0;
    for (const records of this.byBlock.values()) count += records.length;
    return count;
  }

  add(record: MentionRecord): void {
    pushTo(this.byBlock, record.block, record);
    for (const node of record.nodes) pushTo(this.byNode, node, record);
    this.ranges.add(record.range);
  }

  /** Forgets every mention read from a block, before it is read again. */
  clearBlock(block: Element): void {
    const records = this.byBlock.get(block);
    if (!records) return;
    this.byBlock.delete(block);
    for (const record of records) this.forget(record);
  }

  /** Drops mentions whose text has left the page. Costs the number of mentions, not of nodes. */
  prune(): number {
    let dropped = 0;
    for (const [block, records] of this.byBlock) {
      const live = records.filter((record) => record.nodes.every((node) => node.isConnected));
      if (live.length === records.length) continue;
      for (const record of records) if (!live.includes(record)) this.forget(record);
      dropped += records.length - live.length;
      if (live.length > 0) this.byBlock.set(block, live);
      else this.byBlock.delete(block);
    }
    return dropped;
  }

  clear(): void {
    this.byBlock.clear();
    this.byNode.clear();
    this.ranges.clear();
  }

  /** The mentions that span a text node. */
  at(node: Text): readonly MentionRecord[] {
    return this.byNode.get(node) ?? [];
  }

  /** Every mention, in document order. */
  all(): MentionRecord[] {
    const records = [...this.byBlock.values()].flat();
    return records.sort(documentOrder);
  }

  /** Puts every range back into the highlight (after a page removed it). */
  restore(ranges: RangeSet): void {
    for (const records of this.byBlock.values()) for (const r of records) ranges.add(r.range);
  }

  private forget(record: MentionRecord): void {
    this.ranges.delete(record.range);
    for (const node of record.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((other) => other !== record);
      if (rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Orders two mentions as a reader meets them; ranges in different shadow trees compare by their nodes. */
function documentOrder(a: MentionRecord, b: MentionRecord): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
}
