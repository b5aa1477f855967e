/**
 * The #MeToo family of hashtags, from ../shared/FAMILY.md: one table of the tags that count as a
 * mention, which the detector and the card both read, and beside it, keyed by the table's ids, what
 * the card may say about each translation and related campaign. The compiler holds the two in
 * step (a note for every described tag, none for another id). The notes are apart so that the
 * content script, which only detects, does not carry the card's words (see card/card-module.ts).
 */

export type FamilyGroup = 'core' | 'translation' | 'related';

export interface FamilyTag {
  /** Canonical form: NFKC, then lower case (what `canonicalTag` returns for the tag). */
  readonly id: string;
  /** Core tags are always on; translations are on by default, related campaigns off. */
  readonly group: FamilyGroup;
}

export const FAMILY = [
  { id: 'metoo', group: 'core' },
  { id: 'metoomovement', group: 'core' },
  { id: 'moiaussi', group: 'translation' },
  { id: 'yotambién', group: 'translation' },
  { id: 'yotambien', group: 'translation' },
  { id: 'eutambém', group: 'translation' },
  { id: '米兔', group: 'translation' },
  { id: '미투', group: 'translation' },
  { id: 'أنا_كمان', group: 'translation' },
  { id: 'anakaman', group: 'translation' },
  { id: 'metooindia', group: 'translation' },
  { id: 'balancetonporc', group: 'related' },
  { id: 'quellavoltache', group: 'related' },
  { id: 'churchtoo', group: 'related' },
  { id: 'metook12', group: 'related' },
  { id: 'timesup', group: 'related' },
] as const satisfies readonly FamilyTag[];

/** A translation's or related campaign's id. */
export type DescribedId = Extract<
  (typeof FAMILY)[number],
  { group: 'translation' | 'related' }
>['id'];

/** What the card says of a tag. */
export interface TagNote {
  /** The one line the card shows: what the tag is, in FAMILY.md's words. */
  readonly description: string;
  /** Where FAMILY.md takes that fact from. */
  readonly source: string;
}

export const FAMILY_NOTES: { readonly [id in DescribedId]: TagNote } = {
  moiaussi: {
    description: 'French-language form of #MeToo, used in Québec',
    source: 'TVA Nouvelles, 16 Oct 2017; El Comercio',
  },
  yotambién: {
    description: 'Spanish-language form of #MeToo',
    source: 'El Comercio; World Economic Forum, 18 Oct 2017',
  },
  yotambien: {
    description: 'Spanish-language form of #MeToo',
    source: 'El Comercio; World Economic Forum, 18 Oct 2017',
  },
  eutambém: {
    description: 'Portuguese-language form of #MeToo',
    source: 'El Comercio',
  },
  米兔: {
    description: 'Chinese name for #MeToo (mi tu, "rice bunny"), coined to get past censorship',
    source: 'IBTimes UK; Fortune, 10 Aug 2018',
  },
  미투: {
    description: 'Korean form of #MeToo, used from January 2018',
    source: 'Hankyoreh English, 2 Feb 2018',
  },
  أنا_كمان: {
    description: 'Arabic form of #MeToo, used in Egypt',
    source: 'Nova, 20 Oct 2017; Egyptian Streets, 24 May 2018',
  },
  anakaman: {
    description: 'Arabic form of #MeToo (#أنا_كمان) in Latin letters, used in Egypt',
    source: 'Nova, 20 Oct 2017; Egyptian Streets, 24 May 2018',
  },
  metooindia: {
    description: '#MeToo in India, October 2018',
    source: 'Asian Correspondent, 19 Oct 2018',
  },
  balancetonporc: {
    description: 'French campaign started by journalist Sandra Muller, 13 Oct 2017',
    source: 'World Economic Forum, 18 Oct 2017',
  },
  quellavoltache: {
    description: 'Italian campaign ("that time when")',
    source: 'World Economic Forum, 18 Oct 2017',
  },
  churchtoo: {
    description: 'Campaign about abuse in churches; Hannah Paasch and Emily Joy, Nov 2017',
    source: 'TIME, Nov 2017',
  },
  metook12: {
    description: 'Campaign about abuse in schools; Stop Sexual Assault in Schools, Jan 2018',
    source: 'Washington Post, 3 Jan 2018',
  },
  timesup: {
    description: 'Hollywood initiative and legal defence fund, launched 1 Jan 2018',
    source: 'Refinery29',
  },
};

const BY_ID: ReadonlyMap<string, FamilyTag> = new Map(FAMILY.map((tag) => [tag.id, tag]));

/** The family tag with this canonical id, if it is one. */
export function familyTag(id: string): FamilyTag | undefined {
  return BY_ID.get(id);
}

/** What the card says of the tag with this id: none for the core tags. */
export function familyNote(id: string): TagNote | undefined {
  return Object.hasOwn(FAMILY_NOTES, id) ? FAMILY_NOTES[id as DescribedId] : undefined;
}

/**
 * Canonical form of a tag as a link or a label shows it ('#ＭｅＴｏｏ', 'Me Too', 'METOO' → 'metoo'):
 * NFKC, lower case, whitespace and leading hash signs removed (NFKC turns '＃' into '#').
 */
export function canonicalTag(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/^#+/, '');
}
