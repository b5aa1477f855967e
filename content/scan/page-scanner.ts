/**
 * Keeps the page's mentions in step with its DOM: reads the whole page once (only the blocks that
 * show a clue of a mention: sparse-reader.ts), then only what each mutation batch touched, in slices
 * that yield to the page. One MutationObserver per root (the document and every open shadow root).
 * Never writes into the page.
 */
import type { DetachedMention, MentionRecord, MentionStore } from '../mentions';
import { LinkClues } from './clues';
import { mentionsInRun, type TagOptions } from './run-mentions';
import { SparseRunReader } from './sparse-reader';
import {
  TextRunReader,
  blockOf,
  insideSkipped,
  isInline,
  isSeparator,
  isSkipped,
  positionAt,
  type Block,
  type RunSource,
  type TextRun,
} from './text-model';
import { SLICE_MS, afterNextFrame, yieldToMain } from './yield';

/** Above this many records in one batch, one rescan of the page costs less than piecemeal work. */
const RESCAN_THRESHOLD = 2000;
/** Attributes that show or hide text without changing the tree. */
const VISIBILITY_ATTRIBUTES = ['hidden', 'open', 'class', 'style'];
/** Mentions kept aside as hidden are checked again at most this often while the page restyles itself. */
const RECHECK_INTERVAL_MS = 150;
/**
 * Mentions read from at most this many nodes (a batch of posts, not a page) are checked for being
 * shown at once: the style that check needs covers only the batch, and they are highlighted in the
 * frame that first shows them. Larger reads wait for the page's next frame, when style is fresh.
 */
const REVEAL_AT_ONCE_NODES = 2000;
/** A removed subtree is walked for its mentions unless that costs more than checking them all. */
const PRUNE_WALK_MIN = 64;

/**
 * What a job reads: `subtree`, a block or shadow root and everything in it; `own`, a block's own
 * text, not its nested blocks; `nested`, the blocks inside an inline element that was added.
 */
type JobKind = 'subtree' | 'own' | 'nested';

interface Job {
  kind: JobKind;
  root: Node;
  /** The full read this job belongs to, if any. */
  pass: Pass | null;
}

/** A full read of the page: the blocks it read, and how many of its jobs are left. */
interface Pass {
  blocks: Set<Block>;
  jobs: number;
}

/** What the scanner has done so far, so tests can see that work follows the change. */
export interface ScanStats {
  jobs: number;
  nodesVisited: number;
  runsRead: number;
}

export interface ScannerHooks {
  /** Called after each batch of work with the number of highlighted mentions. */
  onChange?: (count: number) => void;
  /** Called for each open shadow root met, so its tree can style the highlight. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Called when a shadow root met earlier has left the page. */
  onShadowRootGone?: (root: ShadowRoot) => void;
}

type ObservedRoot = Document | ShadowRoot;

export class PageScanner {
  private readonly store: MentionStore;
  private readonly options: () => TagOptions;
  private readonly hooks: ScannerHooks;
  private readonly observers = new Map<ObservedRoot, MutationObserver>();
  private queue: Job[] = [];
  private pendingBlocks = new Set<Block>();
  private removed: Node[] = [];
  private concealed: Element[] = [];
  private pass: Pass | null = null;
  private draining: Promise<void> | null = null;
  /** Mentions just read, kept aside until a check after the next frame says they are shown. */
  private fresh: MentionRecord[] = [];
  /** Nodes read since the last reveal: how much new content the fresh mentions may sit in. */
  private freshCost = 0;
  /** The page restyled itself: mentions kept aside as hidden may be shown now. */
  private recheck = false;
  private lastRecheck = Number.NEGATIVE_INFINITY;
  /** Drops the mentions the job in progress took out and has not found again. */
  private releaseEarlier: (() => void) | null = null;
  private stopped = true;
  /** Bumped on every stop, so a drain from before it ends at its next yield. */
  private generation = 0;
  private doc: Document | null = null;
  private host = '';
  private links = new LinkClues('');
  readonly stats: ScanStats = { jobs: 0, nodesVisited: 0, runsRead: 0 };

