/**
 * Sites the user added: the content script is registered for exactly the origins the user granted
 * (optional host permissions), and kept in step when permissions are added or removed.
 */
import { browser } from 'wxt/browser';
import { askFrame } from '../../content/frame-messages';
import { CONTENT_SCRIPT_FILE, userOrigins } from '../../content/site-access';
import { SOCIAL_MATCHES } from '../../content/sites';

export const USER_SCRIPT_ID = 'metoo-user-sites';

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
  try {
    return (await askFrame(tabId, { type: 'ping' }, 0)) === true;
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
