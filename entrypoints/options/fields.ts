/**
 * The settings page's table of fields: each setting once, with its control, its labels and the
 * section it sits in. The view draws the page from this table and the current settings.
 */
import type { MessageKey } from '../../content/i18n';
import {
  HIGHLIGHT_STYLES,
  THEMES,
  TRIGGERS,
  type HighlightStyle,
  type Settings,
  type Theme,
  type Trigger,
} from '../../content/settings';

type Flag = 'enabled' | 'translations' | 'related';

export type FieldSpec =
  | { kind: 'switch' | 'checkbox'; key: Flag; id: string; label: MessageKey; help: MessageKey }
  | { kind: 'range'; key: 'dwellMs'; id: string; label: MessageKey; help: MessageKey }
  | {
      [K in 'trigger' | 'highlightStyle' | 'theme']: {
        kind: 'choice';
        key: K;
        name: string;
        label: MessageKey;
        help: MessageKey;
        options: readonly { value: Settings[K]; label: MessageKey }[];
      };
    }['trigger' | 'highlightStyle' | 'theme'];

/** Each value of an `as const` list with its label: a value without a label does not type-check. */
function labelled<T extends string>(values: readonly T[], labels: Record<T, MessageKey>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

const TRIGGER_LABELS: Record<Trigger, MessageKey> = {
  hover: 'options_trigger_hover',
  click: 'options_trigger_click',
};
const MARK_LABELS: Record<HighlightStyle, MessageKey> = {
  underline: 'options_mark_underline',
  background: 'options_mark_background',
  none: 'options_mark_none',
};
const THEME_LABELS: Record<Theme, MessageKey> = {
  auto: 'options_theme_auto',
  light: 'options_theme_light',
  dark: 'options_theme_dark',
};

export const GENERAL: readonly FieldSpec[] = [
  {
    kind: 'switch',
    key: 'enabled',
    id: 'enabled',
    label: 'options_enable',
    help: 'options_enable_help',
  },
  {
    kind: 'choice',
    key: 'trigger',
    name: 'trigger',
    label: 'options_trigger',
    help: 'options_trigger_help',
    options: labelled(TRIGGERS, TRIGGER_LABELS),
  },
  {
    kind: 'range',
    key: 'dwellMs',
    id: 'dwell',
    label: 'options_dwell',
    help: 'options_dwell_help',
  },
];

export const APPEARANCE: readonly FieldSpec[] = [
  {
    kind: 'choice',
    key: 'highlightStyle',
    name: 'highlight',
    label: 'options_mark',
    help: 'options_mark_help',
    options: labelled(HIGHLIGHT_STYLES, MARK_LABELS),
  },
  {
    kind: 'choice',
    key: 'theme',
    name: 'theme',
    label: 'options_theme',
    help: 'options_theme_help',
    options: labelled(THEMES, THEME_LABELS),
  },
];

export const TAGS: readonly FieldSpec[] = [
  {
    kind: 'checkbox',
    key: 'translations',
    id: 'translations',
    label: 'options_translations',
    help: 'options_translations_help',
  },
  {
    kind: 'checkbox',
    key: 'related',
    id: 'related',
    label: 'options_related',
    help: 'options_related_help',
  },
];
