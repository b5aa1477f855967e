import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_KEY, defaultSettings, type Settings } from '../settings';
import { followSettings } from './follow-settings';

describe('followSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('applies a change made while the first read is on its way, last', async () => {
    const before = { ...defaultSettings(), sites: {}, enabled: true };
    const after = { ...defaultSettings(), sites: {}, enabled: false };
    // Storage answers in order; each read waits until the test lets it through.
    const waiting: ((stored: Record<string, unknown>) => void)[] = [];
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockImplementation(
      (() => new Promise((resolve) => waiting.push(resolve))) as never,
    );
    const applied: Settings[] = [];
    const following = followSettings((settings) => applied.push(settings));
    // The change lands before the first read answers, with what was stored before it.
    await fakeBrowser.storage.onChanged.trigger(
      { [SETTINGS_KEY]: { oldValue: before, newValue: after } },
      'sync',
    );
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    waiting.shift()?.({ [SETTINGS_KEY]: before });
    const unwatch = await following;
    for (const answer of waiting.splice(0)) answer({ [SETTINGS_KEY]: after });
    await vi.waitFor(() => expect(applied.at(-1)?.enabled).toBe(false));
    unwatch();
  });

  it('applies the stored settings, then each change', async () => {
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { ...defaultSettings(), sites: {}, enabled: false },
    });
    const applied: boolean[] = [];
    const unwatch = await followSettings((settings) => applied.push(settings.enabled));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...defaultSettings(), sites: {} } });
    expect(applied).toEqual([false, true]);
    unwatch();
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { ...defaultSettings(), sites: {}, enabled: false },
    });
    expect(applied).toEqual([false, true]);
  });
});
