/**
 * The welcome page's live sample: a marked #MeToo that opens the card the way a page's mention does
 * (after a short rest of the pointer, or on keyboard focus), drawn by the card's own renderer and
 * styles. Extension pages get no content script, so the page plays its part.
 */
import { browser } from 'wxt/browser';
import cardCss from '../../assets/card.css?inline';
import storyCss from '../../assets/story.css?inline';
import { ARTICLE } from '../../content/article-text';
import { h, renderCard } from '../../content/card/render';
import { highlightCss } from '../../content/highlight';
import { t } from '../../content/i18n';
import { HIGHLIGHT_NAME } from '../../content/mentions';
import { defaultSettings } from '../../content/settings';

/** The pointer's rest before the card opens, as on pages by default. */
const DWELL_MS = defaultSettings().dwellMs;
/** The card's sheet pins its host to the viewport for pages; here it sits in the page's flow. */
const IN_FLOW =
  ':host { position: static !important; width: auto !important; height: auto !important; } .card { position: static; animation: none; } .arrow { display: none; } .body { max-height: none; }';

/** The sample sentence with its mention, and the slot its card opens in. */
export function renderSample(doc: Document): HTMLElement {
  const mention = h(
    doc,
    'button',
    { type: 'button', class: 'mention', 'aria-expanded': 'false', 'aria-controls': 'sample-card' },
    '#MeToo',
  );
  const slot = h(doc, 'div', { id: 'sample-card', class: 'card-slot' });
  const shadow = slot.attachShadow({ mode: 'open' });
  const cardSheet = new CSSStyleSheet();
  cardSheet.replaceSync(`${cardCss}\n${storyCss}`);
  const inFlow = new CSSStyleSheet();
  inFlow.replaceSync(IN_FLOW);
  shadow.adoptedStyleSheets = [cardSheet, inFlow];
  markMention(doc, mention);

  // Focus given back to the mention on closing must not open the card again.
  let refocusing = false;
  const close = (refocus: boolean) => {
    if (shadow.childElementCount === 0) return;
    shadow.replaceChildren();
    mention.setAttribute('aria-expanded', 'false');
    if (!refocus) return;
    refocusing = true;
    mention.focus();
    refocusing = false;
  };
  const open = () => {
    if (shadow.childElementCount > 0) return;
    const card = renderCard(
      doc,
      ARTICLE,
      { text: '#MeToo', tag: 'metoo' },
      {
        readArticle: () =>
          void browser.tabs.create({ url: browser.runtime.getURL('/article.html') }),
        openSettings: () => void browser.runtime.openOptionsPage(),
        close: () => close(true),
      },
    );
    shadow.replaceChildren(card);
    mention.setAttribute('aria-expanded', 'true');
  };

  let dwell: ReturnType<typeof setTimeout> | undefined;
  mention.addEventListener('pointerenter', () => {
    dwell = setTimeout(open, DWELL_MS);
  });
  mention.addEventListener('pointerleave', () => clearTimeout(dwell));
  mention.addEventListener('focus', () => {
    if (!refocusing) open();
  });
  mention.addEventListener('click', open);
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || shadow.childElementCount === 0) return;
    const focusInCard = slot.contains(doc.activeElement) || doc.activeElement === slot;
    close(focusInCard || doc.activeElement === mention);
  });

  return h(
    doc,
    'div',
    { class: 'sample' },
    h(doc, 'p', {}, `${t('welcome_sample_before')} `, mention, ` ${t('welcome_sample_after')}`),
    slot,
  );
}

/** Marks the mention with the highlight pages get, in the default style. */
function markMention(doc: Document, mention: HTMLElement): void {
  if (typeof Highlight !== 'function') return;
  const range = doc.createRange();
  range.selectNodeContents(mention);
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightCss(defaultSettings().highlightStyle));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
