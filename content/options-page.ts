/**
 * The settings page: every setting, grouped and labelled, saved as soon as it changes, with a live
 * preview of a highlighted mention and of the card.
 */
import { t } from './i18n';
import { browser } from 'wxt/browser';
import cardCss from '../assets/card.css?inline';
import storyCss from '../assets/story.css?inline';
import { ARTICLE } from './article-text';
import { h, renderCard } from './card/render';
import { HIGHLIGHT_NAME } from './mentions';
import { highlightCss } from './highlight';
import { hostPattern, siteHost, userOrigins } from './site-access';
import { DEFAULT_SETTINGS, DWELL_RANGE, type Settings } from './settings';
import { loadSettings, saveSettings, watchSettings } from './settings-store';
import { SITE_NAMES, SITES, siteForHost } from './sites';

type Doc = Document;

/** How long the page waits for more changes before it writes them: short enough to feel instant. */
const SAVE_DELAY_MS = 120;

function field(
  doc: Doc,
  control: HTMLElement,
  label: string,
  help: string,
  id: string,
): HTMLElement {
  control.id = id;
  control.setAttribute('aria-describedby', `${id}-help`);
  return h(
    doc,
    'div',
    { class: 'field' },
    h(doc, 'label', { for: id }, label),
    control,
    h(doc, 'p', { class: 'help', id: `${id}-help` }, help),
  );
}

function checkbox(doc: Doc, checked: boolean, role?: 'switch'): HTMLInputElement {
  const input = doc.createElement('input');
  input.type = 'checkbox';
  input.checked = checked;
  if (role) input.setAttribute('role', role);
  return input;
}

/** The id of a choice's radio button for one value. */
function optionId(name: string, value: string): string {
  return `${name}-${value}`;
}

function choice<T extends string>(
  doc: Doc,
  name: string,
  legend: string,
  help: string,
  options: readonly { value: T; label: string }[],
  current: T,
  onChange: (value: T) => void,
): HTMLElement {
  const set = h(
    doc,
    'fieldset',
    { 'aria-describedby': `${name}-help` },
    h(doc, 'legend', {}, legend),
  );
  for (const option of options) {
    const input = doc.createElement('input');
    input.type = 'radio';
    input.name = name;
    input.value = option.value;
    input.id = optionId(name, option.value);
    input.checked = option.value === current;
    input.addEventListener('change', () => {
      if (input.checked) onChange(option.value);
    });
    set.append(
      h(doc, 'span', { class: 'option' }, input, h(doc, 'label', { for: input.id }, option.label)),
    );
  }
  set.append(h(doc, 'p', { class: 'help', id: `${name}-help` }, help));
  return set;
}

/**
 * Builds the settings page into `root`. `notice` is said in the status line once the page is there
 * (after a reset, which builds the page again), with focus back on the reset button.
 */
