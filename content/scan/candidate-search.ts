/**
 * The first pass of a full read: native tree walks find the blocks that show a clue of a mention
 * (clues.ts) and the open shadow roots, and the document's own list of links gives the hashtag links,
 * without judging each element in script. In slices; reading only.
 */
import { hasTextClue, LONG_TEXT, type LinkClues } from './clues';
import { ancestorsWithin, blockOf, nextWithin, unreadWithin, type Block } from './text-model';

/** How many nodes a walk takes between looks at the clock. */
const CLOCK_EVERY = 256;

/**
 * A TreeWalker that survives the page changing between slices: when the node it paused at has left
 * the root, it goes on from the nearest ancestor still there (what it then meets again is harmless).
 */
class ResumableWalk {
  readonly #root: Node;
  readonly #walker: TreeWalker;
  /** Ancestors of the node the walk paused at, nearest first. */
  #trail: Node[] = [];

  constructor(root: Node, whatToShow: number) {
    this.#root = root;
    const doc = root.ownerDocument ?? (root as Document);
    this.#walker = doc.createTreeWalker(root, whatToShow);
  }

  pause(): void {
    this.#trail = ancestorsWithin(this.#walker.currentNode, this.#root);
  }

  /** The walker, ready to go on from where it paused. */
  resume(): TreeWalker {
    const trail = this.#trail;
    this.#trail = [];
    if (trail.length > 0 && !this.#root.contains(this.#walker.currentNode)) {
      this.#walker.currentNode = trail.find((node) => this.#root.contains(node)) ?? this.#root;
    }
    return this.#walker;
  }
}

type Phase = 'texts' | 'hosts' | 'links' | 'done';

/** The links under a root, in tree order: a live list the browser keeps, read an item at a time. */
type LinkList = { readonly [index: number]: Element | undefined };

function linksUnder(root: Node): LinkList {
  if (root instanceof Element || root instanceof Document) return root.getElementsByTagName('a');
  // A shadow root has no live list of its own; its tree is small next to a page.
  return root instanceof ShadowRoot ? root.querySelectorAll('a') : [];
}

export class CandidateSearch {
  readonly #root: Node;
  readonly #links: LinkClues;
  #phase: Phase = 'texts';
  #walk: ResumableWalk;
  #hosts: Element[] = [];
  #linkList: LinkList = [];
  #nextLink = 0;
  /** The links read so far, the last one to see on resuming whether the page moved the list. */
  #linksRead: Element[] = [];
  /** Set once the list moved: the links read before, to pass over when reading it again. */
  #readBefore: Set<Element> | null = null;
  readonly #met = new Set<Block>();
  /** Blocks that may hold a mention, each once; some may have left the root by the time they are read. */
  readonly blocks: Block[] = [];
  /** Open shadow roots the full reader would meet, for the caller to read and observe. */
  readonly shadowRoots: ShadowRoot[] = [];
  /** Nodes looked at so far: the cost of the search. */
  visited = 0;

  constructor(root: Node, links: LinkClues) {
    this.#root = root;
    this.#links = links;
    this.#walk = new ResumableWalk(root, NodeFilter.SHOW_TEXT);
  }

  /** Searches until the deadline (a `performance.now()` value) or the end; true when done. */
  search(deadline: number): boolean {
    while (this.#phase !== 'done') {
      const finished =
        this.#phase === 'texts'
          ? this.#searchTexts(deadline)
          : this.#phase === 'hosts'
            ? this.#searchHosts(deadline)
            : this.#searchLinks(deadline);
      if (!finished) return false;
    }
    return true;
  }

