/**
 * The welcome page, opened once on first install: what the extension does, a sample to try the card
 * on, the sites it runs on and how to add one, the keyboard shortcut, and the privacy promise.
 */
import { browser } from 'wxt/browser';
import { h } from '../../content/card/render';
import { t } from '../../content/i18n';
import { SITE_NAMES, SITES } from '../../content/sites';
import { renderSample } from './sample-card';

/** The manifest's command and its suggested key, shown until the browser says what is set. */
const COMMAND = 'open-nearest';
const SUGGESTED_KEY = 'Alt+Shift+M';
/** PRIVACY.md, copied into the build by wxt.config.ts so the promise ships with the extension. */
const PRIVACY_PAGE = 'PRIVACY.txt';

function section(
  doc: Document,
  id: string,
  title: string,
  ...children: HTMLElement[]
): HTMLElement {
  return h(doc, 'section', { 'aria-labelledby': id }, h(doc, 'h2', { id }, title), ...children);
}

function sitesList(doc: Document): HTMLElement {
  return h(
    doc,
    'ul',
    { class: 'sites' },
    ...SITES.map((site) =>
      h(doc, 'li', {}, h(doc, 'strong', {}, SITE_NAMES[site.id]), ` (${site.hosts.join(', ')})`),
    ),
  );
}

/** "Press Alt+Shift+M to …", with the key the browser has for the command (the user may change it). */
function shortcutLine(doc: Document): HTMLElement {
  const line = h(doc, 'p', { class: 'shortcut' });
  const show = (key: string) => {
    if (key === '') {
      line.replaceChildren(t('welcome_shortcut_unset'));
      return;
    }
    // The message places the key; a marker keeps its position so the key can be a <kbd>.
    const [before = '', after = ''] = t('welcome_shortcut_text', '\u0000').split('\u0000');
    line.replaceChildren(before, h(doc, 'kbd', {}, key), after);
  };
  show(SUGGESTED_KEY);
  // Firefox for Android has no commands API: the suggested key stays, harmless there.
  if (typeof browser.commands?.getAll === 'function') {
    void browser.commands
      .getAll()
      .then((commands) => {
        const command = commands.find((entry) => entry.name === COMMAND);
        if (command) show(command.shortcut ?? '');
      })
      .catch(() => {});
  }
  return line;
}

function settingsButton(doc: Document): HTMLElement {
  const button = h(doc, 'button', { type: 'button' }, t('welcome_open_settings'));
  button.addEventListener('click', () => void browser.runtime.openOptionsPage());
  return button;
}

/** Fills `root` with the whole page. */
export function renderWelcomePage(doc: Document, root: HTMLElement): void {
  root.replaceChildren(
    h(doc, 'h1', {}, t('welcome_title')),
    h(doc, 'p', { class: 'intro' }, t('welcome_intro')),
    section(
      doc,
      'welcome-try',
      t('welcome_try'),
      h(doc, 'p', {}, t('welcome_try_help')),
      renderSample(doc),
    ),
    section(
      doc,
      'welcome-sites',
      t('welcome_sites'),
      h(doc, 'p', {}, t('welcome_sites_help')),
      sitesList(doc),
    ),
    section(
      doc,
      'welcome-add',
      t('welcome_add'),
      h(doc, 'p', {}, t('welcome_add_steps')),
      h(doc, 'p', {}, settingsButton(doc)),
    ),
    section(doc, 'welcome-keyboard', t('welcome_shortcut'), shortcutLine(doc)),
    section(
      doc,
      'welcome-privacy',
      t('welcome_privacy'),
      h(doc, 'p', {}, t('welcome_privacy_text')),
      h(doc, 'p', {}, h(doc, 'a', { href: PRIVACY_PAGE }, t('welcome_privacy_link'))),
    ),
  );
}
