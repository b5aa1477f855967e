import { browser } from 'wxt/browser';
import { ARTICLE } from '../../content/article-text';
import { h, renderSource, renderStory, renderWords } from '../../content/card/render';

const root = document.getElementById('popup');
if (root) {
  const read = h(
    document,
    'a',
    { href: browser.runtime.getURL('/article.html'), target: '_blank' },
    'Read the full article',
  );
  const settings = h(
    document,
    'a',
    { href: browser.runtime.getURL('/options.html'), target: '_blank' },
    'Settings',
  );
  root.append(
    h(document, 'h1', {}, 'Where #MeToo began'),
    renderStory(document, ARTICLE, 'popup'),
    renderWords(document, ARTICLE, 'popup'),
    renderSource(document, ARTICLE),
    h(document, 'p', { class: 'links' }, read, ' · ', settings),
  );
}
