import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_FILE, buildArticleModel, locateExcerpt } from '../article';
import { renderCard, renderQuoted, renderStory } from './render';

const articleText = readFileSync(join(process.cwd(), 'assets', ARTICLE_FILE), 'utf8');
const article = buildArticleModel(articleText);

function card(text = '#MeToo', tag = 'metoo') {
  const site = { host: 'x.com', setOff: vi.fn() };
  const actions = { readArticle: vi.fn(), openSettings: vi.fn(), close: vi.fn(), site };
  return { element: renderCard(document, article, { text, tag }, actions), actions };
}

describe('renderCard', () => {
  it('is a dialog named by the hashtag as the page shows it', () => {
    const { element } = card('#METOO');
    expect(element.getAttribute('role')).toBe('dialog');
    const title = element.querySelector(`#${element.getAttribute('aria-labelledby')}`);
    expect(title?.textContent).toBe('#METOO Origin of the movement');
  });

  it('leads with who started it, then the source without nested parentheses', () => {
    const { element } = card();
    expect(element.querySelector('.lead')?.textContent).toBe(article.summary.text);
    expect(element.querySelector('.source p')?.textContent).toBe(
      'Source: News & Guts, “Alyssa Milano Shares A Personal Message About The #MeToo Moment”, 15 October 2018 (inferred). Why this date?',
    );
    const link = element.querySelector<HTMLAnchorElement>('.source a');
    expect(link?.getAttribute('href')).toBe(
      'https://www.newsandguts.com/alyssa-milano-shares-personal-message-metoo-moment/',
    );
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    const why = element.querySelector<HTMLButtonElement>('button.why');
    const basis = element.querySelector<HTMLElement>('p.basis');
    expect(why?.textContent).toBe('Why this date?');
    expect(basis?.textContent).toBe(article.source.date.basis);
    expect(basis?.hidden).toBe(true);
    why?.click();
    expect(basis?.hidden).toBe(false);
    expect(why?.getAttribute('aria-expanded')).toBe('true');
  });

  it('leaves the timeline to the story (popup and article page), in order', () => {
    expect(card().element.querySelector('.timeline')).toBeNull();
    const story = renderStory(document, article, 'test');
    const steps = [...story.querySelectorAll('.timeline li strong')].map((s) => s.textContent);
    expect(steps).toEqual(article.history.map((entry) => entry.label));
  });

  it('quotes only what the article says, sentence by sentence', () => {
    const quoted = [
      ...[...renderStory(document, article, 'test').querySelectorAll('.entry-text')].map(
        (p) => p.textContent ?? '',
      ),
      ...[...card().element.querySelectorAll('blockquote p')].map((p) =>
        (p.textContent ?? '').replace(/^“|”$/g, ''),
      ),
    ];
    expect(quoted.length).toBe(6);
    for (const text of quoted) expect(locateExcerpt(articleText, text), text).not.toBeNull();
  });

  it('quotes Burke on how she was credited, in English whatever the page', () => {
    const { element } = card();
    const quote = element.querySelector('blockquote');
    expect(quote?.textContent).toMatch(/found out about @MeTooMVMT and reached out to me/);
    expect(quote?.textContent).toMatch(/in danger of being erased/);
    expect(quote?.closest('[lang]')?.getAttribute('lang')).toBe('en');
    expect(element.getAttribute('dir')).toBe('ltr');
    expect(element.querySelector('.editorial')).toBeNull();
  });

  it('shows the editorial mark as ours, and says the word is missing', () => {
    const p = document.createElement('p');
    p.append(renderQuoted(document, 'a speech about […] from 2014'));
    const mark = p.querySelector('.editorial');
    expect(mark?.textContent).toBe('[…]');
    expect(mark?.getAttribute('title')).toMatch(/missing/);
  });

  it('attributes Burke’s words by name and handle', () => {
    expect(card().element.querySelector('figcaption')?.textContent).toBe(
      '— Tarana Burke (@TaranaBurke), on the anniversary',
    );
  });

  it('marks inferred dates as inferred, with the basis as a tooltip', () => {
    const inferred = [...renderStory(document, article, 'test').querySelectorAll('.when.inferred')];
    expect(inferred.map((d) => d.textContent)).toEqual([
      '15 October 2017 (inferred)',
      '15 October 2018 (inferred)',
    ]);
    for (const d of inferred) expect(d.getAttribute('title')).toBeTruthy();
    expect(card().element.querySelector('.source .when.inferred')?.textContent).toBe(
      '15 October 2018 (inferred)',
    );
  });

  it('turns off on the site in one click, and undoes it while open', () => {
    const { element, actions } = card();
    document.body.append(element);
    const off = element.querySelector<HTMLButtonElement>('.site-off');
    const status = element.querySelector('[aria-live="polite"].status');
    expect(off?.getAttribute('aria-label')).toBe('Turn off on x.com');
    expect(off?.getAttribute('title')).toBe('Turn off on x.com');
    expect(element.querySelector('.undo')).toBeNull();
    off?.click();
    expect(actions.site.setOff).toHaveBeenLastCalledWith(true);
    const undo = element.querySelector<HTMLButtonElement>('.undo');
    expect(undo?.textContent).toBe('Undo');
    expect(document.activeElement).toBe(undo);
    expect(status?.textContent).toBe('Off on x.com once this card closes.');
    undo?.click();
    expect(actions.site.setOff).toHaveBeenLastCalledWith(false);
    expect(off?.hidden).toBe(false);
    expect(element.querySelector('.undo')).toBeNull();
    expect(document.activeElement).toBe(off);
    expect(status?.textContent).toBe('Kept on for x.com.');
    element.remove();
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
    buttons.find((b) => b.getAttribute('aria-label') === 'Settings')?.click();
    buttons.find((b) => b.getAttribute('aria-label') === 'Close')?.click();
    expect(actions.readArticle).toHaveBeenCalledOnce();
    expect(actions.openSettings).toHaveBeenCalledOnce();
    expect(actions.close).toHaveBeenCalledOnce();
  });
});
