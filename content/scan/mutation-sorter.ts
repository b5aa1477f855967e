/**
 * Sorts a batch of MutationRecords into the work it calls for: subtrees to read, blocks whose own
 * text to read again, removed and hidden subtrees whose mentions go, and whether the page restyled
 * itself. Reads the DOM, changes nothing, keeps no state: the scanner decides what to do with it.
 */
import { blockOf, isInline, isSeparator, isSkipped, type Block } from './text-model';

/** A subtree to read: a block or shadow root whole, or the blocks nested in an added inline element. */
export interface AddedSubtree {
  kind: 'subtree' | 'nested';
  root: Node;
}

export interface SortedMutations {
  /** Added subtrees still on the page, none inside another: each is read once, with all it holds. */
  added: AddedSubtree[];
  /** Blocks whose own text changed: outside the added subtrees, or in one when not quiet. */
  touched: Block[];
  /** Removed elements whose mentions may have to go. */
  removed: Node[];
  /** Elements hidden, or made a field or editable, by an attribute: their mentions go. */
  concealed: Element[];
  /** Classes or styles changed: text kept aside as hidden may be shown now. */
  restyled: boolean;
  /** Elements whose children or attributes changed: a shadow root may have been attached to one. */
  hosts: Element[];
}

/** Which text changes can be passed over: they can neither make nor unmake a mention. */
export interface QuietTest {
  /** A text edit (characterData) passed over before its block is known: text no read has met. */
  isQuietEdit(record: MutationRecord): boolean;
  /** A change that brought `added` into `block` (a characterData change's data, added text nodes). */
  isQuiet(block: Block, added: readonly string[]): boolean;
}

/** What a batch of records asks the scanner to do. */
export function sortMutations(
  records: Iterable<MutationRecord>,
  quiet: QuietTest,
): SortedMutations {
  const batch = new Batch(quiet);
  for (const record of records) batch.note(record);
  return batch.sorted();
}

class Batch {
  readonly #quiet: QuietTest;
  readonly #added = new Set<Node>();
  readonly #touched = new Set<Block>();
  readonly #removed: Node[] = [];
  readonly #concealed: Element[] = [];
  readonly #hosts: Element[] = [];
  #restyled = false;

  constructor(quiet: QuietTest) {
    this.#quiet = quiet;
  }

