/** The small DOM helpers every surface's renderer shares: createElement and textContent only. */
import { MISSING_WORD_MARK, type InferredDate } from '../article';
import { t } from '../i18n';

type Child = Node | string | null | undefined | false;

/** A small element builder: tag, attributes, children. Text children become text nodes. */
export function h(
  doc: Document,
  tag: string,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElement {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

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
