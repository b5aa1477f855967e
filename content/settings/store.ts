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

/** `sync` storage's limits (Chrome's and Firefox's): bytes per item and in all. */
export const SYNC_ITEM_BYTES = 8192;
export const SYNC_TOTAL_BYTES = 102_400;
/** The items the per-site switches spill into when they do not fit beside the rest. */
const SITES_KEY = `${SETTINGS_KEY}.sites.`;

/** Thrown when the settings cannot fit in `sync` storage: nothing was written. */
export class SettingsTooLargeError extends Error {
  constructor(bytes: number) {
    super(`settings need ${bytes} bytes; sync storage holds ${SYNC_TOTAL_BYTES}`);
    this.name = 'SettingsTooLargeError';
  }
}

/** An item's size as the browser counts it: its key and its value as JSON, in UTF-8. */
function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/**
 * The items to store: only what differs from the default for the sites (a site is on unless
 * switched off), everything in one item while it fits, else the switches split over more items.
 */
export function storedItems(settings: Settings): Record<string, unknown> {
  const { settings: clean } = validateSettings({ ...settings, version: SETTINGS_VERSION });
  const off = Object.keys(clean.sites).filter((key) => clean.sites[key] === false);
  const sites = Object.fromEntries(off.map((key) => [key, false]));
  const whole = { ...clean, sites };
  if (itemBytes(SETTINGS_KEY, whole) <= SYNC_ITEM_BYTES) return { [SETTINGS_KEY]: whole };
  const chunks: Record<string, false>[] = [{}];
  for (const key of off) {
    let chunk = chunks[chunks.length - 1] ?? {};
    // The next key plus its `"…":false,` must still fit, with room for the item's own key.
    if (itemBytes(`${SITES_KEY}${chunks.length}`, { ...chunk, [key]: false }) > SYNC_ITEM_BYTES)
      chunks.push((chunk = {}));
    chunk[key] = false;
  }
  const items: Record<string, unknown> = {
    [SETTINGS_KEY]: { ...clean, sites: {}, siteItems: chunks.length },
  };
  chunks.forEach((chunk, index) => (items[`${SITES_KEY}${index}`] = chunk));
  return items;
}

/** Puts split items back into the one stored value the schema checks. */
function assemble(stored: Record<string, unknown>): unknown {
  const main = stored[SETTINGS_KEY] as Record<string, unknown> | undefined;
  if (typeof main !== 'object' || main === null || !('siteItems' in main)) return main;
  const { siteItems, ...rest } = main;
  const sites = { ...(rest.sites as object) };
  for (let index = 0; index < Number(siteItems); index++)
    Object.assign(sites, stored[`${SITES_KEY}${index}`]);
  return { ...rest, sites };
}

/** Reads the settings; unreadable storage gives the defaults. */
export async function readSettings(): Promise<Settings> {
  try {
    return settingsFrom(assemble(await browser.storage.sync.get(null)));
  } catch (error) {
    warnOnce([`storage could not be read: ${String(error)}`]);
    return defaultSettings();
  }
}

/** Writes the settings, checked first; rejects when storage refuses them or they cannot fit. */
export async function writeSettings(settings: Settings): Promise<void> {
  const items = storedItems(settings);
  const bytes = Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
  if (bytes > SYNC_TOTAL_BYTES) throw new SettingsTooLargeError(bytes);
  await browser.storage.sync.set(items);
  const stale = Object.keys(await browser.storage.sync.get(null)).filter(
    (key) => key.startsWith(SITES_KEY) && !(key in items),
  );
  if (stale.length > 0) await browser.storage.sync.remove(stale);
}

/** The last change under way in this context: the next one starts from what it wrote. */
let updating: Promise<unknown> = Promise.resolve();

/**
 * Applies a change to the stored settings and gives what was written. Changes made in one context
 * run one at a time: two quick clicks would otherwise both read the same settings, and the second
 * write would undo the first (or clean up the items the first had just split its sites into).
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = updating.then(async () => {
    const settings = change(await readSettings());
    await writeSettings(settings);
    return settings;
  });
  updating = next.catch(() => undefined);
  return next;
}

/** Calls back with the new settings whenever they change in any context; gives the way to stop. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  let stopped = false;
  // Read whole: a change may touch only the items the per-site switches spilled into.
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && Object.keys(changes).some((key) => key.startsWith(SETTINGS_KEY)))
      void readSettings().then((settings) => stopped || onChange(settings));
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}
