/**
 * The card's code, and everything that only a page with mentions needs, is loaded where it is
 * needed: the content script, which runs on every page of the sites, holds the scanner, the store
 * and the highlight; the rest (the card's DOM, styles and article, Floating UI, the hover and focus
 * handling with its state machine, and the cap for pages past the highlight's limit) is a separate
 * script the background runs in the same tab, in the same isolated world, the first time a page
 * has a mention. Pages without one never pay for it, and no file is exposed to pages (no
 * web-accessible resources). This file is the contract between the two.
 */
import { browser } from 'wxt/browser';
import type { PageContext } from '../page-context';
import type { MentionStore } from '../mentions';
import type { MentionSummary } from '../messages';
import type { Theme, Trigger } from '../settings';
import type { CardSubject } from './render';

export interface CardViewEvents {
  pointerEnter(): void;
  pointerLeave(): void;
  /** The card left the page, however it closed. */
  closed(): void;
}

export interface ShowOptions {
  focus: boolean;
  /** Say to a screen reader that the card opened (it opened on keyboard focus). */
  announce: boolean;
  theme: Theme;
}

/** What the controller needs of the card on the page. */
export interface CardSurface {
  readonly host: HTMLElement | null;
  holds(event: Event): boolean;
  show(subject: CardSubject, anchor: Range, options: ShowOptions): Promise<void>;
  hide(): void;
  focusFirst(): boolean;
  /** Whether focus is on the card's first control, its last, or its only one; null: elsewhere. */
  focusEdge(): 'first' | 'last' | 'only' | null;
  prepare(): Promise<void>;
}

/** What the mention layer needs from the page's session. */
export interface MentionUiDeps {
  doc: Document;
  win: Window;
  store: MentionStore;
  settings(): { dwellMs: number; trigger: Trigger; theme: Theme };
  /** The open shadow roots the scanner reads (hit tests look inside them). */
  shadowRoots(): ShadowRoot[];
  readArticle(): void;
  openSettings(): void;
}

/** Which mention to open the card on, when asked rather than hovered. */
export type MentionChoice =
  { kind: 'index'; index: number } | { kind: 'nearest' } | { kind: 'selection' };

/** The mention layer on a page: the card, what drives it, and the cap. */
export interface MentionUi {
  /** Listens to the page (pointer, focus, keys, scrolling) until the signal aborts. */
  listen(signal: AbortSignal): void;
  /** Events the page saw before the layer arrived: the pointer may already rest on a mention. */
  replay(events: readonly Event[]): void;
  open(choice: MentionChoice): void;
  /** The popup's list: the mentions nearest the viewport, summarised, and how many the page has. */
  list(): Promise<{ mentions: MentionSummary[]; total: number }>;
  close(): void;
  /** Closes the card as Escape does: it stays closed while the pointer rests on its mention. */
  dismiss(): void;
}

export interface CardModule {
  createMentionUi(ctx: PageContext, deps: MentionUiDeps): MentionUi;
}

/** The card script's output file, as the background injects it. */
export const CARD_SCRIPT_FILE = '/card-ui.js';

/**
 * Where the card script leaves its module in the isolated world. Keyed by version: after an update,
 * the new content script must not pick up the module an older version left there.
 */
function moduleKey(): symbol {
  return Symbol.for(`metoo-context/card-module@${browser.runtime.getManifest().version}`);
}

type Holder = Record<symbol, CardModule | undefined>;

export function registerCardModule(module: CardModule): void {
  (globalThis as unknown as Holder)[moduleKey()] = module;
}

export function loadedCardModule(): CardModule | undefined {
  return (globalThis as unknown as Holder)[moduleKey()];
}
