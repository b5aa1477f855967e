/**
 * The settings in `sync` storage, for every context: the content script, the background and the
 * pages read, write and watch them here with the plain storage API (small enough for the content
 * script), and every value read is checked by the schema.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_VERSION, defaultSettings, validateSettings, type Settings } from './schema';

/** The key in `sync` storage. */
export const SETTINGS_KEY = 'settings';

let warned = false;

/** Logs what was wrong once per context: a quiet note, never an exception. */
export function warnOnce(problems: string[]): void {
  if (warned || problems.length === 0) return;
  warned = true;
  console.warn(`MeToo Context: using defaults for bad stored settings (${problems.join('; ')})`);
}

/** Checks a stored value, noting once what was wrong with it. */
export function settingsFrom(stored: unknown): Settings {
  const { settings, problems } = validateSettings(stored);
  warnOnce(problems);
  return settings;
}

/** Reads the settings; unreadable storage gives the defaults. */
export async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.sync.get(SETTINGS_KEY);
    return settingsFrom(stored[SETTINGS_KEY]);
  } catch (error) {
    warnOnce([`storage could not be read: ${String(error)}`]);
    return defaultSettings();
  }
}

/** Writes the settings, checked first; rejects when storage refuses them. */
export async function writeSettings(settings: Settings): Promise<void> {
  const { settings: clean } = validateSettings({ ...settings, version: SETTINGS_VERSION });
  await browser.storage.sync.set({ [SETTINGS_KEY]: clean });
}

/** Applies a change to the stored settings and gives what was written. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await readSettings());
  await writeSettings(next);
  return next;
}

/** Calls back with the new settings whenever they change in any context; gives the way to stop. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'sync' && change) onChange(settingsFrom(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
