/**
 * A full read of a large subtree that reads only what may hold a mention: a candidate search first
 * (candidate-search.ts), then the exact reader on each candidate block's own text. Finds the runs'
 * mentions the full reader finds, at about the cost of walking the page's text. In slices.
 */
import { CandidateSearch } from './candidate-search';
import type { LinkClues } from './clues';
import {
  AncestorMemo,
  TextRunReader,
  unreadWithin,
  type ReaderOptions,
  type Block,
  type RunSource,
  type TextRun,
} from './text-model';

/** How many blocks are read between looks at the clock. */
const CLOCK_EVERY = 16;

export class SparseRunReader implements RunSource {
  readonly #root: Node;
  readonly #search: CandidateSearch;
  readonly #onRestart: ReaderOptions['onRestart'];
  #next = 0;
  #block: TextRunReader | null = null;
  #blocksVisited = 0;
  /** What the block readers of the current slice learn of the elements above their blocks. */
  readonly #memo = new AncestorMemo();

  /** `links` knows the page's site's hashtag links. */
  constructor(root: Node, links: LinkClues, options: Pick<ReaderOptions, 'onRestart'> = {}) {
    this.#root = root;
    this.#search = new CandidateSearch(root, links);
    this.#onRestart = options.onRestart;
  }

  get shadowRoots(): ShadowRoot[] {
    return this.#search.shadowRoots;
  }

  /** The blocks the candidate search met (those that show a clue), so far. */
  metBlocks(): readonly Block[] {
    return this.#search.blocks;
  }

  get visited(): number {
    return this.#search.visited + this.#blocksVisited + (this.#block?.visited ?? 0);
  }

  /** Reads until the deadline or the end, handing each run to `onRun`; true when all is read. */
  read(deadline: number, onRun: (run: TextRun) => void): boolean {
    this.#memo.clear(); // the page may have changed since the last slice
    if (!this.#search.search(deadline)) return false;
    for (let steps = 1; ; steps++) {
      if (steps % CLOCK_EVERY === 0 && performance.now() > deadline) return false;
      if (!this.#block) {
        const block = this.#search.blocks[this.#next++];
        if (!block) return true;
        // The page may have moved the block, or hidden it, since the search met it.
        if (!this.#root.contains(block) || unreadWithin(block, this.#root, this.#memo.unread))
          continue;
        this.#block = new TextRunReader(block, {
          ownOnly: true,
          onRestart: this.#onRestart,
          memo: this.#memo,
        });
      }
      if (!this.#block.read(deadline, onRun)) return false;
      this.#blocksVisited += this.#block.visited;
      this.#block = null;
    }
  }
}
