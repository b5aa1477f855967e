/**
 * The toolbar popup: the story in brief, the mentions on the current page (each one scrolls to its
 * mention and opens the card), switches for this site and everywhere, and, where the extension is not
 * running, a one-off scan or a standing permission for the site.
 */
import { t } from './i18n';
import { browser } from 'wxt/browser';
import { ARTICLE } from './article-text';
import { h, renderSource, renderStory } from './card/render';
import { askTopFrame } from './frame-messages';
import { parseToBackground, type MentionList, type ToFrames } from './messages';
import { CONTENT_SCRIPT_FILE, originPattern } from './site-access';
import { isActiveOn, siteKey } from './settings';
import { loadSettings, updateSettings } from './settings-store';

type Doc = Document;

/** The tab the popup speaks for: the active one, or `?tab=` (used by the end-to-end tests). */
export async function targetTab(search: string): Promise<{ id: number; url: string } | null> {
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
function mentionsIn(tabId: number): Promise<MentionList | null> {
  return askTopFrame(tabId, { type: 'list-mentions' });
}

function switchControl(
  doc: Doc,
  id: string,
  label: string,
  checked: boolean,
  onChange: (on: boolean) => void,
): HTMLElement {
  const input = doc.createElement('input');
  input.type = 'checkbox';
  input.setAttribute('role', 'switch');
  input.id = id;
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return h(doc, 'p', { class: 'switch' }, input, h(doc, 'label', { for: id }, label));
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

/** Stops the popup following its tab: set while a rendering of the popup listens. */
let unfollow: (() => void) | null = null;

/**
 * Lists the tab's mentions again whenever its content script reports a new count (a switch turned,
 * a scan done, posts arrived), so the list never shows what the page no longer does.
 */
function followTab(tabId: number, fill: (listed: MentionList | null) => void): void {
  unfollow?.();
  let pending: ReturnType<typeof setTimeout> | null = null;
  const onMessage = (raw: unknown, sender: { tab?: { id?: number } }) => {
    if (parseToBackground(raw)?.type !== 'mention-count' || sender.tab?.id !== tabId)
      return undefined;
    // A scan reports after each batch: one list for a burst of them.
    if (pending === null) {
      pending = setTimeout(() => {
        pending = null;
        void mentionsIn(tabId).then(fill);
      }, 150);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  unfollow = () => {
    browser.runtime.onMessage.removeListener(onMessage);
    if (pending !== null) clearTimeout(pending);
  };
}

export async function renderPopup(doc: Doc, root: HTMLElement, search: string): Promise<void> {
  const tab = await targetTab(search);
  const settings = await loadSettings();
  const host = tab ? hostOf(tab.url) : '';
  const status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const pageSection = h(doc, 'section', { 'aria-labelledby': 'on-page' });
  const rerender = () => {
    void renderPopup(doc, root, search);
  };

  const fillPageSection = (listed: MentionList | null) => {
    pageSection.replaceChildren();
    if (listed === null) {
      const scan = h(doc, 'button', { type: 'button' }, t('popup_scan'));
      scan.addEventListener('click', () => {
        if (!tab) return;
        void browser.scripting
          .executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}`] })
          .then(() => setTimeout(rerender, 300))
          .catch(() => {
            status.textContent = t('popup_cannot_scan');
          });
      });
      const always = h(doc, 'button', { type: 'button' }, t('popup_always'));
      always.addEventListener('click', () => {
        // The page's own URL: its scheme too (an http: page needs an http: pattern).
        const pattern = tab ? originPattern(tab.url) : null;
        if (!pattern) return;
        void browser.permissions.request({ origins: [pattern] }).then((granted) => {
          status.textContent = granted ? t('popup_always_granted') : t('popup_always_refused');
        });
      });
      pageSection.append(
        h(doc, 'h2', { id: 'on-page' }, t('popup_on_page')),
        h(doc, 'p', {}, t('popup_not_running')),
        // An extension's own page can be neither scanned nor allowed; a page whose address the
        // popup may not read (no access yet) may be scanned once.
        ...(host || !tab?.url
          ? [h(doc, 'p', { class: 'buttons' }, scan, host ? always : null)]
          : []),
      );
      return;
    }
    if (!listed.running) {
      pageSection.append(
        h(doc, 'h2', { id: 'on-page' }, t('popup_on_page')),
        h(doc, 'p', { class: 'muted' }, t('popup_off_here')),
      );
      return;
    }
    const { frame, mentions } = listed;
    const count = mentions.length;
    const list = h(doc, 'ol', { class: 'mentions' });
    mentions.forEach((mention, index) => {
      const button = h(
        doc,
        'button',
        { type: 'button' },
        mention.before,
        h(doc, 'strong', {}, mention.text),
        mention.after,
      );
      button.addEventListener('click', () => {
        if (!tab) return;
        const reveal = { type: 'reveal-mention', index, frame } satisfies ToFrames;
        void browser.tabs.sendMessage(tab.id, reveal).catch(() => {});
      });
      list.append(h(doc, 'li', {}, button));
    });
    pageSection.append(
      h(
        doc,
        'h2',
        { id: 'on-page' },
        count === 1 ? t('popup_count_one') : t('popup_count_many', count),
      ),
      count > 0 ? list : h(doc, 'p', { class: 'muted' }, t('popup_none')),
    );
  };
  // Following first: a count the tab reports while the first list is on its way is not missed.
  if (tab) followTab(tab.id, fillPageSection);
  fillPageSection(tab ? await mentionsIn(tab.id) : null);

  const switches = h(
    doc,
    'section',
    { 'aria-label': t('popup_where') },
    host
      ? switchControl(
          doc,
          'site-switch',
          t('popup_this_site', host),
          isActiveOn({ ...settings, enabled: true }, host),
          (on) => {
            void updateSettings((s) => ({ ...s, sites: { ...s.sites, [siteKey(host)]: on } })).then(
              () => {
                status.textContent = on ? t('popup_site_on') : t('popup_site_off');
              },
            );
          },
        )
      : null,
    switchControl(doc, 'everywhere-switch', t('popup_everywhere'), settings.enabled, (on) => {
      void updateSettings((s) => ({ ...s, enabled: on })).then(() => {
        status.textContent = on ? t('popup_all_on') : t('popup_all_off');
      });
    }),
  );

  const read = h(
    doc,
    'a',
    { href: browser.runtime.getURL('/article.html'), target: '_blank' },
    t('card_read_article'),
  );
  const settingsLink = h(
    doc,
    'a',
    { href: browser.runtime.getURL('/options.html'), target: '_blank' },
    t('card_settings'),
  );
  root.replaceChildren(
    h(doc, 'h1', {}, t('popup_title')),
    renderStory(doc, ARTICLE, 'popup', 'h2'),
    h(doc, 'p', { class: 'links' }, read),
    pageSection,
    switches,
    h(doc, 'footer', {}, renderSource(doc, ARTICLE), h(doc, 'p', { class: 'links' }, settingsLink)),
    status,
  );
}
