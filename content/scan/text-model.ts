/**
 * The text model: a page's text read per block, across inline elements, so that `#<span>MeToo</span>`
 * reads as `#MeToo`. Offsets in a run map back to DOM positions that may lie in different text nodes.
 * Reading only: nothing here changes the page.
 */
import { COMPOSER_ELEMENTS } from '../sites';

/** Elements whose content is never a mention: code, form fields, media, the extension's own card. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'link',
  'meta',
  'metoo-context',
]);

/** Roles of text fields that are not built from a form control. */
const FIELD_ROLES = new Set(['textbox', 'searchbox', 'combobox']);

/** Elements that flow inside a line of text; anything else starts a block of its own. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

/** What an element in the middle of a line reads as: a line break, or an object such as an emoji image. */
const SEPARATORS: Record<string, string> = { br: '\n', img: '\uFFFC', wbr: '' };

/** Where a run's text belongs: a block element, or a shadow root for text at its top level. */
export type Block = Element | ShadowRoot;

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the run's text. */
  start: number;
}

export interface LinkSpan {
  link: HTMLAnchorElement;
  start: number;
  end: number;
}

/** One block's consecutive text, as a reader sees it. */
export interface TextRun {
  block: Block;
  text: string;
  segments: TextSegment[];
  links: LinkSpan[];
}

export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** Whether an element stands in a line of text without holding any (an emoji image, a line break). */
export function isSeparator(element: Element): boolean {
  return element.localName in SEPARATORS;
}

/** Whether an element's whole subtree is left unread. */
export function isSkipped(element: Element): boolean {
  const name = element.localName;
  if (SKIPPED.has(name) || COMPOSER_ELEMENTS.has(name)) return true;
  if (element.hasAttribute('hidden')) return true;
  const role = element.getAttribute('role');
  if (role !== null && FIELD_ROLES.has(role)) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The nearest ancestor (or self) that is not inline: the block whose text a node belongs to. */
export function blockOf(node: Node): Block | null {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current instanceof Element) {
      if (!isInline(current)) return current;
    } else if (current instanceof ShadowRoot) {
      return current;
    } else if (current.nodeType !== Node.TEXT_NODE) {
      return null; // a document or a detached fragment
    }
  }
  return null;
}

/**
 * Whether the full reader, reading `root` (or, with none, the page, through shadow hosts), would
 * leave `node` unread: inside code, a composer, a form field, or inside a line break or an image
 * (read as the separator it is, never entered), where a page may still put text. With `memo`, each
 * ancestor's verdict is kept there and asked first: the blocks of a timeline share most of theirs.
 */
export function unreadWithin(
  node: Node,
  root: Node | null = null,
  memo?: Map<Node, boolean>,
): boolean {
  const walked: Node[] = [];
  let unread = false;
  for (
    let current: Node | null = node;
    current && current !== root;
    current = current instanceof ShadowRoot ? current.host : current.parentNode
  ) {
    const known = memo?.get(current);
    if (known !== undefined) {
      unread = known;
      break;
    }
    if (memo) walked.push(current);
    if (current instanceof Element && (isSkipped(current) || isSeparator(current))) {
      unread = true;
      break;
    }
  }
  // Every node walked lies below where the walk stopped, and shares its verdict.
  for (const at of walked) memo?.set(at, unread);
  return unread;
}

/**
 * What readers have learnt of the elements above the text they read: each one's block and the link
 * around it. Shared by the readers of one slice (the page holds still meanwhile), cleared between.
 */
export class AncestorMemo {
  readonly blocks = new Map<Node, Block | null>();
  readonly links = new Map<Element, HTMLAnchorElement | null>();
  /** Whether a full read leaves each node unread (`unreadWithin`). */
  readonly unread = new Map<Node, boolean>();

  clear(): void {
    this.blocks.clear();
    this.links.clear();
    this.unread.clear();
  }
}

