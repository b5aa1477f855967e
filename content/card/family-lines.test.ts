import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY, FAMILY_NOTES, type DescribedId } from '../family';
import { familyLine } from './family-lines';

type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages =>
  JSON.parse(
    readFileSync(join(process.cwd(), 'public', '_locales', locale, 'messages.json'), 'utf8'),
  ) as Messages;

describe('familyLine', () => {
  it.each(Object.entries(FAMILY_NOTES))('says in English what family.ts says of %s', (id, note) => {
    expect(familyLine(id)).toBe(note.description);
  });

  it('has nothing for the core tags', () => {
    for (const tag of FAMILY.filter((t) => t.group === 'core'))
      expect(familyLine(tag.id)).toBeNull();
  });

  it('is translated in French and Spanish, not left in English', () => {
    const en = read('en');
    const keys = Object.keys(en).filter((key) => key.startsWith('family_'));
    expect(keys.length).toBe(new Set(Object.values(FAMILY_NOTES).map((n) => n.description)).size);
    for (const locale of ['fr', 'es']) {
      const messages = read(locale);
      for (const key of keys)
        expect(messages[key]?.message, `${locale}:${key}`).not.toBe(en[key]?.message);
    }
    const ids: DescribedId[] = ['moiaussi', 'timesup'];
    expect(ids.map(familyLine)).toEqual(ids.map((id) => FAMILY_NOTES[id].description));
  });
});
