import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SETTINGS_VERSION,
  defaultSettings,
  isActiveOn,
  readSettings,
  siteKey,
  updateSettings,
  validateSettings as parseSettings,
  watchSettings,
  writeSettings,
} from './settings';

const DEFAULT_SETTINGS = defaultSettings();

describe('parseSettings', () => {
  it('gives the defaults for nothing stored, without complaint', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettings(null).problems).toEqual([]);
  });

  it('keeps every valid field', () => {
    const stored = {
      version: 1,
      enabled: false,
      sites: { x: false, 'example.org': true },
      trigger: 'click',
      dwellMs: 800,
      highlightStyle: 'background',
      theme: 'dark',
      translations: false,
      related: true,
    };
    expect(parseSettings(stored)).toEqual({ settings: stored, problems: [] });
  });

  it.each([
    ['enabled', 'yes'],
    ['trigger', 'hover-ish'],
    ['dwellMs', 1e12],
    ['dwellMs', Number.NaN],
    ['dwellMs', -5],
    ['highlightStyle', 42],
    ['theme', null],
    ['translations', 1],
    ['sites', ['x']],
  ])('falls back to the default for a bad %s (%s)', (key, value) => {
    const { settings, problems } = parseSettings({ version: 1, [key]: value });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('keeps the good fields beside a bad one', () => {
    const { settings } = parseSettings({ version: 1, enabled: 'no', theme: 'dark' });
    expect(settings.enabled).toBe(true);
    expect(settings.theme).toBe('dark');
  });

  it('drops bad per-site entries and keeps good ones', () => {
    const { settings, problems } = parseSettings({
      version: 1,
      sites: { x: false, 'BAD KEY!': false, reddit: 'off' },
    });
    expect(settings.sites).toEqual({ x: false });
    expect(problems).toHaveLength(2);
  });

  it('keeps at most 500 per-site entries, and says so only past that', () => {
    const sites = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`site${i}.example`, false]));
    const atLimit = parseSettings({ version: 1, sites: sites(500) });
    expect(Object.keys(atLimit.settings.sites)).toHaveLength(500);
    expect(atLimit.problems).toEqual([]);
    const over = parseSettings({ version: 1, sites: sites(501) });
    expect(Object.keys(over.settings.sites)).toHaveLength(500);
    expect(over.problems).toEqual(['sites has too many entries']);
  });

  it('gives defaults for a settings version from the future', () => {
    const { settings, problems } = parseSettings({ version: SETTINGS_VERSION + 1, enabled: false });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems[0]).toMatch(/newer/);
  });

  it('gives defaults for something that is not an object', () => {
    for (const stored of ['on', 7, true, [1, 2]]) {
      expect(parseSettings(stored).settings).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('migrates version 0’s list of disabled hosts to per-site switches', () => {
    const { settings, problems } = parseSettings({
      enabled: true,
      disabledSites: ['www.reddit.com', 'example.org'],
    });
    expect(settings.sites).toEqual({ reddit: false, 'example.org': false });
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(problems).toEqual([]);
  });

  it('notes unknown keys', () => {
    expect(parseSettings({ version: 1, colour: 'red' }).problems).toEqual([
      'unknown setting colour',
    ]);
  });
});

describe('per-site resolution', () => {
  it('keys a known site by its id, whatever its subdomain', () => {
    expect(siteKey('old.reddit.com')).toBe('reddit');
    expect(siteKey('www.reddit.com')).toBe('reddit');
    expect(siteKey('twitter.com')).toBe('x');
    expect(siteKey('www.example.org')).toBe('example.org');
  });

  it('runs where enabled and not switched off for the site', () => {
    const settings = { ...DEFAULT_SETTINGS, sites: { reddit: false } };
    expect(isActiveOn(settings, 'x.com')).toBe(true);
    expect(isActiveOn(settings, 'old.reddit.com')).toBe(false);
    expect(isActiveOn({ ...settings, enabled: false }, 'x.com')).toBe(false);
  });
});

describe('settings in storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('round-trips through sync storage', async () => {
    await writeSettings({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect((await readSettings()).theme).toBe('light');
    const stored = await fakeBrowser.storage.sync.get('settings');
    expect(stored.settings).toMatchObject({ version: SETTINGS_VERSION, theme: 'light' });
  });

  it('reads corrupted storage as defaults and warns once, never throwing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({
      settings: { version: 'x', enabled: 'maybe', dwellMs: 'slow' },
    });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    await readSettings();
    expect(warn.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('updates one field and tells watchers', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings.enabled));
    await updateSettings((current) => ({ ...current, enabled: false }));
    await vi.waitFor(() => expect(seen).toEqual([false]));
    unwatch();
  });
});

describe('the content script’s light reader', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads what the pages’ storage item wrote, from the same key', async () => {
    await writeSettings({ ...DEFAULT_SETTINGS, related: true });
    expect((await readSettings()).related).toBe(true);
  });

  it('hears changes made through the storage item', async () => {
    const seen: string[] = [];
    const stop = watchSettings((settings) => seen.push(settings.theme));
    await updateSettings((current) => ({ ...current, theme: 'dark' }));
    await vi.waitFor(() => expect(seen).toEqual(['dark']));
    stop();
    await updateSettings((current) => ({ ...current, theme: 'light' }));
    expect(seen).toEqual(['dark']);
  });

  it('gives defaults when storage throws', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('quota'));
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
