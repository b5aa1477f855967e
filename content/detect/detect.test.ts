// @vitest-environment node
// The detector is pure: Node is its whole environment (and its URL works with node:fs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractHashtags, findMentions, type Hashtag, type Mention } from '../detect.ts';
import { canonicalTag, familyTag } from '../family.ts';

// ---------------------------------------------------------------------------------------------
// twitter-text conformance (third_party/twitter-text/extract.yml, Apache-2.0)

interface ConformanceCase<Expected> {
  description: string;
  text: string;
  expected: Expected;
}
interface IndexedHashtag {
  hashtag: string;
  indices: [number, number];
}
interface Conformance {
  tests: {
    hashtags: ConformanceCase<string[]>[];
    hashtags_from_astral: ConformanceCase<string[]>[];
    hashtags_with_indices: ConformanceCase<IndexedHashtag[]>[];
  };
}

const conformance = parse(
  readFileSync(new URL('../../third_party/twitter-text/extract.yml', import.meta.url), 'utf8'),
) as Conformance;

/** The file counts code points; the API counts UTF-16 code units. */
function codePointIndex(text: string, utf16Index: number): number {
  return [...text.slice(0, utf16Index)].length;
}

describe('extractHashtags: twitter-text conformance', () => {
  describe('hashtags', () => {
    it.each(conformance.tests.hashtags)('$description', ({ text, expected }) => {
      expect(extractHashtags(text).map((tag) => tag.hashtag)).toEqual(expected);
    });
  });

  describe('hashtags_from_astral', () => {
    it.each(conformance.tests.hashtags_from_astral)('$description', ({ text, expected }) => {
      expect(extractHashtags(text).map((tag) => tag.hashtag)).toEqual(expected);
    });
  });

  describe('hashtags_with_indices', () => {
    it.each(conformance.tests.hashtags_with_indices)('$description', ({ text, expected }) => {
      const found = extractHashtags(text).map(({ hashtag, start, end }) => ({
        hashtag,
        indices: [codePointIndex(text, start), codePointIndex(text, end)],
      }));
      expect(found).toEqual(expected);
    });
  });
});

