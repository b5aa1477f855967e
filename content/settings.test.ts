import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SETTINGS_VERSION,
  defaultSettings,
  isActiveOn,
  SYNC_ITEM_BYTES,
  SYNC_TOTAL_BYTES,
  SettingsTooLargeError,
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

  it('applies changes made together one after the other, none lost', async () => {
    const sites = ['x', 'reddit', 'tiktok'];
    await Promise.all(
      sites.map((site) =>
        updateSettings((current) => ({ ...current, sites: { ...current.sites, [site]: false } })),
      ),
    );
    expect((await readSettings()).sites).toEqual({ x: false, reddit: false, tiktok: false });
  });

  it('goes on with the next change when one is refused', async () => {
    const refused = updateSettings(() => {
      throw new Error('no');
    });
    await expect(refused).rejects.toThrow('no');
    await updateSettings((current) => ({ ...current, enabled: false }));
    expect((await readSettings()).enabled).toBe(false);
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

/** Makes the fake `sync` storage refuse what the browser's refuses: an item over 8,192 bytes, or over 102,400 in all. */
function enforceSyncQuota() {
  const set = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
  const bytes = (key: string, value: unknown) =>
    new TextEncoder().encode(key + JSON.stringify(value)).length;
  vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(async (items) => {
    const all = { ...(await fakeBrowser.storage.sync.get(null)), ...items };
    for (const [key, value] of Object.entries(items))
      if (bytes(key, value) > SYNC_ITEM_BYTES)
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    const total = Object.entries(all).reduce((sum, [key, value]) => sum + bytes(key, value), 0);
    if (total > SYNC_TOTAL_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  });
}

const host = (index: number, length = 24) =>
  `site${index}.`.padEnd(length - '.example'.length, 'x') + '.example';

describe('settings within sync storage’s limits', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    enforceSyncQuota();
  });

  it('still saves a theme change after 400 sites were switched on and off', async () => {
    for (let index = 0; index < 400; index++) {
      await updateSettings((s) => ({
        ...s,
        sites: { ...s.sites, [host(index)]: index % 2 === 0 },
      }));
    }
    await updateSettings((s) => ({ ...s, theme: 'dark' }));
    const read = await readSettings();
    expect(read.theme).toBe('dark');
    expect(isActiveOn(read, host(1))).toBe(false);
    expect(isActiveOn(read, host(2))).toBe(true);
  });

  it('splits 500 switched-off sites over items that each fit, and reads them back', async () => {
    const sites = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [host(i, 60), false]));
    await writeSettings({ ...defaultSettings(), sites, theme: 'light' });
    const read = await readSettings();
    expect(read.sites).toEqual(sites);
    expect(read.theme).toBe('light');
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored).length).toBeGreaterThan(1);
    // Fewer sites again: the spilled items go.
    await writeSettings({ ...defaultSettings(), sites: { [host(1)]: false } });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['settings']);
    expect((await readSettings()).sites).toEqual({ [host(1)]: false });
  });

  it('says when the settings cannot fit at all, and writes nothing', async () => {
    await writeSettings({ ...defaultSettings(), theme: 'dark' });
    const sites = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [host(i, 240), false]));
    await expect(writeSettings({ ...defaultSettings(), sites })).rejects.toBeInstanceOf(
      SettingsTooLargeError,
    );
    expect((await readSettings()).theme).toBe('dark');
  });

  it('reads the single item written before, and stores only switched-off sites from then on', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { version: 1, sites: { x: false, reddit: true, 'example.org': true } },
    });
    expect((await readSettings()).sites).toEqual({ x: false, reddit: true, 'example.org': true });
    await updateSettings((s) => ({ ...s, related: true }));
    const { settings } = await fakeBrowser.storage.sync.get('settings');
    expect(settings).toMatchObject({ related: true, sites: { x: false } });
    expect(Object.keys((settings as { sites: object }).sites)).toEqual(['x']);
  });

  it('tells watchers about switches spilled into other items', async () => {
    const seen: number[] = [];
    const stop = watchSettings((settings) => seen.push(Object.keys(settings.sites).length));
    const sites = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [host(i, 60), false]));
    await writeSettings({ ...defaultSettings(), sites });
    await vi.waitFor(() => expect(seen).toContain(300));
    stop();
  });
});
