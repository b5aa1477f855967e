/**
 * Keeps the page's mentions in step with its DOM: reads the whole page once (only the blocks that
 * show a clue of a mention: sparse-reader.ts), then only what each mutation batch touched, in slices
 * that yield to the page. One MutationObserver per root (the document and every open shadow root).
 * Never writes into the page.
 */
import type { DetachedMention, MentionRecord, MentionStore } from '../mentions';
import { LinkClues } from './clues';
import { mentionsInRun, type TagOptions } from './run-mentions';
import { sortMutations } from './mutation-sorter';
import { QuietBlocks } from './quiet-blocks';
import { dropConcealed, pruneRemoved, type ObservedShadowRoots } from './pruning';
import { reconcileRun } from './reconcile';
import { SparseRunReader } from './sparse-reader';
import {
  TextRunReader,
  unreadWithin,
  type Block,
  type RunSource,
  type TextRun,
} from './text-model';
import { isShown } from './visibility';
import { SLICE_MS, afterNextFrame, yieldToMain } from './yield';
import { OBSERVED } from './observed';

/** Above this many records in one batch, one rescan of the page costs less than piecemeal work. */
const RESCAN_THRESHOLD = 2000;
/** Mentions kept aside as hidden are checked again at most this often while the page restyles itself. */
const RECHECK_INTERVAL_MS = 150;
/**
 * Mentions read from at most this many nodes (a batch of posts, not a page) are checked for being
 * shown at once: the style that check needs covers only the batch, and they are highlighted in the
 * frame that first shows them. Larger reads wait for the page's next frame, when style is fresh.
 */
const REVEAL_AT_ONCE_NODES = 2000;
/**
 * A page that keeps changing (a timeline scrolling by, a post a frame) has its changes read together,
 * one batch at most this often: what each batch costs beyond its reads (the task, the check of
 * removed posts, the count) is paid a few times a second, not every frame. A change after a pause is
 * read at once.
 */