export async function renderOptionsPage(
  doc: Doc,
  root: HTMLElement,
  notice?: string,
): Promise<void> {
  let settings = await loadSettings();
  let unwatch: (() => void) | null = null;
  const status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  // Rapid changes (a switch flicked many times) are written once: sync storage limits writes per minute.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    pending = null;
    try {
      await saveSettings(settings);
      status.textContent = t('options_saved');
    } catch {
      status.textContent = t('options_not_saved');
    }
  };
  const save = (change: Partial<Settings>) => {
    settings = { ...settings, ...change };
    updatePreview();
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };
  addEventListener('pagehide', () => {
    if (pending !== null) void flush();
  });

  // General
  const enabled = checkbox(doc, settings.enabled, 'switch');
  enabled.addEventListener('change', () => void save({ enabled: enabled.checked }));
  const dwell = doc.createElement('input');
  dwell.type = 'range';
  dwell.min = String(DWELL_RANGE.min);
  dwell.max = String(DWELL_RANGE.max);
  dwell.step = '50';
  dwell.value = String(settings.dwellMs);
  const dwellOut = h(doc, 'output', { for: 'dwell' }, t('options_ms', settings.dwellMs));
  dwell.addEventListener('input', () => {
    dwellOut.textContent = t('options_ms', dwell.value);
  });
  dwell.addEventListener('change', () => void save({ dwellMs: Number(dwell.value) }));

  // Appearance preview: a sample mention highlighted the way pages will show it, and the card.
  const sample = doc.createTextNode('#MeToo');
  const previewText = h(
    doc,
    'p',
    { class: 'sample' },
    `${t('options_sample_before')} `,
    sample,
    ` ${t('options_sample_after')}`,
  );
  const previewSheet = new CSSStyleSheet();
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, previewSheet];
  const previewRange = new Range();
  previewRange.selectNodeContents(sample);
  if (typeof Highlight === 'function')
    CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(previewRange));
  const cardSlot = h(doc, 'div', { class: 'card-preview' });
  const cardShadow = cardSlot.attachShadow({ mode: 'open' });
  const cardSheet = new CSSStyleSheet();
  cardSheet.replaceSync(`${cardCss}\n${storyCss}`);
  const inPlace = new CSSStyleSheet();
  // The card's own sheet pins its host to the viewport; here it sits in the page's flow.
  inPlace.replaceSync(
    ':host { position: static !important; width: auto !important; height: auto !important; } .card { position: static; animation: none; } .arrow { display: none; } .body { max-height: none; }',
  );
  cardShadow.adoptedStyleSheets = [cardSheet, inPlace];
  const updatePreview = () => {
    previewSheet.replaceSync(highlightCss(settings.highlightStyle));
    const card = renderCard(
      doc,
      ARTICLE,
      { text: '#MeToo', tag: 'metoo' },
      {
        readArticle: () =>
          void browser.tabs.create({ url: browser.runtime.getURL('/article.html') }),
        openSettings: () => {},
        close: () => {},
      },
    );
    card.setAttribute('role', 'group');
    card.setAttribute('aria-label', t('options_preview_card'));
    card.removeAttribute('tabindex');
    card.querySelector('.close')?.remove();
    card.querySelector('.sr-hint')?.remove();
    card.querySelector('.quiet')?.remove();
    if (settings.theme !== 'auto') card.classList.add(settings.theme);
    cardShadow.replaceChildren(card);
  };

  // Which tags
  const translations = checkbox(doc, settings.translations);
  translations.addEventListener('change', () => void save({ translations: translations.checked }));
  const related = checkbox(doc, settings.related);
  related.addEventListener('change', () => void save({ related: related.checked }));

  // Sites
  const siteList = h(doc, 'ul', { class: 'sites' });
  for (const site of SITES) {
    const on = checkbox(doc, settings.sites[site.id] !== false, 'switch');
    on.id = `site-${site.id}`;
    on.addEventListener(
      'change',
      () => void save({ sites: { ...settings.sites, [site.id]: on.checked } }),
    );
    siteList.append(
      h(
        doc,
        'li',
        {},
        on,
        h(doc, 'label', { for: on.id }, SITE_NAMES[site.id]),
        h(doc, 'span', { class: 'hosts' }, site.hosts.join(', ')),
      ),
    );
  }
  const otherList = h(doc, 'ul', { class: 'sites', 'aria-label': t('options_added_sites') });
  const renderOthers = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    const mine = userOrigins(origins).filter((o) => o !== '<all_urls>');
    otherList.replaceChildren(
      ...(mine.length === 0 ? [h(doc, 'li', { class: 'help' }, t('options_no_other'))] : []),
      ...mine.map((origin) => {
        const remove = h(
          doc,
          'button',
          { type: 'button', 'aria-label': t('options_remove_label', origin) },
          t('options_remove'),
        );
        remove.addEventListener('click', () => {
          void browser.permissions.remove({ origins: [origin] }).then(renderOthers);
        });
        return h(doc, 'li', {}, h(doc, 'span', {}, origin), remove);
      }),
    );
  };
  const addInput = doc.createElement('input');
  addInput.type = 'text';
  addInput.placeholder = 'example.org';
  addInput.autocomplete = 'off';
  const addButton = h(doc, 'button', { type: 'submit' }, t('options_add_button'));
  const addForm = h(
    doc,
    'form',
    { class: 'add-site' },
    field(doc, addInput, t('options_add'), t('options_add_help'), 'add-site'),
    addButton,
  );
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const host = siteHost(addInput.value);
    if (host === null) {
      status.textContent = t('options_not_a_site');
      return;
    }
    // A listed site (or one of its subdomains) needs no permission of its own.
    if (siteForHost(host)) {
      status.textContent = t('options_already_listed', host);
      return;
    }
    const pattern = hostPattern(host);
    void browser.permissions.request({ origins: [pattern] }).then((granted) => {
      status.textContent = granted ? t('options_added', pattern) : t('options_not_added');
      addInput.value = '';
      return renderOthers();
    });
  });

  const reset = h(doc, 'button', { type: 'button' }, t('options_reset_button'));
  reset.addEventListener('click', () => {
    void saveSettings({ ...DEFAULT_SETTINGS, sites: {} }).then(() => {
      unwatch?.();
      root.replaceChildren();
      void renderOptionsPage(doc, root, t('options_reset_done'));
    });
  });

  root.replaceChildren(
    h(doc, 'h1', {}, t('options_title')),
    h(doc, 'p', { class: 'help' }, t('options_intro')),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'general' },
      h(doc, 'h2', { id: 'general' }, t('options_general')),
      field(doc, enabled, t('options_enable'), t('options_enable_help'), 'enabled'),
      choice(
        doc,
        'trigger',
        t('options_trigger'),
        t('options_trigger_help'),
        [
          { value: 'hover', label: t('options_trigger_hover') },
          { value: 'click', label: t('options_trigger_click') },
        ] as const,
        settings.trigger,
        (trigger) => void save({ trigger }),
      ),
      h(
        doc,
        'div',
        { class: 'field' },
        h(doc, 'label', { for: 'dwell' }, t('options_dwell')),
        Object.assign(dwell, { id: 'dwell' }),
        dwellOut,
        h(doc, 'p', { class: 'help', id: 'dwell-help' }, t('options_dwell_help')),
      ),
    ),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'appearance' },
      h(doc, 'h2', { id: 'appearance' }, t('options_appearance')),
      choice(
        doc,
        'highlight',
        t('options_mark'),
        t('options_mark_help'),
        [
          { value: 'underline', label: t('options_mark_underline') },
          { value: 'background', label: t('options_mark_background') },
          { value: 'none', label: t('options_mark_none') },
        ] as const,
        settings.highlightStyle,
        (highlightStyle) => void save({ highlightStyle }),
      ),
      choice(
        doc,
        'theme',
        t('options_theme'),
        t('options_theme_help'),
        [
          { value: 'auto', label: t('options_theme_auto') },
          { value: 'light', label: t('options_theme_light') },
          { value: 'dark', label: t('options_theme_dark') },
        ] as const,
        settings.theme,
        (theme) => void save({ theme }),
      ),
      h(doc, 'h3', {}, t('options_preview')),
      previewText,
      cardSlot,
    ),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'tags' },
      h(doc, 'h2', { id: 'tags' }, t('options_tags')),
      field(
        doc,
        translations,
        t('options_translations'),
        t('options_translations_help'),
        'translations',
      ),
      field(doc, related, t('options_related'), t('options_related_help'), 'related'),
    ),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'sites' },
      h(doc, 'h2', { id: 'sites' }, t('options_sites')),
      h(doc, 'p', { class: 'help' }, t('options_sites_help')),
      siteList,
      h(doc, 'h3', {}, t('options_other_sites')),
      otherList,
      addForm,
    ),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'reset' },
      h(doc, 'h2', { id: 'reset' }, t('options_reset')),
      reset,
    ),
    status,
  );
  updatePreview();
  await renderOthers();
  if (notice) {
    reset.focus();
    // Set once the status line is on the page, so that screen readers announce it.
    setTimeout(() => (status.textContent = notice), 0);
  }
  // Changes made elsewhere (the popup, another settings tab) show here too.
  const showSettings = (next: Settings) => {
    enabled.checked = next.enabled;
    dwell.value = String(next.dwellMs);
    dwellOut.textContent = t('options_ms', next.dwellMs);
    for (const [name, value] of [
      ['trigger', next.trigger],
      ['highlight', next.highlightStyle],
      ['theme', next.theme],
    ] as const) {
      const radio = root.querySelector<HTMLInputElement>(`#${optionId(name, value)}`);
      if (radio) radio.checked = true;
    }
    translations.checked = next.translations;
    related.checked = next.related;
    for (const site of SITES) {
      const on = root.querySelector<HTMLInputElement>(`#site-${site.id}`);
      if (on) on.checked = next.sites[site.id] !== false;
    }
    updatePreview();
  };
  unwatch = watchSettings((next) => {
    if (pending !== null) return; // our own newer change is on its way
    settings = next;
    showSettings(next);
  });
}
