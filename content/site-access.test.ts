import { describe, expect, it } from 'vitest';
import { originPattern, userOrigins } from './site-access';

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

  it('keeps an http page’s scheme, so the permission covers that page', () => {
    expect(originPattern('http://news.example/a/b?c')).toBe('http://news.example/*');
    expect(originPattern('HTTP://News.Example/')).toBe('http://news.example/*');
  });

  it('refuses what is not a host', () => {
    expect(originPattern('')).toBeNull();
    expect(originPattern('not a site')).toBeNull();
    expect(originPattern('https://')).toBeNull();
  });
});
