import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageContext } from '../content/page-context';
import { startPageSession } from '../content/page-session';
import { SOCIAL_MATCHES } from '../content/sites';

export default defineContentScript({
  matches: SOCIAL_MATCHES,
  runAt: 'document_idle',
  // Same-origin frames and embeds on the sites (a tweet embed is a twitter.com frame) get their own.
  allFrames: true,
  // WXT's own context is replaced (see content/page-context.ts): say nothing to the page in any case.
  noScriptStartedPostMessage: true,
  main() {
    void startPageSession(new PageContext(), document);
  },
});
