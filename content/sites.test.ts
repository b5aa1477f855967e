import { describe, expect, it } from 'vitest';
import { COMPOSER_ELEMENTS, SITES, SOCIAL_MATCHES, hashtagFromHref, siteForHost } from './sites';

describe('hashtagFromHref: each site’s hashtag link', () => {
  const cases: [site: string, page: string, href: string, tag: string][] = [
    ['X', 'x.com', 'https://x.com/hashtag/MeToo?src=hashtag_click', 'MeToo'],
    ['X, non-Latin', 'x.com', 'https://x.com/hashtag/%EB%AF%B8%ED%88%AC?src=hashtag_click', '미투'],
    [
      'X, old search link',
      'twitter.com',
      'https://twitter.com/search?q=%23MeToo&src=hash',
      '#MeToo',
    ],
    ['Mastodon', 'mastodon.social', 'https://mastodon.social/tags/MeToo', 'MeToo'],
    ['Mastodon, relative', 'mastodon.social', 'https://mastodon.social/tags/MeToo/', 'MeToo'],
    ['Pleroma, on its own server', 'mastodon.social', 'https://pleroma.example/tag/metoo', 'metoo'],
    ['Friendica', 'mastodon.online', 'https://friendica.example/search?tag=MeToo', 'MeToo'],
    ['Bluesky', 'bsky.app', 'https://bsky.app/hashtag/MeToo', 'MeToo'],
    [
      'Threads',
      'www.threads.net',
      'https://www.threads.net/search?q=Me%20Too&serp_type=tags&tag_id=1',
      'Me Too',
    ],
    [
      'Threads, .com',
      'www.threads.net',
      'https://www.threads.com/search?q=MeToo&serp_type=tags',
      'MeToo',
    ],
    [
      'Facebook',
      'www.facebook.com',
      'https://www.facebook.com/hashtag/metoo?__eep__=6&__cft__[0]=AZ',
      'metoo',
    ],
    ['Facebook, web.', 'web.facebook.com', 'https://www.facebook.com/hashtag/metoo', 'metoo'],
    ['Instagram', 'www.instagram.com', 'https://www.instagram.com/explore/tags/metoo/', 'metoo'],
    [
      'Instagram, keyword search',
      'www.instagram.com',
      'https://www.instagram.com/explore/search/keyword/?q=%23metoo',
      '#metoo',
    ],
    [
      'LinkedIn, older',
      'www.linkedin.com',
      'https://www.linkedin.com/feed/hashtag/?keywords=metoo&highlightedUpdateUrns=x',
      'metoo',
    ],
    [
      'LinkedIn, newer',
      'www.linkedin.com',
      'https://www.linkedin.com/search/results/all/?keywords=%23metoo&origin=HASH_TAG_FROM_FEED',
      '#metoo',
    ],
    ['TikTok', 'www.tiktok.com', 'https://www.tiktok.com/tag/metoo', 'metoo'],
    ['YouTube', 'www.youtube.com', 'https://www.youtube.com/hashtag/metoo', 'metoo'],
    ['Tumblr', 'www.tumblr.com', 'https://www.tumblr.com/tagged/metoo', 'metoo'],
    ['Tumblr, a space', 'www.tumblr.com', 'https://www.tumblr.com/tagged/me%20too', 'me too'],
    ['Tumblr, a blog', 'someone.tumblr.com', 'https://someone.tumblr.com/tagged/metoo', 'metoo'],
    ['a server the user added', 'social.example', 'https://social.example/tags/MeToo', 'MeToo'],
  ];
  for (const [site, page, href, tag] of cases) {
    it(`${site}: ${href}`, () => expect(hashtagFromHref(href, page)).toBe(tag));
  }
});

describe('hashtagFromHref: links that are not hashtags', () => {
  const cases: [why: string, page: string, href: string][] = [
    ['an account', 'x.com', 'https://x.com/MeToo'],
    [
      'a search that is not for a tag',
      'www.instagram.com',
      'https://www.instagram.com/explore/search/keyword/?q=metoo',
    ],
    [
      'a LinkedIn search for a word',
      'www.linkedin.com',
      'https://www.linkedin.com/search/results/all/?keywords=metoo',
    ],
    [
      'a Threads search that is not a topic',
      'www.threads.net',
      'https://www.threads.net/search?q=me%20too&serp_type=default',
    ],
    ['another site’s tag page', 'www.youtube.com', 'https://x.com/hashtag/MeToo'],
    [
      'an embedded post’s link on a blog',
      'someone.tumblr.com',
      'https://twitter.com/hashtag/MeToo?src=hash',
    ],
    ['Reddit has no hashtags', 'www.reddit.com', 'https://www.reddit.com/r/metoo/'],
    ['the wrong shape for the site', 'www.tiktok.com', 'https://www.tiktok.com/hashtag/metoo'],
    ['a nested path', 'x.com', 'https://x.com/hashtag/MeToo/photos'],
    ['not http', 'x.com', 'javascript:alert(1)'],
    ['not a URL', 'x.com', 'hashtag/MeToo'],
    ['broken percent-encoding', 'x.com', 'https://x.com/hashtag/%E0%A4%A'],
    ['an empty tag', 'www.tiktok.com', 'https://www.tiktok.com/tag//'],
  ];
  for (const [why, page, href] of cases) {
    it(why, () => expect(hashtagFromHref(href, page)).toBeNull());
  }
});

describe('the site table', () => {
  it('finds a site by any of its hosts and subdomains', () => {
    expect(siteForHost('old.reddit.com')?.id).toBe('reddit');
    expect(siteForHost('WEB.facebook.com')?.id).toBe('facebook');
    expect(siteForHost('www.threads.com')?.id).toBe('threads');
    expect(siteForHost('notreddit.com')).toBeUndefined();
  });

  it('makes a match pattern for each host and its subdomains', () => {
    expect(SOCIAL_MATCHES).toContain('https://x.com/*');
    expect(SOCIAL_MATCHES).toContain('https://*.tumblr.com/*');
    expect(SOCIAL_MATCHES).toHaveLength(SITES.flatMap((site) => site.hosts).length * 2);
  });

  it('names the composers the text model skips', () => {
    expect([...COMPOSER_ELEMENTS]).toEqual(['shreddit-composer', 'faceplate-textarea-input']);
  });
});
