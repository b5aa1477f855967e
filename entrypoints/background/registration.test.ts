import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import {
  injectIntoOpenTabs,
  PING_TIMEOUT_MS,
  syncRegisteredScripts,
  USER_SCRIPT_ID,
} from './registration';

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

describe('injectIntoOpenTabs with a hung tab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.useRealTimers());

  it('pings every tab at once, and gives up on one that never answers', async () => {
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [] } as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }] as never);
    // Tab 1 is busy and never answers; tab 2 has no script.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number) =>
      tabId === 1 ? new Promise(() => {}) : Promise.reject(new Error('no receiver'))) as never);
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([] as never);
    const injecting = injectIntoOpenTabs();
    await vi.advanceTimersByTimeAsync(0);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 2, allFrames: true },
      files: ['/content-scripts/content.js'],
    });
    await vi.advanceTimersByTimeAsync(PING_TIMEOUT_MS);
    expect(await injecting).toBe(2);
  });
});

describe('syncRegisteredScripts', () => {
  beforeEach(() => fakeBrowser.reset());

  /** The browser's registry of content scripts: an id registered twice is an error, as in Chrome. */
  function registry() {
    const scripts = new Map<string, string[]>();
    const later = () => new Promise((resolve) => setTimeout(resolve, 5));
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation((async () => {
      await later();
      return [...scripts.keys()].map((id) => ({ id }));
    }) as never);
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation((async () => {
      await later();
      scripts.clear();
    }) as never);
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation((async (
      list: { id: string; matches: string[] }[],
    ) => {
      await later();
      for (const { id, matches } of list) {
        if (scripts.has(id)) throw new Error(`Duplicate script ID '${id}'`);
        scripts.set(id, matches);
      }
    }) as never);
    return scripts;
  }

  it('runs one sync after the other, so the newest grant is registered', async () => {
    const scripts = registry();
    let granted = ['https://a.example/*'];
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation((async () => ({
      origins: granted,
    })) as never);
    // Installed, and a permission granted a moment later: two syncs at once.
    const first = syncRegisteredScripts();
    granted = ['https://a.example/*', 'https://b.example/*'];
    const second = syncRegisteredScripts();
    await Promise.allSettled([first, second]);
    await expect(second).resolves.toEqual(['https://a.example/*', 'https://b.example/*']);
    expect(scripts.get(USER_SCRIPT_ID)).toEqual(['https://a.example/*', 'https://b.example/*']);
  });
});
