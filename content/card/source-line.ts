/**
 * The source line the card, the popup and the article page share: publisher, headline linked to the
 * article's address, the inferred date with its basis on demand, and the Copy citation button.
 */
import { citationText, type ArticleModel } from '../article';
import { t } from '../i18n';
import { copyText } from './clipboard';
import { h } from './render-kit';

/** Publisher, linked headline and inferred date; the date's basis behind a disclosure button. */
export function renderSourceLine(
  doc: Document,
  article: ArticleModel,
  idPrefix = 'source',
): HTMLElement {
  const { publisher, headline, url, date } = article.source;
  // Opening it is the reader's own navigation: no referrer, no handle back to the page.
  const link = h(
    doc,
    'a',
    { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' },
    h(doc, 'cite', {}, headline),
  );
  const basis = h(
    doc,
    'p',
    { class: 'basis', id: `${idPrefix}-basis`, lang: 'en', hidden: '' },
    date.basis,
  );
  const why = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'why',
      'aria-expanded': 'false',
      'aria-controls': basis.id,
    },
    t('card_date_basis'),
  );
  why.addEventListener('click', () => {
    basis.hidden = !basis.hidden;
    why.setAttribute('aria-expanded', String(!basis.hidden));
  });
  return h(
    doc,
    'div',
    { class: 'source' },
    h(
      doc,
      'p',
      {},
      `${t('card_source')} `,
      h(doc, 'span', { lang: 'en' }, publisher, ', “', link, '”, '),
      h(doc, 'span', { class: 'when inferred' }, date.text, ' ', t('card_inferred')),
      '. ',
      why,
    ),
    basis,
  );
}

export interface CitationOptions {
  /** Where the page forbids the clipboard: the article page, which may copy, is offered instead. */
  openArticle?: () => void;
}

/** The Copy citation button and the live region that says what happened. */
export function renderCopyCitation(
  doc: Document,
  article: ArticleModel,
  options: CitationOptions = {},
): { button: HTMLElement; status: HTMLElement } {
  const button = h(doc, 'button', { type: 'button', class: 'copy' }, t('card_copy_citation'));
  // A live region without the status role: the card's own announcement keeps that one.
  const status = h(doc, 'span', { class: 'status', 'aria-live': 'polite' });
  const openArticle = options.openArticle;
  const fallback = h(
    doc,
    'button',
    { type: 'button', class: 'fallback' },
    t('card_copy_elsewhere'),
  );
  fallback.addEventListener('click', () => openArticle?.());
  button.addEventListener('click', () => {
    status.textContent = '';
    // The document the button is in now: a card is built elsewhere and then joins the page.
    void copyText(button.ownerDocument, citationText(article)).then((outcome) => {
      status.textContent =
        outcome === 'copied'
          ? t('card_copied')
          : outcome === 'forbidden'
            ? t('card_copy_forbidden')
            : t('card_copy_failed');
      // In the page only while it is offered: Tab and the card's edges count what is there.
      if (outcome !== 'copied' && openArticle) status.after(fallback);
      else fallback.remove();
    });
  });
  return { button, status };
}
