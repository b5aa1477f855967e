/** The small DOM helpers every surface's renderer shares; `h` is the pages' builder (ui/dom.ts). */
import { MISSING_WORD_MARK, type InferredDate } from '../article';
import { t } from '../i18n';
import { h } from '../../ui/dom';

export { h };

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
