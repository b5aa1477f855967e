/**
 * Keeps the page's mentions in step with its DOM: reads the whole page once, then only what each
 * mutation batch touched, in slices that yield to the page. One MutationObserver per root (the
 * document and every open shadow root). Never writes into the page.
 */
import { MentionStore, type MentionRecord } from '../mentions';
import { mentionsInRun, rangeInRun, type TagOptions } from './run-mentions';
import { TextRunReader, blockOf, isInline, isSkipped, type TextRun } from './text-model';
import { SLICE_MS, yieldToMain } from './yield';

/** Above this many records in one batch, one rescan of the page costs less than piecemeal work. */
const RESCAN_THRESHOLD = 2000;

interface Job {
  root: Node;
  /** Read only the root block's own text: its nested blocks are unchanged. */
  ownOnly: boolean;
}

export interface ScannerHooks {
  /** Called after each batch of work with the store's new size. */
  onChange?: (count: number) => void;
  /** Called for each open shadow root met, so its tree can style the highlight. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

export class PageScanner {
  private readonly store: MentionStore;
  private readonly options: () => TagOptions;
  private readonly hooks: ScannerHooks;
  private readonly observers: MutationObserver[] = [];
  private observed = new WeakSet<Node>();
  private queue: Job[] = [];
  private pendingBlocks = new Set<Element>();
  private needsPrune = false;
  private draining: Promise<void> | null = null;
  private stopped = false;
  /** Bumped on every stop, so a drain from before it ends at its next yield. */
  private generation = 0;
  private doc: Document | null = null;

  constructor(store: MentionStore, options: () => TagOptions, hooks: ScannerHooks = {}) {
    this.store = store;
    this.options = options;
    this.hooks = hooks;
  }

  /** Reads the document and follows its changes. */
  start(doc: Document): Promise<void> {
    this.stopped = false;
    this.doc = doc;
    this.observe(doc);
    return this.rescan();
  }

  /** Forgets every mention and reads the page again (settings changed, or too much changed at once). */
  rescan(): Promise<void> {
    if (!this.doc) return Promise.resolve();
    this.queue = [{ root: this.doc.body ?? this.doc.documentElement, ownOnly: false }];
    this.pendingBlocks.clear();
    this.store.clear();
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
    for (const observer of this.observers) observer.disconnect();
    this.observers.length = 0;
    this.observed = new WeakSet<Node>();
    this.queue = [];
    this.pendingBlocks.clear();
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push(observer);
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (records.length > RESCAN_THRESHOLD) {
      void this.rescan();
      return;
    }
    const added = new Set<Node>();
    for (const record of records) {
      if (record.type === 'characterData') {
        this.markBlock(record.target);
        continue;
      }
      if (record.removedNodes.length > 0) {
        this.needsPrune = true;
        for (const node of record.removedNodes)
          if (!isBlockNode(node)) this.markBlock(record.target);
      }
      for (const node of record.addedNodes) {
        if (isBlockNode(node)) added.add(node);
        else this.markBlock(record.target);
      }
    }
    // An added subtree whose ancestor was added in the same batch is read with that ancestor.
    for (const node of added) {
      if (!node.isConnected || hasAncestorIn(node, added)) continue;
      this.queue.push({ root: node, ownOnly: false });
    }
    void this.schedule();
  }

  private markBlock(node: Node): void {
    const block = blockOf(node);
    if (block && !this.pendingBlocks.has(block)) {
      this.pendingBlocks.add(block);
      this.queue.push({ root: block, ownOnly: true });
    }
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
    await Promise.resolve(); // let the batch that scheduled this finish queueing
    let deadline = performance.now() + SLICE_MS;
    while (current()) {
      if (this.needsPrune) {
        this.needsPrune = false;
        this.store.prune();
      }
      const job = this.queue.shift();
      if (!job) break;
      if (job.ownOnly && job.root instanceof Element) this.pendingBlocks.delete(job.root);
      if (!job.root.isConnected || insideSkipped(job.root)) continue;
      if (job.ownOnly && job.root instanceof Element) this.store.clearBlock(job.root);
      const reader = new TextRunReader(job.root, { ownOnly: job.ownOnly });
      const seen = new Set<Element>();
      const onRun = (run: TextRun) => this.record(run, seen, job.ownOnly);
      while (!reader.read(deadline, onRun)) {
        await yieldToMain();
        if (!current()) return;
        deadline = performance.now() + SLICE_MS;
      }
      for (const shadowRoot of reader.shadowRoots) {
        if (this.observed.has(shadowRoot)) continue;
        this.observe(shadowRoot);
        this.hooks.onShadowRoot?.(shadowRoot);
        this.queue.push({ root: shadowRoot, ownOnly: false });
      }
      if (performance.now() > deadline) {
        this.hooks.onChange?.(this.store.size);
        await yieldToMain();
        if (!current()) return;
        deadline = performance.now() + SLICE_MS;
      }
    }
    if (current()) this.hooks.onChange?.(this.store.size);
  }

  private record(run: TextRun, seen: Set<Element>, ownOnly: boolean): void {
    if (!ownOnly && !seen.has(run.block)) {
      seen.add(run.block);
      this.store.clearBlock(run.block);
    }
    for (const mention of mentionsInRun(run, this.options())) {
      const range = rangeInRun(run, mention.start, mention.end);
      if (!range) continue;
      const nodes = run.segments
        .filter((s) => s.start < mention.end && s.start + s.node.data.length > mention.start)
        .map((s) => s.node);
      const first = nodes[0]?.parentElement;
      if (first && typeof first.checkVisibility === 'function' && !first.checkVisibility())
        continue;
      const record: MentionRecord = {
        range,
        tag: mention.tag,
        text: run.text.slice(mention.start, mention.end),
        block: run.block,
        link: (first?.closest('a[href]') as HTMLAnchorElement | null) ?? null,
        nodes,
      };
      this.store.add(record);
    }
  }
}

function isBlockNode(node: Node): node is Element {
  return node instanceof Element && !isInline(node);
}

function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (set.has(parent)) return true;
  }
  return false;
}

/** Whether a node sits in a part of the page that is never read (an editor, code, a form field). */
function insideSkipped(node: Node): boolean {
  for (let element = node instanceof Element ? node : node.parentElement; element;) {
    if (isSkipped(element)) return true;
    const parent: Element | null = element.parentElement;
    element = parent ?? ((element.getRootNode() as ShadowRoot).host || null);
  }
  return false;
}
