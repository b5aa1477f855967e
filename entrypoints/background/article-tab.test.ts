import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openArticleTab } from './article-tab';

describe('openArticleTab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the article once, then focuses its tab and window instead of opening another', async () => {
    const url = fakeBrowser.runtime.getURL('/article.html');
    const tabs: { id: number; windowId: number; url: string; active: boolean }[] = [];
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async (query: { url?: string }) =>
      tabs.filter((tab) => tab.url === query.url)) as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async () => {
      tabs.push({ id: 9, windowId: 2, url, active: true });
      return tabs[0];
    }) as never);
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);

    await openArticleTab();
    await openArticleTab();
    await openArticleTab();

    expect(create).toHaveBeenCalledOnce();
    expect(create).toHaveBeenCalledWith({ url });
    expect(update.mock.calls).toEqual([
      [9, { active: true }],
      [9, { active: true }],
    ]);
    expect(focus).toHaveBeenCalledWith(2, { focused: true });
  });

  it('opens the article when the browser will not say which tabs show it', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('no'));
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await openArticleTab();
    expect(create).toHaveBeenCalledOnce();
  });
});