describe('extractHashtags: UTF-16 offsets', () => {
  it('counts an astral character before a hashtag as two code units', () => {
    expect(extractHashtags('😀 #MeToo')).toEqual([{ hashtag: 'MeToo', start: 3, end: 9 }]);
  });

  it('slices to the hash sign and body', () => {
    const text = 'été 🇫🇷 ＃ＭｅＴｏｏ, #日本語!';
    for (const tag of extractHashtags(text)) {
      expect(text.slice(tag.start + 1, tag.end)).toBe(tag.hashtag);
      expect('#＃').toContain(text[tag.start]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Family mentions: a table of cases

/** Each expected mention as [text covered, tag, kind]. */
type Expected = [string, string, Mention['kind']][];

function described(text: string, options?: Parameters<typeof findMentions>[1]): Expected {
  return findMentions(text, options).map((m) => [text.slice(m.start, m.end), m.tag, m.kind]);
}

const FAMILY_CASES: [string, string, Expected][] = [
  ['core tag', 'Standing with #MeToo today', [['#MeToo', 'metoo', 'hashtag']]],
  ['long form', '#MeTooMovement', [['#MeTooMovement', 'metoomovement', 'hashtag']]],
  ['upper case', '#METOO', [['#METOO', 'metoo', 'hashtag']]],
  ['lower case', '#metoo', [['#metoo', 'metoo', 'hashtag']]],
  ['full-width sign', '＃MeToo', [['＃MeToo', 'metoo', 'hashtag']]],
  ['full-width letters', '#ＭｅＴｏｏ', [['#ＭｅＴｏｏ', 'metoo', 'hashtag']]],
  ['full-width sign and letters', '＃ＭｅＴｏｏ', [['＃ＭｅＴｏｏ', 'metoo', 'hashtag']]],
  ['mathematical bold letters', '#𝐌𝐞𝐓𝐨𝐨', [['#𝐌𝐞𝐓𝐨𝐨', 'metoo', 'hashtag']]],
  ['French', 'Je dis #MoiAussi', [['#MoiAussi', 'moiaussi', 'hashtag']]],
  ['Spanish with accent', '#YoTambién', [['#YoTambién', 'yotambién', 'hashtag']]],
  ['Spanish without accent', '#YoTambien', [['#YoTambien', 'yotambien', 'hashtag']]],
  [
    'Spanish, decomposed accent',
    '#YoTambie\u0301n',
    [['#YoTambie\u0301n', 'yotambién', 'hashtag']],
  ],
  ['Portuguese', '#EuTambém', [['#EuTambém', 'eutambém', 'hashtag']]],
  ['Chinese', '支持#米兔', []],
  ['Chinese after a space', '支持 #米兔', [['#米兔', '米兔', 'hashtag']]],
  ['Korean', '#미투 운동', [['#미투', '미투', 'hashtag']]],
  [
    'Korean in conjoining jamo',
    '#\u1106\u1175\u1110\u116e',
    [['#\u1106\u1175\u1110\u116e', '미투', 'hashtag']],
  ],
  ['Korean in compatibility jamo', '#ㅁㅣㅌㅜ', [['#ㅁㅣㅌㅜ', '미투', 'hashtag']]],
  ['Arabic', 'نحن #أنا_كمان معا', [['#أنا_كمان', 'أنا_كمان', 'hashtag']]],
  [
    'Arabic, hamza as a mark',
    '#\u0627\u0654نا_كمان',
    [['#\u0627\u0654نا_كمان', 'أنا_كمان', 'hashtag']],
  ],
  ['Arabic in Latin letters', '#AnaKaman', [['#AnaKaman', 'anakaman', 'hashtag']]],
  ['Arabic hashtag of another word', '#الحرية', []],
  ['India', '#MeTooIndia', [['#MeTooIndia', 'metooindia', 'hashtag']]],
  ['related campaigns are off by default', '#BalanceTonPorc #TimesUp #ChurchToo', []],
  ['right-to-left mark before', '\u200f#MeToo', [['#MeToo', 'metoo', 'hashtag']]],
  ['right-to-left mark after', '#MeToo\u200f', [['#MeToo', 'metoo', 'hashtag']]],
  ['embedding marks around', '\u202b#MeToo\u202c', [['#MeToo', 'metoo', 'hashtag']]],
  ['raised fist before', '✊#MeToo', [['#MeToo', 'metoo', 'hashtag']]],
  ['raised fist after', '#MeToo✊', [['#MeToo', 'metoo', 'hashtag']]],
  ['skin tone before', '✊🏽#MeToo', [['#MeToo', 'metoo', 'hashtag']]],
  ['variation selector before', '✌️#MeToo', [['#MeToo', 'metoo', 'hashtag']]],
  ['family emoji before', '👩‍👩‍👧#MeToo', [['#MeToo', 'metoo', 'hashtag']]],
  ['astral emoji after', '#MeToo🙏', [['#MeToo', 'metoo', 'hashtag']]],
  ['parentheses', '(#MeToo)', [['#MeToo', 'metoo', 'hashtag']]],
  ['quotes', '"#MeToo"', [['#MeToo', 'metoo', 'hashtag']]],
  ['guillemets', '«#MoiAussi»', [['#MoiAussi', 'moiaussi', 'hashtag']]],
  ['inverted exclamation', '¡#YoTambién!', [['#YoTambién', 'yotambién', 'hashtag']]],
  [
    'comma and full stop',
    '#MeToo, #metoo.',
    [
      ['#MeToo', 'metoo', 'hashtag'],
      ['#metoo', 'metoo', 'hashtag'],
    ],
  ],
  ['ellipsis', '#MeToo…', [['#MeToo', 'metoo', 'hashtag']]],
  ['apostrophe', "#MeToo's reach", [['#MeToo', 'metoo', 'hashtag']]],
  ['typographic apostrophe', '#MeToo’s reach', [['#MeToo', 'metoo', 'hashtag']]],
  ['phrase', 'the Me Too movement began', [['Me Too movement', 'metoo', 'phrase']]],
  ['phrase, one word', 'the MeToo movement', [['MeToo movement', 'metoo', 'phrase']]],
  ['phrase, upper case', 'ME TOO MOVEMENT', [['ME TOO MOVEMENT', 'metoo', 'phrase']]],
  ['phrase, any whitespace', 'me  too\nmovement', [['me  too\nmovement', 'metoo', 'phrase']]],
  ['phrase, no-break space', 'Me\u00a0Too movement', [['Me\u00a0Too movement', 'metoo', 'phrase']]],
  ['hashtag then movement is one mention', 'the #MeToo movement', [['#MeToo', 'metoo', 'hashtag']]],
  ['full-width hashtag then movement', '＃MeToo movement', [['＃MeToo', 'metoo', 'hashtag']]],
  [
    'in order',
    'The Me Too movement, #MeToo and #MoiAussi',
    [
      ['Me Too movement', 'metoo', 'phrase'],
      ['#MeToo', 'metoo', 'hashtag'],
      ['#MoiAussi', 'moiaussi', 'hashtag'],
    ],
  ],
  ['bare "me too"', 'Me too! me too.', []],
  ['an account, not a tag', '@MeToo', []],
  ['phrase after an account', '@MeToo movement', []],
  ['phrase after a hash sign that makes no family tag', '#Me Too movement', []],
  ['tag with a year', '#MeToo2018', []],
  ['tag with a letter more', '#MeTooX', []],
  ['tag with an underscore', '#MeToo_', []],
  ['tag with an extra o', '#MeTooo', []],
  ['tag after a letter', 'x#MeToo', []],
  ['tag after Japanese', '日本語#MeToo', []],
  ['tag after an ampersand', '&#MeToo', []],
  ['two tags glued', '#MeToo#TimesUp', []],
  ['hyphenated tag', '#Me-Too', []],
  ['tag with a space', '#Me Too', []],
  ['tag inside a URL', 'https://example.com/#MeToo', []],
  ['tag inside a bare domain URL', 'example.com/#MeToo', []],
  ['tag followed by a scheme separator', '#MeToo://x', []],
  ['phrase inside a word', 'awesome too movement', []],
  ['plural', 'Me Too movements', []],
  ['phrase split by a word', 'me too big movement', []],
];

describe('findMentions: family cases', () => {
  it.each(FAMILY_CASES)('%s: %j', (_name, text, expected) => {
    expect(described(text)).toEqual(expected);
  });

  it('drops translations when they are turned off', () => {
    const text = '#MeToo #MoiAussi #YoTambién #米兔 #미투 #أنا_كمان #MeTooIndia';
    expect(described(text, { translations: false })).toEqual([['#MeToo', 'metoo', 'hashtag']]);
  });

  it('finds related campaigns when they are turned on', () => {
    const text = '#BalanceTonPorc #QuellaVoltaChe #ChurchToo #MeTooK12 #TimesUp';
    expect(findMentions(text, { related: true }).map((m) => m.tag)).toEqual([
      'balancetonporc',
      'quellavoltache',
      'churchtoo',
      'metook12',
      'timesup',
    ]);
  });

  it('keeps the phrase whatever the options', () => {
    const options = { translations: false, related: false };
    expect(described('the Me Too movement', options)).toEqual([
      ['Me Too movement', 'metoo', 'phrase'],
    ]);
  });

  it('finds nothing in empty text', () => {
    expect(findMentions('')).toEqual([]);
    expect(extractHashtags('')).toEqual([]);
  });
});

describe('findMentions: long and hostile runs stay linear', () => {
  const cases: [string, string][] = [
    ['dotted labels', 'a.'.repeat(50_000) + '(#MeToo)'],
    ['one long label', 'ab-'.repeat(30_000) + '.xx.(#MeToo)'],
    ['alternating scripts', 'a.本.'.repeat(30_000) + '(#MeToo)'],
    ['accented label', 'é'.repeat(100_000) + '.qq(#MeToo)'],
    ['long path', 'x.com/' + '#MeToo/'.repeat(30_000)],
    ['glued tags', 'x#MeToo'.repeat(50_000)],
  ];
  it.each(cases)('%s', (_name, text) => {
    const started = performance.now();
    findMentions(text);
    extractHashtags(text);
    // Linear work is a few tens of ms here; quadratic work would take minutes.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Pieces that make the rules work: family tags in many forms, near misses, URLs, joiners. */
const TOKENS = [
  '#MeToo',
  '#metoo',
  '＃ＭｅＴｏｏ',
  '#𝐦𝐞𝐭𝐨𝐨',
  '#MoiAussi',
  '#YoTambién',
  '#yotambie\u0301n',
  '#EuTambém',
  '#米兔',
  '#미투',
  '#\u1106\u1175\u1110\u116e',
  '#أنا_كمان',
  '#\u0627\u0654نا_كمان',
  '#AnaKaman',
  '#MeTooIndia',
  '#BalanceTonPorc',
  '#TimesUp',
  '#MeTooK12',
  '#MeToo2018',
  '#MeTooo',
  '#Me',
  'MeToo',
  'Me',
  'Too',
  'movement',
  '#',
  '＃',
  '@',
  '&',
  '_',
  '1',
  'x',
  'é',
  '日本',
  'ال',
  '.',
  ',',
  '/',
  ':',
  '?',
  '(',
  ')',
  '-',
  'http://',
  'https://',
  'example.com',
  '.com/',
  't.co/',
  'www.',
  ' ',
  ' ',
  '\n',
  '\u00a0',
  '\u3000',
  '✊',
  '🙏🏽',
  '\ufe0f',
  '\u20e3',
  '\u200d',
  '\u200f',
  '\u0301',
];

const socialText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((t) => t.join(''));
const familyOptions = fc.record({ translations: fc.boolean(), related: fc.boolean() });

function isEnabled(tag: string, options: { translations: boolean; related: boolean }): boolean {
  const entry = familyTag(tag);
  if (!entry) return false;
  return (
    entry.group === 'core' ||
    (entry.group === 'translation' ? options.translations : options.related)
  );
}

function familyFilter(
  tags: Hashtag[],
  options: { translations: boolean; related: boolean },
): Mention[] {
  return tags.flatMap(({ hashtag, start, end }): Mention[] => {
    const tag = hashtag.normalize('NFKC').toLowerCase();
    return isEnabled(tag, options) ? [{ start, end, tag, kind: 'hashtag' }] : [];
  });
}

describe('findMentions: properties', () => {
  it('hashtag mentions are exactly extractHashtags filtered by the family', () => {
    fc.assert(
      fc.property(socialText, familyOptions, (text, options) => {
        const hashtags = findMentions(text, options).filter((m) => m.kind === 'hashtag');
        expect(hashtags).toEqual(familyFilter(extractHashtags(text), options));
      }),
      { numRuns: 2_000 },
    );
  });

  it('offsets slice to the mention', () => {
    fc.assert(
      fc.property(socialText, familyOptions, (text, options) => {
        for (const mention of findMentions(text, options)) {
          const covered = text.slice(mention.start, mention.end);
          if (mention.kind === 'hashtag') expect(canonicalTag(covered)).toBe(mention.tag);
          else expect(covered).toMatch(/^me\s*too\s+movement$/i);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('mentions are ordered and never overlap', () => {
    fc.assert(
      fc.property(socialText, familyOptions, (text, options) => {
        const mentions = findMentions(text, options);
        mentions.forEach((mention, i) => {
          expect(mention.start).toBeLessThan(mention.end);
          const next = mentions[i + 1];
          if (next) expect(mention.end).toBeLessThanOrEqual(next.start);
        });
      }),
      { numRuns: 1_000 },
    );
  });

  it('inserting a word that holds no family tag never adds a mention', () => {
    // No hash sign (no hashtag) and none of the letters of "me too movement" (no phrase).
    const filler = fc
      .array(
        fc.constantFrom(
          'x',
          'y',
          'z',
          '1',
          '2',
          '.',
          ',',
          '!',
          '@',
          '/',
          ':',
          '&',
          '😀',
          'ب',
          '日',
        ),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((chars) => ` ${chars.join('')} `);
    fc.assert(
      fc.property(socialText, filler, fc.nat(), (text, inserted, pick) => {
        // Insert at a run boundary: the end, or just before whitespace.
        const boundaries = [text.length, ...[...text.matchAll(/\s/g)].map((m) => m.index)];
        const at = boundaries[pick % boundaries.length] ?? text.length;
        const before = findMentions(text);
        const after = findMentions(text.slice(0, at) + inserted + text.slice(at)).map((m) =>
          m.start >= at
            ? { ...m, start: m.start - inserted.length, end: m.end - inserted.length }
            : m,
        );
        expect(after.filter((m) => m.kind === 'hashtag')).toEqual(
          before.filter((m) => m.kind === 'hashtag'),
        );
        // A phrase may be split by the inserted word, never created.
        for (const mention of after) expect(before).toContainEqual(mention);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('extractHashtags: agrees with npm twitter-text', () => {
  interface TwitterText {
    extractHashtagsWithIndices(text: string): IndexedHashtag[];
  }
  const twitterText = createRequire(import.meta.url)('twitter-text') as TwitterText;
  // URL pieces use TLDs that both URL recognisers know; letters are ones both Unicode tables share.
  const urlText = fc
    .array(
      fc.constantFrom(
        ...TOKENS,
        '/#',
        '.jp#',
        'a.co',
        '?q=',
        '(a)',
        'b_c.',
        '-x.',
        'T.CO/ab',
        'HTTPS://',
        ':80',
        'xn--p1ai',
        'ин.рф',
        '本.com',
        '&#',
        '$',
        '|',
        '~',
      ),
      { maxLength: 20 },
    )
    .map((tokens) => tokens.join(''));

  it('on generated text with URLs', () => {
    fc.assert(
      fc.property(urlText, (text) => {
        const theirs = twitterText
          .extractHashtagsWithIndices(text)
          .map(({ hashtag, indices: [start, end] }) => ({ hashtag, start, end }));
        expect(extractHashtags(text)).toEqual(theirs);
      }),
      { numRuns: 2_000 },
    );
  });
});