  note(record: MutationRecord): void {
    const target = record.target;
    if (record.type === 'characterData') {
      if (this.#quiet.isQuietEdit(record)) return;
      const block = blockOf(target);
      if (block && !this.#quiet.isQuiet(block, [(target as CharacterData).data]))
        this.#touched.add(block);
      return;
    }
    if (target instanceof Element) this.#hosts.push(target);
    if (record.type === 'attributes') {
      const name = record.attributeName;
      if (name === 'href')
        this.#touch(target); // a link's new address may name a family tag
      else if (name === 'open' || name === 'class' || name === 'style') this.#restyled = true;
      // `hidden`, `role` or `contenteditable`: the element is read again, or let go, whatever the
      // old value was (pages seldom change these; old values would cost the content script bytes).
      else this.#skipChanged(target as Element);
      return;
    }
    // Read once a record, and by index, not iterated: in an isolated world a NodeList's iterator
    // costs about 2.5 times its index (0.38 against 0.15 µs an item, hot); a scrolling timeline
    // brings records by the hundred.
    const { removedNodes, addedNodes } = record;
    if (this.#isQuietTextSwap(target, removedNodes, addedNodes)) return;
    for (let i = 0; i < removedNodes.length; i++)
      this.#noteRemoved(removedNodes[i] as Node, record);
    for (let i = 0; i < addedNodes.length; i++) this.#noteAdded(addedNodes[i] as Node, target);
  }

  sorted(): SortedMutations {
    const added: AddedSubtree[] = [];
    // An added subtree whose ancestor was added in the same batch is read with that ancestor.
    for (const node of this.#added) {
      if (!node.isConnected || hasAncestorIn(node, this.#added)) continue;
      added.push({
        kind: node instanceof Element && isInline(node) ? 'nested' : 'subtree',
        root: node,
      });
    }
    const touched: Block[] = [];
    // A touched block inside an added subtree is read with it, unless it may hold a mention (not
    // quiet: it holds mentions, or shows a clue): one moved and changed in the same batch may show
    // no text now, and the subtree's read lets go of a block's mentions only where it finds text.
    // Its own read lets go of them first.
    for (const block of this.#touched) {
      if (
        !(this.#added.has(block) || hasAncestorIn(block, this.#added)) ||
        !this.#quiet.isQuiet(block, [])
      )
        touched.push(block);
    }
    return {
      added,
      touched,
      removed: this.#removed,
      concealed: this.#concealed,
      restyled: this.#restyled,
      hosts: this.#hosts,
    };
  }

  /** Text nodes swapped for text nodes (`textContent = '6m'`) in a block where that changes nothing. */
  #isQuietTextSwap(target: Node, removedNodes: NodeList, addedNodes: NodeList): boolean {
    for (let i = 0; i < removedNodes.length; i++)
      if (!(removedNodes[i] instanceof Text)) return false;
    const texts: string[] = [];
    for (let i = 0; i < addedNodes.length; i++) {
      const node = addedNodes[i];
      if (!(node instanceof Text)) return false;
      texts.push(node.data);
    }
    const block = blockOf(target);
    return block !== null && this.#quiet.isQuiet(block, texts);
  }

  #touch(node: Node): void {
    const block = blockOf(node);
    if (block) this.#touched.add(block);
  }

  #noteAdded(node: Node, parent: Node): void {
    if (node instanceof Text) {
      if (joinsText(node, parent, node.previousSibling, node.nextSibling)) this.#touch(parent);
      return;
    }
    if (!(node instanceof Element) || isSkipped(node)) return; // comments, scripts, our own card
    if (isSeparator(node)) {
      this.#touch(parent);
    } else if (isInline(node)) {
      this.#touch(parent);
      if (node.firstElementChild || node.shadowRoot) this.#added.add(node);
    } else {
      this.#added.add(node);
      if (betweenText(parent, node.previousSibling, node.nextSibling)) this.#touch(parent);
    }
  }

  #noteRemoved(node: Node, record: MutationRecord): void {
    const parent = record.target;
    if (node instanceof Text) {
      if (joinsText(node, parent, record.previousSibling, record.nextSibling)) this.#touch(parent);
      return;
    }
    if (!(node instanceof Element)) return;
    if (isSeparator(node)) {
      this.#touch(parent);
      return;
    }
    // An element left unread splits no run, unless it was hidden in this same batch (its hiding,
    // see below, lets go of what was read in it): its going may join the text either side.
    if (isInline(node) || betweenText(parent, record.previousSibling, record.nextSibling))
      this.#touch(parent);
    if (!isSkipped(node) && (!isInline(node) || node.firstElementChild || node.shadowRoot))
      this.#removed.push(node);
  }

  /**
   * The element became one the reader leaves (hidden, a field, editable) or stopped being one: its
   * text leaves or joins the page's text. It may have left the page in the same batch (the removal,
   * passing over a skipped element, did not note it): what was read in it goes all the same.
   */
  #skipChanged(element: Element): void {
    const parent = element.parentNode;
    if (
      parent &&
      (isInline(element) || betweenText(parent, element.previousSibling, element.nextSibling))
    )
      this.#touch(parent);
    if (isSkipped(element)) this.#concealed.push(element);
    else if (!isInline(element) || element.firstElementChild) this.#added.add(element);
  }
}

function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (set.has(parent)) return true;
  }
  return false;
}

/**
 * Whether a block added or removed here, or hidden or shown, stands between text of its parent's
 * block: there the parent's runs split or join (`#Me<div>…</div>Too` reads as two runs, and as
 * `#MeToo` once the div goes or is hidden), so the parent's own text is read again.
 */
function betweenText(parent: Node, before: Node | null, after: Node | null): boolean {
  if (parent instanceof Element && isInline(parent)) return true; // its block's run goes on past it
  return textOnSide(before, false) && textOnSide(after, true);
}

/**
 * Whether a text node added or removed here changes its parent's runs: text that is not white space
 * does, and white space does only between text (the newlines a timeline keeps between posts do not).
 */
function joinsText(text: Text, parent: Node, before: Node | null, after: Node | null): boolean {
  return /\S/.test(text.data) || betweenText(parent, before, after);
}

/**
 * Whether, going this way from `node`, the run meets text before a block ends it. Elements left
 * unread are passed (a reader reads across them), as are empty and white-space text nodes, which
 * can join no words (a timeline's newlines between posts).
 */
function textOnSide(node: Node | null, forward: boolean): boolean {
  for (let at = node; at; at = forward ? at.nextSibling : at.previousSibling) {
    if (at instanceof Text) {
      if (/\S/.test(at.data)) return true;
    } else if (at instanceof Element && !isSkipped(at)) {
      return isInline(at) || isSeparator(at);
    }
  }
  return false;
}
