/**
 * The card on the page: one element (./card-host.ts: a name drawn per page and a closed shadow root
 * in the store build, `<metoo-context>` with an open one in the test build), mounted only while a
 * card is shown, raised into the top layer as a manual popover so no z-index, transform or overflow
 * of the page can hide it, and placed next to its mention by Floating UI.
 *
 * Each card comes in a fresh element, built whole in a document of the extension's own and added to
 * the page in one insertion; closing takes the element out, once. The reason is what removals cost:
 * in Chromium each node removed from the page's document, or moved within it (as a fragment's
 * children are), costs a look at every live Range of the document, about 11 ms with the 100,000
 * highlights of the size page, while an insertion costs nothing of the kind. Emptying one element
 * to reuse it would add such a removal to every card's way in.
 */
import {
  arrow,
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import type { PageContext } from '../page-context';
import cardCss from '../../assets/card.css?inline';
import storyCss from '../../assets/story.css?inline';
import type { ArticleModel } from '../article';
import { t } from '../i18n';
import { measuredOnce } from './anchor-reference';
import { CARD_HOST_PLAN, createCardHost, randomElementName, type CardHost } from './card-host';
import type { CardSurface, CardViewEvents, ShowOptions } from './card-module';
import { pageThemeAt } from './page-theme';
import { renderCard, type CardActions, type CardSubject } from './render';

/** The card's controls, in the order Tab walks them. */
const CONTROLS = 'button:not([hidden]), a[href]';

/** The card's whole height at most (DESIGN.md: glanceable at a laptop's 1366×768). */
const MAX_HEIGHT = 440;

/** Stops an event the page made before it reaches the card's controls or their default action. */
function refuseUntrusted(event: Event): void {
  if (event.isTrusted) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}

/** The card's element and, once it is on the page, the card in it. */
interface CardUi extends CardHost {
  mounted: HTMLElement | null;
}

export class CardView implements CardSurface {
  /** The element on the page, while a card is shown; else one made ready for the next card. */
  #ui: CardUi | null = null;
  /** The element name last used, tried first for the next element. */
  #name: string | null = null;
  /** Where cards are built: a document of the extension's own, holding no Range of the page's. */
  #workshop: Document | null = null;
  #stopPlacing: (() => void) | null = null;
  #sheet: CSSStyleSheet | null = null;
  readonly #ctx: PageContext;
  readonly #article: ArticleModel;
  readonly #actions: CardActions;
  readonly #events: CardViewEvents;

  constructor(
    ctx: PageContext,
    article: ArticleModel,
    actions: CardActions,
    events: CardViewEvents,
  ) {
    this.#ctx = ctx;
    this.#article = article;
    this.#actions = actions;
    this.#events = events;
    // The old script's card goes with it when the extension is reloaded or updated.
    ctx.onInvalidated(() => this.hide());
  }

  get host(): HTMLElement | null {
    return this.#ui?.mounted ? this.#ui.host : null;
  }

  get dialog(): HTMLElement | null {
    return this.#ui?.mounted ?? null;
  }

  /** Whether an event's path runs through the card. */
  holds(event: Event): boolean {
    const host = this.host;
    return host !== null && event.composedPath().includes(host);
  }

  async show(subject: CardSubject, anchor: Range, options: ShowOptions): Promise<void> {
    this.hide();
    if (this.#ctx.isInvalid) return;
    const ui = this.#createUi();
    const card = this.#mount(ui, subject, options, anchor);
    try {
      ui.host.showPopover();
    } catch {
      // Without the Popover API the fixed host still sits above most pages.
    }
    // What autoUpdate follows (the mention's element, its scrolling ancestors); each placement
    // measures the range once of its own.
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const arrowElement = card.querySelector<HTMLElement>('.arrow');
    const place = () => {
      void computePosition(measuredOnce(anchor), card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // Tall cards scroll inside rather than run off the screen (small windows, 200% zoom).
          size({
            padding: 8,
            apply({ availableHeight }) {
              const body = card.querySelector<HTMLElement>('.body');
              // Less the card's 1 px border above and below.
              const most = Math.min(MAX_HEIGHT, availableHeight) - 2;
              if (body) body.style.maxHeight = `${Math.max(160, most)}px`;
            },
          }),
          ...(arrowElement ? [arrow({ element: arrowElement, padding: 10 })] : []),
        ],
      }).then(({ x, y, placement, middlewareData }) => {
        // Floating UI places the card again on every resize, scroll and first size report of its
        // observers. Each change to the page's DOM has Chromium rebuild every highlight's marker
        // before the next frame (docs/benchmarks.md): an inline style set to the value it holds is
        // no change, an attribute set to its own value is one. So the side is set only when it
        // changes; the arrow's box is the same on either side (card.css), so its place holds.
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        if (arrowElement && middlewareData.arrow) {
          const side = placement.split('-')[0] === 'top' ? 'top' : 'bottom';
          if (arrowElement.dataset.side !== side) arrowElement.dataset.side = side;
          arrowElement.style.left = `${middlewareData.arrow.x ?? 0}px`;
          arrowElement.style.top = side === 'bottom' ? '-6px' : '';
          arrowElement.style.bottom = side === 'top' ? '-6px' : '';
        }
      });
    };
    this.#stopPlacing = autoUpdate(reference, card, place, { animationFrame: false });
    if (options.focus) card.focus();
    if (options.announce) {
      // Filled after the card is in the page, so screen readers notice the change and read it.
      const hint = card.querySelector('.sr-hint');
      setTimeout(() => {
        if (hint) hint.textContent = t('card_announce', subject.text);
      }, 150);
    }
  }

  /** Builds the card's element ahead of need, so the first card opens as fast as later ones. */
  prepare(): Promise<void> {
    this.#createUi();
    return Promise.resolve();
  }

  /** Moves focus to the card's first control; false when no card is shown. */
  focusFirst(): boolean {
    const first = this.dialog?.querySelector<HTMLElement>(CONTROLS);
    if (!first) return false;
    first.focus();
    return true;
  }

  focusEdge(): 'first' | 'last' | 'only' | null {
    const dialog = this.dialog;
    const root = dialog?.getRootNode();
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    if (!dialog || !active) return null;
    const controls = dialog.querySelectorAll<HTMLElement>(CONTROLS);
    const first = controls[0] === active;
    const last = controls[controls.length - 1] === active;
    return first && last ? 'only' : first ? 'first' : last ? 'last' : null;
  }

  hide(): void {
    this.#stopPlacing?.();
    this.#stopPlacing = null;
    const ui = this.#ui;
    if (!ui?.mounted) return;
    // The card goes with its element: one removal (see above). The next card gets a new element.
    ui.host.remove();
    this.#ui = null;
    this.#events.closed();
  }

  /** Puts the card for this subject in the element, and the element at the end of the page. */
  #mount(ui: CardUi, subject: CardSubject, options: ShowOptions, anchor: Range): HTMLElement {
    this.#workshop ??= document.implementation.createHTMLDocument('');
    const card = renderCard(this.#workshop, this.#article, subject, this.#actions);
    const theme =
      options.theme === 'auto' ? pageThemeAt(anchor.startContainer.parentElement) : options.theme;
    // No class: the page gave no answer, and the system's setting decides (card.css).
    if (theme) card.classList.add(theme);
    // A click the page synthesised (say, `.click()` on a kept reference) never reaches a control.
    card.addEventListener('click', refuseUntrusted, { capture: true });
    card.addEventListener('keydown', refuseUntrusted, { capture: true });
    // The page can synthesise pointer events on the card; only the user's own move counts.
    card.addEventListener('pointerenter', (event) => {
      if (event.isTrusted) this.#events.pointerEnter();
    });
    card.addEventListener('pointerleave', (event) => {
      if (event.isTrusted) this.#events.pointerLeave();
    });
    ui.shadow.append(card);
    ui.mounted = card;
    (document.body ?? document.documentElement).append(ui.host);
    return card;
  }

  #createUi(): CardUi {
    if (this.#ui) return this.#ui;
    let again = this.#name;
    const draw = () => {
      const name = again ?? randomElementName();
      again = null;
      return name;
    };
    const ui: CardUi = { ...createCardHost(document, CARD_HOST_PLAN, draw), mounted: null };
    this.#name = ui.host.localName;
    // Styles go in as a constructed sheet: a page's style-src policy cannot block it.
    if (!this.#sheet) {
      this.#sheet = new CSSStyleSheet();
      this.#sheet.replaceSync(`${cardCss}\n${storyCss}`);
    }
    ui.shadow.adoptedStyleSheets = [this.#sheet];
    // Set while the element is still off the page: the page sees it arrive whole, not change.
    ui.host.setAttribute('popover', 'manual');
    this.#ui = ui;
    return ui;
  }
}
