/**
 * The settings' schema: the allowed values as `as const` arrays (the types, the parser, the settings
 * page and the card's options all derive from them), the defaults, the migrations and the check
 * applied to whatever storage holds. Pure: no browser API, so any context can import it cheaply.
 */
import { siteForHost } from '../sites';

export const SETTINGS_VERSION = 1;

export const TRIGGERS = ['hover', 'click'] as const;
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;

export type Trigger = (typeof TRIGGERS)[number];
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export type Theme = (typeof THEMES)[number];

/** How long the pointer rests on a mention before the card opens: long enough to skip passing sweeps. */
export const DWELL_MS = 500;
/** The dwell the settings page offers, in ms. */
export const DWELL_RANGE = { min: 150, max: 2000, step: 50 } as const;

/** At most this many per-site switches are kept. */
export const MAX_SITES = 500;

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

/** A fresh copy of the defaults, safe to change. */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    enabled: true,
    sites: {},
    trigger: 'hover',
    dwellMs: DWELL_MS,
    highlightStyle: 'underline',
    theme: 'auto',
    translations: true,
    related: false,
  };
}

export interface ParsedSettings {
  settings: Settings;
  /** What was wrong with the stored value, for one logged warning. Empty when all was well. */
  problems: string[];
}

type Raw = Record<string, unknown>;

/** Steps from each version to the next. Version 0 kept the per-site switches as a list of disabled hosts. */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => {
    const disabled = Array.isArray(raw.disabledSites) ? raw.disabledSites : [];
    const sites: Record<string, boolean> = {};
    for (const host of disabled) if (typeof host === 'string') sites[siteKey(host)] = false;
    const { disabledSites: _dropped, ...rest } = raw;
    return { ...rest, sites, version: 1 };
  },
};

/** Brings a stored object up to the current version; null when it comes from a newer extension. */
export function migrateSettings(raw: Raw): Raw | null {
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0;
  if (version > SETTINGS_VERSION) return null;
  let current = raw;
  while (version < SETTINGS_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) break;
    current = migrate(current);
    version += 1;
  }
  return current;
}

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

const bool = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

function dwell(value: unknown): number | undefined {
  return typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= DWELL_RANGE.min &&
    value <= DWELL_RANGE.max
    ? Math.round(value)
    : undefined;
}

/** Each scalar field's check: a valid value, or undefined for a bad one. */
const FIELD_CHECKS = {
  enabled: bool,
  trigger: (value: unknown) => pick(value, TRIGGERS),
  dwellMs: dwell,
  highlightStyle: (value: unknown) => pick(value, HIGHLIGHT_STYLES),
  theme: (value: unknown) => pick(value, THEMES),
  translations: bool,
  related: bool,
} satisfies {
  [K in Exclude<keyof Settings, 'version' | 'sites'>]: (v: unknown) => Settings[K] | undefined;
};

const SITE_KEY = /^[a-z0-9.-]{1,253}$/;

function validateSites(sites: unknown, into: Settings, problems: string[]): void {
  if (typeof sites !== 'object' || sites === null || Array.isArray(sites)) {
    problems.push('sites is invalid');
    return;
  }
  const entries = Object.entries(sites as Raw);
  if (entries.length > MAX_SITES) problems.push('sites has too many entries');
  for (const [key, on] of entries.slice(0, MAX_SITES)) {
    if (SITE_KEY.test(key) && typeof on === 'boolean') into.sites[key] = on;
    else problems.push(`sites.${key.slice(0, 40)} is invalid`);
  }
}

/** Checks a stored value field by field: anything malformed falls back to its default, and is named. */
export function validateSettings(stored: unknown): ParsedSettings {
  if (stored === null || stored === undefined) return { settings: defaultSettings(), problems: [] };
  if (typeof stored !== 'object' || Array.isArray(stored))
    return { settings: defaultSettings(), problems: ['settings are not an object'] };
  const raw = migrateSettings(stored as Raw);
  if (raw === null) {
    const version = String((stored as Raw).version);
    return {
      settings: defaultSettings(),
      problems: [`settings version ${version} is newer than this extension understands`],
    };
  }
  const problems: string[] = [];
  const settings = defaultSettings();
  const set = settings as unknown as Raw;
  for (const [key, check] of Object.entries(FIELD_CHECKS)) {
    if (!(key in raw)) continue;
    const value = check(raw[key]);
    if (value === undefined) problems.push(`${key} is invalid`);
    else set[key] = value;
  }
  if ('sites' in raw) validateSites(raw.sites, settings, problems);
  for (const key of Object.keys(raw))
    if (!(key in settings)) problems.push(`unknown setting ${key}`);
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
