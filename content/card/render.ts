/**
 * Builds the card's DOM from the article model: createElement and textContent only. The same builder
 * serves the card on the page, the popup's summary and the settings page's preview.
 */
import { MISSING_WORD_MARK, type ArticleModel, type InferredDate } from '../article';
import { familyNote } from '../family';
import { t, uiIsEnglish, uiLanguage } from '../i18n';
import { h } from '../../ui/dom';

export { h };

export interface CardSubject {
  /** The mention as the page shows it, e.g. `#MeToo` or `Me Too`. */
  text: string;
  /** Canonical family id. */
  tag: string;
}

export interface CardActions {
  readArticle(): void;
  openSettings(): void;
  close(): void;
}

/** A live card on a page, or the settings page's sample: a group with no close, hint or settings. */
export type CardVariant = { kind: 'live' } | { kind: 'preview'; label: string };

/** A date, with "(inferred)" spelled out and its basis as a tooltip and for screen readers. */
export function renderWhen(doc: Document, when: string | InferredDate): HTMLElement {
  if (typeof when === 'string') return h(doc, 'span', { class: 'when' }, when);
  return h(
    doc,
    'span',
    { class: 'when inferred', title: when.basis },
    when.text,
    ' ',
    h(doc, 'span', { class: 'inferred-mark' }, t('card_inferred')),
  );
}

/** A quotation with the editorial mark for the missing word set apart, so it reads as ours. */
export function renderQuoted(doc: Document, text: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const parts = text.split(MISSING_WORD_MARK);
  parts.forEach((part, index) => {
    if (index > 0) {
      fragment.append(
        h(doc, 'span', { class: 'editorial', title: t('card_missing_word') }, MISSING_WORD_MARK),
      );
    }
    fragment.append(doc.createTextNode(part));
  });
  return fragment;
}

/** The summary and the timeline: the part the popup shares with the card. */
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

/** Burke's own words, attributed, with the note for the missing word. */
export function renderWords(doc: Document, article: ArticleModel, idPrefix: string): HTMLElement {
  const quotes = article.burke.quotes.filter((quote) => quote.onCard);
  const notes = quotes.flatMap((quote) => (quote.note ? [quote.note] : []));
  return h(
    doc,
    'section',
    { class: 'words', lang: 'en', 'aria-labelledby': `${idPrefix}-words` },
    h(doc, 'h3', { id: `${idPrefix}-words` }, t('card_in_her_words')),
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

/** The line that says where all of this comes from. */
export function renderSource(doc: Document, article: ArticleModel): HTMLElement {
  const p = h(
    doc,
    'p',
    { class: 'source' },
    `${t('card_source')} “`,
    h(doc, 'cite', { lang: 'en' }, article.source.headline),
    '”, ',
  );
  p.append(
    article.publication.description.charAt(0).toLowerCase() +
      article.publication.description.slice(1),
    ' (',
    renderWhen(doc, article.publication.date),
    ').',
  );
  return p;
}

/** The whole card for one mention. */
export function renderCard(
  doc: Document,
  article: ArticleModel,
  subject: CardSubject,
  actions: CardActions,
  variant: CardVariant = { kind: 'live' },
): HTMLElement {
  const live = variant.kind === 'live';
  const familyLine = familyNote(subject.tag)?.description ?? null;
  const readArticle = h(
    doc,
    'button',
    { type: 'button', class: 'primary' },
    t('card_read_article'),
  );
  readArticle.addEventListener('click', () => actions.readArticle());
  const settings = h(doc, 'button', { type: 'button', class: 'quiet' }, t('card_settings'));
  settings.addEventListener('click', () => actions.openSettings());
  const close = h(
    doc,
    'button',
    { type: 'button', class: 'close', 'aria-label': t('card_close') },
    '×',
  );
  close.addEventListener('click', () => actions.close());
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
    },
    h(doc, 'div', { class: 'arrow', 'aria-hidden': 'true' }),
    // The content scrolls inside; the arrow stays outside the scrolling box so it is never clipped.
    h(
      doc,
      'div',
      { class: 'body' },
      live ? h(doc, 'p', { class: 'sr-hint', role: 'status' }) : null,
      h(
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
        live ? close : null,
      ),
      familyLine ? h(doc, 'p', { class: 'family-line', lang: 'en' }, familyLine) : null,
      uiIsEnglish() ? null : h(doc, 'p', { class: 'note' }, t('card_in_english')),
      renderStory(doc, article, 'card'),
      renderWords(doc, article, 'card'),
      h(
        doc,
        'footer',
        {},
        renderSource(doc, article),
        h(doc, 'p', { class: 'actions' }, readArticle, live ? settings : null),
      ),
    ),
  );
}
