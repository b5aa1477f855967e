import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_FILE, buildArticleModel, locateExcerpt } from '../article';
import { renderCard } from './render';

const articleText = readFileSync(join(process.cwd(), 'assets', ARTICLE_FILE), 'utf8');
const article = buildArticleModel(articleText);

function card(text = '#MeToo', tag = 'metoo') {
  const actions = { readArticle: vi.fn(), openSettings: vi.fn(), close: vi.fn() };
  return { element: renderCard(document, article, { text, tag }, actions), actions };
}

describe('renderCard', () => {
  it('is a dialog named by the hashtag as the page shows it', () => {
    const { element } = card('#METOO');
    expect(element.getAttribute('role')).toBe('dialog');
    const title = element.querySelector(`#${element.getAttribute('aria-labelledby')}`);
    expect(title?.textContent).toBe('#METOO Origin of the movement');
  });

  it('shows the summary, the four-step history in order, and the source', () => {
    const { element } = card();
    expect(element.querySelector('.summary')?.textContent).toBe(article.summary.text);
    const steps = [...element.querySelectorAll('.timeline li strong')].map((s) => s.textContent);
    expect(steps).toEqual(article.history.map((entry) => entry.label));
    expect(element.querySelector('.source')?.textContent).toBe(
      'Source: “Alyssa Milano Shares A Personal Message About The #MeToo Moment”, published on the first anniversary of Alyssa Milano’s tweet (15 October 2018 (inferred)).',
    );
  });

  it('quotes only what the article says, sentence by sentence', () => {
    const { element } = card();
    const quoted = [
      ...[...element.querySelectorAll('.entry-text')].map((p) => p.textContent ?? ''),
      ...[...element.querySelectorAll('blockquote p')].map((p) =>
        (p.textContent ?? '').replace(/^“|”$/g, ''),
      ),
    ];
    expect(quoted.length).toBe(6);
    for (const text of quoted) expect(locateExcerpt(articleText, text), text).not.toBeNull();
  });

  it('shows the editorial mark as ours, and says the word is missing', () => {
    const { element } = card();
    const mark = element.querySelector('blockquote .editorial');
    expect(mark?.textContent).toBe('[…]');
    expect(mark?.getAttribute('title')).toMatch(/missing/);
    expect(element.querySelector('.note')?.textContent).toMatch(/missing here in the source/);
  });

  it('attributes Burke’s words by name and handle', () => {
    expect(card().element.querySelector('figcaption')?.textContent).toBe(
      '— Tarana Burke (@TaranaBurke), on the anniversary',
    );
  });

  it('marks inferred dates as inferred, with the basis as a tooltip', () => {
    const inferred = [...card().element.querySelectorAll('.when.inferred')];
    expect(inferred.map((d) => d.textContent)).toEqual([
      '15 October 2017 (inferred)',
      '15 October 2018 (inferred)',
      '15 October 2018 (inferred)',
    ]);
    for (const d of inferred) expect(d.getAttribute('title')).toBeTruthy();
  });

  it('puts a translation’s one line first, and nothing for #MeToo itself', () => {
    expect(card('#MoiAussi', 'moiaussi').element.querySelector('.family-line')?.textContent).toBe(
      'French-language form of #MeToo, used in Québec',
    );
    expect(card().element.querySelector('.family-line')).toBeNull();
  });

  it('wires its buttons to the actions', () => {
    const { element, actions } = card();
    const buttons = [...element.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Read the full article')?.click();
    buttons.find((b) => b.textContent === 'Settings')?.click();
    buttons.find((b) => b.getAttribute('aria-label') === 'Close')?.click();
    expect(actions.readArticle).toHaveBeenCalledOnce();
    expect(actions.openSettings).toHaveBeenCalledOnce();
    expect(actions.close).toHaveBeenCalledOnce();
  });
});
