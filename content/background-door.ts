/**
 * The one door from content scripts and the extension's pages to the background. Replies are checked
 * where they arrive. Tests swap the door for their own (`useBackgroundDoor`).
 */
import { browser } from 'wxt/browser';
import {
  BACKGROUND_REPLY,
  type BackgroundReplies,
  type BackgroundRequest,
  type ToBackground,
} from './messages';

/** Carries a message to the background and brings back its raw answer. */
export type BackgroundDoor = (message: ToBackground) => Promise<unknown>;

const runtimeDoor: BackgroundDoor = (message) => browser.runtime.sendMessage(message);
let door: BackgroundDoor = runtimeDoor;

/** Puts another door in place (tests); none puts back the browser's. */
export function useBackgroundDoor(next?: BackgroundDoor): void {
  door = next ?? runtimeDoor;
}

/** Asks the background; its reply checked, null when malformed. Rejects when no one hears it. */
export async function askBackground<M extends BackgroundRequest>(
  message: M,
): Promise<BackgroundReplies[M['type']] | null> {
  const parse = BACKGROUND_REPLY[message.type as M['type']];
  return parse(await door(message));
}

/** Tells the background; after a reload of the extension there is no one to hear it, and that's fine. */
export function tellBackground(message: ToBackground): void {
  door(message).catch(() => {
    // The extension was reloaded or updated; this page's script is on its way out.
  });
}
