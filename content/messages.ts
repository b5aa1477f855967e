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
  | { type: 'reveal-mention'; index: number }
  | { type: 'open-nearest' }
  | { type: 'open-selection' }
  /** From the background: is a live content script of this extension in the tab? It answers `true`. */
  | { type: 'ping' }
  /** From a content script: run the card's script in my frame (see card/card-module.ts). */
  | { type: 'load-card' };

const SIMPLE = new Set([
  'load-card',
  'open-article',
  'open-settings',
  'list-mentions',
  'open-nearest',
  'open-selection',
  'ping',
]);

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
    const { index } = value as { index?: unknown };
    return isCount(index) ? { type, index } : null;
  }
  return null;
}

/** The content script's answer to `list-mentions`, checked in the popup. */
export function parseMentionList(value: unknown): MentionSummary[] | null {
  if (!Array.isArray(value)) return null;
  const list: MentionSummary[] = [];
  for (const item of value) {
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
  return list;
}
