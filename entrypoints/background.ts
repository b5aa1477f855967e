import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showCount } from '../content/badge';
import { CARD_SCRIPT_FILE } from '../content/card/card-module';
import { t } from '../content/i18n';
import { tellFrame } from '../content/frame-messages';
import { parseMessage, type Message } from '../content/messages';
import { injectIntoOpenTabs, syncRegisteredScripts } from '../content/registration';
import { openWelcomeOnFirstInstall } from '../content/first-run';

const MENU_ID = 'show-metoo-context';

/** Asks a tab's content script to do something; a tab without one simply doesn't answer. */
function tell(tabId: number | undefined, message: Message, frameId?: number): void {
  if (tabId !== undefined) void tellFrame(tabId, message, frameId);
}

export default defineBackground(() => {
  openWelcomeOnFirstInstall();
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

  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = parseMessage(raw);
    if (!message) return undefined;
    switch (message.type) {
      case 'open-article':
        void browser.tabs.create({ url: browser.runtime.getURL('/article.html') });
        break;
      case 'open-settings':
        void browser.runtime.openOptionsPage();
        break;
      case 'load-card': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        return browser.scripting
          .executeScript({
            target: { tabId, frameIds: [sender.frameId ?? 0] },
            files: [CARD_SCRIPT_FILE],
          })
          .then(() => true);
      }
      case 'escape':
        // A hover card stays open while focus is in another frame, where the key went: every frame
        // of the tab hears it.
        if (sender.tab?.id !== undefined) {
          browser.tabs.sendMessage(sender.tab.id, { type: 'dismiss-card' }).catch(() => {});
        }
        break;
      case 'mention-count':
        // Only the top frame speaks for the tab.
        if (sender.tab?.id !== undefined && sender.frameId === 0) {
          void showCount(sender.tab.id, message.count).catch(() => {});
        }
        break;
    }
    return undefined;
  });
});
