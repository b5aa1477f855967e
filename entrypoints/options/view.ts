/**
 * The settings page drawn from state: the fields from the table in fields.ts, the preview (the card
 * in its preview variant), the sites and the reset. Called again on every change; `patch` keeps the
 * elements that stay, so focus and the status line survive.
 */
import cardCss from '../../assets/card.css?inline';
import storyCss from '../../assets/story.css?inline';
import { ARTICLE } from '../../content/article-text';
import { renderCard } from '../../content/card/render';
import { t } from '../../content/i18n';
import { DWELL_RANGE, type Settings } from '../../content/settings';
import { SITE_NAMES, SITES } from '../../content/sites';
import { checkbox, choice, field } from '../../ui/controls';
import { h } from '../../ui/dom';
import { renderAccess, type SiteAccess } from './access';
import { APPEARANCE, GENERAL, TAGS, type FieldSpec } from './fields';

/** A message for the status line; a new `seq` says it again even when the words are the same. */
export interface Status {
  text: string;
  seq: number;
}

export interface OptionsState {
  settings: Settings;
  /** The dwell while its slider moves, before it is saved. */
  dwellDraft: number | null;
  /** The sites the user granted beyond the listed ones. */
  access: SiteAccess;
  status: Status;
}

export interface OptionsActions {
  change(change: Partial<Settings>): void;
  draftDwell(ms: number): void;
  addSite(typed: string, form: HTMLFormElement): void;
  removeOrigin(origin: string): void;
  reset(): void;
  readArticle(): void;
}

type Doc = Document;

function dwellField(doc: Doc, spec: FieldSpec, state: OptionsState, actions: OptionsActions) {
  const shown = state.dwellDraft ?? state.settings.dwellMs;
  const slider = h(doc, 'input', {
    type: 'range',
    min: DWELL_RANGE.min,
    max: DWELL_RANGE.max,
    step: DWELL_RANGE.step,
    value: shown,
    oninput: (event) => actions.draftDwell(Number((event.currentTarget as HTMLInputElement).value)),
    onchange: (event) =>
      actions.change({ dwellMs: Number((event.currentTarget as HTMLInputElement).value) }),
  });
  const output = h(doc, 'output', { for: 'dwell' }, t('options_ms', shown));
  return field(doc, 'dwell', slider, t(spec.label), t(spec.help), output);
}

function renderField(doc: Doc, spec: FieldSpec, state: OptionsState, actions: OptionsActions) {
  const { settings } = state;
  switch (spec.kind) {
    case 'switch':
    case 'checkbox': {
      const role = spec.kind === 'switch' ? 'switch' : undefined;
      const input = checkbox(
        doc,
        settings[spec.key],
        (on) => actions.change({ [spec.key]: on }),
        role,
      );
      return field(doc, spec.id, input, t(spec.label), t(spec.help));
    }
    case 'range':
      return dwellField(doc, spec, state, actions);
    case 'choice': {
      const options = spec.options.map(({ value, label }) => ({ value, label: t(label) }));
      const labelled = { name: spec.name, legend: t(spec.label), help: t(spec.help), options };
      return choice<string>(doc, labelled, settings[spec.key], (value) =>
        actions.change({ [spec.key]: value }),
      );
    }
  }
}

let cardSheets: CSSStyleSheet[] | null = null;

/** The card's sheets, parsed once; the card's own pins its host to the viewport, so the last unpins it. */
function previewSheets(): CSSStyleSheet[] {
  if (cardSheets) return cardSheets;
  const card = new CSSStyleSheet();
  card.replaceSync(`${cardCss}\n${storyCss}`);
  const inPlace = new CSSStyleSheet();
  inPlace.replaceSync(
    ':host { position: static !important; width: auto !important; height: auto !important; } .card { position: static; animation: none; } .arrow { display: none; } .body { max-height: none; overflow: visible; }',
  );
  return (cardSheets = [card, inPlace]);
}

/** A sample mention (highlighted by the page) and the card as it will look. */
function preview(doc: Doc, state: OptionsState, actions: OptionsActions): Node[] {
  const slot = h(doc, 'div', { class: 'card-preview', 'data-key': 'card-preview' });
  const shadow = slot.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = previewSheets();
  const card = renderCard(
    doc,
    ARTICLE,
    { text: '#MeToo', tag: 'metoo' },
    { readArticle: actions.readArticle, openSettings: () => {}, close: () => {} },
    { kind: 'preview', label: t('options_preview_card') },
  );
  const { theme } = state.settings;
  if (theme !== 'auto') card.classList.add(theme);
  shadow.append(card);
  return [
    h(doc, 'h3', {}, t('options_preview')),
    h(
      doc,
      'p',
      { class: 'sample' },
      `${t('options_sample_before')} `,
      h(doc, 'span', { class: 'sample-mention' }, '#MeToo'),
      ` ${t('options_sample_after')}`,
    ),
    slot,
  ];
}

function section(doc: Doc, id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return h(doc, 'section', { 'aria-labelledby': id }, h(doc, 'h2', { id }, title), ...children);
}

function siteSwitches(doc: Doc, settings: Settings, actions: OptionsActions): HTMLElement {
  return h(
    doc,
    'ul',
    { class: 'sites' },
    ...SITES.map((site) => {
      const on = checkbox(
        doc,
        settings.sites[site.id] !== false,
        (checked) => actions.change({ sites: { ...settings.sites, [site.id]: checked } }),
        'switch',
      );
      on.id = `site-${site.id}`;
      return h(
        doc,
        'li',
        { 'data-key': site.id },
        on,
        h(doc, 'label', { for: on.id }, SITE_NAMES[site.id]),
        h(doc, 'span', { class: 'hosts' }, site.hosts.join(', ')),
      );
    }),
  );
}

function addSiteForm(doc: Doc, actions: OptionsActions): HTMLElement {
  const input = h(doc, 'input', { type: 'text', placeholder: 'example.org', autocomplete: 'off' });
  return h(
    doc,
    'form',
    {
      class: 'add-site',
      onsubmit: (event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        actions.addSite((input as HTMLInputElement).value, form);
      },
    },
    field(doc, 'add-site', input, t('options_add'), t('options_add_help')),
    h(doc, 'button', { type: 'submit' }, t('options_add_button')),
  );
}

/** The whole page for this state: the children of the page's root. */
export function renderOptions(doc: Doc, state: OptionsState, actions: OptionsActions): Node[] {
  const fields = (specs: readonly FieldSpec[]) =>
    specs.map((spec) => renderField(doc, spec, state, actions));
  return [
    h(doc, 'h1', {}, t('options_title')),
    h(doc, 'p', { class: 'help' }, t('options_intro')),
    section(doc, 'general', t('options_general'), ...fields(GENERAL)),
    section(
      doc,
      'appearance',
      t('options_appearance'),
      ...fields(APPEARANCE),
      ...preview(doc, state, actions),
    ),
    section(doc, 'tags', t('options_tags'), ...fields(TAGS)),
    section(
      doc,
      'sites',
      t('options_sites'),
      h(doc, 'p', { class: 'help' }, t('options_sites_help')),
      siteSwitches(doc, state.settings, actions),
      h(doc, 'h3', {}, t('options_other_sites')),
      renderAccess(doc, state.access, actions.removeOrigin),
      addSiteForm(doc, actions),
    ),
    section(
      doc,
      'reset',
      t('options_reset'),
      h(doc, 'button', { type: 'button', onclick: actions.reset }, t('options_reset_button')),
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
