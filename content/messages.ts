/** Messages between the extension's contexts, checked when they arrive. */

export type Message =
  { type: 'open-article' } | { type: 'open-settings' } | { type: 'mention-count'; count: number };

export function parseMessage(value: unknown): Message | null {
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  if (type === 'open-article' || type === 'open-settings') return { type };
  if (type === 'mention-count') {
    const count = (value as { count?: unknown }).count;
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return { type, count };
  }
  return null;
}