const BATCH_GAP_MS = 100;

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
  readonly #store: MentionStore;
  readonly #options: () => TagOptions;
  readonly #hooks: ScannerHooks;
  readonly #observers = new Map<ObservedRoot, MutationObserver>();
  #queue: Job[] = [];
  #pendingBlocks = new Set<Block>();
  /** Records that came while a batch of work was on its way: it sorts them when it gets to them. */
  readonly #held: MutationRecord[][] = [];
  readonly #removed: Node[] = [];
  readonly #concealed: Element[] = [];
  #pass: Pass | null = null;
  #draining: Promise<void> | null = null;
  /** Mentions just read, kept aside until a check after the next frame says they are shown. */
  #fresh: MentionRecord[] = [];
  /** Nodes read since the last reveal: how much new content the fresh mentions may sit in. */
  #freshCost = 0;
  /** The page restyled itself: mentions kept aside as hidden may be shown now. */
  #recheck = false;
  #lastRecheck = Number.NEGATIVE_INFINITY;
  /** When the next batch of work may start: BATCH_GAP_MS after the last one ended. */
  #nextBatchAt = 0;
  /** Drops the mentions the job in progress took out and has not found again. */
  #releaseEarlier: (() => void) | null = null;
  #stopped = true;
  /** Bumped on every stop, so a drain from before it ends at its next yield. */
  #generation = 0;
  #doc: Document | null = null;
  #host = '';
  #links = new LinkClues('');
  /** Blocks where a text change needs no read (timestamps, counts), known from their clues. */
  #quiet = this.#quietBlocks();
  readonly stats: ScanStats = { jobs: 0, nodesVisited: 0, runsRead: 0 };

  constructor(store: MentionStore, options: () => TagOptions, hooks: ScannerHooks = {}) {
    this.#store = store;
    this.#options = options;
    this.#hooks = hooks;
  }

  /** Reads the document and follows its changes. */
  start(doc: Document): Promise<void> {
    this.#stopped = false;
    this.#doc = doc;
    this.#host = doc.location?.hostname ?? '';
    this.#links = new LinkClues(this.#host);
    this.#quiet = this.#quietBlocks();
    this.#observe(doc);
    return this.rescan();
  }

  /**
   * Reads the page again (settings changed, navigation, too much changed at once). Mentions stay
   * highlighted while it runs; those it no longer finds go when it ends.
   */
  rescan(): Promise<void> {
    const root = this.#doc?.body ?? this.#doc?.documentElement;
    if (this.#stopped || !root) return Promise.resolve();
    this.#pass = { blocks: new Set(), jobs: 1 };
    this.#quiet.beginFullRead();
    this.#queue = [{ kind: 'subtree', root, pass: this.#pass }];
    this.#pendingBlocks.clear();
    return this.#schedule();
  }

  /** Resolves when all queued work is done. */
  idle(): Promise<void> {
    return this.#draining ?? Promise.resolve();
  }

  stop(): void {
    this.#stopped = true;
    this.#generation += 1;
    this.#draining = null;
    for (const observer of this.#observers.values()) observer.disconnect();
    this.#observers.clear();
    this.#queue = [];
    this.#pendingBlocks.clear();
    this.#held.length = 0;
    this.#removed.length = 0;
    this.#concealed.length = 0;
    this.#pass = null;
    this.#fresh = [];
    this.#freshCost = 0;
    this.#recheck = false;
    this.#releaseEarlier?.();
  }

  #observe(root: ObservedRoot): boolean {
    if (this.#observers.has(root)) return false;
    const observer = new MutationObserver((records) => this.#onMutations(records));
    observer.observe(root, OBSERVED);
    this.#observers.set(root, observer);
    return true;
  }

  #unobserve(root: ShadowRoot): void {
    this.#observers.get(root)?.disconnect();
    this.#observers.delete(root);
    this.#hooks.onShadowRootGone?.(root);
  }

  #onMutations(records: MutationRecord[]): void {
    if (this.#stopped) return;
    // While a batch of work is on its way, records wait for it: a page that keeps changing has them
    // sorted once a batch, not once a frame, and never in the middle of a read, while the blocks
    // being read have their mentions out of the store.
    if (this.#draining) this.#held.push(records);
    else this.#sort(records);
  }

  #sort(records: MutationRecord[]): void {
    if (records.length > RESCAN_THRESHOLD) {
      void this.rescan();
      return;
    }
    const sorted = sortMutations(records, this.#quiet);
    for (const host of sorted.hosts) this.#discoverShadowRoot(host);
    this.#removed.push(...sorted.removed);
    this.#concealed.push(...sorted.concealed);
    for (const { kind, root } of sorted.added) this.#queue.push({ kind, root, pass: null });
    for (const block of sorted.touched) {
      this.#quiet.forget(block);
      if (this.#pendingBlocks.has(block)) continue;
      this.#pendingBlocks.add(block);
      this.#queue.push({ kind: 'own', root: block, pass: null });
    }
    if (sorted.restyled && this.#store.unseenCount > 0) this.#recheck = true;
    const work = this.#queue.length + this.#removed.length + this.#concealed.length;
    if (work > 0 || this.#recheck) void this.#schedule();
  }

  /**
   * A shadow root attached to an element already on the page makes no record of its own: it is found
   * when the host's children, class or style change next (a component marking itself hydrated).
   */
  #discoverShadowRoot(target: Element): void {
    const root = target.shadowRoot;
    if (root && !this.#observers.has(root) && !unreadWithin(target))
      this.#adoptShadowRoot(root, null);
  }

  #adoptShadowRoot(root: ShadowRoot, pass: Pass | null): void {
    if (this.#observe(root)) this.#hooks.onShadowRoot?.(root);
    this.#queue.push({ kind: 'subtree', root, pass });
    if (pass) pass.jobs += 1;
  }

  #schedule(): Promise<void> {
    if (!this.#draining) {
      const draining = this.#drain().finally(() => {
        this.#nextBatchAt = performance.now() + BATCH_GAP_MS;
        if (this.#draining === draining) this.#draining = null;
      });
      this.#draining = draining;
    }
    return this.#draining;
  }

  async #drain(): Promise<void> {
    const generation = this.#generation;
    const current = () => generation === this.#generation;
    // In a task of our own: the page's task that made the change ends without our work in it.
    const gap = this.#nextBatchAt - performance.now();
    await (gap > 0 ? new Promise((r) => setTimeout(r, gap)) : yieldToMain());
    if (!current()) return;
    let deadline = performance.now() + SLICE_MS;
    while (current()) {
      if (this.#held.length > 0) this.#sort(this.#held.splice(0).flat());
      if (this.#removed.length > 0)
        pruneRemoved(this.#removed.splice(0), this.#store, this.#shadowRoots);
      if (this.#concealed.length > 0) dropConcealed(this.#concealed.splice(0), this.#store);
      const job = this.#queue.shift();
      if (!job) {
        if (this.#fresh.length === 0 && !this.#recheck) break;
        if (!(await this.#revealShown(current))) return;
        deadline = performance.now() + SLICE_MS;
        continue;
      }
      this.stats.jobs += 1;
      if (job.kind === 'own') this.#pendingBlocks.delete(job.root as Block);
      const goneOrQuiet = !job.root.isConnected || this.#passOver(job);
      if (!goneOrQuiet && unreadWithin(job.root)) {
        // Moved where the reader never goes (code, a field, a hidden element, a line break): the
        // mentions it held go, as they would from a full read.
        dropConcealed([job.root], this.#store);
      } else if (!goneOrQuiet) {
        const reader = this.#reader(job);
        let finished = false;
        while (!finished) {
          finished = reader.read(deadline);
          if (finished) break;
          await yieldToMain();
          if (!current()) return;
          deadline = performance.now() + SLICE_MS;
        }
        this.stats.nodesVisited += reader.visited;
        this.#freshCost += reader.visited;
        this.#quiet.met(reader.metBlocks());
        for (const root of reader.shadowRoots) this.#adoptShadowRoot(root, job.pass);
      }
      this.#releaseEarlier?.();
      this.#finish(job);
      if (performance.now() > deadline) {
        this.#hooks.onChange?.(this.#store.size);
        await yieldToMain();
        if (!current()) return;
        deadline = performance.now() + SLICE_MS;
      }
    }
    if (current()) this.#hooks.onChange?.(this.#store.size);
  }

  /**
   * Whether an added subtree can go unread: a post recycled into a scrolling timeline mostly shows
   * no clue of a mention, and a look over it costs a fraction of a read. Its nodes count as visited.
   */
  #passOver(job: Job): boolean {
    if (job.pass || job.kind === 'own') return false;
    const look = this.#quiet.lookOver(job.root);
    this.stats.nodesVisited += look.visited;
    return look.quiet;
  }

  /** A reader for a job, and what to do with each run it reads. */
  #reader(job: Job): {
    read(deadline: number): boolean;
    readonly visited: number;
    readonly shadowRoots: ShadowRoot[];
    /** The blocks a full read's candidate search met; none for other reads. */
    metBlocks(): readonly Block[];
  } {
    // A block's old mentions go when the job first reads it, so a block read in two runs keeps both.
    const seen = new Set<Block>();
    /** Each block's mentions from before this read: those found again stay as they are. */
    const earlier = new Map<Block, DetachedMention[]>();
    const see = (block: Block) => {
      if (seen.has(block)) return;
      seen.add(block);
      this.#quiet.forget(block);
      earlier.set(block, [...(earlier.get(block) ?? []), ...this.#store.detachBlock(block)]);
      this.#pass?.blocks.add(block);
    };
    this.#releaseEarlier = () => {
      for (const mentions of earlier.values()) this.#store.release(mentions);
      earlier.clear();
      this.#releaseEarlier = null;
    };
    if (job.kind === 'own') see(job.root as Block);
    const onRestart = (from: Node) => {
      for (const block of seen) if (block === from || from.contains(block)) seen.delete(block);
      if (job.kind === 'own') see(job.root as Block);
    };
    // A full read meets mostly text without mentions: it reads only the blocks that show a clue.
    const sparse = job.pass ? new SparseRunReader(job.root, this.#links, { onRestart }) : null;
    const reader: RunSource =
      sparse ?? new TextRunReader(job.root, { ownOnly: job.kind === 'own', onRestart });
    const onRun = (run: TextRun) => {
      // The added element's own line belongs to the block around it, read by that block's own job.
      if (job.kind === 'nested' && !job.root.contains(run.block)) return;
      see(run.block);
      this.#quiet.wasRead(run);
      this.stats.runsRead += 1;
      this.#record(run, earlier.get(run.block) ?? []);
    };
    return {
      read: (deadline) => reader.read(deadline, onRun),
      get visited() {
        return reader.visited;
      },
      shadowRoots: reader.shadowRoots,
      metBlocks: () => sparse?.metBlocks() ?? [],
    };
  }

  #finish(job: Job): void {
    const pass = job.pass;
    if (!pass || pass !== this.#pass) return;
    pass.jobs -= 1;
    if (pass.jobs > 0) return;
    // The full read is over: blocks it did not meet have left the page or lost their mentions.
    this.#store.retainBlocks(pass.blocks);
    this.#quiet.endFullRead();
    this.#pass = null;
  }

  #record(run: TextRun, earlier: DetachedMention[]): void {
    const mentions = mentionsInRun(run, this.#options(), this.#host);
    if (mentions.length === 0) return;
    this.#fresh.push(...reconcileRun(run, mentions, earlier, this.#store));
  }

  /**
   * Highlights the mentions just read that the page shows (after its next frame, unless they came
   * from a small batch), and, when the page restyled itself, those kept aside as hidden. Returns
   * false when stopped meanwhile.
   */
  async #revealShown(current: () => boolean): Promise<boolean> {
    const atOnce = !this.#recheck && this.#freshCost <= REVEAL_AT_ONCE_NODES;
    this.#freshCost = 0;
    if (!atOnce) {
      if (this.#recheck) {
        const wait = this.#lastRecheck + RECHECK_INTERVAL_MS - performance.now();
        if (wait > 0 && this.#fresh.length === 0) await new Promise((r) => setTimeout(r, wait));
      }
      await afterNextFrame();
      if (!current()) return false;
    }
    if (this.#recheck) this.#lastRecheck = performance.now();
    const candidates = this.#recheck ? this.#store.unseenRecords() : this.#fresh;
    this.#fresh = [];
    this.#recheck = false;
    let deadline = performance.now() + SLICE_MS;
    for (const record of candidates) {
      if (this.#store.isUnseen(record) && isShown(record)) this.#store.reveal(record);
      if (performance.now() > deadline) {
        this.#hooks.onChange?.(this.#store.size);
        await yieldToMain();
        if (!current()) return false;
        deadline = performance.now() + SLICE_MS;
      }
    }
    return true;
  }

  #quietBlocks(): QuietBlocks {
    return new QuietBlocks(this.#store, this.#links);
  }

  /** The observed roots, as pruning sees them: the document counts in the walk's budget. */
  readonly #shadowRoots: ObservedShadowRoots = {
    size: () => this.#observers.size,
    has: (root) => this.#observers.has(root),
    roots: () => [...this.#observers.keys()].filter((root) => root instanceof ShadowRoot),
    unobserve: (root) => this.#unobserve(root),
  };
}
