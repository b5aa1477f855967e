import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseMessage } from '../content/messages';

export default defineBackground(() => {
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
      case 'mention-count': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) break;
        void browser.action.setBadgeText({
          tabId,
          text: message.count > 0 ? String(message.count) : '',
        });
        break;
      }
    }
    return undefined;
  });
});
