/**
 * Test helper: arbitraries for text that holds family tags in any of their NFKC-equivalent spellings
 * (fullwidth, mathematical, enclosed, modifier letters, decomposed, compatibility jamo…), the phrase,
 * near misses and noise. Never used by shipped code.
 */
import fc from 'fast-check';
import { FAMILY } from '../content/family';

const ID_CHARACTERS = new Set(FAMILY.flatMap(({ id }) => [...id]));
/** What a spelling may be made of: each id character and each part of its decomposition. */
const TARGETS = new Set([...ID_CHARACTERS].flatMap((ch) => [ch, ...ch.normalize('NFD')]));

/** Code points (up to U+2FFFF) whose NFKC, in lower case, is one target character. */
const VARIANTS = new Map<string, string[]>();
for (let code = 0x41; code <= 0x2ffff; code++) {
  if (code >= 0xd800 && code <= 0xdfff) continue;
  const ch = String.fromCodePoint(code);
  const target = ch.normalize('NFKC').toLowerCase();
  if (TARGETS.has(target)) VARIANTS.set(target, [...(VARIANTS.get(target) ?? []), ch]);
}

/** One character of an id as it may be written: itself, a variant, or its parts, each in any form. */
function character(ch: string): fc.Arbitrary<string> {
  const variants = VARIANTS.get(ch) ?? [ch];
  const parts = [...ch.normalize('NFD')];
  const whole = fc.constantFrom(ch, ...variants);
  if (parts.length < 2) return whole;
  const decomposed = fc
    .tuple(...parts.map((part) => fc.constantFrom(part, ...(VARIANTS.get(part) ?? []))))
    .map((chosen) => chosen.join(''));
  return fc.oneof(whole, decomposed);
}

/** A family id, spelled any way that canonicalises (NFKC, lower case) to it, or nearly so. */
export const spelledTag: fc.Arbitrary<string> = fc
  .constantFrom(...FAMILY.map(({ id }) => id))
  .chain((id) => fc.tuple(...[...id].map(character)).map((chars) => chars.join('')));

const HASH = fc.constantFrom('#', '＃', '﹟', '#', '#');
const AFTER_TAG = fc.constantFrom(
  '',
  '',
  ' ',
  '.',
  '!',
  '2018',
  'x',
  '_',
  'é',
  '#',
  '://',
  '\u0301',
);

const PHRASE = fc
  .tuple(
    fc.constantFrom('Me', 'me', 'ME', 'mE'),
    fc.constantFrom('', ' ', '  ', '\u00a0', '\n'),
    fc.constantFrom('Too', 'too', 'TOO'),
    fc.constantFrom(' ', '\t', '  ', ''),
    fc.constantFrom('movement', 'Movement', 'MOVEMENT', 'moVement', 'movements'),
  )
  .map((parts) => parts.join(''));

const NOISE = fc.constantFrom(
  'the',
  'a',
  '#',
  '＃',
  '#AI',
  '#日本語',
  '#café',
  '#MeToo2018',
  'https://example.org/#metoo',
  'example.com/#MeToo',
  'x#metoo',
  '&#metoo',
  'move',
  'ment',
  'Me Too',
  'metoo',
  '✌️',
  '\ud83d',
  '\ude4c',
  '#️⃣',
  '@metoo',
);

/** A stretch of text: tags, phrases, near misses and noise, with or without spaces between. */
export const mentionText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(HASH, spelledTag, AFTER_TAG).map((p) => p.join('')) },
      { weight: 1, arbitrary: spelledTag },
      { weight: 1, arbitrary: PHRASE },
      { weight: 3, arbitrary: NOISE },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    ),
    { maxLength: 6 },
  )
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', ' ', '', '\n'), {
        minLength: words.length,
        maxLength: words.length,
      })
      .map((gaps) => words.map((word, i) => word + (gaps[i] ?? '')).join('')),
  );

/** Places to cut a text into pieces (text nodes), sorted, within [0, length]. */
export function cuts(text: string): fc.Arbitrary<number[]> {
  return fc
    .array(fc.integer({ min: 0, max: text.length }), { maxLength: 6 })
    .map((at) => [...new Set(at)].sort((a, b) => a - b));
}

/** `text` cut at `at`, in order. */
export function pieces(text: string, at: number[]): string[] {
  const bounds = [0, ...at, text.length];
  return bounds.slice(1).map((end, i) => text.slice(bounds[i], end));
}