  constructor(store: MentionStore, options: () => TagOptions, hooks: ScannerHooks = {}) {
    this.store = store;
    this.options = options;
    this.hooks = hooks;
  }

  /** Reads the document and follows its changes. */
  start(doc: Document): Promise<void> {
    this.stopped = false;
    this.doc = doc;
    this.host = doc.location?.hostname ?? '';
    this.links = new LinkClues(this.host);
    this.observe(doc);
    return this.rescan();
  }

  /**
   * Reads the page again (settings changed, navigation, too much changed at once). Mentions stay
   * highlighted while it runs; those it no longer finds go when it ends.
   */
  rescan(): Promise<void> {
    const root = this.doc?.body ?? this.doc?.documentElement;
    if (this.stopped || !root) return Promise.resolve();
    this.pass = { blocks: new Set(), jobs: 1 };
    this.queue = [{ kind: 'subtree', root, pass: this.pass }];
    this.pendingBlocks.clear();
    return this.schedule();
  }

  /** Resolves when all queued work is done. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    this.draining = null;
    for (const observer of this.observers.values()) observer.disconnect();
    this.observers.clear();
    this.queue = [];
    this.pendingBlocks.clear();
    this.removed = [];
    this.concealed = [];
    this.pass = null;
    this.fresh = [];
    this.freshCost = 0;
    this.recheck = false;
    this.releaseEarlier?.();
  }

  private observe(root: ObservedRoot): boolean {
    if (this.observers.has(root)) return false;
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: VISIBILITY_ATTRIBUTES,
    });
    this.observers.set(root, observer);
    return true;
  }

  private unobserve(root: ShadowRoot): void {
    this.observers.get(root)?.disconnect();
    this.observers.delete(root);
    this.hooks.onShadowRootGone?.(root);
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (records.length > RESCAN_THRESHOLD) {
      void this.rescan();
      return;
    }
    const added = new Set<Node>();
    const touched = new Set<Block>();
    let restyled = false;
    for (const record of records) {
      const target = record.target;
      if (record.type === 'characterData') {
        touch(touched, target);
      } else if (record.type === 'attributes') {
        this.discoverShadowRoot(target);
        if (record.attributeName === 'hidden' && target instanceof Element) {
          this.onHiddenChanged(target, added, touched);
        } else {
          restyled = true;
        }
      } else {
        this.discoverShadowRoot(target);
        for (const node of record.removedNodes) this.noteRemoved(node, record, touched);
        for (const node of record.addedNodes) this.noteAdded(node, target, added, touched);
      }
    }
    // An added subtree whose ancestor was added in the same batch is read with that ancestor.
    for (const node of added) {
      if (!node.isConnected || hasAncestorIn(node, added)) continue;
      const kind = node instanceof Element && isInline(node) ? 'nested' : 'subtree';
      this.queue.push({ kind, root: node, pass: null });
    }
    for (const block of touched) {
      if (added.has(block) || hasAncestorIn(block, added)) continue;
      if (this.pendingBlocks.has(block)) continue;
      this.pendingBlocks.add(block);
      this.queue.push({ kind: 'own', root: block, pass: null });
    }
    if (restyled && this.store.unseenCount > 0) this.recheck = true;
    const work = this.queue.length + this.removed.length + this.concealed.length;
    if (work > 0 || this.recheck) void this.schedule();
  }

  private noteAdded(node: Node, parent: Node, added: Set<Node>, touched: Set<Block>): void {
    if (node instanceof Text) {
      if (!isLooseSpace(node, parent, node.previousSibling, node.nextSibling)) {
        touch(touched, parent);
      }
      return;
    }
    if (!(node instanceof Element) || isSkipped(node)) return; // comments, scripts, our own card
    if (isSeparator(node)) {
      touch(touched, parent);
    } else if (isInline(node)) {
      touch(touched, parent);
      if (node.firstElementChild || node.shadowRoot) added.add(node);
    } else {
      added.add(node);
    }
  }

  private noteRemoved(node: Node, record: MutationRecord, touched: Set<Block>): void {
    const parent = record.target;
    if (node instanceof Text) {
      if (!isLooseSpace(node, parent, record.previousSibling, record.nextSibling)) {
        touch(touched, parent);
      }
      return;
    }
    if (!(node instanceof Element) || isSkipped(node)) return;
    if (isSeparator(node)) {
      touch(touched, parent);
      return;
    }
    if (isInline(node)) touch(touched, parent);
    if (!isInline(node) || node.firstElementChild || node.shadowRoot) this.removed.push(node);
  }

  /** `hidden` came or went: the element's text leaves or joins the page's text. */
  private onHiddenChanged(element: Element, added: Set<Node>, touched: Set<Block>): void {
    if (!element.isConnected) return;
    if (isInline(element) && element.parentNode) touch(touched, element.parentNode);
    if (element.hasAttribute('hidden')) this.concealed.push(element);
    else if (!isInline(element) || element.firstElementChild) added.add(element);
  }

