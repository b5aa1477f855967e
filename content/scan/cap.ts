/**
 * Keeps the highlight on the mentions nearest the viewport once a page shows more than the store's
 * limit: ranks every shown mention by the distance of its box to the viewport, in slices after the
 * page's next frame (when layout is fresh), and ranks again when the page has scrolled far enough
 * that a held mention may have come nearer than a highlighted one, was resized, or more were held.
 * Reads layout only; never writes into the page.
 */
import { liveRange } from '../live-range';
import { shownRecords } from '../mention-summary';
import type { MentionRecord, MentionStore } from '../mentions';
import { SLICE_MS, afterNextFrame, yieldToMain } from './yield';

/**
 * Whether the store holds shown mentions out of the highlight. It fills the highlight before it
 * holds any, so some are held exactly when it shows more than its limit.
 */
export function holdsAny(store: MentionStore): boolean {
  return store.size > store.limit;
}

/** Ranks start at most this often, however fast the page scrolls or grows. */
const RANK_INTERVAL_MS = 500;
/** While mentions keep being held (a big page being read), a rank waits for a pause, this long at most. */
const HOLD_WAIT_MS = 3_000;
/**
 * A range's box in a text node this long costs a walk over all its lines (~20 ms for 10 MB): there
 * the mention's place is estimated from its offset within the node's element instead.
 */
const LONG_TEXT = 100_000;

/** A box in page coordinates (viewport coordinates plus the scroll offsets when it was measured). */
interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How far a box lies outside the viewport, across plus down; 0 inside it, Infinity when not drawn. */
export function distanceToViewport(box: PageBox | null, viewport: PageBox): number {
  if (!box) return Number.POSITIVE_INFINITY;
  const across = Math.max(0, viewport.left - box.right, box.left - viewport.right);
  const down = Math.max(0, viewport.top - box.bottom, box.top - viewport.bottom);
  return across + down;
}

/**
 * The `limit` items with the smallest distances (ties go to the earlier items), and the distance of
 * the farthest chosen. Linear: a selection, not a sort, over what may be 100,000 mentions.
 */
export function nearest<T>(
  items: readonly T[],
  distances: Float64Array,
  limit: number,
): { chosen: Set<T>; reach: number } {
  if (items.length <= limit) {
    return { chosen: new Set(items), reach: distances.reduce((a, b) => Math.max(a, b), 0) };
  }
  const threshold = kthSmallest(Float64Array.from(distances), limit - 1);
  const chosen = new Set<T>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item !== undefined && (distances[i] ?? Number.POSITIVE_INFINITY) < threshold)
      chosen.add(item);
  }
  for (let i = 0; i < items.length && chosen.size < limit; i++) {
    const item = items[i];
    if (item !== undefined && distances[i] === threshold) chosen.add(item);
  }
  return { chosen, reach: threshold };
}

/** The k-th smallest value (from 0), by quickselect; reorders `values`. */
export function kthSmallest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1] ?? 0;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return values[k] ?? Number.POSITIVE_INFINITY;
}

export class ViewportCap {
  readonly #store: MentionStore;
  readonly #win: Window;
  /** One live range, set to each mention measured in turn. */
  readonly #scratch = new Range();
  #stopped = true;
  /** Bumped on every stop, so a rank from before it ends at its next yield. */
  #generation = 0;
  #ranking = false;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastRank = Number.NEGATIVE_INFINITY;
  /** When the first mention held since the last rank was held. */
  #heldSince: number | null = null;
  /** The farthest highlighted mention's distance at the last rank: scrolling less than half keeps the nearest. */
  #reach = Number.POSITIVE_INFINITY;
  /** How far the page and its scrollers have moved since the last rank, and where each was last seen. */
  #moved = 0;
  #scrolls = new Map<EventTarget, { x: number; y: number }>();
  /**
   * Scrolling is followed only while a mention is held: a listener in the extension costs each
   * scroll event of the page a call across, 60 a second while a timeline scrolls.
   */
  readonly #scrolled = (event: Event) => this.#onScroll(event);
  #following = false;

  constructor(store: MentionStore, win: Window) {
    this.#store = store;
    this.#win = win;
    store.onHold = () => this.#onHold();
  }

