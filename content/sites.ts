/**
 * The social sites the extension knows, in one table: their host names (which become the manifest's
 * host permissions and the content script's matches), how each links to a hashtag's page, and which
 * of its elements are composers. Facts from ../shared/SITES.md; one source of truth for all three.
 */

/** How a site's link to a hashtag's page looks, e.g. `/hashtag/MeToo` or `/search?q=Me%20Too&serp_type=tags`. */
export interface HashtagLinkShape {
  /** The URL's path; group 1 holds the tag unless `param` names the query parameter that does. */
  path: RegExp;
  param?: string;
  /** Query parameters the link must also carry, e.g. Threads' `serp_type=tags`. */
  requires?: Readonly<Record<string, string>>;
  /** The parameter is a search whose value must start with `#` to name a hashtag. */
  hashed?: boolean;
}

export interface Site {
  id: SiteId;
  /** Registrable host names; subdomains (www., web., old., m.) are included by the match pattern. */
  hosts: readonly string[];
  /** Its hashtag links; none where the site has no hashtag feature (Reddit). */
  hashtagLinks: readonly HashtagLinkShape[];
  /** Its posts link to tag pages on other servers too (the fediverse). */
  federated?: boolean;
  /** Elements that hold a composer: skipped whole, shadow tree included. */
  composers?: readonly string[];
}

const HASHTAG_PATH: HashtagLinkShape = { path: /^\/hashtag\/([^/]+)\/?$/i };

/** Mastodon, and the servers whose posts it shows: Pleroma/Akkoma (`/tag/`) and Friendica (`?tag=`). */
const FEDIVERSE: Site = {
  id: 'mastodon',
  hosts: ['mastodon.social', 'mastodon.online', 'mstdn.social'],
  hashtagLinks: [
    { path: /^\/tags\/([^/]+)\/?$/i },
    { path: /^\/tag\/([^/]+)\/?$/i },
    { path: /^\/search\/?$/i, param: 'tag' },
  ],
  federated: true,
};

export const SITES: readonly Site[] = [
  {
    id: 'x',
    hosts: ['x.com', 'twitter.com'],
    hashtagLinks: [HASHTAG_PATH, { path: /^\/search\/?$/i, param: 'q', hashed: true }],
  },
  FEDIVERSE,
  { id: 'bluesky', hosts: ['bsky.app'], hashtagLinks: [HASHTAG_PATH] },
  {
    id: 'threads',
    hosts: ['threads.net', 'threads.com'],
    hashtagLinks: [{ path: /^\/search\/?$/i, param: 'q', requires: { serp_type: 'tags' } }],
  },
  { id: 'facebook', hosts: ['facebook.com'], hashtagLinks: [HASHTAG_PATH] },
  {
    id: 'instagram',
    hosts: ['instagram.com'],
    hashtagLinks: [
      { path: /^\/explore\/tags\/([^/]+)\/?$/i },
      { path: /^\/explore\/search\/keyword\/?$/i, param: 'q', hashed: true },
    ],
  },
  {
    id: 'linkedin',
    hosts: ['linkedin.com'],
    hashtagLinks: [
      { path: /^\/feed\/hashtag\/?$/i, param: 'keywords' },
      { path: /^\//, param: 'keywords', hashed: true },
    ],
  },
  // old.reddit's markdown makes a line typed "#MeToo" a heading, <h1>MeToo</h1>: the page shows no
  // hashtag there, so none is marked (a heading "MeToo" is also what a plain title looks like).
  {
    id: 'reddit',
    hosts: ['reddit.com'],
    hashtagLinks: [],
    composers: ['shreddit-composer', 'faceplate-textarea-input'],
  },
  {
    id: 'tiktok',
    hosts: ['tiktok.com'],
    hashtagLinks: [{ path: /^\/tag\/([^/]+)\/?$/i }],
  },
  { id: 'youtube', hosts: ['youtube.com'], hashtagLinks: [HASHTAG_PATH] },
  {
    id: 'tumblr',
    hosts: ['tumblr.com'],
    hashtagLinks: [{ path: /^\/tagged\/([^/]+)\/?$/i }],
  },
];

/**
 * Each site's name, as the options page shows it: kept apart from the table so that the content
 * script, which never shows one, does not carry them.
 */
export const SITE_NAMES = {
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  tumblr: 'Tumblr',
} as const;

export type SiteId = keyof typeof SITE_NAMES;

/** Match patterns for every site host and its subdomains. */
export const SOCIAL_MATCHES: string[] = SITES.flatMap((site) =>
  site.hosts.flatMap((host) => [`https://${host}/*`, `https://*.${host}/*`]),
);

/** Custom elements that hold a composer on some site; the text model skips them everywhere. */
export const COMPOSER_ELEMENTS: ReadonlySet<string> = new Set(
  SITES.flatMap((site) => site.composers ?? []),
);

/** The site a host name belongs to, if any. */
export function siteForHost(hostname: string): Site | undefined {
  const host = hostname.toLowerCase();
  return SITES.find((site) => site.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

function tagIn(url: URL, shape: HashtagLinkShape): string | null {
  const match = shape.path.exec(url.pathname);
  if (!match) return null;
  for (const [name, value] of Object.entries(shape.requires ?? {})) {
    if (url.searchParams.get(name) !== value) return null;
  }
  if (shape.param) {
    const value = url.searchParams.get(shape.param)?.trim() ?? '';
    if (shape.hashed && !/^[#＃]/.test(value)) return null;
    return value.length > 0 ? value : null;
  }
  try {
    const tag = decodeURIComponent(match[1] ?? '');
    return tag.length > 0 ? tag : null;
  } catch {
    return null;
  }
}

/**
 * The tag a link names when it points at a hashtag's page, as the URL spells it, decoded (`MeToo`,
 * `metoo`, `Me Too`, `#metoo`); null for any other link. The page's site decides which link shapes
 * count; a host outside the table is a fediverse server the user added.
 */
export function hashtagFromHref(href: string, pageHost: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const site = siteForHost(pageHost) ?? FEDIVERSE;
  // A link to another site's tag page is that site's business, except between fediverse servers.
  if (!site.federated && siteForHost(url.hostname) !== site) return null;
  for (const shape of site.hashtagLinks) {
    const tag = tagIn(url, shape);
    if (tag !== null) return tag;
  }
  return null;
}
