import { describe, expect, it } from 'vitest';
import {
  canonicalTag,
  FAMILY,
  FAMILY_NOTES,
  familyNote,
  familyTag,
  type FamilyGroup,
} from './family.ts';

/** FAMILY.md's three tables, written out: [tag as written, group]. */
const FAMILY_MD: [string, FamilyGroup][] = [
  ['#MeToo', 'core'],
  ['#MeTooMovement', 'core'],
  ['#MoiAussi', 'translation'],
  ['#YoTambién', 'translation'],
  ['#YoTambien', 'translation'],
  ['#EuTambém', 'translation'],
  ['#米兔', 'translation'],
  ['#미투', 'translation'],
  ['#أنا_كمان', 'translation'],
  ['#AnaKaman', 'translation'],
  ['#MeTooIndia', 'translation'],
  ['#BalanceTonPorc', 'related'],
  ['#QuellaVoltaChe', 'related'],
  ['#ChurchToo', 'related'],
  ['#MeTooK12', 'related'],
  ['#TimesUp', 'related'],
];

describe('FAMILY', () => {
  it('holds exactly the tags of FAMILY.md, by their canonical ids, with their groups', () => {
    const canonical = FAMILY_MD.map(([written, group]) => [canonicalTag(written), group]);
    expect(FAMILY.map((tag) => [tag.id, tag.group])).toEqual(canonical);
  });

  it.each(FAMILY_MD)('%s has a canonical id in the table', (written) => {
    const id = written.slice(1).normalize('NFKC').toLowerCase();
    expect(canonicalTag(written)).toBe(id);
    expect(familyTag(id)?.id).toBe(id);
  });

  it('has one entry per id', () => {
    expect(new Set(FAMILY.map((tag) => tag.id)).size).toBe(FAMILY.length);
  });

  it('describes every translation and related campaign in one line, with a source, and no other tag', () => {
    for (const tag of FAMILY) {
      const note = familyNote(tag.id);
      if (tag.group === 'core') {
        expect(note).toBeUndefined();
        continue;
      }
      expect(note?.description).toMatch(/^[^\n]{10,100}$/);
      expect(note?.source).toMatch(/^[^\n]{5,}$/);
    }
    const described = FAMILY.filter((tag) => tag.group !== 'core').map((tag) => tag.id);
    expect(Object.keys(FAMILY_NOTES).sort()).toEqual(described.sort());
    expect(familyNote('toString')).toBeUndefined();
  });

  it('keeps the facts FAMILY.md gives', () => {
    const described = (id: string): string => {
      const note = familyNote(id);
      return note ? `${note.description} | ${note.source}` : '';
    };
    expect(described('moiaussi')).toMatch(/French.*Québec.*TVA Nouvelles/);
    expect(described('米兔')).toMatch(/censorship.*Fortune, 10 Aug 2018/);
    expect(described('미투')).toMatch(/Korean.*January 2018.*Hankyoreh/);
    expect(described('balancetonporc')).toMatch(/Sandra Muller, 13 Oct 2017/);
    expect(described('churchtoo')).toMatch(/Hannah Paasch and Emily Joy/);
    expect(described('timesup')).toMatch(/1 Jan 2018.*Refinery29/);
  });
});

describe('familyTag', () => {
  it('finds a tag by its canonical id', () => {
    expect(familyTag('metoo')).toMatchObject({ id: 'metoo', group: 'core' });
    expect(familyTag('yotambién')?.group).toBe('translation');
    expect(familyTag('timesup')?.group).toBe('related');
  });

  it('knows nothing else', () => {
    expect(familyTag('MeToo')).toBeUndefined();
    expect(familyTag('#metoo')).toBeUndefined();
    expect(familyTag('metoo2018')).toBeUndefined();
    expect(familyTag('')).toBeUndefined();
  });
});

describe('canonicalTag', () => {
  it.each([
    ['MeToo', 'metoo'],
    ['METOO', 'metoo'],
    ['#MeToo', 'metoo'],
    ['＃ＭｅＴｏｏ', 'metoo'],
    ['Me Too', 'metoo'],
    [' me\u00a0too\n', 'metoo'],
    ['YoTambie\u0301n', 'yotambién'],
    ['ㅁㅣㅌㅜ', '미투'],
    ['#Me Too Movement', 'metoomovement'],
  ])('%j → %j', (text, id) => {
    expect(canonicalTag(text)).toBe(id);
  });
});
