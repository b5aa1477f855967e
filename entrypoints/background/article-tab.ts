/** The article's reading page: one tab, focused again rather than opened again. */
import { browser } from 'wxt/browser';

/** Focuses the article's tab and its window, or opens it when no tab shows it. */
export async function openArticleTab(): Promise<void> {
  const url = browser.runtime.getURL('/article.html');
  const [open] = await browser.tabs.query({ url }).catch(() => []);
  if (open?.id === undefined) {
    await browser.tabs.create({ url });
    return;
  }
  await browser.tabs.update(open.id, { active: true });
  if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
}
