/**
 * The popup's state and what changes it: the tab it speaks for, the settings (followed in storage)
 * and the tab's mentions (asked again whenever the tab reports a new count). Every change draws the
 * popup again from the state.
 */
import { browser } from 'wxt/browser';
import {
  parsePageSigns,
  readPageSigns,
  recogniseServer,
  type ServerKind,
} from '../../content/fediverse';
import { askTopFrame } from '../../content/frame-messages';
import { t } from '../../content/i18n';
import { parseToBackground, type ToFrames } from '../../content/messages';
import { CONTENT_SCRIPT_FILE, originPattern } from '../../content/site-access';
import {
  SettingsTooLargeError,
  readSettings,
  siteKey,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../content/settings';
import { patch } from '../../ui/dom';
import { latestAnswer } from '../../ui/latest-answer';
import { renderPopup, type PopupActions, type PopupState, type Tab } from './view';

/** The tab the popup speaks for: the active one, or `?tab=` (used by the end-to-end tests). */
export async function targetTab(search: string): Promise<Tab | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
}

/**
 * The mentions the tab's top frame reports, as the badge counts them; where the extension does not run
 * there (a news page with an embedded post), those of the first frame that answers. Null: none runs.
 */
async function mentionsIn(tab: Tab | null) {
  return tab ? askTopFrame(tab.id, { type: 'list-mentions' }) : null;
}

/**
 * The fediverse software a page the extension does not run on names in its markup, read through the
 * access the toolbar click grants (activeTab); null where that access is missing or nothing is named.
 */
async function serverIn(tab: Tab): Promise<ServerKind | null> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: readPageSigns,
    });
    const signs = parsePageSigns(injection?.result);
    return signs ? recogniseServer(signs) : null;
  } catch {
    return null;
  }
}

/** The host of a web page; none for the browser's and extensions' own pages, which no switch covers. */
function hostOf(url: string): string {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? hostname : '';
  } catch {
    return '';
  }
}

/**
 * Lists the tab's mentions again whenever its content script reports a new count (a switch turned,
 * a scan done, posts arrived), so the list never shows what the page no longer does.
 */
function followTab(tabId: number, refresh: () => void): void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  browser.runtime.onMessage.addListener((raw: unknown, sender: { tab?: { id?: number } }) => {
    if (parseToBackground(raw)?.type !== 'mention-count' || sender.tab?.id !== tabId)
      return undefined;
    // A scan reports after each batch: one list for a burst of them.
    pending ??= setTimeout(() => {
      pending = null;
      refresh();
    }, 150);
    return undefined;
  });
}

export async function startPopup(doc: Document, root: HTMLElement, search: string): Promise<void> {
  const tab = await targetTab(search);
  let state: PopupState = {
    tab,
    host: tab ? hostOf(tab.url) : '',
    settings: await readSettings(),
    mentions: null,
    server: null,
    status: { text: '', seq: 0 },
  };
  const render = (change: Partial<PopupState>) => {
    state = { ...state, ...change };
    patch(root, renderPopup(doc, state, actions));
  };
  const say = (text: string) => render({ status: { text, seq: state.status.seq + 1 } });
  // Asked on every count the tab reports: an older list that comes back late is not shown.
  const refresh = latestAnswer(
    () => mentionsIn(tab),
    (mentions) => render({ mentions }),
  );
  // A write storage refuses is said, and the switches show again what is stored.
  const save = (change: (current: Settings) => Settings, done: string) => {
    void updateSettings(change).then(
      (settings) => {
        render({ settings });
        say(done);
      },
      async (error: unknown) => {
        render({ settings: await readSettings() });
        say(
          error instanceof SettingsTooLargeError ? t('settings_too_large') : t('popup_not_saved'),
        );
      },
    );
  };

  const actions: PopupActions = {
    scan: () => {
      if (!tab) return;
      void browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}`] })
        .then(() => setTimeout(() => void refresh(), 300))
        .catch(() => say(t('popup_cannot_scan')));
    },
    allowSite: () => {
      // The tab's own address: an http: page is asked for as http:.
      const pattern = originPattern(tab?.url ?? state.host);
      if (!pattern) return;
      void browser.permissions.request({ origins: [pattern] }).then((granted) => {
        say(granted ? t('popup_always_granted') : t('popup_always_refused'));
      });
    },
    reveal: (index, frame) => {
      if (!tab) return;
      const reveal = { type: 'reveal-mention', index, frame } satisfies ToFrames;
      void browser.tabs.sendMessage(tab.id, reveal).catch(() => {});
    },
    setSite: (on) => {
      const key = siteKey(state.host);
      const sites = (s: Settings) => ({ ...s, sites: { ...s.sites, [key]: on } });
      save(sites, on ? t('popup_site_on') : t('popup_site_off'));
    },
    setEverywhere: (on) =>
      save((s) => ({ ...s, enabled: on }), on ? t('popup_all_on') : t('popup_all_off')),
  };

  // Following first: a count the tab reports while the first list is on its way is not missed.
  if (tab) followTab(tab.id, () => void refresh());
  watchSettings((settings) => render({ settings }));
  // Read alongside the list: it counts only where the extension turns out not to run.
  const server = tab && state.host ? serverIn(tab) : Promise.resolve(null);
  await refresh();
  if (state.mentions === null) render({ server: await server });
}
