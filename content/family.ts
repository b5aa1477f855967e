/**
 * The #MeToo family of hashtags: which tags count as a mention and what the card may say about
 * each. One table, from ../shared/FAMILY.md; the detector and the card both read it.
 */

export type FamilyGroup = 'core' | 'translation' | 'related';

interface TagBase {
  /** Canonical form: NFKC, then lower case (what `canonicalTag` returns for the tag). */
  id: string;
  /** The tag as usually written, with its '#'. */
  display: string;
}

/** #MeToo itself and its long form: always on. */
export interface CoreTag extends TagBase {
  group: 'core';
}

/** A translation (on by default) or a related campaign (off by default). */
export interface DescribedTag extends TagBase {
  group: 'translation' | 'related';
  /** The one line the card shows: what the tag is, in FAMILY.md's words. */
  description: string;
  /** Where FAMILY.md takes that fact from. */
  source: string;
}

export type FamilyTag = CoreTag | DescribedTag;

export const FAMILY: readonly FamilyTag[] = [
  { id: 'metoo', display: '#MeToo', group: 'core' },
  { id: 'metoomovement', display: '#MeTooMovement', group: 'core' },
  {
    id: 'moiaussi',
    display: '#MoiAussi',
    group: 'translation',
    description: 'French-language form of #MeToo, used in Québec',
    source: 'TVA Nouvelles, 16 Oct 2017; El Comercio',
  },
  {
    id: 'yotambién',
    display: '#YoTambién',
    group: 'translation',
    description: 'Spanish-language form of #MeToo',
    source: 'El Comercio; World Economic Forum, 18 Oct 2017',
  },
  {
    id: 'yotambien',
    display: '#YoTambien',
    group: 'translation',
    description: 'Spanish-language form of #MeToo',
    source: 'El Comercio; World Economic Forum, 18 Oct 2017',
  },
  {
    id: 'eutambém',
    display: '#EuTambém',
    group: 'translation',
    description: 'Portuguese-language form of #MeToo',
    source: 'El Comercio',
  },
  {
    id: '米兔',
    display: '#米兔',
    group: 'translation',
    description: 'Chinese name for #MeToo (mi tu, "rice bunny"), coined to get past censorship',
    source: 'IBTimes UK; Fortune, 10 Aug 2018',
  },
  {
    id: '미투',
    display: '#미투',
    group: 'translation',
    description: 'Korean form of #MeToo, used from January 2018',
    source: 'Hankyoreh English, 2 Feb 2018',
  },
  {
    id: 'أنا_كمان',
    display: '#أنا_كمان',
    group: 'translation',
    description: 'Arabic form of #MeToo, used in Egypt',
    source: 'Nova, 20 Oct 2017; Egyptian Streets, 24 May 2018',
  },
  {
    id: 'anakaman',
    display: '#AnaKaman',
    group: 'translation',
    description: 'Arabic form of #MeToo (#أنا_كمان) in Latin letters, used in Egypt',
    source: 'Nova, 20 Oct 2017; Egyptian Streets, 24 May 2018',
  },
  {
    id: 'metooindia',
    display: '#MeTooIndia',
    group: 'translation',
    description: '#MeToo in India, October 2018',
    source: 'Asian Correspondent, 19 Oct 2018',
  },
  {
    id: 'balancetonporc',
    display: '#BalanceTonPorc',
    group: 'related',
    description: 'French campaign started by journalist Sandra Muller, 13 Oct 2017',
    source: 'World Economic Forum, 18 Oct 2017',
  },
  {
    id: 'quellavoltache',
    display: '#QuellaVoltaChe',
    group: 'related',
    description: 'Italian campaign ("that time when")',
    source: 'World Economic Forum, 18 Oct 2017',
  },
  {
    id: 'churchtoo',
    display: '#ChurchToo',
    group: 'related',
    description: 'Campaign about abuse in churches; Hannah Paasch and Emily Joy, Nov 2017',
    source: 'TIME, Nov 2017',
  },
  {
    id: 'metook12',
    display: '#MeTooK12',
    group: 'related',
    description: 'Campaign about abuse in schools; Stop Sexual Assault in Schools, Jan 2018',
    source: 'Washington Post, 3 Jan 2018',
  },
  {
    id: 'timesup',
    display: '#TimesUp',
    group: 'related',
    description: 'Hollywood initiative and legal defence fund, launched 1 Jan 2018',
    source: 'Refinery29',
  },
];

const BY_ID: ReadonlyMap<string, FamilyTag> = new Map(FAMILY.map((tag) => [tag.id, tag]));

/** The family tag with this canonical id, if it is one. */
export function familyTag(id: string): FamilyTag | undefined {
  return BY_ID.get(id);
}

/**
 * Canonical form of a tag as a link or a label shows it ('#ＭｅＴｏｏ', 'Me Too', 'METOO' → 'metoo'):
 * NFKC, lower case, whitespace and leading hash signs removed (NFKC turns '＃' into '#').
 */
export function canonicalTag(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/^#+/, '');
}
