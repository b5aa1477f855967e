/**
 * The settings page's state and what changes it: the stored settings (saved shortly after each
 * change, followed when they change elsewhere), the sites the user added and the status line. Every
 * change draws the page again from the state.
 */
import { browser } from 'wxt/browser';
import { highlightCss } from '../../content/highlight';
import { t } from '../../content/i18n';
import { HIGHLIGHT_NAME } from '../../content/mentions';
import { hostPattern, siteHost } from '../../content/site-access';
import {
  SettingsTooLargeError,
  defaultSettings,
  readSettings,
  watchSettings,
  writeSettings,
  type Settings,
} from '../../content/settings';
import { siteForHost } from '../../content/sites';
import { patch } from '../../ui/dom';
import { siteAccess, type SiteAccess } from './access';
import { renderOptions, type OptionsActions, type OptionsState } from './view';

/** How long the page waits for more changes before it writes them: short enough to feel instant. */
const SAVE_DELAY_MS = 120;

async function grantedAccess(): Promise<SiteAccess> {
  const { origins = [] } = await browser.permissions.getAll();
  return siteAccess(origins);
}

/** Asks for the typed site, saying what came of it; `answered` runs once the browser answers. */
function requestSite(typed: string, say: (text: string) => void, answered: () => void): void {
  const host = siteHost(typed);
  if (host === null) return say(t('options_not_a_site'));
  // A listed site (or one of its subdomains) needs no permission of its own.
  if (siteForHost(host)) return say(t('options_already_listed', host));
  const pattern = hostPattern(host);
  void browser.permissions.request({ origins: [pattern] }).then((ok) => {
    say(ok ? t('options_added', pattern) : t('options_not_added'));
    answered();
  });
}

/** Marks the page's sample mention the way pages will show it. */
function markSample(root: HTMLElement): void {
  const sample = root.querySelector('.sample-mention');
  if (!sample || typeof Highlight !== 'function') return;
  const range = new Range();
  range.selectNodeContents(sample);
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
}

/** Builds the settings page into `root` and keeps it in step with storage until the page goes. */
export async function startOptionsPage(doc: Document, root: HTMLElement): Promise<void> {
  let state: OptionsState = {
    settings: await readSettings(),
    dwellDraft: null,
    access: await grantedAccess(),
    status: { text: '', seq: 0 },
  };
  const markSheet = new CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, markSheet];

  const render = (change: Partial<OptionsState>) => {
    state = { ...state, ...change };
    markSheet.replaceSync(highlightCss(state.settings.highlightStyle));
    patch(root, renderOptions(doc, state, actions));
  };
  const say = (text: string) => render({ status: { text, seq: state.status.seq + 1 } });

  const notSaved = (error: unknown) =>
    say(error instanceof SettingsTooLargeError ? t('settings_too_large') : t('options_not_saved'));

  // Rapid changes (a switch flicked many times) are written once: sync storage limits writes per minute.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    pending = null;
    try {
      await writeSettings(state.settings);
      say(t('options_saved'));
    } catch (error) {
      notSaved(error);
    }
  };
  const refreshAdded = async () => render({ access: await grantedAccess() });

  const actions: OptionsActions = {
    change: (change) => {
      render({ settings: { ...state.settings, ...change }, dwellDraft: null });
      if (pending !== null) clearTimeout(pending);
      pending = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    draftDwell: (ms) => render({ dwellDraft: ms }),
    addSite: (typed, form) =>
      requestSite(typed, say, () => {
        form.reset();
        void refreshAdded();
      }),
    removeOrigin: (origin) => {
      void browser.permissions.remove({ origins: [origin] }).then(refreshAdded);
    },
    reset: () => {
      if (pending !== null) clearTimeout(pending);
      pending = null;
      const defaults: Settings = defaultSettings();
      void writeSettings(defaults).then(() => {
        render({ settings: defaults, dwellDraft: null });
        say(t('options_reset_done'));
      }, notSaved);
    },
    readArticle: () => void browser.tabs.create({ url: browser.runtime.getURL('/article.html') }),
  };

  render({});
  markSample(root);
  addEventListener('pagehide', () => {
    if (pending !== null) void flush();
  });
  // Access granted or taken back elsewhere (the popup, the browser's site controls) shows here too.
  browser.permissions.onAdded.addListener(() => void refreshAdded());
  browser.permissions.onRemoved.addListener(() => void refreshAdded());
  // Changes made elsewhere (the popup, another settings tab) show here too.
  watchSettings((next) => {
    if (pending !== null) return; // our own newer change is on its way
    render({ settings: next, dwellDraft: null });
  });
}
