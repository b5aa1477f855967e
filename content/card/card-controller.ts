/**
 * Drives the card: turns pointer, focus and key events into state-machine events, runs the machine's
 * effects (timers, open, close) and keeps focus where a keyboard user expects it.
 */
import { liveRange } from '../live-range';
import type { MentionRecord, MentionStore } from '../mentions';
import { nextWithin, type Block } from '../scan/text-model';
import { mentionAmong, mentionAtPoint, mentionOfLink } from '../scan/hit-test';
import type { CardSurface } from './card-module';
import { later } from './reader-timer';
import {
  DEFAULT_MACHINE_OPTIONS,
  transition,
  type CardEffect,
  type CardEvent,
  type CardState,
  type MachineOptions,
} from './machine';
import type { Theme } from '../settings/schema';

export interface CardControllerOptions {
  machine: () => MachineOptions;
  theme: () => Theme;
  shadowRoots: () => ShadowRoot[];
}

/** A move's target with more nodes under it than this is hit-tested rather than walked. */
const WALKED_MOST = 64;

/** The pointer is on the card (see `#hovered`). */
const ON_CARD = 'card';

export class CardController {
  #state: CardState<MentionRecord> = { name: 'idle' };
  /** Cancels the pending dwell or grace timer. */
  #timer: (() => void) | null = null;
  /**
   * What the pointer is over: a mention, the card, or neither. Leaving the card is leaving the mention
   * it came from too: back on that mention is an enter again, and a card closed under the pointer (its
   * Close button, Escape) sees the leave it waits for before the mention opens again.
   */
  #hovered: MentionRecord | typeof ON_CARD | null = null;
  #returnFocusTo: HTMLElement | null = null;
  #frame = 0;
  #movingFocus = false;
  #lastPoint: {
    x: number;
    y: number;
    touch: boolean;
    time: number;
    /** The text under the move's target when its path runs through a mention's block; null: unknown. */
    texts: Text[] | null;
  } | null = null;
  /** When the pointer reached the hovered mention: the dwell counts from then, not from the hit test. */
  #hoverSince = 0;
  readonly #doc: Document;
  readonly #store: MentionStore;
  readonly #view: CardSurface;
  readonly #options: CardControllerOptions;

  constructor(
    doc: Document,
    store: MentionStore,
    view: CardSurface,
    options: CardControllerOptions,
  ) {
    this.#doc = doc;
    this.#store = store;
    this.#view = view;
    this.#options = options;
  }

  get current(): CardState<MentionRecord> {
    return this.#state;
  }

  /** Listens on the document; every listener goes with the signal. */
  listen(signal: AbortSignal): void {
    const opts = { capture: true, passive: true, signal };
    // Only the reader's own input drives the card: events the page synthesised are not isTrusted.
    const trusted =
      <E extends Event>(handle: (event: E) => void) =>
      (event: E) => {
        if (event.isTrusted) handle(event);
      };
    this.#doc.addEventListener(
      'pointermove',
      trusted((e) => this.#onPointerMove(e)),
      opts,
    );
    this.#doc.addEventListener(
      'pointerdown',
      trusted((e) => this.#onPointerDown(e)),
      opts,
    );
    this.#doc.addEventListener(
      'click',
      trusted((e) => this.#onClick(e)),
      opts,
    );
    this.#doc.addEventListener(
      'focusin',
      trusted((e) => this.#onFocusIn(e)),
      opts,
    );
    this.#doc.addEventListener(
      'focusout',
      trusted((e) => this.#onFocusOut(e)),
      opts,
    );
    this.#doc.addEventListener(
      'keydown',
      trusted((e) => this.#onKeyDown(e)),
      {
        capture: true,
        signal,
      },
    );
    signal.addEventListener('abort', () => this.close());
  }

  /**
   * Handles a pointer move, press or focus the page saw before this controller listened (it loads
   * after the page's first mention): a pointer already resting on a mention starts the dwell, a tap
   * on one opens its card. The loader keeps no clicks: a mouse press stands for the click that
   * followed it, which opens the card in click mode.
   */
  replay(event: Event): void {
    if (event.type === 'pointermove') this.#onPointerMove(event as PointerEvent);
    else if (event.type === 'focusin') this.#onFocusIn(event as FocusEvent);
    else if (event.type === 'pointerdown') {
      const press = event as PointerEvent;
      this.#onPointerDown(press);
      if (press.pointerType !== 'touch') this.#onClick(press);
    }
  }

  /** Opens the card for a mention at once (popup list, keyboard command). */
  openFor(record: MentionRecord): void {
    this.dispatch({ type: 'activateMention', target: record });
  }

  /** Closes the card, whatever its state (settings turned off, page navigated). */
  close(): void {
    this.#cancelTimer();
    this.#state = { name: 'idle' };
    this.#hovered = null;
    this.#view.hide();
  }

  dispatch(event: CardEvent<MentionRecord>): void {
    const options = { ...DEFAULT_MACHINE_OPTIONS, ...this.#options.machine() };
    const { state, effects } = transition(this.#state, event, options);
    this.#state = state;
    for (const effect of effects) this.#run(effect);
  }

  #run(effect: CardEffect<MentionRecord>): void {
    switch (effect.type) {
      case 'cancelTimer':
        this.#cancelTimer();
        break;
      case 'startTimer':
        this.#cancelTimer();
        this.#timer = later(
          () => {
            this.#timer = null;
            this.dispatch({ type: effect.timer === 'dwell' ? 'dwellElapsed' : 'graceElapsed' });
          },
          effect.timer === 'dwell'
            ? Math.max(0, effect.ms - (performance.now() - this.#hoverSince))
            : effect.ms,
        );
        break;
      case 'open': {
        const active = this.#doc.activeElement;
        this.#returnFocusTo = active instanceof HTMLElement ? active : null;
        void this.#view.show(
          { text: effect.target.text, tag: effect.target.tag },
          liveRange(effect.target.range),
          {
            focus: effect.focus,
            announce: this.#state.name === 'open' && this.#state.via === 'focus',
            theme: this.#options.theme(),
          },
        );
        break;
      }
      case 'close': {
        const hadFocus = this.#view.host !== null && this.#view.host.matches(':focus-within');
        // The focus moves this causes are ours, not the user's: they must not reopen the card.
        this.#movingFocus = true;
        try {
          this.#view.hide();
          if (effect.returnFocus && hadFocus) this.#returnFocusTo?.focus();
        } finally {
          this.#movingFocus = false;
        }
        this.#returnFocusTo = null;
        break;
      }
    }
  }

  #cancelTimer(): void {
    this.#timer?.();
    this.#timer = null;
  }

  #onPointerMove(event: PointerEvent): void {
    if (this.#view.holds(event)) {
      // On the card now (the card's own pointerenter told the machine). A hit test still pending for
      // a point crossed on the way, off both within the same frame, would report leaving the mention
      // after the card was reached, and the card would close under the pointer once the grace ran
      // out.
      this.#dropPendingHitTest();
      this.#hovered = ON_CARD;
      return;
    }
    this.#lastPoint = {
      x: event.clientX,
      y: event.clientY,
      touch: event.pointerType === 'touch',
      time: event.timeStamp,
      texts: this.#textsNear(event),
    };
    if (this.#frame) return;
    // One look per frame, however fast the pointer moves.
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const point = this.#lastPoint;
      if (!point || point.touch) return;
      this.#hoverSince = point.time;
      const { x, y, texts } = point;
      const among = texts === null ? undefined : mentionAmong(this.#store, texts, x, y);
      this.#updateHover(among === undefined ? this.#hitTest(x, y) : among);
    });
  }

  /**
   * The text nodes under the move's target (the element the browser found under the pointer),
   * where a mention under the pointer must be: none when the event's path runs through no block
   * that holds a mention; null (unknown, so hit-tested) for a replayed event, its dispatch over and
   * its path empty, or a target with more under it than is worth walking. The mentions of those
   * nodes are then measured by their boxes: a hit test has the browser bring style, layout and paint
   * properties up to date inside the frame's callbacks, a highlight rebuild on a page that just
   * changed (docs/benchmarks.md).
   */
  #textsNear(event: Event): Text[] | null {
    const path = event.composedPath();
    const target = path[0];
    if (!target) return null;
    // Looked up as they are: what is not a block (the document, the window) is simply not found. In
    // Firefox's content scripts this path's nodes fail `instanceof Element`, so none is tested.
    if (!path.some((node) => this.#store.showsIn(node as Block))) return [];
    const root = target as Node;
    const texts: Text[] = [];
    let walked = 0;
    for (let node: Node | null = root; node; node = nextWithin(node, root)) {
      if (++walked > WALKED_MOST) return null;
      if (node.nodeType === Node.TEXT_NODE) texts.push(node as Text);
    }
    return texts;
  }

  #dropPendingHitTest(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#lastPoint = null;
  }

  #hitTest(x: number, y: number): MentionRecord | null {
    return mentionAtPoint(this.#doc, this.#store, x, y, this.#options.shadowRoots());
  }

  #updateHover(record: MentionRecord | null): void {
    if (record === this.#hovered) return;
    if (this.#hovered) this.dispatch({ type: 'pointerLeaveMention' });
    this.#hovered = record;
    if (record) this.dispatch({ type: 'pointerEnterMention', target: record });
  }

  #onPointerDown(event: PointerEvent): void {
    if (this.#view.holds(event)) return;
    const record = this.#hitTest(event.clientX, event.clientY);
    if (record && event.pointerType === 'touch' && !record.link) {
      this.dispatch({ type: 'tapMention', target: record });
      return;
    }
    if (!record) this.dispatch({ type: 'outsidePress' });
  }

  #onClick(event: MouseEvent): void {
    if (this.#options.machine().trigger !== 'click' || this.#view.holds(event)) return;
    const record = this.#hitTest(event.clientX, event.clientY);
    if (record) this.dispatch({ type: 'activateMention', target: record });
  }

  #onFocusIn(event: FocusEvent): void {
    if (this.#movingFocus || this.#view.holds(event)) return;
    const target = event.target;
    if (!(target instanceof Element)) return;
    const record = mentionOfLink(this.#store, target);
    if (record) this.dispatch({ type: 'focusMention', target: record });
  }

  /** Focus left the mention or the card: the card goes unless focus moved between the two. */
  #onFocusOut(event: FocusEvent): void {
    if (this.#movingFocus) return;
    const next = event.relatedTarget;
    const host = this.#view.host;
    if (host && next instanceof Node && (next === host || host.contains(next))) return;
    const target = this.#state.name === 'open' ? this.#state.target : null;
    if (target?.link && next === target.link) return;
    this.dispatch({ type: 'blurMention' });
  }

  /**
   * Tab from a focused hashtag link walks into its open card, and out of its last control on to what
   * follows the link (the card itself sits at the end of the page); Shift+Tab from its first control
   * goes back to the link. Escape closes it.
   */
  #onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Tab' && this.#state.name === 'open') {
      const link = this.#state.target.link;
      if (!event.shiftKey && link && event.target === link) {
        if (this.#view.focusFirst()) event.preventDefault();
        return;
      }
      const back = link ?? this.#returnFocusTo;
      if (!back || !this.#view.holds(event)) return;
      const edge = this.#view.focusEdge();
      if (
        event.shiftKey ? edge === 'first' || edge === 'only' : edge === 'last' || edge === 'only'
      ) {
        // Back to the mention: Shift+Tab stops there; Tab goes on from it, as the browser moves focus
        // after this handler, and leaving the mention closes the card.
        if (event.shiftKey) event.preventDefault();
        this.#movingFocus = true;
        try {
          back.focus();
        } finally {
          this.#movingFocus = false;
        }
      }
      return;
    }
    if (event.key !== 'Escape') return;
    if (
      this.#state.name !== 'open' &&
      this.#state.name !== 'grace' &&
      this.#state.name !== 'dwell'
    ) {
      return;
    }
    this.dispatch({ type: 'escape' });
  }
}
