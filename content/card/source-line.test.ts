import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_FILE, buildArticleModel } from '../article';
import { renderCopyCitation } from './source-line';

const article = buildArticleModel(
  readFileSync(join(process.cwd(), 'assets', ARTICLE_FILE), 'utf8'),
);

afterEach(() => vi.restoreAllMocks());

function copier(writeText: (text: string) => Promise<void>) {
  vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
  const openArticle = vi.fn();
  const { button, status } = renderCopyCitation(document, article, { openArticle });
  const line = document.createElement('p');
  line.append(status);
  return { button, status, line, openArticle };
}

describe('Copy citation', () => {
  it('copies the citation and says “Copied” in its live region', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    const { button, status } = copier(writeText);
    expect(status.getAttribute('aria-live')).toBe('polite');
    button.click();
    await vi.waitFor(() => expect(status.textContent).toBe('Copied'));
    expect(writeText.mock.calls[0]?.[0]).toMatch(/Tarana Burke.*\n.*News & Guts.*newsandguts\.com/);
  });

  it('where the page refuses, says so and offers the article page', async () => {
    const { button, status, line, openArticle } = copier(() =>
      Promise.reject(new DOMException('policy', 'NotAllowedError')),
    );
    button.click();
    await vi.waitFor(() =>
      expect(status.textContent).toBe(
        'This page does not allow copying to the clipboard. The article page can copy the citation.',
      ),
    );
    const offer = line.querySelector('button');
    expect(offer?.textContent).toBe('Copy from the article page');
    offer?.click();
    expect(openArticle).toHaveBeenCalledOnce();
  });

  it('copies through the document it is in, not the one it was built in', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    // The card is built in a document with no window (./card-view.ts), then joins the page.
    const workshop = document.implementation.createHTMLDocument('');
    const { button, status } = renderCopyCitation(workshop, article);
    document.body.append(button, status);
    button.click();
    await vi.waitFor(() => expect(status.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledOnce();
    button.remove();
    status.remove();
  });
});
