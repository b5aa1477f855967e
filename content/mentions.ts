/**
 * The mentions on the page: one record per mention, indexed by the block it was read from and by the
 * text nodes it spans, and kept in step with the `metoo-mention` highlight. A mention not yet known to
 * be shown (just read, or in a closed `<details>`, a collapsed "See more") is kept aside, out of the
 * highlight, until it is. Past `MAX_RANGES` shown mentions, the rest are held out of the highlight
 * (still hit-tested, so the card opens on them) while ./scan/cap.ts picks the nearest to the viewport.
 */
import type { Block } from './scan/text-model';

/** The highlight name other suites look up (../shared/CONTRACT.md). */
export const HIGHLIGHT_NAME = 'metoo-mention';

/**
 * At most this many mentions are highlighted at once. The browser revalidates every range of a
 * highlight on each frame it changes (100,000 ranges cost ~0.7 s a frame); 5,000 keep it under a
 * long task while covering dozens of screens around the viewport.
 */
export const MAX_RANGES = 5_000;

export interface MentionRecord {
  /**
   * Where the mention stands, as a `StaticRange`: the browser keeps no watch on it. A live `Range`
   * is updated on every removal and text edit anywhere in its document, so each one the store held
   * would tax the page's own changes (Chromium: about 70 µs a removal with 1,000 live ranges, 10 ms
   * with 100,000). The scanner reads again every block the page changes, so a mention's place is
   * made anew whenever it moves. Where a box or an order is asked for, ./live-range.ts makes a live
   * range for that moment.
   */
  range: AbstractRange;
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
  readonly #byBlock = new Map<Block, MentionRecord[]>();
  /** Sets, not lists: one text node may hold thousands of mentions, each unindexed on its own. */
  readonly #byNode = new Map<Text, Set<MentionRecord>>();
  /** How many mentions in the node index each block holds: where the pointer may be on one. */
  readonly #indexedIn = new Map<Block, number>();
  /** Mentions read from text that is not shown: out of the highlight and of hit-testing. */
  readonly #unseen = new Set<MentionRecord>();
  /** Shown mentions in the highlight, and those the cap keeps out of it. */
  readonly #highlighted = new Set<MentionRecord>();
  readonly #held = new Set<MentionRecord>();
  readonly #ranges: RangeSet;
  #shown = 0;
  /** The most mentions highlighted at once. */
  readonly limit: number;
  /** Called when a shown mention is held out of the highlight: the nearest should be chosen again. */
  onHold: (() => void) | null = null;

  constructor(ranges: RangeSet, limit = MAX_RANGES) {
    this.#ranges = ranges;
    this.limit = limit;
  }

  /** How many mentions the page shows: highlighted, or held out by the cap. */
  get size(): number {
    return this.#shown;
  }

  /** How many blocks hold mentions, shown or not: the cost of a full prune. */
  get blockCount(): number {
    return this.#byBlock.size;
  }

  /** How many mentions wait for their text to be shown. */
  get unseenCount(): number {
    return this.#unseen.size;
  }

