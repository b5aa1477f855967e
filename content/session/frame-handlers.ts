/** The content script's answers to the background and the popup: one handler per message to a tab's frames. */
import { browser } from 'wxt/browser';
import type { PageContext } from '../page-context';
import {
  handle,
  parseToFrames,
  type FrameReplies,
  type HandlerTable,
  type ToFrames,
} from '../messages';
import type { PageRuntime } from './page-runtime';

export type FrameHandlers = HandlerTable<ToFrames, FrameReplies, unknown>;

/** `frame`: this frame's token in the popup's list; the popup's click is sent to every frame, and meant for one. */
export function frameHandlers(page: PageRuntime, frame: string): FrameHandlers {
  return {
    ping: () => true,
    'list-mentions': async () => {
      // A page with mentions has the card's script, which lists the nearest few hundred of them.
      const { mentions, total } = await page.mentionUi.list(page.running && page.store.size > 0);
      return { frame, running: page.running, mentions, total };
    },
    'reveal-mention': (message) => {
      if (page.running && message.frame === frame) {
        void page.mentionUi.open({ kind: 'index', index: message.index });
      }
      return undefined;
    },
    'open-nearest': () => {
      if (page.running) void page.mentionUi.open({ kind: 'nearest' });
      return undefined;
    },
    'open-selection': () => {
      if (page.running) void page.mentionUi.open({ kind: 'selection' });
      return undefined;
    },
    'dismiss-card': () => {
      page.mentionUi.dismiss();
      return undefined;
    },
  } satisfies FrameHandlers;
}

/** Answers messages to this frame until the context goes; returns the listener's removal. */
export function listenToFrameMessages(ctx: PageContext, handlers: FrameHandlers): () => void {
  const onMessage = (raw: unknown, sender: unknown): Promise<unknown> | undefined => {
    const message = parseToFrames(raw);
    if (!message || ctx.isInvalid) return undefined;
    return handle(handlers, message, sender);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
