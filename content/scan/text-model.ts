/**
 * The text model: a page's text read per block, across inline elements, so that `#<span>MeToo</span>`
 * reads as `#MeToo`. Offsets in a run map back to DOM positions that may lie in different text nodes.
 * Reading only: nothing here changes the page.
 */

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
  'metoo-context',
]);

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
  block: Element;
  text: string;
  segments: TextSegment[];
  links: LinkSpan[];
}

export function isInline(element: Element): boolean {
  return INLINE.has(element.localName);
}

/** Whether an element's whole subtree is left unread. */
export function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.localName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The nearest ancestor (or self) that is not inline: the block whose text a node belongs to. */
export function blockOf(node: Node): Element | null {
  let element: Element | null = node instanceof Element ? node : node.parentElement;
  while (element && isInline(element)) element = element.parentElement;
  return element;
}

/**
 * Reads the text runs under a root in document order, a slice at a time. With `ownOnly`, the root is a
 * block whose own text is read again; nested blocks keep theirs.
 */
export class TextRunReader {
  private node: Node | null;
  private readonly root: Node;
  private readonly ownOnly: boolean;
  private run: TextRun | null = null;
  private runParts: string[] = [];
  private runLength = 0;
  private link: LinkSpan | null = null;
  private readonly blocks = new Map<Element, Element | null>();
  /** Open shadow roots met on the way, for the caller to read and observe. */
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(root: Node, options: { ownOnly?: boolean } = {}) {
    this.root = root;
    this.node = root;
    this.ownOnly = options.ownOnly ?? false;
  }

  get done(): boolean {
    return this.node === null;
  }

  /**
   * Reads until the deadline (a `performance.now()` value) or the end, handing each finished run to
   * `onRun`. Returns true when the whole root has been read.
   */
  read(deadline: number, onRun: (run: TextRun) => void): boolean {
    let steps = 0;
    while (this.node) {
      const node = this.node;
      let descend = true;
      if (node.nodeType === Node.TEXT_NODE) {
        this.addText(node as Text, onRun);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        descend = this.enterElement(node as Element, onRun);
      } else if (node.nodeType !== Node.DOCUMENT_NODE && node.nodeType !== 11) {
        descend = false; // comments, processing instructions
      }
      this.node = this.next(node, descend);
      if ((++steps & 255) === 0 && performance.now() > deadline) break;
    }
    if (!this.node) this.flush(onRun);
    return this.node === null;
  }

  private enterElement(element: Element, onRun: (run: TextRun) => void): boolean {
    if (element !== this.root && isSkipped(element)) return false;
    if (element.shadowRoot) this.shadowRoots.push(element.shadowRoot);
    if (element === this.root) return true;
    const name = element.localName;
    const separator = SEPARATORS[name];
    if (separator !== undefined) {
      if (this.run && separator) this.append(separator);
      return false;
    }
    if (!INLINE.has(name)) {
      this.flush(onRun);
      return !this.ownOnly;
    }
    return true;
  }

  private addText(node: Text, onRun: (run: TextRun) => void): void {
    const data = node.data;
    if (data.length === 0) return;
    const parent = node.parentNode;
    const block = parent instanceof Element ? this.cachedBlock(parent) : null;
    if (!block) return;
    if (!this.run || this.run.block !== block) {
      this.flush(onRun);
      this.run = { block, text: '', segments: [], links: [] };
    }
    const link =
      parent instanceof Element ? (parent.closest('a[href]') as HTMLAnchorElement | null) : null;
    if (this.link && this.link.link !== link) this.closeLink();
    if (link && !this.link) this.link = { link, start: this.runLength, end: this.runLength };
    this.run.segments.push({ node, start: this.runLength });
    this.append(data);
    if (this.link) this.link.end = this.runLength;
  }

  private append(text: string): void {
    this.runParts.push(text);
    this.runLength += text.length;
  }

  private closeLink(): void {
    if (this.link && this.run && this.link.end > this.link.start) this.run.links.push(this.link);
    this.link = null;
  }

  private flush(onRun: (run: TextRun) => void): void {
    this.closeLink();
    const run = this.run;
    if (run) {
      run.text = this.runParts.join('');
      if (run.text.length > 0) onRun(run);
    }
    this.run = null;
    this.runParts = [];
    this.runLength = 0;
  }

  private cachedBlock(element: Element): Element | null {
    let block = this.blocks.get(element);
    if (block === undefined) {
      block = blockOf(element);
      this.blocks.set(element, block);
    }
    return block;
  }

  /** The next node in document order within the root, skipping a subtree where `descend` is false. */
  private next(node: Node, descend: boolean): Node | null {
    if (descend && node.firstChild) return node.firstChild;
    let current: Node | null = node;
    while (current && current !== this.root) {
      if (current.nextSibling) return current.nextSibling;
      current = current.parentNode;
    }
    return null;
  }
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
