/** The page's own events the session follows, each tied to the content script's context. */
import type { PageContext } from '../page-context';
import { tellBackground } from '../background-door';
import type { PageRuntime } from './page-runtime';

/** How often the highlight registry is checked: a cheap check, four times a second. */
const HIGHLIGHT_CHECK_MS = 250;
/** Escape is passed to other frames at most this often: a held key must not keep the worker busy. */
export const ESCAPE_RELAY_MS = 250;

export function followPageEvents(ctx: PageContext, doc: Document, page: PageRuntime): void {
  // A page may clear the highlight registry; put ours back.
  ctx.setInterval(() => page.keepHighlight(), HIGHLIGHT_CHECK_MS);
  // Escape goes to the frame that has focus, which may not be the one showing a hover card: where
  // the tab has other frames, the background passes it on to all of them.
  // Only the reader's own key counts: the page's synthetic keydowns are not relayed.
  let relayed = -Infinity;
  ctx.addEventListener(
    doc,
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !event.isTrusted || !page.running) return;
      // `length`: the frames in this page, shadow trees' included, counted without a walk of the page.
      if (!window.length && window === window.top) return;
      if (event.timeStamp - relayed < ESCAPE_RELAY_MS || ctx.isInvalid) return;
      relayed = event.timeStamp;
      tellBackground({ type: 'escape' });
    },
    { capture: true },
  );
  ctx.onLocationChange(() => page.followNavigation());
  // Back from the back/forward cache, the tab's badge was reset: say the count again.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted) page.reportCount();
  });
}
