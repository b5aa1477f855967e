import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';

/** Takes an API away from the fake browser, as Firefox for Android lacks it, until restored. */
function without(api: 'contextMenus' | 'commands'): () => void {
  const had = Object.getOwnPropertyDescriptor(fakeBrowser, api);
  Object.defineProperty(fakeBrowser, api, { value: undefined, configurable: true });
  return () => {
    if (had) Object.defineProperty(fakeBrowser, api, had);
  };
}

const FROM_TAB = { tab: { id: 4 } as never, frameId: 0 };

describe('the background on a browser without a context menu or commands (Firefox for Android)', () => {
  let restore: (() => void)[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    restore = [without('contextMenus'), without('commands')];
    // The fake browser has no permission events or scripting registry: stand-ins, beside the point here.
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [] } as never);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
  });
  afterEach(() => restore.forEach((undo) => undo()));

  it('starts, installs, and answers messages', async () => {
    expect(() => background.main()).not.toThrow();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);

    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([] as never);
    const [loaded] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'load-card' },
      FROM_TAB,
      () => {},
    );
    expect(loaded).toBe(true);
    expect(executeScript).toHaveBeenCalledOnce();

    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'open-article' }, FROM_TAB, () => {});
    await vi.waitFor(() => expect(create).toHaveBeenCalledOnce());
  });
});
