/**
 * The toolbar popup drawn from `{tab, settings, mentions}`: the story in brief, the mentions on the
 * page, switches for this site and everywhere, and, where the extension is not running, a one-off
 * scan or a standing permission for the site. Called again on every change.
 */
import { browser } from 'wxt/browser';
import { ARTICLE } from '../../content/article-text';
import { renderSourceLine, renderStory } from '../../content/card/render';
import { t } from '../../content/i18n';
import { SERVER_NAMES, type ServerKind } from '../../content/fediverse';
import type { MentionList } from '../../content/messages';
import { isActiveOn, type Settings } from '../../content/settings';
import { switchLine } from '../../ui/controls';
import { h } from '../../ui/dom';

export interface Tab {
  id: number;
  url: string;
}

export interface PopupState {
  tab: Tab | null;
  /** The tab's web host; empty for the browser's and extensions' own pages, which no switch covers. */
  host: string;
  settings: Settings;
  /** What the tab reports; null: the extension does not run in it. */
  mentions: MentionList | null;
  /** Where it does not run: the fediverse software the page's markup names, if any. */
  server: ServerKind | null;
  status: { text: string; seq: number };
}

export interface PopupActions {
  scan(): void;
  allowSite(): void;
  reveal(index: number, frame: string): void;
  setSite(on: boolean): void;
  setEverywhere(on: boolean): void;
}

type Doc = Document;

function notRunning(doc: Doc, state: PopupState, actions: PopupActions): Node[] {
  const { host, tab } = state;
  const scan = h(doc, 'button', { type: 'button', onclick: actions.scan }, t('popup_scan'));
  const always = h(
    doc,
    'button',
    { type: 'button', onclick: actions.allowSite },
    state.server ? t('popup_always_server', SERVER_NAMES[state.server]) : t('popup_always'),
  );
  // On a server the page's markup names, the standing offer comes first: that is what its reader wants.
  const buttons = state.server ? [always, scan] : [scan, host ? always : null];
  return [
    h(doc, 'p', {}, t('popup_not_running')),
    // An extension's own page can be neither scanned nor allowed; a page whose address the popup
    // may not read (no access yet) may be scanned once.
    host || !tab?.url ? h(doc, 'p', { class: 'buttons' }, ...buttons) : null,
  ].filter((node): node is HTMLElement => node !== null);
}

/** The heading and body of the section about the page. */
function onPage(doc: Doc, state: PopupState, actions: PopupActions): Node[] {
  const listed = state.mentions;
  const heading = (text: string) => h(doc, 'h2', { id: 'on-page' }, text);
  if (listed === null) return [heading(t('popup_on_page')), ...notRunning(doc, state, actions)];
  if (!listed.running)
    return [heading(t('popup_on_page')), h(doc, 'p', { class: 'muted' }, t('popup_off_here'))];
  const count = listed.mentions.length;
  const list = h(
    doc,
    'ol',
    { class: 'mentions' },
    ...listed.mentions.map((mention, index) =>
      h(
        doc,
        'li',
        {},
        h(
          doc,
          'button',
          { type: 'button', onclick: () => actions.reveal(index, listed.frame) },
          mention.before,
          h(doc, 'strong', {}, mention.text),
          mention.after,
        ),
      ),
    ),
  );
  // The list holds the mentions nearest the view; the heading counts the page's.
  const total = Math.max(listed.total ?? count, count);
  return [
    heading(total === 1 ? t('popup_count_one') : t('popup_count_many', total)),
    count > 0 ? list : h(doc, 'p', { class: 'muted' }, t('popup_none')),
    total > count ? h(doc, 'p', { class: 'muted' }, t('popup_more', total - count)) : null,
  ].filter((node): node is HTMLElement => node !== null);
}

function link(doc: Doc, path: '/article.html' | '/options.html', text: string): HTMLElement {
  return h(doc, 'a', { href: browser.runtime.getURL(path), target: '_blank' }, text);
}

/** The whole popup for this state: the children of its root. */
export function renderPopup(doc: Doc, state: PopupState, actions: PopupActions): Node[] {
  const { host, settings } = state;
  return [
    h(doc, 'h1', {}, t('popup_title')),
    renderStory(doc, ARTICLE, 'popup', 'h2'),
    h(doc, 'p', { class: 'links' }, link(doc, '/article.html', t('card_read_article'))),
    h(doc, 'section', { 'aria-labelledby': 'on-page' }, ...onPage(doc, state, actions)),
    h(
      doc,
      'section',
      { 'aria-label': t('popup_where') },
      host
        ? switchLine(
            doc,
            'site-switch',
            t('popup_this_site', host),
            isActiveOn({ ...settings, enabled: true }, host),
            actions.setSite,
          )
        : null,
      switchLine(
        doc,
        'everywhere-switch',
        t('popup_everywhere'),
        settings.enabled,
        actions.setEverywhere,
      ),
    ),
    h(
      doc,
      'footer',
      {},
      renderSourceLine(doc, ARTICLE),
      h(doc, 'p', { class: 'links' }, link(doc, '/options.html', t('card_settings'))),
    ),
    h(
      doc,
      'p',
      { class: 'status', role: 'status', 'aria-live': 'polite' },
      state.status.text
        ? h(doc, 'span', { 'data-key': `s${state.status.seq}` }, state.status.text)
        : null,
    ),
  ];
}
