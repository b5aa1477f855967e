/**
 * One page's scan → highlight → card, switched on and off as the settings say. It knows nothing of
 * the frame's messages or of the content script's lifecycle: those are wired around it
 * (../page-session.ts). Closures rather than a class: the content script's bytes are counted.
 */
import type { PageContext } from '../page-context';
import { askBackground, tellBackground } from '../background-door';
import { loadedCardModule, type CardModule } from '../card/card-module';
import { MentionUiLoader } from '../card/mention-ui-loader';
import { PageHighlight } from '../highlight';
import { MentionStore } from '../mentions';
import type { ToBackground } from '../messages';
import { PageScanner } from '../scan/page-scanner';
import { defaultSettings, isActiveOn, type Settings } from '../settings';
import { countReport } from './count-report';

export interface PageRuntime {
  readonly store: MentionStore;
  readonly scanner: PageScanner;
  readonly mentionUi: MentionUiLoader;
  readonly running: boolean;
  readonly settings: Settings;
  /** Follows new settings: on or off for this site, the highlight's style, what counts as a mention. */
  apply(next: Settings): void;
  turnOff(): void;
  /** A page may clear the highlight registry; put ours back. */
  keepHighlight(): void;
  /** Single-page navigation: the card's mention has gone, and a rescan finds what mutations don't show. */
  followNavigation(): void;
  /** Says the count again (a page back from the back/forward cache: the badge was reset). */
  reportCount(): void;
}

/** Asks the background to run the card's script in this frame, once; then it is in our isolated world. */
async function loadCardModule(ctx: PageContext): Promise<CardModule | undefined> {
  const loaded = loadedCardModule();
  if (loaded || ctx.isInvalid) return loaded;
  await askBackground({ type: 'load-card' });
  return loadedCardModule();
}

/** Runs a teardown step that may meet an extension context already gone; nothing reaches the page. */
export function quietly(step: () => void): void {
  try {
    step();
  } catch {
    // After a reload or uninstall the extension's APIs throw; the page's side is already cleaned.
  }
}

/** The card and all it takes come with the page's first mention (see card/card-module.ts). */
function cardLoader(
  ctx: PageContext,
  doc: Document,
  store: MentionStore,
  settings: () => Settings,
  shadowRoots: ShadowRoot[],
  send: (message: ToBackground) => void,
): MentionUiLoader {
  const loader = new MentionUiLoader(
    doc,
    () => loadCardModule(ctx),
    (module) =>
      module.createMentionUi(ctx, {
        doc,
        win: window,
        store,
        settings,
        shadowRoots: () => shadowRoots,
        readArticle: () => send({ type: 'open-article' }),
        openSettings: () => send({ type: 'open-settings' }),
      }),
  );
  // Past the store's limit the cap, which comes with the card, ranks what the highlight keeps.
  store.onHold = () => void loader.ensure();
  return loader;
}

/** Sends to the background while this script's context lives; after a reload no one would hear. */
function sender(ctx: PageContext): (message: ToBackground) => void {
  return (message) => {
    if (!ctx.isInvalid) tellBackground(message);
  };
}

/** The scanner, styling each shadow root it finds; `onCount`: the page's count after each batch. */
function pageScanner(
  store: MentionStore,
  highlight: PageHighlight,
  shadowRoots: ShadowRoot[],
  settings: () => Settings,
  onCount: (count: number) => void,
): PageScanner {
  return new PageScanner(
    store,
    () => ({ translations: settings().translations, related: settings().related }),
    {
      onShadowRoot: (root) => {
        shadowRoots.push(root);
        highlight.styleRoot(root);
      },
      onShadowRootGone: (root) => {
        const index = shadowRoots.indexOf(root);
        if (index >= 0) shadowRoots.splice(index, 1);
        highlight.unstyleRoot(root);
      },
      onChange: onCount,
    },
  );
}

export function createPageRuntime(ctx: PageContext, doc: Document): PageRuntime {
  let settings: Settings = defaultSettings();
  let running = false;
  let ranBefore = false;
  let listening: AbortController | null = null;
  const shadowRoots: ShadowRoot[] = [];
  const highlight = new PageHighlight(settings.highlightStyle);
  const store = new MentionStore(highlight.ranges);
  const send = sender(ctx);
  const count = countReport((n) => send({ type: 'mention-count', count: n }));
  const mentionUi = cardLoader(ctx, doc, store, () => settings, shadowRoots, send);
  const scanner = pageScanner(
    store,
    highlight,
    shadowRoots,
    () => settings,
    (n) => {
      if (n > 0 && running) {
        // Reveal less: the highlight and its sheet join the page with its first mention.
        highlight.reveal();
        void mentionUi.ensure();
      }
      count.report(n);
    },
  );
  const switches = {
    on() {
      running = true;
      highlight.register();
      highlight.styleRoot(doc);
      listening = new AbortController();
      mentionUi.listen(listening.signal);
      // Turned on again: said even if the read ends on the count last sent (the popup follows it).
      if (ranBefore) count.switched(0);
      ranBefore = true;
      scanner.start(doc).catch(() => {
        // The extension went away while the page was read; its teardown has it covered.
      });
    },
    off() {
      if (!running) return;
      running = false;
      quietly(() => listening?.abort());
      listening = null;
      scanner.stop();
      store.clear();
      highlight.remove();
      count.switched(0);
    },
  };
  return {
    store,
    scanner,
    mentionUi,
    get running() {
      return running;
    },
    get settings() {
      return settings;
    },
    apply(next) {
      const previous = settings;
      settings = next;
      if (!isActiveOn(next, doc.location?.hostname ?? '')) return switches.off();
      highlight.setStyle(next.highlightStyle);
      if (!running) {
        switches.on();
      } else if (previous.translations !== next.translations || previous.related !== next.related) {
        mentionUi.close();
        void scanner.rescan();
      }
    },
    turnOff: switches.off,
    keepHighlight() {
      if (running && !highlight.registered) highlight.register();
    },
    followNavigation() {
      mentionUi.close();
      if (running) void scanner.rescan();
    },
    reportCount: count.again,
  };
}
