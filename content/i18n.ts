/**
 * The interface's words, from the extension's `_locales` messages (English, French, Spanish). The
 * article and its quotations stay in English; the card says so in the other languages.
 */
import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** The message for the browser's language, with `$1`… filled in. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const message = browser.i18n.getMessage(
    key,
    substitutions.map((value) => String(value)),
  );
  // A message can only be missing in a broken build; the key still says what was meant.
  return message || key;
}

/** The interface language, for `lang` attributes (e.g. `en-US`, `fr`). */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

export function uiIsEnglish(): boolean {
  return uiLanguage().toLowerCase().startsWith('en');
}
