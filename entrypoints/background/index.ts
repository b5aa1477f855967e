import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { tellFrame } from '../../content/frame-messages';
import { t } from '../../content/i18n';
import { handle, parseToBackground, type ToFrames } from '../../content/messages';
import { backgroundHandlers, type Sender } from './handlers';
import { injectIntoOpenTabs, syncRegisteredScripts } from './registration';

const MENU_ID = 'show-metoo-context';

/** Asks a tab's content script to do something; a tab without one simply doesn't answer. */
function tell(tabId: number | undefined, message: ToFrames, frameId?: number): void {
  if (tabId !== undefined) void tellFrame(tabId, message, frameId);
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    // Tabs already open get the new script at once; it retires the old one (WXT's context does that).
    void injectIntoOpenTabs().catch(() => {});
    browser.contextMenus.create({
      id: MENU_ID,
      title: t('menu_show_context'),
      contexts: ['selection'],
    });
    void syncRegisteredScripts().catch((error: unknown) => console.warn(error));
  });
  browser.permissions.onAdded.addListener(() => void syncRegisteredScripts().catch(() => {}));
  browser.permissions.onRemoved.addListener(() => void syncRegisteredScripts().catch(() => {}));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    // The selection is in the frame where the menu was opened.
    if (info.menuItemId === MENU_ID) tell(tab?.id, { type: 'open-selection' }, info.frameId);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'open-nearest') return;
    if (tab?.id !== undefined) {
      tell(tab.id, { type: 'open-nearest' });
      return;
    }
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => {
      tell(active?.id, { type: 'open-nearest' });
    });
  });

  browser.runtime.onMessage.addListener((raw, sender: Sender) => {
    const message = parseToBackground(raw);
    return message ? handle(backgroundHandlers, message, sender) : undefined;
  });
});
