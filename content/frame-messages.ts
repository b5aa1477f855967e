/**
 * Messages to the content scripts of a tab. Every frame of a social site runs its own (a same-origin
 * frame, an embedded post), and a message sent to the tab reaches them all: whatever opens a card or
 * lists mentions goes to one frame, the top one as the badge counts it, else to every frame where the
 * extension does not run in the top one (a news page with an embedded post).
 */
import { browser } from 'wxt/browser';
import { FRAME_REPLY, type FrameReplies, type FrameRequest, type ToFrames } from './messages';

function send(tabId: number, message: ToFrames, frameId?: number): Promise<unknown> {
  return frameId === undefined
    ? browser.tabs.sendMessage(tabId, message)
    : browser.tabs.sendMessage(tabId, message, { frameId });
}

/** Tells one frame to act: `frameId`, else the top frame or, with no script there, every frame. */
export async function tellFrame(tabId: number, message: ToFrames, frameId?: number): Promise<void> {
  try {
    await send(tabId, message, frameId ?? 0);
  } catch {
    if (frameId === undefined) await send(tabId, message).catch(() => {});
  }
}

/** Tells every frame of the tab; a frame the message is not meant for ignores it. */
export async function tellEveryFrame(tabId: number, message: ToFrames): Promise<void> {
  await send(tabId, message).catch(() => {});
}

/** Asks one frame; its reply checked, null when malformed. Rejects when no script answers there. */
export async function askFrame<M extends FrameRequest>(
  tabId: number,
  message: M,
  frameId: number,
): Promise<FrameReplies[M['type']] | null> {
  return FRAME_REPLY[message.type as M['type']](await send(tabId, message, frameId));
}

/** The top frame's answer, else the first frame's that answers; null where none does or it is malformed. */
export async function askTopFrame<M extends FrameRequest>(
  tabId: number,
  message: M,
): Promise<FrameReplies[M['type']] | null> {
  const parse = FRAME_REPLY[message.type as M['type']];
  try {
    return parse(await send(tabId, message, 0));
  } catch {
    try {
      return parse(await send(tabId, message));
    } catch {
      return null;
    }
  }
}
