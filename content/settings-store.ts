/**
 * The settings as the extension's pages read and write them: a WXT storage item on the same key the
 * content script reads (settings.ts), checked with the same schema on the way in and out.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  parseSettings,
  settingsFrom,
  warnOnce,
  type Settings,
} from './settings';

/** The stored value is read raw and checked: storage can hold anything. */
export const settingsItem = storage.defineItem<unknown>(`sync:${SETTINGS_KEY}`, { fallback: null });

export async function loadSettings(): Promise<Settings> {
  try {
    return settingsFrom(await settingsItem.getValue());
  } catch (error) {
    warnOnce([`storage could not be read: ${String(error)}`]);
    return { ...DEFAULT_SETTINGS, sites: {} };
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  const { settings: clean } = parseSettings({ ...settings, version: SETTINGS_VERSION });
  await settingsItem.setValue(clean);
}

/** Applies a change to the stored settings. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await saveSettings(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(settingsFrom(value)));
}
