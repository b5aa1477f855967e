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
