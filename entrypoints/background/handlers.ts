/** The background's answer to each message from a content script or page: one handler per type. */
import { browser, type Browser } from 'wxt/browser';
import { CARD_SCRIPT_FILE } from '../../content/card/card-module';
import { tellEveryFrame } from '../../content/frame-messages';
import type { BackgroundReplies, HandlerTable, ToBackground } from '../../content/messages';
import { openArticleTab } from './article-tab';
import { showCount } from './badge';

export type Sender = Browser.runtime.MessageSender;
export type BackgroundHandlers = HandlerTable<ToBackground, BackgroundReplies, Sender>;

export const backgroundHandlers = {
  'open-article': () => {
    // A page can press the card's button as often as it likes: one tab, not one per press.
    void openArticleTab().catch(() => {});
    return undefined;
  },
  'open-settings': () => {
    void browser.runtime.openOptionsPage();
    return undefined;
  },
  'load-card': (_message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    return browser.scripting
      .executeScript({
        // The sender's document, where the browser names it: not a page its frame navigated to since.
        target: sender.documentId
          ? { tabId, documentIds: [sender.documentId] }
          : { tabId, frameIds: [sender.frameId ?? 0] },
        files: [CARD_SCRIPT_FILE],
      })
      .then(() => true as const);
  },
  escape: (_message, sender) => {
    // A hover card stays open while focus is in another frame, where the key went: every frame
    // of the tab hears it.
    if (sender.tab?.id !== undefined) void tellEveryFrame(sender.tab.id, { type: 'dismiss-card' });
    return undefined;
  },
  'mention-count': (message, sender) => {
    // Only the top frame speaks for the tab.
    if (sender.tab?.id !== undefined && sender.frameId === 0) {
      void showCount(sender.tab.id, message.count).catch(() => {});
    }
    return undefined;
  },
} satisfies BackgroundHandlers;
