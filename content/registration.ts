/**
 * Sites the user added: the content script is registered for exactly the origins the user granted
 * (optional host permissions), and kept in step when permissions are added or removed.
 */
import { browser } from 'wxt/browser';
import type { Message } from './messages';
import { SOCIAL_MATCHES } from './sites';

export const USER_SCRIPT_ID = 'metoo-user-sites';
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

/** A match pattern for the site a user typed: a host name or a URL. Null when it is neither. */
export function originPattern(input: string): string | null {
  const host = siteHost(input);
  return host === null ? null : hostPattern(host);
}

/** Registers the content script for the user's origins, or unregisters it when there are none. */
export async function syncRegisteredScripts(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = userOrigins(origins);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SCRIPT_ID] });
  if (existing.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [USER_SCRIPT_ID] });
  }
  if (matches.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: USER_SCRIPT_ID,
        js: [CONTENT_SCRIPT_FILE],
        matches,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return matches;
}

/** Whether a content script of this very extension runs in the tab's page (an old one doesn't answer). */
async function hasLiveScript(tabId: number): Promise<boolean> {
  const ping: Message = { type: 'ping' };
  try {
    return (await browser.tabs.sendMessage(tabId, ping, { frameId: 0 })) === true;
  } catch {
    return false;
  }
}

/**
 * Runs the content script in every open tab the extension may read, after an install or update.
 * A tab that loaded after the install already has it from the manifest: running it again there
 * would restart it under the reader's pointer.
 */
export async function injectIntoOpenTabs(): Promise<number> {
  const { origins = [] } = await browser.permissions.getAll();
  const tabs = await browser.tabs.query({ url: [...SOCIAL_MATCHES, ...userOrigins(origins)] });
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded) continue;
    if (await hasLiveScript(tab.id)) continue;
    try {
      await browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        files: [`/${CONTENT_SCRIPT_FILE}`],
      });
      injected += 1;
    } catch {
      // A tab that is loading, crashed or closed in the meantime: it gets the script on its next load.
    }
  }
  return injected;
}
