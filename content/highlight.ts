/**
 * The mark on the page: every mention's range in one CSS Custom Highlight, styled by a constructed
 * sheet adopted into the document and into each shadow root that holds mentions. Neither touches
 * the page's DOM. Both stay out of the page's sight (the registry, adoptedStyleSheets) until its
 * first mention is found: a page without one cannot tell that the extension is there.
 */
import { HIGHLIGHT_NAME } from './mentions';

import type { HighlightStyle } from './settings';

/** The rule for each style; the accent keeps 3:1 contrast on light and dark pages. */
export function highlightCss(style: HighlightStyle): string {
  const selector = `::highlight(${HIGHLIGHT_NAME})`;
  switch (style) {
    case 'underline':
      return `${selector} { text-decoration: underline dotted 2px #9b59d0; text-underline-offset: 3px; }
@media (forced-colors: active) { ${selector} { text-decoration-color: Highlight; } }`;
    case 'background':
      return `${selector} { background-color: rgb(155 89 208 / 22%); }
@media (forced-colors: active) { ${selector} { background-color: Highlight; color: HighlightText; } }`;
    case 'none':
      return '';
  }
}

type StyledRoot = Document | ShadowRoot;

export class PageHighlight {
  readonly ranges: Highlight;
  readonly #sheet = new CSSStyleSheet();
  readonly #roots = new Set<StyledRoot>();
  #style: HighlightStyle;
  /** Whether the page has had a mention since the highlight was last removed. */
  #revealed = false;

  constructor(style: HighlightStyle) {
    this.ranges = new Highlight();
    this.#style = style;
    this.#sheet.replaceSync(highlightCss(style));
  }

  /** Whether this browser has the CSS Custom Highlight API at all. */
  static supported(): boolean {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  /** Puts the highlight in the page's registry, once the page has had a mention. */
  register(): void {
    if (this.#revealed && CSS.highlights.get(HIGHLIGHT_NAME) !== this.ranges)
      CSS.highlights.set(HIGHLIGHT_NAME, this.ranges);
  }

  /** The page's first mention is found: the highlight and its sheet join the page. */
  reveal(): void {
    if (this.#revealed) return;
    this.#revealed = true;
    this.register();
    for (const root of this.#roots) this.#adopt(root);
  }

  #adopt(root: StyledRoot): void {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
  }

  /** Whether the page took our highlight out of the registry. */
  get registered(): boolean {
    return CSS.highlights.get(HIGHLIGHT_NAME) === this.ranges;
  }

  setStyle(style: HighlightStyle): void {
    // Replacing the sheet restyles the whole page (250 ms on 200,000 elements): only when it changes.
    if (style === this.#style) return;
    this.#style = style;
    this.#sheet.replaceSync(highlightCss(style));
  }

  /** Lets a tree style the highlight: `::highlight()` rules apply per tree scope. */
  styleRoot(root: StyledRoot): void {
    if (this.#roots.has(root)) return;
    this.#roots.add(root);
    if (this.#revealed) this.#adopt(root);
  }

  /** Forgets a tree that left the page, so a long session does not hold on to it. */
  unstyleRoot(root: StyledRoot): void {
    if (!this.#roots.delete(root) || !this.#revealed) return;
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
  }

  remove(): void {
    if (this.registered) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.ranges.clear();
    if (this.#revealed) {
      for (const root of this.#roots) {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
      }
    }
    this.#roots.clear();
    this.#revealed = false;
  }
}
