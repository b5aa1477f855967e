/**
 * Sites the user added, as match patterns: what the settings page and the popup ask permission for,
 * and what the background registers the content script for (../entrypoints/background/registration.ts).
 */
import { SOCIAL_MATCHES } from './sites';

/** The content script's output file, as the background and the popup inject it. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/** The granted origins beyond the social sites the manifest already covers. */
export function userOrigins(granted: readonly string[]): string[] {
  const builtIn = new Set(SOCIAL_MATCHES);
  return [...new Set(granted)].filter((origin) => !builtIn.has(origin)).sort();
}

/** The host of the site a user typed, a host name or a URL, in lower case. Null when it is neither. */
export function siteHost(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(text.includes('://') ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(host) && host !== 'localhost') return null;
  return host.toLowerCase();
}

/** The match pattern for a host's pages. */
export function hostPattern(host: string): string {
  return `https://${host}/*`;
}

/**
 * A match pattern for the site a user typed, a host name or a URL; null when it is neither. An
 * `http:` page's URL gets an `http:` pattern: an `https:` one would not cover the page it came from.
 */
export function originPattern(input: string): string | null {
  const host = siteHost(input);
  if (host === null) return null;
  return /^http:\/\//i.test(input.trim()) ? `http://${host}/*` : hostPattern(host);
}