  /** Adds a mention: highlighted at once when `visible`, else kept aside until `reveal` shows it. */
  add(record: MentionRecord, visible = true): void {
    pushTo(this.#byBlock, record.block, record);
    if (visible) this.#show(record);
    else this.#unseen.add(record);
  }

  hasBlock(block: Block): boolean {
    return this.#byBlock.has(block);
  }

  /**
   * Takes a block's mentions out of the block index before the block is read again, leaving their ranges
   * highlighted: those found again are `keep`-ed as they are, the rest `release`-d. An unchanged
   * page read again thus never touches the highlight.
   */
  detachBlock(block: Block): DetachedMention[] {
    const records = this.#byBlock.get(block);
    if (!records) return [];
    this.#byBlock.delete(block);
    // A shown mention stays in the node index (the card may open on it mid-read): re-indexing every
    // mention of a page read again churned a map of 200,000 nodes in one slice (90 ms on 100,000).
    return records.map((record) => ({ record, shown: !this.#unseen.delete(record) }));
  }

  /** Puts back a highlighted mention taken out by `detachBlock`, its range untouched. */
  keep(detached: DetachedMention): void {
    pushTo(this.#byBlock, detached.record.block, detached.record);
    if (!detached.shown) this.#unseen.add(detached.record);
  }

  /** Drops mentions taken out by `detachBlock` that were not found again. */
  release(detached: readonly DetachedMention[]): void {
    for (const { record, shown } of detached) {
      if (!shown) continue;
      this.#unshow(record);
      this.#unindex(record);
    }
  }

  /** Forgets every mention read from a block, before it is read again or when it left the page. */
  clearBlock(block: Block): void {
    const records = this.#byBlock.get(block);
    if (!records) return;
    this.#byBlock.delete(block);
    for (const record of records) this.#forget(record);
  }

  /**
   * Drops mentions whose text has left the page, or whose block has: text that a page moved out of
   * a block it then removed is read again where it went, under its new block. Costs the number of
   * mentions, not of nodes.
   */
  prune(): number {
    let dropped = 0;
    for (const [block, records] of this.#byBlock) {
      const live = block.isConnected
        ? records.filter((record) => record.nodes.every((node) => node.isConnected))
        : [];
      if (live.length === records.length) continue;
      const kept = new Set(live);
      for (const record of records) if (!kept.has(record)) this.#forget(record);
      dropped += records.length - live.length;
      if (live.length > 0) this.#byBlock.set(block, live);
      else this.#byBlock.delete(block);
    }
    return dropped;
  }

  /** Keeps only the mentions of these blocks (the end of a full rescan: the rest were not read again). */
  retainBlocks(blocks: ReadonlySet<Block>): void {
    for (const block of [...this.#byBlock.keys()]) if (!blocks.has(block)) this.clearBlock(block);
  }

  /** The mentions kept aside, not highlighted: text not shown, or not yet checked. */
  unseenRecords(): MentionRecord[] {
    return [...this.#unseen];
  }

  /** Whether a mention is still stored and kept aside. */
  isUnseen(record: MentionRecord): boolean {
    return this.#unseen.has(record);
  }

  /** Moves a mention kept aside into the highlight; false if it is not (or no longer) kept aside. */
  reveal(record: MentionRecord): boolean {
    if (!this.#unseen.delete(record)) return false;
    this.#show(record);
    return true;
  }

  clear(): void {
    this.#byBlock.clear();
    this.#byNode.clear();
    this.#indexedIn.clear();
    this.#unseen.clear();
    this.#highlighted.clear();
    this.#held.clear();
    this.#ranges.clear();
    this.#shown = 0;
  }

  /** The shown mentions that span a text node, held ones included: the card opens on any. */
  at(node: Text): Iterable<MentionRecord> {
    return this.#byNode.get(node) ?? [];
  }

  /** Whether a block holds a mention `at` finds, a block being read again included. */
  showsIn(block: Block): boolean {
    return this.#indexedIn.has(block);
  }

  /**
   * Each block's mentions in reading order, kept-aside ones included (`isUnseen` tells them): what
   * the card's script ranks, lists and walks (../mention-summary.ts). Read only.
   */
  get blocks(): ReadonlyMap<Block, readonly MentionRecord[]> {
    return this.#byBlock;
  }

  /**
   * Highlights the chosen mentions (up to the limit) and holds every other shown one. Free places
   * left go to held mentions, so the highlight stays full while mentions arrive and leave.
   */
  highlightOnly(chosen: ReadonlySet<MentionRecord>): void {
    // Out first, then in: the highlight never holds more than the limit. Costs the limit, not the page.
    for (const record of this.#highlighted) {
      if (chosen.has(record)) continue;
      this.#highlighted.delete(record);
      this.#held.add(record);
      this.#ranges.delete(record.range);
    }
    for (const record of chosen) {
      if (this.#highlighted.size >= this.limit) break;
      if (!this.#held.delete(record)) continue; // already highlighted, or gone meanwhile
      this.#highlighted.add(record);
      this.#ranges.add(record.range);
    }
    this.#fill();
  }

  #show(record: MentionRecord): void {
    this.#index(record);
    if (this.#highlighted.size < this.limit) {
      this.#highlighted.add(record);
      this.#ranges.add(record.range);
    } else {
      this.#held.add(record);
      this.onHold?.();
    }
    this.#shown += 1;
  }

  /** Takes a shown mention out of the count and the highlight; a held one takes its place. */
  #unshow(record: MentionRecord): void {
    this.#shown -= 1;
    if (this.#held.delete(record) || !this.#highlighted.delete(record)) return;
    this.#ranges.delete(record.range);
    this.#fill();
  }

  /** Highlights held mentions while there is room, in no order: the cap is told to choose again. */
  #fill(): void {
    if (this.#held.size === 0 || this.#highlighted.size >= this.limit) return;
    for (const record of this.#held) {
      this.#held.delete(record);
      this.#highlighted.add(record);
      this.#ranges.add(record.range);
      if (this.#highlighted.size >= this.limit) break;
    }
    if (this.#held.size > 0) this.onHold?.();
  }

  #forget(record: MentionRecord): void {
    if (this.#unseen.delete(record)) return;
    this.#unshow(record);
    this.#unindex(record);
  }

  #index(record: MentionRecord): void {
    this.#indexedIn.set(record.block, (this.#indexedIn.get(record.block) ?? 0) + 1);
    for (const node of record.nodes) {
      const records = this.#byNode.get(node);
      if (records) records.add(record);
      else this.#byNode.set(node, new Set([record]));
    }
  }

  #unindex(record: MentionRecord): void {
    const left = (this.#indexedIn.get(record.block) ?? 1) - 1;
    if (left > 0) this.#indexedIn.set(record.block, left);
    else this.#indexedIn.delete(record.block);
    for (const node of record.nodes) {
      const records = this.#byNode.get(node);
      if (records?.delete(record) && records.size === 0) this.#byNode.delete(node);
    }
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
