/**
 * Recognising a fediverse server from its own markup, so that the popup, opened on a site the extension
 * does not run on, can offer "Always run on this Mastodon server" first. The popup reads the signs once,
 * through the access its own click grants (activeTab); nothing is fetched and nothing is kept.
 */

/** The server software the popup can name. */
export const SERVER_KINDS = [
  'mastodon',
  'misskey',
  'pleroma',
  'akkoma',
  'pixelfed',
  'friendica',
] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** Each software's own name, as its servers show it. */
export const SERVER_NAMES: Readonly<Record<ServerKind, string>> = {
  mastodon: 'Mastodon',
  misskey: 'Misskey',
  pleroma: 'Pleroma',
  akkoma: 'Akkoma',
  pixelfed: 'Pixelfed',
  friendica: 'Friendica',
};

/** What a page's markup says about the software behind it, read by `readPageSigns` in the tab. */
export interface PageSigns {
  /** `<meta name="generator">`, e.g. "Friendica 'Yellow Archangel' 2024.03". */
  generator: string;
  /** `<meta name="application-name">`, e.g. "Misskey". */
  applicationName: string;
  /** Mastodon's web app mounts on `<div id="mastodon">` inside `<body class="app-body">`. */
  mastodonRoot: boolean;
  /** The text of the page's first `<noscript>`: Pleroma and Akkoma name themselves there. */
  noscript: string;
}

const NAMED: readonly [RegExp, ServerKind][] = [
  [/\bakkoma\b/i, 'akkoma'],
  [/\bpleroma\b/i, 'pleroma'],
  [/\bmisskey\b/i, 'misskey'],
  [/\bpixelfed\b/i, 'pixelfed'],
  [/\bfriendica\b/i, 'friendica'],
  [/\bmastodon\b/i, 'mastodon'],
];

function named(text: string): ServerKind | null {
  for (const [pattern, kind] of NAMED) if (pattern.test(text)) return kind;
  return null;
}

/** The server software a page's signs name, or null where they name none. */
export function recogniseServer(signs: PageSigns): ServerKind | null {
  const declared = named(signs.generator) ?? named(signs.applicationName) ?? named(signs.noscript);
  if (declared) return declared;
  // A server that names no software but mounts Mastodon's web app is one (forks such as Glitch, Hometown).
  return signs.mastodonRoot ? 'mastodon' : null;
}

/** Runs in the tab (through scripting.executeScript): self-contained, reads, writes nothing. */
export function readPageSigns(): PageSigns {
  const meta = (name: string) =>
    document.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.slice(0, 200) ?? '';
  return {
    generator: meta('generator'),
    applicationName: meta('application-name'),
    mastodonRoot:
      document.body?.classList.contains('app-body') === true &&
      document.getElementById('mastodon') !== null,
    noscript: (document.querySelector('noscript')?.textContent ?? '').slice(0, 200),
  };
}

/**
 * Checks what came back from the tab. The page controls its markup and could pose as a server: that
 * only changes the label of an offer whose permission prompt, naming the site, stays the way in.
 */
export function parsePageSigns(value: unknown): PageSigns | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (
    typeof v.generator !== 'string' ||
    typeof v.applicationName !== 'string' ||
    typeof v.mastodonRoot !== 'boolean' ||
    typeof v.noscript !== 'string'
  ) {
    return null;
  }
  return {
    generator: v.generator,
    applicationName: v.applicationName,
    mastodonRoot: v.mastodonRoot,
    noscript: v.noscript,
  };
}