  /**
   * A shadow root attached to an element already on the page makes no record of its own: it is found
   * when the host's children, class or style change next (a component marking itself hydrated).
   */
  private discoverShadowRoot(target: Node): void {
    if (!(target instanceof Element)) return;
    const root = target.shadowRoot;
    if (root && !this.observers.has(root) && !insideSkipped(target))
      this.adoptShadowRoot(root, null);
  }

  private adoptShadowRoot(root: ShadowRoot, pass: Pass | null): void {
    if (this.observe(root)) this.hooks.onShadowRoot?.(root);
    this.queue.push({ kind: 'subtree', root, pass });
    if (pass) pass.jobs += 1;
  }

  private schedule(): Promise<void> {
    if (!this.draining) {
      const draining = this.drain().finally(() => {
        if (this.draining === draining) this.draining = null;
      });
      this.draining = draining;
    }
    return this.draining;
  }

  private async drain(): Promise<void> {
    const generation = this.generation;
    const current = () => generation === this.generation;
    // In a task of our own: the page's task that made the change ends without our work in it.
    await yieldToMain();
    if (!current()) return;
    let deadline = performance.now() + SLICE_MS;
    while (current()) {
      if (this.removed.length > 0) this.pruneRemoved();
      if (this.concealed.length > 0) this.dropConcealed();
      const job = this.queue.shift();
      if (!job) {
        if (this.fresh.length === 0 && !this.recheck) break;
        if (!(await this.revealShown(current))) return;
        deadline = performance.now() + SLICE_MS;
        continue;
      }
      this.stats.jobs += 1;
      if (job.kind === 'own') this.pendingBlocks.delete(job.root as Block);
      if (job.root.isConnected && !insideSkipped(job.root)) {
        const reader = this.reader(job);
        let finished = false;
        while (!finished) {
          finished = reader.read(deadline);
          if (finished) break;
          await yieldToMain();
          if (!current()) return;
          deadline = performance.now() + SLICE_MS;
        }
        this.stats.nodesVisited += reader.visited;
        this.freshCost += reader.visited;
        for (const root of reader.shadowRoots) this.adoptShadowRoot(root, job.pass);
      }
      this.releaseEarlier?.();
      this.finish(job);
      if (performance.now() > deadline) {
        this.hooks.onChange?.(this.store.size);
        await yieldToMain();
        if (!current()) return;
        deadline = performance.now() + SLICE_MS;
      }
    }
    if (current()) this.hooks.onChange?.(this.store.size);
  }

