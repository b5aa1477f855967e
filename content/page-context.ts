/**
 * The content script's life on one page, in place of WXT's ContentScriptContext: that one posts the
 * extension's id to the page (`postMessage(…, '*')`) and stops when the page forges its "script
 * started" event (wxt-dev/wxt#1359, #2265). This one says nothing to the page. A newer script of ours
 * (after an update or a reload, or injected again) leaves its marker in the isolated world, which the
 * page can neither see nor set, and retires the one whose marker it replaced.
 */
import { browser } from 'wxt/browser';

const MARKER = Symbol.for('metoo-context/running-script');

interface Marker {
  /** Called by the script that replaced this marker. */
  retire(): void;
}

type Holder = Record<symbol, Marker | undefined>;

/** How often a page without the Navigation API is checked for a new address (single-page apps). */
const LOCATION_POLL_MS = 1000;

export class PageContext {
  readonly #controller = new AbortController();

  /** `scope` is the isolated world's global object (a stand-in in unit tests). */
  constructor(scope: object = globalThis) {
    const holder = scope as Holder;
    const previous = holder[MARKER];
    const marker: Marker = {
      retire: () => {
        // Only a real newer script has replaced the marker; anything else changes nothing.
        if (holder[MARKER] !== marker) this.invalidate();
      },
    };
    holder[MARKER] = marker;
    previous?.retire();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Whether this script is done: retired, or the extension was reloaded, updated or removed. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.invalidate();
    return this.signal.aborted;
  }

  /** Runs `step` when this script is done; returns a function that cancels that. */
  onInvalidated(step: () => void): () => void {
    this.signal.addEventListener('abort', step);
    return () => this.signal.removeEventListener('abort', step);
  }

  invalidate(): void {
    this.#controller.abort();
  }

  /** An interval that stops with the script (and notices first when the extension is gone). */
  setInterval(step: () => void, ms: number): void {
    const id = setInterval(() => {
      if (!this.isInvalid) step();
    }, ms);
    this.onInvalidated(() => clearInterval(id));
  }

  /** A listener that goes with the script. */
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    listener: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    listener: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    listener: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  /**
   * Calls `step` when a single-page app moves to another address. The browser's own navigations
   * only: a `navigate` event the page dispatched is not isTrusted.
   */
  onLocationChange(step: () => void): void {
    let last = location.href;
    const changed = (next: string) => {
      if (next === last) return;
      last = next;
      step();
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => {
          const url = (event as Event & { destination?: { url?: unknown } }).destination?.url;
          if (event.isTrusted && typeof url === 'string') changed(url);
        },
        { signal: this.signal },
      );
    } else {
      this.setInterval(() => changed(location.href), LOCATION_POLL_MS);
    }
  }
}
