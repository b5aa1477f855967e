/**
 * Sites the user added: the content script is registered for exactly the origins the user granted
 * (optional host permissions), and kept in step when permissions are added or removed.
 */
import { browser } from 'wxt/browser';
import { askFrame } from '../../content/frame-messages';
import { CONTENT_SCRIPT_FILE, userOrigins } from '../../content/site-access';
import { SOCIAL_MATCHES } from '../../content/sites';

export const USER_SCRIPT_ID = 'metoo-user-sites';

/** How long a tab has to answer the ping: a hung tab must not hold up the others. */
export const PING_TIMEOUT_MS = 1000;

/** The sync under way, if any: the next waits for it (two at once left the newest origin out). */
let syncing: Promise<unknown> = Promise.resolve();

/** Registers the content script for the user's origins, or unregisters it when there are none. */
export function syncRegisteredScripts(): Promise<string[]> {
  const next = syncing.then(syncOnce, syncOnce);
  syncing = next.catch(() => {});
  return next;
}

async function syncOnce(): Promise<string[]> {
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const answer = askFrame(tabId, { type: 'ping' }, 0).then(
    (reply) => reply === true,
    () => false,
  );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the content script in one tab, unless a live one answers there; whether it ran. */
async function injectInto(tabId: number): Promise<boolean> {
  if (await hasLiveScript(tabId)) return false;
  try {
    await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: [`/${CONTENT_SCRIPT_FILE}`],
    });
    return true;
  } catch {
    // A tab that is loading, crashed or closed in the meantime: it gets the script on its next load.
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
  // Every tab at once: one slow tab must not keep the script from the others.
  const ids = tabs.flatMap((tab) => (tab.id === undefined || tab.discarded ? [] : [tab.id]));
  const ran = await Promise.all(ids.map(injectInto));
  return ran.filter(Boolean).length;
}