export interface ReaderOptions {
  /** Read only the root block's own text; nested blocks keep theirs. */
  ownOnly?: boolean;
  /**
   * Called when the node the reader had paused at left the page; reading starts again at `block`,
   * whose runs come again from its start.
   */
  onRestart?: (block: Node) => void;
  /** Shared with other readers of the same slice; the reader clears it when it resumes. */
  memo?: AncestorMemo;
}

/** What reads a subtree's runs a slice at a time: the full reader, or one that reads only candidates. */
export interface RunSource {
  /** Reads until the deadline (a `performance.now()` value) or the end; true when all is read. */
  read(deadline: number, onRun: (run: TextRun) => void): boolean;
  /** Nodes visited so far: the cost of the read. */
  readonly visited: number;
  /** Open shadow roots met on the way, for the caller to read and observe. */
  readonly shadowRoots: ShadowRoot[];
}

/**
 * Reads the text runs under a root in document order, a slice at a time. Survives the page changing
 * between slices: when the paused-at node is gone, it goes back to the nearest block still there.
 */
export class TextRunReader implements RunSource {
  #node: Node | null;
  readonly #root: Node;
  readonly #ownOnly: boolean;
  readonly #onRestart: ((block: Node) => void) | undefined;
  #run: TextRun | null = null;
  #runParts: string[] = [];
  #runLength = 0;
  #link: LinkSpan | null = null;
  readonly #memo: AncestorMemo;
  /** Ancestors of the node the reader paused at, nearest first. */
  #trail: Node[] = [];
  /** Open shadow roots met on the way, for the caller to read and observe. */
  readonly shadowRoots: ShadowRoot[] = [];
  /** Nodes visited so far: the cost of the read. */
  visited = 0;

  constructor(root: Node, options: ReaderOptions = {}) {
    this.#root = root;
    this.#node = root;
    this.#ownOnly = options.ownOnly ?? false;
    this.#onRestart = options.onRestart;
    this.#memo = options.memo ?? new AncestorMemo();
  }

  get done(): boolean {
    return this.#node === null;
  }

