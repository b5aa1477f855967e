/** Messages between the extension's contexts, checked when they arrive: a page can't be trusted to send well-formed ones, nor can an old version of the extension. */

/** A mention as the popup lists it: a few words either side. */
export interface MentionSummary {
  before: string;
  text: string;
  after: string;
  tag: string;
}

export type Message =
  | { type: 'open-article' }
  | { type: 'open-settings' }
  | { type: 'mention-count'; count: number }
  | { type: 'list-mentions' }
  /** `frame`: the token of the frame's script whose list the index is in (see `MentionList`). */
  | { type: 'reveal-mention'; index: number; frame: string }
  | { type: 'open-nearest' }
  | { type: 'open-selection' }
  /** From the background: is a live content script of this extension in the tab? It answers `true`. */
  | { type: 'ping' }
  /** From a content script: run the card's script in my frame (see card/card-module.ts). */
  | { type: 'load-card' }
  /** From a content script: Escape was pressed in my frame; another frame's card may be open. */
  | { type: 'escape' }
  /** From the background, to every frame: close the card as Escape would. */
  | { type: 'dismiss-card' };

const SIMPLE = new Set([
  'load-card',
  'escape',
  'dismiss-card',
  'open-article',
  'open-settings',
  'list-mentions',
  'open-nearest',
  'open-selection',
  'ping',
]);

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

/** A frame token: what a content script makes for itself, a few letters and digits. */
function isFrameToken(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]{1,32}$/.test(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e9;
}

export function parseMessage(value: unknown): Message | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type } = value as { type?: unknown };
  if (typeof type !== 'string') return null;
  if (SIMPLE.has(type)) return { type } as Message;
  if (type === 'mention-count') {
    const { count } = value as { count?: unknown };
    return isCount(count) ? { type, count } : null;
  }
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
