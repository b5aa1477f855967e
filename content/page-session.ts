/**
 * Everything the extension does on one page, wired together: scan → highlight → card (./session/
 * page-runtime.ts), following the settings live, answering messages (./session/frame-handlers.ts).
 * Torn down through the content script context when the extension is reloaded, updated or disabled,
 * so the old script leaves nothing behind and throws nothing.
 */
import type { PageContext } from './page-context';
import { PageHighlight } from './highlight';
import { frameHandlers, listenToFrameMessages } from './session/frame-handlers';
import { followSettings } from './session/follow-settings';
import { followPageEvents } from './session/page-events';
import { createPageRuntime, quietly, type PageRuntime } from './session/page-runtime';

/** The page's session: its store, scanner and card loader, and the settings it follows. */
export type PageSession = PageRuntime;

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
  const unwatch = await followSettings((next) => page.apply(next));
  if (ctx.isInvalid) {
    page.turnOff();
    quietly(unwatch);
    return null;
  }
  followPageEvents(ctx, doc, page);
  const stopAnswering = listenToFrameMessages(ctx, frameHandlers(page, frameToken()));
  // The page comes first: its highlights and card go even when the extension's APIs are already gone.
  ctx.onInvalidated(() => {
    quietly(() => page.turnOff());
    quietly(unwatch);
    quietly(stopAnswering);
  });
  return page;
}
