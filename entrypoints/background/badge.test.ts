import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor, showCount } from './badge';

describe('badgeFor', () => {
  it('is empty with no mentions', () => {
    expect(badgeFor(0)).toEqual({ text: '', title: 'MeToo Context' });
  });

  it('counts mentions, singular and plural', () => {
    expect(badgeFor(1)).toEqual({
      text: '1',
      title: 'MeToo Context: 1 mention of #MeToo on this page',
    });
    expect(badgeFor(12).title).toMatch(/12 mentions/);
  });

  it('caps the text at 999+', () => {
    expect(badgeFor(4321).text).toBe('999+');
  });
});

describe('showCount', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets the badge and title for the tab', async () => {
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    const setTitle = vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue();
    await showCount(7, 3);
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '3' });
    expect(setTitle).toHaveBeenCalledWith({
      tabId: 7,
      title: 'MeToo Context: 3 mentions of #MeToo on this page',
    });
  });
});
