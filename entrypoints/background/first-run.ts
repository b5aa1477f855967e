/**
 * First run: the welcome page opens once, when the extension is first installed; an update, a
 * browser update or a reload (all reported as other reasons) opens nothing.
 */
import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

/** Listens for the install; call at the background's start so the event is not missed. */
export function openWelcomeOnFirstInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    // A failed tab (the browser closing) is no reason to break the rest of the install's work.
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch(() => {});
  });
}
