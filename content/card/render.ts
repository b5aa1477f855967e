/**
 * Builds the card's DOM from the article model: createElement and textContent only. The same builder
 * serves the card on the page, the popup's summary and the settings page's preview.
 */
import type { ArticleModel } from '../article';
import { t, uiIsEnglish, uiLanguage } from '../i18n';
import { familyLine } from './family-lines';
import { cogIcon, powerIcon } from './icons';
import { h, renderQuoted, renderWhen } from './render-kit';
import { renderCopyCitation, renderSourceLine } from './source-line';

export { h, renderQuoted, renderWhen } from './render-kit';
export { renderCopyCitation, renderSourceLine } from './source-line';

export interface CardSubject {
  /** The mention as the page shows it, e.g. `#MeToo` or `Me Too`. */
  text: string;
  /** Canonical family id. */
  tag: string;
}

/** The switch for the page's site: off takes effect when the card closes, so it can be undone. */
export interface SiteSwitch {
  host: string;
  setOff(off: boolean): void;
}

export interface CardActions {
  readArticle(): void;
  openSettings(): void;
  close(): void;
  /** Absent where the card shows no site (the settings page's preview). */
  site?: SiteSwitch;
}

/** A live card on a page, or the settings page's sample: a group with no close, hint or buttons. */
export type CardVariant = { kind: 'live' } | { kind: 'preview'; label: string };

/** The summary and the timeline: the part the popup and the article page share with the card. */
export function renderStory(
  doc: Document,
  article: ArticleModel,
  idPrefix: string,
  heading: 'h2' | 'h3' = 'h3',
): HTMLElement {
  return h(
    doc,
    'div',
    { class: 'story', lang: 'en' },
    h(doc, 'p', { class: 'summary', id: `${idPrefix}-summary` }, article.summary.text),
    h(doc, heading, { id: `${idPrefix}-history` }, t('card_how_it_began')),
    h(
      doc,
      'ol',
      { class: 'timeline', 'aria-labelledby': `${idPrefix}-history` },
      ...article.history.map((entry) =>
        h(
          doc,
          'li',
          {},
          h(
            doc,
            'p',
            { class: 'entry-head' },
            h(doc, 'strong', {}, entry.label),
            entry.when ? ' · ' : null,
            entry.when ? renderWhen(doc, entry.when) : null,
          ),
          h(doc, 'p', { class: 'entry-text' }, entry.excerpt),
        ),
      ),
    ),
  );
}

/** Burke's own words on how she was credited, attributed, with the note for any missing word. */
export function renderWords(doc: Document, article: ArticleModel, idPrefix: string): HTMLElement {
  const quotes = article.burke.quotes.filter((quote) => quote.onCard);
  const notes = quotes.flatMap((quote) => (quote.note ? [quote.note] : []));
  return h(
    doc,
    'section',
    { class: 'words', lang: 'en', 'aria-labelledby': `${idPrefix}-words` },
    h(doc, 'h3', { id: `${idPrefix}-words`, class: 'sr-only' }, t('card_in_her_words')),
    h(
      doc,
      'figure',
      {},
      h(
        doc,
        'blockquote',
        {},
        ...quotes.map((quote) => {
          const p = h(doc, 'p', {}, '“');
          p.append(renderQuoted(doc, quote.text), '”');
          return p;
        }),
      ),
      h(
        doc,
        'figcaption',
        {},
        `— ${article.burke.name} (${article.burke.handle}), ${article.burke.occasion}`,
      ),
    ),
    ...notes.map((note) => h(doc, 'p', { class: 'note' }, note)),
  );
}

/**
 * "Turn off on this site" (an icon, named and with a tooltip) and its "Undo", shown after what the
 * status says until the card closes; focus moves between the two so a keyboard user stays on them.
 */
