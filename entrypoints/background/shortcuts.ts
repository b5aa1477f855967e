/**
 * The context menu and the keyboard command. Firefox for Android has neither API: each is set up only
 * where the browser has it, so the background still goes on to answer messages there.
 */
import { browser } from 'wxt/browser';
import { tellFrame } from '../../content/frame-messages';
import { t } from '../../content/i18n';
import type { ToFrames } from '../../content/messages';

const MENU_ID = 'show-metoo-context';

/** The browser's APIs as some browsers lack them. */
const optional = browser as Partial<Pick<typeof browser, 'contextMenus' | 'commands'>>;

/** Asks a tab's content script to do something; a tab without one simply doesn't answer. */
function tell(tabId: number | undefined, message: ToFrames, frameId?: number): void {
  if (tabId !== undefined) void tellFrame(tabId, message, frameId);
}

/** Adds the menu item on a selection (once, at install: the browser keeps it). */
export function createMenu(): void {
  optional.contextMenus?.create({
    id: MENU_ID,
    title: t('menu_show_context'),
    contexts: ['selection'],
  });
}

export function listenToMenu(): void {
  optional.contextMenus?.onClicked.addListener((info, tab) => {
    // The selection is in the frame where the menu was opened.
    if (info.menuItemId === MENU_ID) tell(tab?.id, { type: 'open-selection' }, info.frameId);
  });
}

export function listenToCommands(): void {
  optional.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'open-nearest') return;
    if (tab?.id !== undefined) {
      tell(tab.id, { type: 'open-nearest' });
      return;
    }
    void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => {
      tell(active?.id, { type: 'open-nearest' });
    });
  });
}