  /**
   * Reads until the deadline (a `performance.now()` value) or the end, handing each finished run to
   * `onRun`. Returns true when the whole root has been read.
   */
  read(deadline: number, onRun: (run: TextRun) => void): boolean {
    if (this.#node && this.#trail.length > 0) this.#resume();
    let steps = 0;
    while (this.#node) {
      const node = this.#node;
      let descend = true;
      if (node.nodeType === Node.TEXT_NODE) {
        this.#addText(node as Text, onRun);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        descend = this.#enterElement(node as Element, onRun);
      } else if (node !== this.#root) {
        descend = false; // comments, processing instructions
      }
      this.visited += 1;
      this.#node = nextWithin(node, this.#root, descend);
      if ((++steps & 255) === 0 && performance.now() > deadline) break;
    }
    if (this.#node) this.#trail = ancestorsWithin(this.#node, this.#root);
    else this.#flush(onRun);
    return this.#node === null;
  }

  /** After a pause: the page may have moved or removed the node the reader stopped at. */
  #resume(): void {
    this.#memo.clear(); // elements may have moved to other blocks
    const node = this.#node;
    if (!node || this.#holds(node)) return;
    const restart =
      this.#trail.find(
        (ancestor) =>
          ancestor === this.#root ||
          (ancestor instanceof Element && !isInline(ancestor) && this.#holds(ancestor)),
      ) ?? this.#root;
    this.#run = null;
    this.#runParts = [];
    this.#runLength = 0;
    this.#link = null;
    this.#node = restart;
    this.#onRestart?.(restart);
  }

  #holds(node: Node): boolean {
    return node === this.#root || this.#root.contains(node);
  }

  #enterElement(element: Element, onRun: (run: TextRun) => void): boolean {
    if (element === this.#root) {
      if (!this.#ownOnly && element.shadowRoot) this.shadowRoots.push(element.shadowRoot);
      return true;
    }
    if (isSkipped(element)) return false;
    const name = element.localName;
    const separator = SEPARATORS[name];
    if (separator !== undefined) {
      if (this.#run && separator) this.#append(separator);
      return false;
    }
    if (!INLINE.has(name)) {
      this.#flush(onRun);
      if (this.#ownOnly) return false;
    }
    if (element.shadowRoot) this.shadowRoots.push(element.shadowRoot);
    return true;
  }

  #addText(node: Text, onRun: (run: TextRun) => void): void {
    const data = node.data;
    if (data.length === 0) return;
    const parent = node.parentNode;
    const block = parent ? this.#cachedBlock(parent) : null;
    if (!block) return;
    if (!this.#run || this.#run.block !== block) {
      this.#flush(onRun);
      this.#run = { block, text: '', segments: [], links: [] };
    }
    const anchor = parent instanceof Element ? this.#cachedLink(parent) : null;
    if (this.#link && this.#link.link !== anchor) this.#closeLink();
    if (anchor && !this.#link)
      this.#link = { link: anchor, start: this.#runLength, end: this.#runLength };
    this.#run.segments.push({ node, start: this.#runLength });
    this.#append(data);
    if (this.#link) this.#link.end = this.#runLength;
  }

  #append(text: string): void {
    this.#runParts.push(text);
    this.#runLength += text.length;
  }

  #closeLink(): void {
    if (this.#link && this.#run && this.#link.end > this.#link.start)
      this.#run.links.push(this.#link);
    this.#link = null;
  }

  #flush(onRun: (run: TextRun) => void): void {
    this.#closeLink();
    const run = this.#run;
    if (run) {
      run.text = this.#runParts.join('');
      if (run.text.length > 0) onRun(run);
    }
    this.#run = null;
    this.#runParts = [];
    this.#runLength = 0;
  }

  /** The block of a text node's parent; an inline element shares its parent's, so a deep chain costs its depth once. */
  #cachedBlock(parent: Node): Block | null {
    const chain: Node[] = [];
    let block: Block | null | undefined;
    for (let current: Node | null = parent; current; current = current.parentNode) {
      block = this.#memo.blocks.get(current);
      if (block !== undefined) break;
      chain.push(current);
      if (!(current instanceof Element) || !isInline(current)) {
        block = blockOf(current);
        break;
      }
    }
    for (const node of chain) this.#memo.blocks.set(node, block ?? null);
    return block ?? null;
  }

  /** The hashtag link around an element (`closest('a[href]')`), remembered up the chain like blocks. */
  #cachedLink(element: Element): HTMLAnchorElement | null {
    const chain: Element[] = [];
    let link: HTMLAnchorElement | null | undefined;
    for (let current: Element | null = element; current; current = current.parentElement) {
      link = this.#memo.links.get(current);
      if (link !== undefined) break;
      chain.push(current);
      if (current.matches('a[href]')) {
        link = current instanceof HTMLAnchorElement ? current : null;
        break;
      }
    }
    for (const node of chain) this.#memo.links.set(node, link ?? null);
    return link ?? null;
  }
}

/**
 * The node after `node` in tree order, without leaving `root`; null at the end. With `descend`
 * false, the node's own subtree is passed over.
 */
export function nextWithin(node: Node, root: Node, descend = true): Node | null {
  if (descend && node.firstChild) return node.firstChild;
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/** The ancestors of a node up to the root, nearest first: where to go back to if the node leaves. */
export function ancestorsWithin(node: Node, root: Node): Node[] {
  const trail: Node[] = [];
  for (let current = node.parentNode; current; current = current.parentNode) {
    trail.push(current);
    if (current === root) break;
  }
  return trail;
}

/** The DOM position of an offset in a run; `atEnd` picks the node that ends there over the one that starts. */
export function positionAt(
  run: TextRun,
  offset: number,
  atEnd: boolean,
): { node: Text; offset: number } | null {
  const segments = run.segments;
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid];
    if (!segment) break;
    if (atEnd ? segment.start < offset : segment.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  const segment = segments[found];
  if (!segment) return null;
  const within = offset - segment.start;
  if (within > segment.node.data.length) return null; // the offset falls in a separator
  return { node: segment.node, offset: within };
}