  /** A reader for a job, and what to do with each run it reads. */
  private reader(job: Job): {
    read(deadline: number): boolean;
    readonly visited: number;
    readonly shadowRoots: ShadowRoot[];
  } {
    // A block's old mentions go when the job first reads it, so a block read in two runs keeps both.
    const seen = new Set<Block>();
    /** Each block's mentions from before this read: those found again stay as they are. */
    const earlier = new Map<Block, DetachedMention[]>();
    const see = (block: Block) => {
      if (seen.has(block)) return;
      seen.add(block);
      earlier.set(block, [...(earlier.get(block) ?? []), ...this.store.detachBlock(block)]);
      this.pass?.blocks.add(block);
    };
    this.releaseEarlier = () => {
      for (const mentions of earlier.values()) this.store.release(mentions);
      earlier.clear();
      this.releaseEarlier = null;
    };
    if (job.kind === 'own') see(job.root as Block);
    const onRestart = (from: Node) => {
      for (const block of seen) if (block === from || from.contains(block)) seen.delete(block);
      if (job.kind === 'own') see(job.root as Block);
    };
    // A full read meets mostly text without mentions: it reads only the blocks that show a clue.
    const reader: RunSource = job.pass
      ? new SparseRunReader(job.root, this.links, { onRestart })
      : new TextRunReader(job.root, { ownOnly: job.kind === 'own', onRestart });
    const onRun = (run: TextRun) => {
      // The added element's own line belongs to the block around it, read by that block's own job.
      if (job.kind === 'nested' && !job.root.contains(run.block)) return;
      see(run.block);
      this.stats.runsRead += 1;
      this.record(run, earlier.get(run.block) ?? []);
    };
    return {
      read: (deadline) => reader.read(deadline, onRun),
      get visited() {
        return reader.visited;
      },
      shadowRoots: reader.shadowRoots,
    };
  }

  private finish(job: Job): void {
    const pass = job.pass;
    if (!pass || pass !== this.pass) return;
    pass.jobs -= 1;
    if (pass.jobs > 0) return;
    // The full read is over: blocks it did not meet have left the page or lost their mentions.
    this.store.retainBlocks(pass.blocks);
    this.pass = null;
  }

  private record(run: TextRun, earlier: DetachedMention[]): void {
    for (const mention of mentionsInRun(run, this.options(), this.host)) {
      const from = positionAt(run, mention.start, false);
      const to = positionAt(run, mention.end, true);
      if (!from || !to) continue;
      const text = run.text.slice(mention.start, mention.end);
      // Compared before a Range is made: a full read of a big page would leave 100,000 for the GC.
      const same = earlier.findIndex(
        ({ record, shown }) => shown && record.text === text && spans(record.range, from, to),
      );
      const found = earlier[same];
      if (found) {
        earlier.splice(same, 1);
        this.store.keep(found);
        continue;
      }
      const range = new Range();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const nodes = nodesBetween(run, mention.start, mention.end);
      const record: MentionRecord = {
        range,
        tag: mention.tag,
        text,
        block: run.block,
        link: linkAround(nodes[0]) ?? linkAround(nodes.at(-1)),
        nodes,
      };
      this.store.add(record, false);
      this.fresh.push(record);
    }
  }

  /**
   * Highlights the mentions just read that the page shows (after its next frame, unless they came
   * from a small batch), and, when the page restyled itself, those kept aside as hidden. Returns
   * false when stopped meanwhile.
   */
  private async revealShown(current: () => boolean): Promise<boolean> {
    const atOnce = !this.recheck && this.freshCost <= REVEAL_AT_ONCE_NODES;
    this.freshCost = 0;
    if (!atOnce) {
      if (this.recheck) {
        const wait = this.lastRecheck + RECHECK_INTERVAL_MS - performance.now();
        if (wait > 0 && this.fresh.length === 0) await new Promise((r) => setTimeout(r, wait));
      }
      await afterNextFrame();
      if (!current()) return false;
    }
    if (this.recheck) this.lastRecheck = performance.now();
    const candidates = this.recheck ? this.store.unseenRecords() : this.fresh;
    this.fresh = [];
    this.recheck = false;
    let deadline = performance.now() + SLICE_MS;
    for (const record of candidates) {
      if (this.store.isUnseen(record) && isShown(record)) this.store.reveal(record);
      if (performance.now() > deadline) {
        this.hooks.onChange?.(this.store.size);
        await yieldToMain();
        if (!current()) return false;
        deadline = performance.now() + SLICE_MS;
      }
    }
    return true;
  }

