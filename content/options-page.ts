/**
 * The settings page: every setting, grouped and labelled, saved as soon as it changes, with a live
 * preview of a highlighted mention and of the card.
 */
import { browser } from 'wxt/browser';
import cardCss from '../assets/card.css?inline';
import { ARTICLE } from './article-text';
import { h, renderCard } from './card/render';
import { HIGHLIGHT_NAME } from './mentions';
import { highlightCss } from './highlight';
import { originPattern, userOrigins } from './registration';
import {
  DEFAULT_SETTINGS,
  DWELL_RANGE,
  loadSettings,
  saveSettings,
  watchSettings,
  type Settings,
} from './settings';
import { SITES } from './sites';

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
    input.id = `${name}-${option.value}`;
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

export async function renderOptionsPage(doc: Doc, root: HTMLElement): Promise<void> {
  let settings = await loadSettings();
  const status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  // Rapid changes (a switch flicked many times) are written once: sync storage limits writes per minute.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    pending = null;
    try {
      await saveSettings(settings);
      status.textContent = 'Saved.';
    } catch {
      status.textContent = 'Not saved: the browser’s storage for extensions is full or busy.';
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
  const dwellOut = h(doc, 'output', { for: 'dwell' }, `${settings.dwellMs} ms`);
  dwell.addEventListener('input', () => {
    dwellOut.textContent = `${dwell.value} ms`;
  });
  dwell.addEventListener('change', () => void save({ dwellMs: Number(dwell.value) }));

  // Appearance preview: a sample mention highlighted the way pages will show it, and the card.
  const sample = doc.createTextNode('#MeToo');
  const previewText = h(
    doc,
    'p',
    { class: 'sample' },
    'Still listening to survivors. ',
    sample,
    ' started long before the hashtag.',
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
  cardSheet.replaceSync(cardCss);
  const inPlace = new CSSStyleSheet();
  // The card's own sheet pins its host to the viewport; here it sits in the page's flow.
  inPlace.replaceSync(
    ':host { position: static !important; width: auto !important; height: auto !important; } .card { position: static; animation: none; }',
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
    card.setAttribute('aria-label', 'Preview of the card');
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
        h(doc, 'label', { for: on.id }, site.name),
        h(doc, 'span', { class: 'hosts' }, site.hosts.join(', ')),
      ),
    );
  }
  const otherList = h(doc, 'ul', { class: 'sites', 'aria-label': 'Sites you added' });
  const renderOthers = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    const mine = userOrigins(origins).filter((o) => o !== '<all_urls>');
    otherList.replaceChildren(
      ...(mine.length === 0 ? [h(doc, 'li', { class: 'help' }, 'No other sites yet.')] : []),
      ...mine.map((origin) => {
        const remove = h(
          doc,
          'button',
          { type: 'button', 'aria-label': `Remove ${origin}` },
          'Remove',
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
  const addButton = h(doc, 'button', { type: 'submit' }, 'Add site');
  const addForm = h(
    doc,
    'form',
    { class: 'add-site' },
    field(
      doc,
      addInput,
      'Add a site',
      'The browser asks you to allow it; the extension then runs there too.',
      'add-site',
    ),
    addButton,
  );
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const pattern = originPattern(addInput.value);
    if (!pattern) {
      status.textContent = 'That is not a site name, e.g. example.org.';
      return;
    }
    void browser.permissions.request({ origins: [pattern] }).then((granted) => {
      status.textContent = granted ? `Added ${pattern}.` : 'Not added: permission was not given.';
      addInput.value = '';
      return renderOthers();
    });
  });

  const reset = h(doc, 'button', { type: 'button' }, 'Reset to defaults');
  reset.addEventListener('click', () => {
    void saveSettings({ ...DEFAULT_SETTINGS, sites: {} }).then(() => {
      status.textContent = 'All settings are back to their defaults.';
      root.replaceChildren();
      void renderOptionsPage(doc, root);
    });
  });

  root.replaceChildren(
    h(doc, 'h1', {}, 'MeToo Context settings'),
    h(doc, 'p', { class: 'help' }, 'Changes save at once and reach open tabs within a second.'),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'general' },
      h(doc, 'h2', { id: 'general' }, 'General'),
      field(
        doc,
        enabled,
        'Enable MeToo Context',
        'Turns the marks and the card on or off on every site.',
        'enabled',
      ),
      choice(
        doc,
        'trigger',
        'Open the card',
        'Hover waits for the pointer to rest on a mention; click waits for a click or tap.',
        [
          { value: 'hover', label: 'On hover' },
          { value: 'click', label: 'On click' },
        ] as const,
        settings.trigger,
        (trigger) => void save({ trigger }),
      ),
      h(
        doc,
        'div',
        { class: 'field' },
        h(doc, 'label', { for: 'dwell' }, 'Hover delay'),
        Object.assign(dwell, { id: 'dwell' }),
        dwellOut,
        h(
          doc,
          'p',
          { class: 'help', id: 'dwell-help' },
          'How long the pointer rests on a mention before the card opens.',
        ),
      ),
    ),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'appearance' },
      h(doc, 'h2', { id: 'appearance' }, 'Appearance'),
      choice(
        doc,
        'highlight',
        'Mark mentions with',
        'How a mention looks on the page.',
        [
          { value: 'underline', label: 'A dotted underline' },
          { value: 'background', label: 'A tinted background' },
          { value: 'none', label: 'No mark' },
        ] as const,
        settings.highlightStyle,
        (highlightStyle) => void save({ highlightStyle }),
      ),
      choice(
        doc,
        'theme',
        'Card theme',
        'Automatic follows your system’s light or dark setting.',
        [
          { value: 'auto', label: 'Automatic' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ] as const,
        settings.theme,
        (theme) => void save({ theme }),
      ),
      h(doc, 'h3', {}, 'Preview'),
      previewText,
      cardSlot,
    ),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'tags' },
      h(doc, 'h2', { id: 'tags' }, 'Which tags'),
      field(
        doc,
        translations,
        'Translations and local names',
        'Also mark #MoiAussi, #YoTambién, #EuTambém, #米兔, #미투, #أنا_كمان and #MeTooIndia.',
        'translations',
      ),
      field(
        doc,
        related,
        'Related campaigns',
        'Also mark #BalanceTonPorc, #QuellaVoltaChe, #ChurchToo, #MeTooK12 and #TimesUp.',
        'related',
      ),
    ),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'sites' },
      h(doc, 'h2', { id: 'sites' }, 'Sites'),
      h(
        doc,
        'p',
        { class: 'help' },
        'Where the extension runs. Switch a site off to leave it alone.',
      ),
      siteList,
      h(doc, 'h3', {}, 'Other sites'),
      otherList,
      addForm,
    ),
    h(
      doc,
      'section',
      { 'aria-labelledby': 'reset' },
      h(doc, 'h2', { id: 'reset' }, 'Reset'),
      reset,
    ),
    status,
  );
  updatePreview();
  await renderOthers();
  watchSettings((next) => {
    if (pending !== null) return; // our own newer change is on its way
    settings = next;
    enabled.checked = next.enabled;
    updatePreview();
  });
}
