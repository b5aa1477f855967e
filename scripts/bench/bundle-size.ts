/**
 * 6. bundle (store build): the content script as shipped (every page of the sites), and apart the card's script,
 * which only a page with a mention loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { STORE_EXTENSION_DIR } from '../../e2e/support/browser.ts';
import type { Figures } from './common.ts';

export function measureBundle(): Figures {
  const content = readFileSync(join(STORE_EXTENSION_DIR, 'content-scripts', 'content.js'));
  const card = readFileSync(join(STORE_EXTENSION_DIR, 'card-ui.js'));
  return {
    contentScriptBytes: content.length,
    contentScriptGzipBytes: gzipSync(content, { level: 9 }).length,
    cardScriptGzipBytes: gzipSync(card, { level: 9 }).length,
  };
}
