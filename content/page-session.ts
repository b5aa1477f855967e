/**
 * Everything the extension does on one page, wired together: scan → highlight → card (./session/
 * page-runtime.ts), following the settings live, answering messages (./session/frame-handlers.ts).
 * Torn down through the content script context when the extension is reloaded, updated or disabled,
 * so the old script leaves nothing behind and throws nothing.
 */
import type { PageContext } from './page-context';
import type { MentionUiLoader } from './card/mention-ui-loader';
import { PageHighlight } from './highlight';
import type { MentionStore } from './mentions';
import type { PageScanner } from './scan/page-scanner';
import { frameHandlers, listenToFrameMessages } from './session/frame-handlers';
import { followPageEvents } from './session/page-events';
import { createPageRuntime, quietly } from './session/page-runtime';
import { readSettings, watchSettings, type Settings } from './settings';

export interface PageSession {
  store: MentionStore;
  scanner: PageScanner;
  mentionUi: MentionUiLoader;
  settings(): Settings;
}

/** This frame's token in the popup's list: a few letters and digits. */
function frameToken(): string {
  return Math.random().toString(36).slice(2, 12) || 'frame';
}

export async function startPageSession(
  ctx: PageContext,
  doc: Document,
): Promise<PageSession | null> {
  if (!PageHighlight.supported()) return null;
  const page = createPageRuntime(ctx, doc);
  page.apply(await readSettings());
  if (ctx.isInvalid) {
    page.turnOff();
    return null;
  }
  const unwatch = watchSettings((next) => page.apply(next));
  followPageEvents(ctx, doc, page);
  const stopAnswering = listenToFrameMessages(ctx, frameHandlers(page, frameToken()));
  // The page comes first: its highlights and card go even when the extension's APIs are already gone.
  ctx.onInvalidated(() => {
    quietly(() => page.turnOff());
    quietly(unwatch);
    quietly(stopAnswering);
  });
  const { store, scanner, mentionUi } = page;
  return { store, scanner, mentionUi, settings: () => page.settings };
}
