/**
 * The reading page: the bundled article in full, with the passages the card quotes marked and the
 * source's two blemishes shown as such (the missing word, the misspelt name in the caption).
 */
import { MISSING_WORD_MARK, locateExcerpt, type ArticleModel } from '../../content/article';
import { renderCopyCitation, renderSourceLine, renderStory } from '../../content/card/render';
import { h } from '../../ui/dom';
import { t, uiIsEnglish } from '../../content/i18n';

/** Spans of a paragraph that the card quotes, merged and in order. */
export function quotedSpans(paragraph: string, quotes: string[]): { start: number; end: number }[] {
  const spans = quotes
    .flatMap((quote) => locateExcerpt(paragraph, quote) ?? [])
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Text with the source's blemishes marked: the gap where a word was lost, and "Kavanuagh" [sic]. */
function annotated(doc: Document, text: string): Node[] {
  const nodes: Node[] = [];
  const pattern = / \u00a0|Kavanuagh/g;
  let from = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    nodes.push(doc.createTextNode(text.slice(from, match.index)));
    if (match[0] === 'Kavanuagh') {
      nodes.push(
        doc.createTextNode('Kavanuagh '),
        h(doc, 'span', { class: 'editorial', title: t('article_sic_title') }, '[sic]'),
      );
    } else {
      nodes.push(
        doc.createTextNode(' '),
        h(doc, 'span', { class: 'editorial', title: t('card_missing_word') }, MISSING_WORD_MARK),
        doc.createTextNode(' '),
      );
    }
    from = match.index + match[0].length;
  }
  nodes.push(doc.createTextNode(text.slice(from)));
  return nodes;
}

export function renderArticlePage(doc: Document, article: ArticleModel): HTMLElement {
  const quotes = [
    ...article.history.map((entry) => entry.excerpt),
    ...article.burke.quotes.filter((quote) => quote.onCard).map((quote) => quote.text),
  ];
  const [headline, ...body] = article.paragraphs;
  const paragraphs = body.map((paragraph) => {
    const p = h(doc, 'p');
    let from = 0;
    for (const span of quotedSpans(paragraph, quotes)) {
      p.append(...annotated(doc, paragraph.slice(from, span.start)));
      const mark = h(doc, 'mark', { title: t('article_quoted') });
      mark.append(...annotated(doc, paragraph.slice(span.start, span.end)));
      p.append(mark);
      from = span.end;
    }
    p.append(...annotated(doc, paragraph.slice(from)));
    return p;
  });
  const copy = renderCopyCitation(doc, article);
  return h(
    doc,
    'article',
    {},
    h(doc, 'h1', { lang: 'en' }, headline ?? ''),
    h(doc, 'div', { class: 'meta' }, renderSourceLine(doc, article), h(doc, 'p', {}, copy.button)),
    h(doc, 'div', { class: 'meta' }, copy.status),
    // The timeline the card leaves out, one step away from it.
    h(doc, 'aside', { class: 'meta story-aside' }, renderStory(doc, article, 'article', 'h2')),
    h(
      doc,
      'p',
      { class: 'meta' },
      `${t('article_marks_intro')} `,
      h(doc, 'span', { class: 'editorial' }, MISSING_WORD_MARK),
      ` ${t('article_mark_missing')}; `,
      h(doc, 'span', { class: 'editorial' }, '[sic]'),
      ` ${t('article_mark_sic')}.`,
    ),
    uiIsEnglish() ? null : h(doc, 'p', { class: 'meta' }, t('card_in_english')),
    h(doc, 'div', { lang: 'en' }, ...paragraphs),
  );
}