  /**
   * Drops the mentions under removed nodes by walking what was removed, unless that walk would cost
   * more than checking every mention on the page, which it then does instead.
   */
  private pruneRemoved(): void {
    const stack: Node[] = this.removed;
    this.removed = [];
    let budget = this.store.blockCount + this.observers.size + PRUNE_WALK_MIN;
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (--budget < 0) {
        this.pruneAll();
        return;
      }
      if (node.isConnected) continue; // moved, not removed: its new place is read again
      if (node instanceof Element || node instanceof ShadowRoot) {
        this.store.clearBlock(node);
        if (node instanceof ShadowRoot && this.observers.has(node)) this.unobserve(node);
        if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
        for (const child of node.children) stack.push(child);
      }
    }
  }

  private pruneAll(): void {
    this.store.prune();
    for (const root of [...this.observers.keys()]) {
      if (root instanceof ShadowRoot && !root.isConnected) this.unobserve(root);
    }
  }

  /** Forgets the mentions under elements that were hidden (`hidden` added). */
  private dropConcealed(): void {
    const stack: Node[] = this.concealed;
    this.concealed = [];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (!(node instanceof Element || node instanceof ShadowRoot)) continue;
      this.store.clearBlock(node);
      if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
      for (const child of node.children) stack.push(child);
    }
  }
}

function touch(touched: Set<Block>, node: Node): void {
  const block = blockOf(node);
  if (block) touched.add(block);
}

function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (set.has(parent)) return true;
  }
  return false;
}

/**
 * Whether a white-space text node sits between blocks, where it joins no text: adding or removing it
 * changes no run (a timeline's newlines between posts).
 */
function isLooseSpace(text: Text, parent: Node, before: Node | null, after: Node | null): boolean {
  if (/\S/.test(text.data)) return false;
  if (parent instanceof Element && isInline(parent)) return false;
  const isEdge = (node: Node | null) =>
    node === null || (node instanceof Element && !isInline(node) && !isSeparator(node));
  return isEdge(before) && isEdge(after);
}

type TextPosition = { node: Text; offset: number };

function spans(range: Range, from: TextPosition, to: TextPosition): boolean {
  return (
    range.startContainer === from.node &&
    range.startOffset === from.offset &&
    range.endContainer === to.node &&
    range.endOffset === to.offset
  );
}

/** The text nodes under a run's offsets: a binary search, as one block may hold thousands. */
function nodesBetween(run: TextRun, start: number, end: number): Text[] {
  const segments = run.segments;
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid];
    if (segment && segment.start + segment.node.data.length > start) high = mid;
    else low = mid + 1;
  }
  const nodes: Text[] = [];
  for (let i = low; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment || segment.start >= end) break;
    nodes.push(segment.node);
  }
  return nodes;
}

function linkAround(node: Text | undefined): HTMLAnchorElement | null {
  const link = node?.parentElement?.closest('a[href]');
  return link instanceof HTMLAnchorElement ? link : null;
}

/** Whether the page shows a mention's text (not `display: none`, `visibility: hidden`, a closed `<details>`). */
function isShown(record: MentionRecord): boolean {
  return isRendered(record.nodes[0]) && isRendered(record.nodes.at(-1));
}

function isRendered(node: Text | undefined): boolean {
  const parent = node?.parentNode;
  if (!node || !parent) return true;
  const element = parent instanceof ShadowRoot ? parent.host : parent;
  if (!(element instanceof Element)) return true;
  // A shadow host shows its light DOM only through slots; a closed <details> only its summary.
  if (element === parent && element.shadowRoot && !node.assignedSlot) return false;
  if (element.localName === 'details' && !element.hasAttribute('open')) return false;
  if (typeof element.checkVisibility !== 'function') return true;
  if (element.checkVisibility({ visibilityProperty: true })) return true;
  // A `display: contents` element has no box of its own (checkVisibility says no), yet its text shows.
  const style = getComputedStyle(element);
  return style.display === 'contents' && style.visibility === 'visible' && hasBox(node);
}

function hasBox(node: Text): boolean {
  const range = new Range();
  range.selectNodeContents(node);
  const box = range.getBoundingClientRect();
  return box.width > 0 || box.height > 0;
}
