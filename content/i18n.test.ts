import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from './i18n';

type Messages = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

const LOCALES_DIR = join(process.cwd(), 'public', '_locales');
const locales = readdirSync(LOCALES_DIR).sort();
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
const english = read('en');

/**
 * Every `t('…')` in the shipped code, every key in a table typed with `MessageKey` (the settings
 * page's fields) and `__MSG_…__` in the manifest config.
 */
function keysUsed(): Set<string> {
  const keys = new Set<string>();
  const files: string[] = ['wxt.config.ts'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk('content');
  walk('entrypoints');
  walk('ui');
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\bt\(\s*'([a-z0-9_]+)'/g)) keys.add(match[1] ?? '');
    for (const match of code.matchAll(/__MSG_([a-z0-9_]+)__/g)) keys.add(match[1] ?? '');
    if (/import[^;]*\bMessageKey\b[^;]*from/.test(code))
      for (const match of code.matchAll(/'([a-z]+_[a-z0-9_]+)'/g)) keys.add(match[1] ?? '');
  }
  return keys;
}

describe('interface languages', () => {
  it('ships English, French and Spanish', () => {
    expect(locales).toEqual(['en', 'es', 'fr']);
  });

  it.each(locales)('%s has every message English has, and no other', (locale) => {
    expect(Object.keys(read(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(locales)('%s fills every message, with the same placeholders as English', (locale) => {
    const messages = read(locale);
    for (const [key, entry] of Object.entries(english)) {
      const translated = messages[key];
      expect(translated?.message.trim(), `${locale}:${key}`).toBeTruthy();
      expect(Object.keys(translated?.placeholders ?? {}).sort(), `${locale}:${key}`).toEqual(
        Object.keys(entry.placeholders ?? {}).sort(),
      );
    }
  });

  it('has a message for every key the code uses, and uses every message', () => {
    const used = keysUsed();
    expect([...used].filter((key) => !(key in english))).toEqual([]);
    expect(Object.keys(english).filter((key) => !used.has(key))).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(t('popup_count_many', 3)).toBe('On this page: 3 mentions');
    expect(t('options_remove_label', 'https://example.org/*')).toBe('Remove https://example.org/*');
  });
});
