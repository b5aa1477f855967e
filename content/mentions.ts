/**
 * The mentions on the page: one record per mention, indexed by the block it was read from and by the
 * text nodes it spans, and kept in step with the `metoo-mention` highlight. A mention not yet known to
 * be shown (just read, or in a closed `<details>`, a collapsed "See more") is kept aside, out of the
 * highlight, until it is.
 */
import type { Block } from './scan/text-model';

/** The highlight name other suites look up (../shared/CONTRACT.md). */
export const HIGHLIGHT_NAME = 'metoo-mention';

export interface MentionRecord {
  range: Range;
  /** Canonical family id, e.g. `metoo`. */
  tag: string;
  /** The mention as the page shows it, e.g. `#MeToo`. */
  text: string;
  block: Block;
  /** The site's hashtag link around the mention, if any. */
  link: HTMLAnchorElement | null;
  nodes: Text[];
}

/** A mention taken out of the store while its block is read again, and whether it was highlighted. */
export interface DetachedMention {
  record: MentionRecord;
  shown: boolean;
}

/** The part of `Highlight` the store uses; lets tests count without a browser. */
export interface RangeSet {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
}

export class MentionStore {
  private readonly byBlock = new Map<Block, MentionRecord[]>();
  private readonly byNode = new Map<Text, MentionRecord[]>();
  /** Mentions read from text that is not shown: out of the highlight and of hit-testing. */
  private readonly unseen = new Set<MentionRecord>();
  private readonly ranges: RangeSet;
  private shown = 0;

  constructor(ranges: RangeSet) {
    this.ranges = ranges;
  }

  /** How many mentions are highlighted. */
  get size(): number {
    return this.shown;
  }

  /** How many blocks hold mentions, shown or not: the cost of a full prune. */
  get blockCount(): number {
    return this.byBlock.size;
  }

  /** How many mentions wait for their text to be shown. */
  get unseenCount(): number {
    return this.unseen.size;
  }

  /** Adds a mention: highlighted at once when `visible`, else kept aside until `reveal` shows it. */
  add(record: MentionRecord, visible = true): void {
    pushTo(this.byBlock, record.block, record);
    if (visible) this.show(record);
    else this.unseen.add(record);
  }

  hasBlock(block: Block): boolean {
    return this.byBlock.has(block);
  }

  /**
   * Takes a block's mentions out of the indexes before the block is read again, leaving their ranges
   * highlighted: those found again are `keep`-ed as they are, the rest `release`-d. An unchanged
   * page read again thus never touches the highlight.
   */
  detachBlock(block: Block): DetachedMention[] {
    const records = this.byBlock.get(block);
    if (!records) return [];
    this.byBlock.delete(block);
    return records.map((record) => {
      const shown = !this.unseen.delete(record);
      if (shown) this.unindex(record);
      return { record, shown };
    });
  }

  /** Puts back a highlighted mention taken out by `detachBlock`, its range untouched. */
  keep(detached: DetachedMention): void {
    pushTo(this.byBlock, detached.record.block, detached.record);
    if (detached.shown)
      for (const node of detached.record.nodes) pushTo(this.byNode, node, detached.record);
    else this.unseen.add(detached.record);
  }

  /** Drops mentions taken out by `detachBlock` that were not found again. */
  release(detached: readonly DetachedMention[]): void {
    for (const { record, shown } of detached) {
      if (!shown) continue;
      this.ranges.delete(record.range);
      this.shown -= 1;
    }
  }

  /** Forgets every mention read from a block, before it is read again or when it left the page. */
  clearBlock(block: Block): void {
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

  /** Keeps only the mentions of these blocks (the end of a full rescan: the rest were not read again). */
  retainBlocks(blocks: ReadonlySet<Block>): void {
    for (const block of [...this.byBlock.keys()]) if (!blocks.has(block)) this.clearBlock(block);
  }

  /** The mentions kept aside, not highlighted: text not shown, or not yet checked. */
  unseenRecords(): MentionRecord[] {
    return [...this.unseen];
  }

  /** Whether a mention is still stored and kept aside. */
  isUnseen(record: MentionRecord): boolean {
    return this.unseen.has(record);
  }

  /** Moves a mention kept aside into the highlight; false if it is not (or no longer) kept aside. */
  reveal(record: MentionRecord): boolean {
    if (!this.unseen.delete(record)) return false;
    this.show(record);
    return true;
  }

  clear(): void {
    this.byBlock.clear();
    this.byNode.clear();
    this.unseen.clear();
    this.ranges.clear();
    this.shown = 0;
  }

  /** The highlighted mentions that span a text node. */
  at(node: Text): readonly MentionRecord[] {
    return this.byNode.get(node) ?? [];
  }

  /** Every highlighted mention, in document order. */
  all(): MentionRecord[] {
    const records = [...this.byBlock.values()].flat().filter((r) => !this.unseen.has(r));
    return records.sort(documentOrder);
  }

  /** Puts every range back into the highlight (after a page removed it). */
  restore(ranges: RangeSet): void {
    for (const records of this.byBlock.values()) {
      for (const record of records) if (!this.unseen.has(record)) ranges.add(record.range);
    }
  }

  private show(record: MentionRecord): void {
    for (const node of record.nodes) pushTo(this.byNode, node, record);
    this.ranges.add(record.range);
    this.shown += 1;
  }

  private forget(record: MentionRecord): void {
    if (this.unseen.delete(record)) return;
    this.ranges.delete(record.range);
    this.shown -= 1;
    this.unindex(record);
  }

  private unindex(record: MentionRecord): void {
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
