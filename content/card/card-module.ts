/**
 * The card's code is loaded only where it is needed: the content script, which runs on every page,
 * holds the scanner and the state machine; the card (its DOM, styles, the article and Floating UI)
 * is a separate script the background runs in the same tab, in the same isolated world, the first
 * time a page has mentions. Pages without a mention never pay for it, and no file is exposed to
 * pages (no web-accessible resources).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardActions, CardSubject } from './render';

export interface CardViewEvents {
  pointerEnter(): void;
  pointerLeave(): void;
}

export interface ShowOptions {
  focus: boolean;
  /** Say to a screen reader that the card opened (it opened on keyboard focus). */
  announce: boolean;
  theme: 'auto' | 'light' | 'dark';
}

/** What the controller needs of the card on the page. */
export interface CardSurface {
  readonly host: HTMLElement | null;
  holds(event: Event): boolean;
  show(subject: CardSubject, anchor: Range, options: ShowOptions): Promise<void>;
  hide(): void;
  focusFirst(): boolean;
  prepare(): Promise<void>;
}

export interface CardModule {
  createCardView(
    ctx: ContentScriptContext,
    actions: CardActions,
    events: CardViewEvents,
  ): CardSurface;
}

/** The card script's output file, as the background injects it. */
export const CARD_SCRIPT_FILE = '/card-ui.js';

const KEY = Symbol.for('metoo-context/card-module');

type Holder = { [KEY]?: CardModule };

export function registerCardModule(module: CardModule): void {
  (globalThis as Holder)[KEY] = module;
}

export function loadedCardModule(): CardModule | undefined {
  return (globalThis as Holder)[KEY];
}

/**
 * The card as the content script sees it: loaded on first need (or ahead, by `prepare`), then
 * handed every call. Until then there is no card on the page to hold or hide.
 */
export class LazyCardView implements CardSurface {
  private view: CardSurface | null = null;
  private loading: Promise<CardSurface | null> | null = null;
  private shown = 0;
  private readonly load: () => Promise<CardModule | undefined>;
  private readonly create: (module: CardModule) => CardSurface;

  constructor(
    load: () => Promise<CardModule | undefined>,
    create: (module: CardModule) => CardSurface,
  ) {
    this.load = load;
    this.create = create;
  }

  get host(): HTMLElement | null {
    return this.view?.host ?? null;
  }

  holds(event: Event): boolean {
    return this.view?.holds(event) ?? false;
  }

  async show(subject: CardSubject, anchor: Range, options: ShowOptions): Promise<void> {
    const request = ++this.shown;
    const view = await this.ready();
    // A hide or another show came while the card's code was loading: that one wins.
    if (view && request === this.shown) await view.show(subject, anchor, options);
  }

  hide(): void {
    this.shown += 1;
    this.view?.hide();
  }

  focusFirst(): boolean {
    return this.view?.focusFirst() ?? false;
  }

  async prepare(): Promise<void> {
    const view = await this.ready();
    await view?.prepare();
  }

  private ready(): Promise<CardSurface | null> {
    if (this.view) return Promise.resolve(this.view);
    this.loading ??= this.load()
      .then((module) => {
        this.view = module ? this.create(module) : null;
        return this.view;
      })
      .catch(() => {
        this.loading = null; // try again on the next hover
        return null;
      });
    return this.loading;
  }
}
