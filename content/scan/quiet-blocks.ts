/**
 * Which text changes can be passed over without reading their block again: a page rewriting its
 * relative timestamps and like counts many times a second must cost next to nothing. A block that
 * holds no mention and shows no clue (clues.ts: no text node or link of its own does) holds no
 * mention after a change that brings no clue either, so nothing needs reading. Reading only.
 *
 * Most such blocks need no look at all: a full read's candidate search looks at every text node and
 * link, so once it is over, a block it did not meet showed no clue, and can show none until a change
 * that is not quiet (a clue's text, added nodes) has it read again. Only blocks met, read or touched
 * since the full read began are judged one by one.
 *
 * The same holds for whole subtrees the page adds (a virtualized timeline recycling its posts): one
 * whose text nodes and links show no clue is passed over after a look (`lookOver`), not read.
 */
import { hasTextClue, type LinkClues } from './clues';
import type { QuietTest } from './mutation-sorter';
import { isInline, nextWithin, type Block, type TextRun } from './text-model';

/**
 * An added subtree larger than this is read without a look first: the look is not sliced, the read
 * is. A post is a few dozen nodes.
 */
const LOOK_OVER_NODES = 500;

/** What a look over an added subtree found: whether it needs no read, and how many nodes it took. */
export interface LookOver {
  quiet: boolean;
  visited: number;
}

/**
 * What the scanner tells about the mentions it holds. It asks only between reads (records that come
 * while it works wait for it), never while a read has a block's mentions out of the store.
 */
export interface QuietContext {
  /** Whether the store holds mentions (shown or kept aside) read from this block. */
  hasBlock(block: Block): boolean;
}

export class QuietBlocks implements QuietTest {
  readonly #context: QuietContext;
  readonly #links: LinkClues;
  /** Blocks known to show no clue since they were last read or touched. */
  #clear = new WeakSet<Block>();
  /** Whether a full read has ended, so that blocks it did not meet showed no clue. */
  #covered = false;
  /**
   * Blocks judged one by one: those the last full read's candidate search met (they may show a
   * clue), and those read or touched since it began (what it learnt of them may be stale).
   */
  #unsure = new WeakSet<Block>();
  /**
   * Text nodes the scanner has read. Every block that a full read met, that was read or touched
   * since, or that holds a mention, has had its text read (a touched block is read again), so an
   * edit of any other text node, once a full read has covered the page, is in a block that the
   * rules above pass over: judged without looking for its block. Empty text nodes are the exception
   * (no reader keeps them): an edit of one is always judged with its block.
   */
  readonly #read = new WeakSet<Node>();

  constructor(context: QuietContext, links: LinkClues) {
    this.#context = context;
    this.#links = links;
  }

  /** Whether a change that brought `texts` into `block` can neither make nor unmake a mention. */
  isQuiet(block: Block, texts: readonly string[]): boolean {
    if (this.#context.hasBlock(block)) return false;
    for (const text of texts) {
      if (hasTextClue(text)) {
        this.#clear.delete(block);
        return false;
      }
    }
    if (this.#covered && !this.#unsure.has(block)) return true;
    if (this.#clear.has(block)) return true;
    if (showsClue(block, this.#links)) return false;
    this.#clear.add(block);
    return true;
  }

  /**
   * Whether a text edit (a characterData record) can be passed over before its block is known: the
   * node was never read, had text before (a reader passes over empty text nodes, so an empty one may sit in a
   * block that matters; the record's `oldValue` tells), and its new text shows no clue. One look at
   * the node; its ancestors are not walked.
   */
  isQuietEdit(record: MutationRecord): boolean {
    const node = record.target;
    return (
      this.#covered &&
      !!record.oldValue &&
      !this.#read.has(node) &&
      !hasTextClue((node as CharacterData).data)
    );
  }

  /** A run was read: edits of its text nodes are judged with their block. */
  wasRead(run: TextRun): void {
    for (const { node } of run.segments) this.#read.add(node);
  }

  /**
   * Whether a subtree added to the page can be passed over without a read: no text node or link in
   * it shows a clue, as the full read's candidate search would judge them, nor a link around it; it
   * holds no shadow tree (a read would adopt it) and no block whose mentions the store holds (a block
   * the page took out and put back with other text). Its blocks are then as a full read leaves the
   * blocks it did not meet: a later change in them that brings no clue is quiet.
   */
  lookOver(root: Node): LookOver {
    let visited = 0;
    let quiet = true;
    for (let node: Node | null = root; node && quiet; node = nextWithin(node, root))
      quiet = ++visited <= LOOK_OVER_NODES && !this.#mayHoldMention(node);
    // The link around it last: most subtrees that are not quiet have shown it by now.
    return { quiet: quiet && !linkAroundIsClue(root, this.#links), visited };
  }

  #mayHoldMention(node: Node): boolean {
    if (showsClueItself(node, this.#links)) return true;
    return (node instanceof Element || node instanceof ShadowRoot) && this.#context.hasBlock(node);
  }

  /** The block changed in a way not judged here, or was read: what was known of it may be stale. */
  forget(block: Block): void {
    this.#clear.delete(block);
    this.#unsure.add(block);
  }

  /** A full read begins: until it ends, every block is judged one by one. */
  beginFullRead(): void {
    this.#covered = false;
    this.#unsure = new WeakSet();
  }

  /** Blocks a full read's candidate search met; they may show a clue. */
  met(blocks: Iterable<Block>): void {
    for (const block of blocks) this.#unsure.add(block);
  }

  /** The full read has ended: blocks it did not meet, nor read or touched since, show no clue. */
  endFullRead(): void {
    this.#covered = true;
  }
}

/** Whether a block's own text shows a clue, as the full read's candidate search would judge it. */
export function showsClue(block: Block, links: LinkClues): boolean {
  return linkAroundIsClue(block, links) || ownTextShowsClue(block, links);
}

/** Whether the link around a node (or the node itself) names a family tag. */
function linkAroundIsClue(node: Node, links: LinkClues): boolean {
  return node instanceof Element && links.isClue(node.closest('a[href]'));
}

/**
 * Whether a node shows a clue of its own: a text node's text, a family hashtag link, or a shadow
 * tree (left to a real read, which also observes it).
 */
function showsClueItself(node: Node, links: LinkClues): boolean {
  if (node instanceof Text) return hasTextClue(node.data);
  return node instanceof Element && (node.shadowRoot !== null || links.isClue(node));
}

function ownTextShowsClue(parent: Node, links: LinkClues): boolean {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child instanceof Element && !isInline(child)) continue; // a block of its own
    if (showsClueItself(child, links)) return true;
    if (child instanceof Element && ownTextShowsClue(child, links)) return true;
  }
  return false;
}
