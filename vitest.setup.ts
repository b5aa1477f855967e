/**
 * Unit tests read the interface's words from the English messages, as the browser would: WXT's
 * fakeBrowser leaves `i18n` unimplemented.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from './public/_locales/en/messages.json';

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** Chrome's rules in small: `$NAME$` takes its placeholder's content, `$1`… the substitutions. */
export function formatMessage(all: Messages, key: string, substitutions: string[] = []): string {
  const entry = all[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole: string, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    if (content === undefined) return whole;
    return content.replace(/\$(\d)/g, (_: string, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

function install(): void {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
    formatMessage(
      messages as Messages,
      key,
      typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []),
    )) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
}

install();
beforeEach(install);

/**
 * happy-dom has no StaticRange, which the store keeps mentions as (content/mentions.ts): a stand-in
 * with the same five fields, like the browser's a plain record of its boundary points.
 */
if (typeof globalThis.StaticRange === 'undefined') {
  class StandInStaticRange {
    readonly startContainer: Node;
    readonly startOffset: number;
    readonly endContainer: Node;
    readonly endOffset: number;
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
    }
    get collapsed(): boolean {
      return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
    }
  }
  globalThis.StaticRange = StandInStaticRange as unknown as typeof StaticRange;
}
