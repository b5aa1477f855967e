/**
 * The social sites the extension knows: their host names (which become the manifest's host
 * permissions and the content script's matches) and how each renders a link to a hashtag.
 * Facts from ../shared/SITES.md; one source of truth for both.
 */

export interface Site {
  id: string;
  name: string;
  /** Registrable host names; subdomains (www., web., old., m.) are included by the match pattern. */
  hosts: readonly string[];
}

export const SITES: readonly Site[] = [
  { id: 'x', name: 'X', hosts: ['x.com', 'twitter.com'] },
  {
    id: 'mastodon',
    name: 'Mastodon',
    hosts: ['mastodon.social', 'mastodon.online', 'mstdn.social'],
  },
  { id: 'bluesky', name: 'Bluesky', hosts: ['bsky.app'] },
  { id: 'threads', name: 'Threads', hosts: ['threads.net', 'threads.com'] },
  { id: 'facebook', name: 'Facebook', hosts: ['facebook.com'] },
  { id: 'instagram', name: 'Instagram', hosts: ['instagram.com'] },
  { id: 'linkedin', name: 'LinkedIn', hosts: ['linkedin.com'] },
  { id: 'reddit', name: 'Reddit', hosts: ['reddit.com'] },
  { id: 'tiktok', name: 'TikTok', hosts: ['tiktok.com'] },
  { id: 'youtube', name: 'YouTube', hosts: ['youtube.com'] },
  { id: 'tumblr', name: 'Tumblr', hosts: ['tumblr.com'] },
];

/** Match patterns for every site host and its subdomains. */
export const SOCIAL_MATCHES: string[] = SITES.flatMap((site) =>
  site.hosts.flatMap((host) => [`https://${host}/*`, `https://*.${host}/*`]),
);

/** The site a host name belongs to, if any. */
export function siteForHost(hostname: string): Site | undefined {
  const host = hostname.toLowerCase();
  return SITES.find((site) => site.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

/**
 * How the sites link to a hashtag's page, by the URL's shape: the tag as the URL names it, decoded
 * (`MeToo`, `metoo`, `Me Too`, `#metoo`), or null for any other link.
 */
const HASHTAG_LINKS: readonly { path: RegExp; param?: string; when?: (url: URL) => boolean }[] = [
  { path: /^\/hashtag\/([^/?#]+)\/?$/i }, // X, Bluesky, Facebook, YouTube
  { path: /^\/tags?\/([^/?#]+)\/?$/i }, // Mastodon (/tags), Pleroma and TikTok (/tag)
  { path: /^\/explore\/tags\/([^/?#]+)\/?$/i }, // Instagram
  { path: /^\/tagged\/([^/?#]+)\/?$/i }, // Tumblr
  { path: /^\/explore\/search\/keyword\/?$/i, param: 'q' }, // Instagram, newer
  { path: /^\/feed\/hashtag\/?$/i, param: 'keywords' }, // LinkedIn
  {
    path: /^\/search\/?$/i,
    param: 'q',
    when: (url) => url.searchParams.get('serp_type') === 'tags',
  }, // Threads topic tags
];

export function hashtagFromHref(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  for (const rule of HASHTAG_LINKS) {
    const match = rule.path.exec(url.pathname);
    if (!match) continue;
    if (rule.when && !rule.when(url)) continue;
    const raw = rule.param ? url.searchParams.get(rule.param) : match[1];
    if (!raw) continue;
    try {
      return rule.param ? raw : decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return null;
}
