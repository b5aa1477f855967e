import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { injectIntoOpenTabs } from './registration';

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
