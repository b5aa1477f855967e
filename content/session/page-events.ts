/** The page's own events the session follows, each tied to the content script's context. */
import type { PageContext } from '../page-context';
import { tellBackground } from '../background-door';
import type { PageRuntime } from './page-runtime';

/** How often the highlight registry is checked: a cheap check, four times a second. */
const HIGHLIGHT_CHECK_MS = 250;

export function followPageEvents(ctx: PageContext, doc: Document, page: PageRuntime): void {
  // A page may clear the highlight registry; put ours back.
  ctx.setInterval(() => page.keepHighlight(), HIGHLIGHT_CHECK_MS);
  // Escape goes to the frame that has focus, which may not be the one showing a hover card: where
  // the tab has other frames, the background passes it on to all of them.
  ctx.addEventListener(
    doc,
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !page.running || !event.isTrusted) return;
      if (window !== window.top || doc.querySelector('iframe, frame')) {
        if (!ctx.isInvalid) tellBackground({ type: 'escape' });
      }
    },
    { capture: true },
  );
  ctx.onLocationChange(() => page.followNavigation());
}