  /** Follows the page's size, and its scrolling while mentions are held, until the signal aborts. */
  listen(signal: AbortSignal): void {
    this.#stopped = false;
    this.#win.addEventListener('resize', () => this.schedule(), {
      capture: true,
      passive: true,
      signal,
    });
    signal.addEventListener('abort', () => this.stop());
    if (holdsAny(this.#store)) this.schedule();
    this.#followScroll(holdsAny(this.#store));
  }

  /** Whether the cap is following the page's scroll events: only while mentions are held. */
  get followsScroll(): boolean {
    return this.#following;
  }

  #followScroll(on: boolean): void {
    if (on === this.#following || (on && this.#stopped)) return;
    this.#following = on;
    const options = { capture: true, passive: true };
    if (on) this.#win.addEventListener('scroll', this.#scrolled, options);
    else this.#win.removeEventListener('scroll', this.#scrolled, options);
  }

  stop(): void {
    this.#followScroll(false);
    this.#stopped = true;
    this.#generation += 1;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#again = false;
  }

  /** Ranks again soon, at most once per interval. */
  schedule(): void {
    if (this.#stopped) return;
    if (this.#ranking) {
      this.#again = true;
      return;
    }
    if (this.#timer !== null) return;
    const wait = Math.max(0, this.#lastRank + RANK_INTERVAL_MS - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#rank();
    }, wait);
  }

  /** Each measuring of 100,000 mentions leaves 100,000 boxes to collect: one rank per pause in the reading. */
  #onHold(): void {
    if (this.#stopped) return;
    this.#followScroll(true);
    const now = performance.now();
    this.#heldSince ??= now;
    if (this.#ranking || now - this.#heldSince >= HOLD_WAIT_MS) {
      this.schedule();
      return;
    }
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#rank();
    }, RANK_INTERVAL_MS);
  }

  #onScroll(event: Event): void {
    if (!holdsAny(this.#store)) {
      this.#followScroll(false);
      return;
    }
    const target = event.target;
    const at = scrollOffsets(target, this.#win);
    if (!target || !at) return;
    const last = this.#scrolls.get(target);
    this.#scrolls.set(target, at);
    if (last) this.#moved += Math.abs(at.x - last.x) + Math.abs(at.y - last.y);
    if (this.#moved > this.#reach / 2) this.schedule();
  }

  async #rank(): Promise<void> {
    if (this.#stopped || !holdsAny(this.#store)) return;
    const generation = this.#generation;
    const current = () => generation === this.#generation;
    this.#ranking = true;
    this.#heldSince = null;
    try {
      await afterNextFrame();
      if (!current()) return;
      const records = shownRecords(this.#store);
      const boxes: (PageBox | null)[] = [];
      const elementBoxes = new Map<Element, DOMRect>();
      let deadline = performance.now() + SLICE_MS;
      for (const record of records) {
        boxes.push(this.#measure(record, elementBoxes));
        if ((boxes.length & 63) === 0 && performance.now() > deadline) {
          await yieldToMain();
          if (!current()) return;
          deadline = performance.now() + SLICE_MS;
        }
      }
      // Boxes are in page coordinates: the window may have scrolled while they were measured.
      const viewport = this.#viewport();
      const distances = Float64Array.from(boxes, (box) => distanceToViewport(box, viewport));
      const { chosen, reach } = nearest(records, distances, this.#store.limit);
      this.#store.highlightOnly(chosen);
      this.#followScroll(holdsAny(this.#store));
      this.#reach = reach;
      this.#moved = 0;
      this.#scrolls = new Map([[this.#win.document, { x: viewport.left, y: viewport.top }]]);
    } finally {
      this.#ranking = false;
      this.#lastRank = performance.now();
      if (this.#again && current()) {
        this.#again = false;
        this.schedule();
      }
    }
  }

  #viewport(): PageBox {
    const { scrollX, scrollY, innerWidth, innerHeight } = this.#win;
    return {
      left: scrollX,
      top: scrollY,
      right: scrollX + innerWidth,
      bottom: scrollY + innerHeight,
    };
  }

  /** A mention's box in page coordinates, or null when it is not drawn. */
  #measure(record: MentionRecord, elementBoxes: Map<Element, DOMRect>): PageBox | null {
    const { scrollX, scrollY } = this.#win;
    const start = record.range.startContainer;
    const element = start.parentElement;
    let box: DOMRect;
    if (start instanceof Text && start.length > LONG_TEXT && element) {
      // The mention's line, estimated: its share of the node's text down the element's height.
      let outer = elementBoxes.get(element);
      if (!outer) {
        outer = element.getBoundingClientRect();
        elementBoxes.set(element, outer);
      }
      const y = outer.top + (outer.height * record.range.startOffset) / start.length;
      box = new DOMRect(outer.left, y, outer.width, 0);
      if (outer.width === 0 && outer.height === 0) return null;
    } else {
      box = liveRange(record.range, this.#scratch).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return null;
    }
    return {
      left: box.left + scrollX,
      top: box.top + scrollY,
      right: box.right + scrollX,
      bottom: box.bottom + scrollY,
    };
  }
}

/** Where a scrolled target (the document or an element) stands now. */
function scrollOffsets(target: EventTarget | null, win: Window): { x: number; y: number } | null {
  if (target instanceof Element) return { x: target.scrollLeft, y: target.scrollTop };
  if (target === win.document) return { x: win.scrollX, y: win.scrollY };
  return null;
}