function renderSiteSwitch(doc: Document, site: SiteSwitch, status: HTMLElement): HTMLElement {
  const label = t('card_turn_off', site.host);
  const off = h(
    doc,
    'button',
    { type: 'button', class: 'icon site-off', 'aria-label': label, title: label },
    powerIcon(doc),
  );
  const undo = h(
    doc,
    'button',
    { type: 'button', class: 'undo', 'aria-label': t('card_undo_label', site.host) },
    t('card_undo'),
  );
  const set = (turnedOff: boolean) => {
    site.setOff(turnedOff);
    off.hidden = turnedOff;
    // In the page only while it can be used: Tab and the card's edges count what is there.
    if (turnedOff) status.after(undo);
    else undo.remove();
    (turnedOff ? undo : off).focus();
    status.textContent = turnedOff ? t('card_turned_off', site.host) : t('card_kept_on', site.host);
  };
  off.addEventListener('click', () => set(true));
  undo.addEventListener('click', () => set(false));
  return off;
}

function button(doc: Document, label: string, className: string, act: () => void): HTMLElement {
  const element = h(doc, 'button', { type: 'button', class: className }, label);
  element.addEventListener('click', act);
  return element;
}

/** The hashtag as the page shows it, the card's label, and its close button. */
function renderHeader(doc: Document, subject: CardSubject, close: HTMLElement | null): HTMLElement {
  return h(
    doc,
    'header',
    {},
    h(
      doc,
      'h2',
      { id: 'card-title' },
      h(doc, 'span', { class: 'tag', dir: 'auto' }, subject.text),
      ' ',
      h(doc, 'span', { class: 'label' }, t('card_label')),
    ),
    close,
  );
}

/** The whole card for one mention: the attribution first, the rest one step away. */
export function renderCard(
  doc: Document,
  article: ArticleModel,
  subject: CardSubject,
  actions: CardActions,
  variant: CardVariant = { kind: 'live' },
): HTMLElement {
  const live = variant.kind === 'live';
  const line = familyLine(subject.tag);
  const copy = renderCopyCitation(doc, article, { openArticle: () => actions.readArticle() });
  const close = h(
    doc,
    'button',
    { type: 'button', class: 'close', 'aria-label': t('card_close') },
    '×',
  );
  close.addEventListener('click', () => actions.close());
  const siteSwitch = actions.site ? renderSiteSwitch(doc, actions.site, copy.status) : null;
  const settings = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'icon quiet',
      'aria-label': t('card_settings'),
      title: t('card_settings'),
    },
    cogIcon(doc),
  );
  settings.addEventListener('click', () => actions.openSettings());
  return h(
    doc,
    'div',
    {
      class: 'card',
      ...(live
        ? { role: 'dialog', 'aria-labelledby': 'card-title', tabindex: '-1' }
        : { role: 'group', 'aria-label': variant.label, 'aria-labelledby': 'card-title' }),
      'aria-describedby': 'card-summary',
      lang: uiLanguage(),
      // Every interface language is left-to-right: the page's own direction must not flip it.
      dir: 'ltr',
    },
    h(doc, 'div', { class: 'arrow', 'aria-hidden': 'true' }),
    // At large zoom the content scrolls inside; the arrow stays outside so it is never clipped.
    h(
      doc,
      'div',
      { class: 'body' },
      live ? h(doc, 'p', { class: 'sr-hint', role: 'status' }) : null,
      renderHeader(doc, subject, live ? close : null),
      line ? h(doc, 'p', { class: 'family-line' }, line) : null,
      uiIsEnglish() ? null : h(doc, 'p', { class: 'note' }, t('card_in_english')),
      h(doc, 'p', { class: 'summary lead', id: 'card-summary', lang: 'en' }, article.summary.text),
      renderWords(doc, article, 'card'),
      h(
        doc,
        'footer',
        {},
        renderSourceLine(doc, article),
        h(
          doc,
          'p',
          { class: 'actions' },
          live ? copy.button : null,
          button(doc, t('card_read_article'), 'primary', () => actions.readArticle()),
          live ? siteSwitch : null,
          live ? settings : null,
        ),
        live ? h(doc, 'p', { class: 'status-line' }, copy.status) : null,
      ),
    ),
  );
}
