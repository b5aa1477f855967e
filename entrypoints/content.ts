import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession } from '../content/page-session';
import { SOCIAL_MATCHES } from '../content/sites';

export default defineContentScript({
  matches: SOCIAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startPageSession(ctx, document);
  },
});
