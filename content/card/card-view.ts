/**
 * The card on the page: one `<metoo-context>` element with an open shadow root, mounted only while a
 * card is shown, raised into the top layer as a manual popover so no z-index, transform or overflow
 * of the page can hide it, and placed next to its mention by Floating UI.
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
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '../../assets/card.css?inline';
import storyCss from '../../assets/story.css?inline';
import type { ArticleModel } from '../article';
import { t } from '../i18n';
import type { CardSurface, CardViewEvents, ShowOptions } from './card-module';
import { pageThemeAt, type PageTheme } from './page-theme';
import { renderCard, type CardActions, type CardSubject } from './render';

export const CARD_ELEMENT = 'metoo-context';

/** The card's controls, in the order Tab walks them. */
const CONTROLS = 'button:not([hidden]), a[href]';

/** The card's whole height at most (DESIGN.md: glanceable at a laptop's 1366×768). */
const MAX_HEIGHT = 440;

export class CardView implements CardSurface {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private stopPlacing: (() => void) | null = null;
  private sheet: CSSStyleSheet | null = null;
  private readonly ctx: ContentScriptContext;
  private readonly article: ArticleModel;
  private readonly actions: CardActions;
  private readonly events: CardViewEvents;

  constructor(
    ctx: ContentScriptContext,
    article: ArticleModel,
    actions: CardActions,
    events: CardViewEvents,
  ) {
    this.ctx = ctx;
    this.article = article;
    this.actions = actions;
    this.events = events;
  }

  get host(): HTMLElement | null {
    return this.ui?.mounted ? this.ui.shadowHost : null;
  }

  get dialog(): HTMLElement | null {
    return this.ui?.mounted ?? null;
  }

  /** Whether an event's path runs through the card. */
  holds(event: Event): boolean {
    const host = this.host;
    return host !== null && event.composedPath().includes(host);
  }

  async show(subject: CardSubject, anchor: Range, options: ShowOptions): Promise<void> {
    this.hide();
    const ui = await this.createUi();
    if (this.ctx.isInvalid) return;
    const theme =
      options.theme === 'auto' ? pageThemeAt(anchor.startContainer.parentElement) : options.theme;
    this.pending = { subject, theme };
    ui.mount();
    const host = ui.shadowHost;
    try {
      host.showPopover();
    } catch {
      // Without the Popover API the fixed host still sits above most pages.
    }
    const card = ui.mounted;
    if (!card) return;
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const arrowElement = card.querySelector<HTMLElement>('.arrow');
    const place = () => {
      void computePosition(reference, card, {
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
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        if (arrowElement && middlewareData.arrow) {
          const side = placement.split('-')[0] === 'top' ? 'top' : 'bottom';
          arrowElement.dataset.side = side;
          arrowElement.style.left = `${middlewareData.arrow.x ?? 0}px`;
          arrowElement.style.top = side === 'bottom' ? '-6px' : '';
          arrowElement.style.bottom = side === 'top' ? '-6px' : '';
        }
      });
    };
    this.stopPlacing = autoUpdate(reference, card, place, { animationFrame: false });
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
  async prepare(): Promise<void> {
    await this.createUi();
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
    this.stopPlacing?.();
    this.stopPlacing = null;
    if (!this.ui?.mounted) return;
    this.ui.remove();
    this.events.closed();
  }

  private pending: { subject: CardSubject; theme: PageTheme | null } | null = null;

  private async createUi(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    if (this.ui) return this.ui;
    const ui = await createShadowRootUi<HTMLElement>(this.ctx, {
      name: CARD_ELEMENT,
      mode: 'open',
      position: 'inline',
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      inheritStyles: true,
      onMount: (container, shadow) => {
        const pending = this.pending;
        if (!pending) return container;
        const card = renderCard(document, this.article, pending.subject, this.actions);
        // No class: the page gave no answer, and the system's setting decides (card.css).
        if (pending.theme) card.classList.add(pending.theme);
        card.addEventListener('pointerenter', () => this.events.pointerEnter());
        card.addEventListener('pointerleave', () => this.events.pointerLeave());
        container.append(card);
        void shadow;
        return card;
      },
    });
    // Styles go in as a constructed sheet: a page's style-src policy cannot block it.
    ui.shadow.querySelectorAll('style').forEach((style) => style.remove());
    this.sheet ??= new CSSStyleSheet();
    this.sheet.replaceSync(`${cardCss}\n${storyCss}`);
    ui.shadow.adoptedStyleSheets = [this.sheet];
    // Set while the element is still off the page: the page sees it arrive whole, not change.
    ui.shadowHost.setAttribute('popover', 'manual');
    this.ui = ui;
    return ui;
  }
}
