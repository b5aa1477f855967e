/**
 * Messages between the extension's contexts, named by where they go: to the background, or to a
 * tab's frames. Each request has its reply type, and both are checked when they arrive: a page can't
 * be trusted to send well-formed ones, nor can an old version of the extension.
 */

/** A mention as the popup lists it: a few words either side. */
export interface MentionSummary {
  before: string;
  text: string;
  after: string;
  tag: string;
}

/** To the background, from a content script or one of the extension's pages. */
export type ToBackground =
  | { type: 'open-article' }
  | { type: 'open-settings' }
  /** The top frame's count, for the badge; the popup hears it too and lists the mentions again. */
  | { type: 'mention-count'; count: number }
  /** Run the card's script in my frame (see card/card-module.ts). */
  | { type: 'load-card' }
  /** Escape was pressed in my frame; another frame's card may be open. */
  | { type: 'escape' };

/** To a tab's frames, from the background or the popup. */
export type ToFrames =
  /** Is a live content script of this extension in the tab? It answers `true`. */
  | { type: 'ping' }
  | { type: 'list-mentions' }
  /** `frame`: the token of the frame's script whose list the index is in (see `MentionList`). */
  | { type: 'reveal-mention'; index: number; frame: string }
  | { type: 'open-nearest' }
  | { type: 'open-selection' }
  /** Close the card as Escape would. */
  | { type: 'dismiss-card' };

/**
 * A content script's answer to `list-mentions`: its mentions, and a token of its own, so that a
 * `reveal-mention` sent to every frame of the tab is taken up by the frame that listed them alone.
 */
export interface MentionList {
  frame: string;
  /** Whether the extension is on in that frame (settings); off, it lists nothing. */
  running: boolean;
  mentions: MentionSummary[];
  /** How many mentions the frame has: the list holds the nearest few hundred of them. */
  total?: number;
}

/** What the background answers to each message; `undefined`: nothing. */
export interface BackgroundReplies {
  'open-article': undefined;
  'open-settings': undefined;
  'mention-count': undefined;
  /** The card's script ran in the sender's frame. */
  'load-card': true;
  escape: undefined;
}

/** What a frame answers to each message; `undefined`: nothing. */
export interface FrameReplies {
  ping: true;
  'list-mentions': MentionList;
  'reveal-mention': undefined;
  'open-nearest': undefined;
  'open-selection': undefined;
  'dismiss-card': undefined;
}

type Typed = { type: string };
type Of<M extends Typed, K extends M['type']> = Extract<M, { type: K }>;

/**
 * A handler per message type: a table `satisfies` this, so a new type without a handler fails to
 * compile. A handler returns its reply, or undefined where it has none for this sender.
 */
export type HandlerTable<M extends Typed, R extends Record<M['type'], unknown>, Sender> = {
  [K in M['type']]: (message: Of<M, K>, sender: Sender) => R[K] | Promise<R[K]> | undefined;
};

/** Runs the message's handler from its table; its reply, if any, as a promise (what the polyfill sends back). */
export function handle<M extends Typed, R extends Record<M['type'], unknown>, Sender>(
  table: HandlerTable<M, R, Sender>,
  message: M,
  sender: Sender,
): Promise<unknown> | undefined {
  const handler = table[message.type as M['type']] as (m: M, s: Sender) => unknown;
  const reply = handler(message, sender);
  return reply === undefined ? undefined : Promise.resolve(reply);
}

/** A frame token: what a content script makes for itself, a few letters and digits. */
function isFrameToken(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]{1,32}$/.test(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e9;
}

function typeOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type } = value as { type?: unknown };
  return typeof type === 'string' ? type : null;
}

const SIMPLE_TO_BACKGROUND = new Set(['open-article', 'open-settings', 'load-card', 'escape']);
const SIMPLE_TO_FRAMES = new Set([
  'ping',
  'list-mentions',
  'open-nearest',
  'open-selection',
  'dismiss-card',
]);

/** A message to the background, checked; null for anything else. */
export function parseToBackground(value: unknown): ToBackground | null {
  const type = typeOf(value);
  if (type === null) return null;
  if (SIMPLE_TO_BACKGROUND.has(type)) return { type } as ToBackground;
  if (type === 'mention-count') {
    const { count } = value as { count?: unknown };
    return isCount(count) ? { type, count } : null;
  }
  return null;
}

/** A message to a tab's frames, checked; null for anything else. */
export function parseToFrames(value: unknown): ToFrames | null {
  const type = typeOf(value);
  if (type === null) return null;
  if (SIMPLE_TO_FRAMES.has(type)) return { type } as ToFrames;
  if (type === 'reveal-mention') {
    const { index, frame } = value as { index?: unknown; frame?: unknown };
    return isCount(index) && isFrameToken(frame) ? { type, index, frame } : null;
  }
  return null;
}

/** The content script's answer to `list-mentions`, checked in the popup. */
export function parseMentionList(value: unknown): MentionList | null {
  if (typeof value !== 'object' || value === null) return null;
  const { frame, running, mentions, total } = value as Partial<Record<keyof MentionList, unknown>>;
  if (!isFrameToken(frame) || typeof running !== 'boolean' || !Array.isArray(mentions)) return null;
  if (total !== undefined && (!isCount(total) || total < mentions.length)) return null;
  const list: MentionSummary[] = [];
  for (const item of mentions) {
    if (typeof item !== 'object' || item === null) return null;
    const { before, text, after, tag } = item as Record<string, unknown>;
    if (
      typeof before !== 'string' ||
      typeof text !== 'string' ||
      typeof after !== 'string' ||
      typeof tag !== 'string'
    ) {
      return null;
    }
    list.push({ before, text, after, tag });
  }
  return { frame, running, mentions: list, ...(total === undefined ? {} : { total }) };
}

/** A reply, checked; null when it is not what the request gets. */
type ReplyParsers<R, K extends keyof R> = { [Q in K]: (value: unknown) => R[Q] | null };

/** The messages to a tab's frames that get a reply; the others are told, not asked. */
export type FrameRequest = Extract<ToFrames, { type: 'ping' | 'list-mentions' }>;
/** The messages to the background that get a reply. */
export type BackgroundRequest = Extract<ToBackground, { type: 'load-card' }>;

const isTrue = (value: unknown): true | null => (value === true ? true : null);

/** The parser of each frame's reply, where the reply arrives. */
export const FRAME_REPLY: ReplyParsers<FrameReplies, FrameRequest['type']> = {
  ping: isTrue,
  'list-mentions': parseMentionList,
};

/** The parser of each of the background's replies, where the reply arrives. */
export const BACKGROUND_REPLY: ReplyParsers<BackgroundReplies, BackgroundRequest['type']> = {
  'load-card': isTrue,
};
