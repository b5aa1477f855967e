import { describe, expect, it, vi } from 'vitest';
import { ALL_SITES, renderAccess, siteAccess } from './access';

describe('the sites the user added', () => {
  it('counts a grant of every site as "all sites", apart from single origins', () => {
    expect(siteAccess(['https://x.com/*', ALL_SITES, 'https://example.org/*'])).toEqual({
      all: true,
      origins: ['https://example.org/*'],
    });
    expect(siteAccess(['https://example.org/*']).all).toBe(false);
  });

  it('lists "all sites" first, with a button that takes that access back', () => {
    const remove = vi.fn();
    const list = renderAccess(document, siteAccess([ALL_SITES, 'https://example.org/*']), remove);
    const items = [...list.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('All sites');
    const undo = items[0]?.querySelector('button');
    expect(undo?.getAttribute('aria-label')).toBe('Remove access to all sites');
    undo?.click();
    expect(remove).toHaveBeenCalledWith(ALL_SITES);
  });

  it('says there are none when nothing was added', () => {
    const list = renderAccess(document, siteAccess([]), vi.fn());
    expect(list.textContent).toBe('No other sites yet.');
  });
});
