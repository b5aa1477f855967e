/**
 * The settings: one typed schema, stored under one key in `sync` storage, versioned with migrations
 * and checked field by field when read. Anything malformed falls back to its default, with one quiet
 * warning. The extension's pages write through a WXT storage item (settings-store.ts); the content
 * script, which runs on every page and so must stay small, reads the same key with the plain API.
 */
import { browser } from 'wxt/browser';
import { siteForHost } from './sites';

export const SETTINGS_VERSION = 1;

export type Trigger = 'hover' | 'click';
export type HighlightStyle = 'underline' | 'background' | 'none';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  version: number;
  /** On or off everywhere. */
  enabled: boolean;
  /** Per-site switches by site key (a known site's id, or a host name); absent means on. */
  sites: Record<string, boolean>;
  trigger: Trigger;
  /** How long the pointer rests on a mention before the card opens, in ms. */
  dwellMs: number;
  highlightStyle: HighlightStyle;
  theme: Theme;
  translations: boolean;
  related: boolean;
}

export const DWELL_RANGE = { min: 150, max: 2000 } as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  sites: {},
  trigger: 'hover',
  dwellMs: 500,
  highlightStyle: 'underline',
  theme: 'auto',
  translations: true,
  related: false,
});

export interface ParsedSettings {
  settings: Settings;
  /** What was wrong with the stored value, for one logged warning. Empty when all was well. */
  problems: string[];
}

type Raw = Record<string, unknown>;

/** Version 0 (before versioning) kept the per-site switches as a list of disabled hosts. */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => {
    const disabled = Array.isArray(raw.disabledSites) ? raw.disabledSites : [];
    const sites: Record<string, boolean> = {};
    for (const host of disabled) if (typeof host === 'string') sites[siteKey(host)] = false;
    const { disabledSites: _dropped, ...rest } = raw;
    return { ...rest, sites, version: 1 };
  },
};

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

const SITE_KEY = /^[a-z0-9.-]{1,253}$/;
const MAX_SITES = 500;

export function parseSettings(stored: unknown): ParsedSettings {
  if (stored === null || stored === undefined)
    return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  const problems: string[] = [];
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return {
      settings: { ...DEFAULT_SETTINGS, sites: {} },
      problems: ['settings are not an object'],
    };
  }
  let raw = stored as Raw;
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0;
  if (version > SETTINGS_VERSION) {
    return {
      settings: { ...DEFAULT_SETTINGS, sites: {} },
      problems: [`settings version ${version} is newer than this extension understands`],
    };
  }
  while (version < SETTINGS_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) break;
    raw = migrate(raw);
    version += 1;
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, sites: {} };
  const take = <K extends keyof Settings>(key: K, value: Settings[K] | undefined) => {
    if (!(key in raw)) return;
    if (value === undefined) problems.push(`${key} is invalid`);
    else settings[key] = value;
  };
  take('enabled', typeof raw.enabled === 'boolean' ? raw.enabled : undefined);
  take('trigger', pick(raw.trigger, ['hover', 'click'] as const));
  take(
    'dwellMs',
    typeof raw.dwellMs === 'number' &&
      Number.isFinite(raw.dwellMs) &&
      raw.dwellMs >= DWELL_RANGE.min &&
      raw.dwellMs <= DWELL_RANGE.max
      ? Math.round(raw.dwellMs)
      : undefined,
  );
  take('highlightStyle', pick(raw.highlightStyle, ['underline', 'background', 'none'] as const));
  take('theme', pick(raw.theme, ['auto', 'light', 'dark'] as const));
  take('translations', typeof raw.translations === 'boolean' ? raw.translations : undefined);
  take('related', typeof raw.related === 'boolean' ? raw.related : undefined);
  if ('sites' in raw) {
    const sites = raw.sites;
    if (typeof sites !== 'object' || sites === null || Array.isArray(sites)) {
      problems.push('sites is invalid');
    } else {
      const entries = Object.entries(sites as Raw);
      if (entries.length > MAX_SITES) problems.push('sites has too many entries');
      for (const [key, on] of entries.slice(0, MAX_SITES)) {
        if (SITE_KEY.test(key) && typeof on === 'boolean') settings.sites[key] = on;
        else problems.push(`sites.${key.slice(0, 40)} is invalid`);
      }
    }
  }
  const known = new Set([...Object.keys(DEFAULT_SETTINGS)]);
  for (const key of Object.keys(raw)) if (!known.has(key)) problems.push(`unknown setting ${key}`);
  return { settings, problems };
}

/** The key a host's switch is stored under: the known site it belongs to, else the host itself. */
export function siteKey(hostname: string): string {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return siteForHost(host)?.id ?? host;
}

/** Whether the extension runs on a page of this host. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && settings.sites[siteKey(hostname)] !== false;
}

/** The key in `sync` storage (the WXT item `sync:settings` is the same place). */
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
  const { settings, problems } = parseSettings(stored);
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
    return { ...DEFAULT_SETTINGS, sites: {} };
  }
}

/** Calls back with the new settings whenever they change in any context. */
export function onSettingsChange(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'sync' && change) callback(settingsFrom(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
