import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handle, parseToBackground } from '../../content/messages';
import { openWelcomeOnFirstInstall } from './first-run';
import { backgroundHandlers, type Sender } from './handlers';
import { injectIntoOpenTabs, syncRegisteredScripts } from './registration';
import { createMenu, listenToCommands, listenToMenu } from './shortcuts';

export default defineBackground(() => {
  openWelcomeOnFirstInstall();
  browser.runtime.onMessage.addListener((raw, sender: Sender) => {
    const message = parseToBackground(raw);
    return message ? handle(backgroundHandlers, message, sender) : undefined;
  });
  browser.runtime.onInstalled.addListener(() => {
    // Tabs already open get the new script at once; it retires the old one (WXT's context does that).
    void injectIntoOpenTabs().catch(() => {});
    createMenu();
    void syncRegisteredScripts().catch((error: unknown) => console.warn(error));
  });
  browser.permissions.onAdded.addListener(() => void syncRegisteredScripts().catch(() => {}));
  browser.permissions.onRemoved.addListener(() => void syncRegisteredScripts().catch(() => {}));
  listenToMenu();
  listenToCommands();
});
