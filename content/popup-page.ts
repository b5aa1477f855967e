/**
 * The toolbar popup: the story in brief, the mentions on the current page (each one scrolls to its
 * mention and opens the card), switches for this site and everywhere, and, where the extension is not
 * running, a one-off scan or a standing permission for the site.
 */
import { browser } from 'wxt/browser';
import { ARTICLE } from './article-text';
import { h, renderSource, renderStory } from './card/render';
import { parseMentionList, type MentionSummary } from './messages';
import { CONTENT_SCRIPT_FILE, originPattern } from './registration';
import { isActiveOn, loadSettings, siteKey, updateSettings } from './settings';

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

/** The mentions the tab's content script reports, or null where no content script answers. */
async function mentionsIn(tabId: number): Promise<MentionSummary[] | null> {
  try {
    return parseMentionList(await browser.tabs.sendMessage(tabId, { type: 'list-mentions' }));
  } catch {
    return null;
  }
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

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
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

  const mentions = tab ? await mentionsIn(tab.id) : null;
  if (mentions === null) {
    const scan = h(doc, 'button', { type: 'button' }, 'Scan this page');
    scan.addEventListener('click', () => {
      if (!tab) return;
      void browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}`] })
        .then(() => setTimeout(rerender, 300))
        .catch(() => {
          status.textContent =
            'This page can’t be scanned (the browser keeps some pages off limits).';
        });
    });
    const always = h(doc, 'button', { type: 'button' }, 'Always run on this site');
    always.addEventListener('click', () => {
      const pattern = originPattern(host);
      if (!pattern) return;
      void browser.permissions.request({ origins: [pattern] }).then((granted) => {
        status.textContent = granted
          ? 'It will run here from the next page load on.'
          : 'Not allowed: the extension stays off here.';
      });
    });
    pageSection.append(
      h(doc, 'h2', { id: 'on-page' }, 'On this page'),
      h(doc, 'p', {}, 'MeToo Context isn’t running on this page.'),
      h(doc, 'p', { class: 'buttons' }, scan, host ? always : null),
    );
  } else {
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
        if (tab)
          void browser.tabs.sendMessage(tab.id, { type: 'reveal-mention', index }).catch(() => {});
      });
      list.append(h(doc, 'li', {}, button));
    });
    pageSection.append(
      h(
        doc,
        'h2',
        { id: 'on-page' },
        `On this page: ${count} ${count === 1 ? 'mention' : 'mentions'}`,
      ),
      count > 0 ? list : h(doc, 'p', { class: 'muted' }, 'No mentions of #MeToo here.'),
    );
  }

  const switches = h(
    doc,
    'section',
    { 'aria-label': 'Where it runs' },
    host
      ? switchControl(
          doc,
          'site-switch',
          `On this site (${host})`,
          isActiveOn({ ...settings, enabled: true }, host),
          (on) => {
            void updateSettings((s) => ({ ...s, sites: { ...s.sites, [siteKey(host)]: on } })).then(
              () => {
                status.textContent = on ? 'On for this site.' : 'Off for this site.';
              },
            );
          },
        )
      : null,
    switchControl(doc, 'everywhere-switch', 'Everywhere', settings.enabled, (on) => {
      void updateSettings((s) => ({ ...s, enabled: on })).then(() => {
        status.textContent = on ? 'On everywhere.' : 'Off everywhere.';
      });
    }),
  );

  const read = h(
    doc,
    'a',
    { href: browser.runtime.getURL('/article.html'), target: '_blank' },
    'Read the full article',
  );
  const settingsLink = h(
    doc,
    'a',
    { href: browser.runtime.getURL('/options.html'), target: '_blank' },
    'Settings',
  );
  root.replaceChildren(
    h(doc, 'h1', {}, 'Where #MeToo began'),
    renderStory(doc, ARTICLE, 'popup', 'h2'),
    h(doc, 'p', { class: 'links' }, read),
    pageSection,
    switches,
    h(doc, 'footer', {}, renderSource(doc, ARTICLE), h(doc, 'p', { class: 'links' }, settingsLink)),
    status,
  );
}
