/**
 * Everything the extension does on one page, wired together: scan → highlight → card, following the
 * settings live. Torn down through the content script context when the extension is reloaded,
 * updated or disabled, so the old script leaves nothing behind and throws nothing.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadedCardModule, type CardModule } from './card/card-module';
import { MentionUiLoader } from './card/mention-ui-loader';
import { PageHighlight } from './highlight';
import { MentionStore } from './mentions';
import { parseMessage, type MentionList, type Message } from './messages';
import { PageScanner } from './scan/page-scanner';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  onSettingsChange,
  readSettings,
  type Settings,
} from './settings';

/** Sends a message to the background; after a reload of the extension there is no one to hear it. */
function send(ctx: ContentScriptContext, message: Message): void {
  if (ctx.isInvalid) return;
  browser.runtime.sendMessage(message).catch(() => {
    // The extension was reloaded or updated; this page's script is on its way out.
  });
}

/** Asks the background to run the card's script in this frame, once; then it is in our isolated world. */
async function loadCardModule(ctx: ContentScriptContext): Promise<CardModule | undefined> {
  const loaded = loadedCardModule();
  if (loaded || ctx.isInvalid) return loaded;
  await browser.runtime.sendMessage({ type: 'load-card' } satisfies Message);
  return loadedCardModule();
}

/** Runs a teardown step that may meet an extension context already gone; nothing reaches the page. */
function quietly(step: () => void): void {
  try {
    step();
  } catch {
    // After a reload or uninstall the extension's APIs throw; the page's side is already cleaned.
  }
}

export interface PageSession {
  store: MentionStore;
  scanner: PageScanner;
  mentionUi: MentionUiLoader;
  settings(): Settings;
}

export async function startPageSession(
  ctx: ContentScriptContext,
  doc: Document,
): Promise<PageSession | null> {
  if (!PageHighlight.supported()) return null;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const highlight = new PageHighlight(settings.highlightStyle);
  const store = new MentionStore(highlight.ranges);
  // This frame's token in the popup's list: the popup's click is sent to every frame, and meant for one.
  const frame = Math.random().toString(36).slice(2, 12) || 'frame';
  const shadowRoots: ShadowRoot[] = [];
  let listening: AbortController | null = null;
  let running = false;
  // The card and all it takes come with the page's first mention (see card/card-module.ts).
  const mentionUi = new MentionUiLoader(
    doc,
    () => loadCardModule(ctx),
    (module) =>
      module.createMentionUi(ctx, {
        doc,
        win: window,
        store,
        settings: () => settings,
        shadowRoots: () => shadowRoots,
        readArticle: () => send(ctx, { type: 'open-article' }),
        openSettings: () => send(ctx, { type: 'open-settings' }),
      }),
  );
  // Past the store's limit the cap, which comes with the card, ranks what the highlight keeps.
  store.onHold = () => void mentionUi.ensure();
  const scanner = new PageScanner(
    store,
    () => ({ translations: settings.translations, related: settings.related }),
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
      onChange: (count) => {
        if (count > 0 && running) void mentionUi.ensure();
        send(ctx, { type: 'mention-count', count });
      },
    },
  );

  const host = doc.location?.hostname ?? '';

  const turnOn = () => {
    if (running) return;
    running = true;
    highlight.register();
    highlight.styleRoot(doc);
    listening = new AbortController();
    mentionUi.listen(listening.signal);
    scanner.start(doc).catch(() => {
      // The extension went away while the page was read; its teardown has it covered.
    });
  };
  const turnOff = () => {
    if (!running) return;
    running = false;
    quietly(() => listening?.abort());
    listening = null;
    scanner.stop();
    store.clear();
    highlight.remove();
    send(ctx, { type: 'mention-count', count: 0 });
  };
  const apply = (next: Settings) => {
    const previous = settings;
    settings = next;
    if (!isActiveOn(next, host)) {
      turnOff();
      return;
    }
    highlight.setStyle(next.highlightStyle);
    if (!running) {
      turnOn();
    } else if (previous.translations !== next.translations || previous.related !== next.related) {
      mentionUi.close();
      void scanner.rescan();
    }
  };

  apply(await readSettings());
  if (ctx.isInvalid) {
    turnOff();
    return null;
  }
  const unwatch = onSettingsChange(apply);
  // A page may clear the highlight registry; put ours back (a cheap check, four times a second).
  ctx.setInterval(() => {
    if (running && !highlight.registered) highlight.register();
  }, 250);
  // Escape goes to the frame that has focus, which may not be the one showing a hover card: where
  // the tab has other frames, the background passes it on to all of them.
  ctx.addEventListener(
    doc,
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !running) return;
      if (window !== window.top || doc.querySelector('iframe, frame'))
        send(ctx, { type: 'escape' });
    },
    { capture: true },
  );
  // Single-page navigation: the card's mention has gone, and a rescan finds what mutations don't show.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    mentionUi.close();
    if (running) void scanner.rescan();
  });

  /** Answers the popup, the context menu and the keyboard command. */
  const onMessage = (raw: unknown): Promise<MentionList | true> | undefined => {
    const message = parseMessage(raw);
    if (!message || ctx.isInvalid) return undefined;
    switch (message.type) {
      case 'ping':
        return Promise.resolve(true);
      case 'list-mentions':
        return mentionUi
          .list(running && store.size > 0)
          .then(({ mentions, total }) => ({ frame, running, mentions, total }));
      case 'reveal-mention':
        if (running && message.frame === frame) {
          void mentionUi.open({ kind: 'index', index: message.index });
        }
        return undefined;
      case 'open-nearest':
        if (running) void mentionUi.open({ kind: 'nearest' });
        return undefined;
      case 'open-selection':
        if (running) void mentionUi.open({ kind: 'selection' });
        return undefined;
      case 'dismiss-card':
        mentionUi.dismiss();
        return undefined;
      default:
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  // The page comes first: its highlights and card go even when the extension's APIs are already gone.
  ctx.onInvalidated(() => {
    quietly(turnOff);
    quietly(unwatch);
    quietly(() => browser.runtime.onMessage.removeListener(onMessage));
  });
  return { store, scanner, mentionUi, settings: () => settings };
}
