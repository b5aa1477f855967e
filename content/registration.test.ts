import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { injectIntoOpenTabs, originPattern, userOrigins } from './registration';

describe('userOrigins', () => {
  it('keeps only what the manifest does not already cover, once each, sorted', () => {
    expect(
      userOrigins([
        'https://x.com/*',
        'https://news.example/*',
        'https://a.example/*',
        'https://a.example/*',
      ]),
    ).toEqual(['https://a.example/*', 'https://news.example/*']);
  });
});

describe('originPattern', () => {
  it('turns a host or a URL into an https pattern', () => {
    expect(originPattern(' News.Example ')).toBe('https://news.example/*');
    expect(originPattern('https://news.example/a/b?c')).toBe('https://news.example/*');
  });

  it('refuses what is not a host', () => {
    expect(originPattern('')).toBeNull();
    expect(originPattern('not a site')).toBeNull();
    expect(originPattern('https://')).toBeNull();
  });
});

describe('injectIntoOpenTabs', () => {
  beforeEach(() => fakeBrowser.reset());

  function openTabs(tabs: Partial<Browser.tabs.Tab>[]) {
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [] } as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs as never);
  }

  it('runs the script only in tabs where no live copy answers', async () => {
    openTabs([{ id: 1 }, { id: 2 }, { id: 3, discarded: true }]);
    // Tab 2 loaded after the install: its script, from the manifest, answers.
    const sendMessage = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(((tabId: number) =>
        tabId === 2 ? Promise.resolve(true) : Promise.reject(new Error('no receiver'))) as never);
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([] as never);
    expect(await injectIntoOpenTabs()).toBe(1);
    expect(sendMessage).toHaveBeenCalledWith(1, { type: 'ping' }, { frameId: 0 });
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 1, allFrames: true },
      files: ['/content-scripts/content.js'],
    });
  });

  it('treats any answer but `true` as no live script, and goes on past a tab that fails', async () => {
    openTabs([{ id: 1 }, { id: 2 }]);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockRejectedValueOnce(new Error('tab closed'))
      .mockResolvedValue([] as never);
    expect(await injectIntoOpenTabs()).toBe(1);
    expect(executeScript).toHaveBeenCalledTimes(2);
  });
});