  #searchTexts(deadline: number): boolean {
    const walker = this.#walk.resume();
    let steps = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      // A long text that no read enters (a page's state as JSON in a script, megabytes on some
      // sites, where a clue may never come) is passed over, spared a scan of every character.
      if ((data.length <= LONG_TEXT || !unreadWithin(node, this.#root)) && hasTextClue(data))
        this.#meetTextOf(node);
      if (++steps % CLOCK_EVERY === 0 && performance.now() > deadline) {
        this.visited += steps;
        return this.#pause();
      }
    }
    this.visited += steps;
    this.#phase = 'hosts';
    this.#walk = new ResumableWalk(this.#root, NodeFilter.SHOW_ELEMENT);
    return true;
  }

  #searchHosts(deadline: number): boolean {
    const walker = this.#walk.resume();
    let steps = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node as Element).shadowRoot) this.#hosts.push(node as Element);
      if (++steps % CLOCK_EVERY === 0 && performance.now() > deadline) {
        this.visited += steps;
        return this.#pause();
      }
    }
    this.visited += steps;
    this.#adoptShadowRoots();
    this.#phase = 'links';
    this.#linkList = linksUnder(this.#root);
    return true;
  }

  #searchLinks(deadline: number): boolean {
    // The page may have added or removed links before the index since the last slice: then the
    // list is read again from its start, past the links already read. Links the page adds come as
    // mutations too, read on their own.
    const last = this.#linksRead.at(-1);
    if (last && this.#linkList[this.#nextLink - 1] !== last) {
      this.#readBefore = new Set(this.#linksRead);
      this.#nextLink = 0;
    }
    const judged = new Map<string, boolean>();
    for (let link = this.#linkList[this.#nextLink]; link; link = this.#linkList[this.#nextLink]) {
      this.#nextLink += 1;
      if (!this.#readBefore?.has(link)) this.#readLink(link, judged);
      if (this.#nextLink % CLOCK_EVERY === 0 && performance.now() > deadline) return false;
    }
    this.#linkList = [];
    this.#linksRead = [];
    this.#readBefore = null;
    this.#phase = 'done';
    return true;
  }

  #readLink(link: Element, judged: Map<string, boolean>): void {
    this.#linksRead.push(link);
    if (this.#isClue(link, judged)) this.#meetLink(link);
  }

  /**
   * Whether a link names a family tag, judged once per `href` in a slice: the page holds still
   * within one, so a link's URL (its `href` against the document's base) and the verdict follow from
   * the attribute alone. A timeline repeats a few dozen hashtag links thousands of times.
   */
  #isClue(link: Element, judged: Map<string, boolean>): boolean {
    if (!(link instanceof HTMLAnchorElement)) return false;
    const href = link.getAttribute('href');
    if (href === null) return false;
    let clue = judged.get(href);
    if (clue === undefined) {
      clue = this.#links.isClue(link);
      judged.set(href, clue);
    }
    return clue;
  }

  #pause(): false {
    this.#walk.pause();
    return false;
  }

  #meetTextOf(node: Node): void {
    const parent = node.parentNode;
    const block = parent ? blockOf(parent) : null;
    if (!block || this.#met.has(block)) return;
    this.#met.add(block);
    this.blocks.push(block);
  }

  /**
   * A family hashtag link's text may span blocks nested in it: each is a candidate. Walked by hand:
   * a TreeWalker per link is one more object on the page's DOM heap per link, and on a page of
   * 400,000 nodes an allocation there now and then pays for sweeping that heap (~100 ms, traced).
   */
  #meetLink(link: Element): void {
    for (let node: Node | null = link.firstChild; node; node = nextWithin(node, link)) {
      if (node.nodeType === Node.TEXT_NODE) this.#meetTextOf(node);
    }
  }

  /** The root's own shadow tree, and those of hosts the full reader would enter. */
  #adoptShadowRoots(): void {
    const own = this.#root instanceof Element ? this.#root.shadowRoot : null;
    if (own) this.shadowRoots.push(own);
    for (const host of this.#hosts) {
      const shadow = host.shadowRoot;
      if (shadow && this.#root.contains(host) && !unreadWithin(host, this.#root)) {
        this.shadowRoots.push(shadow);
      }
    }
    this.#hosts = [];
  }
}
