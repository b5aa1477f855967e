/** Hashtags of the #MeToo family: which bodies canonicalise to a family id, judged cheaply first. */

import { FAMILY, familyTag, type FamilyTag } from '../family.ts';
import {
  ASCII_HASHTAG_CHARS,
  asciiTable,
  bodyEnd,
  isHashtagCharAt,
  isHighSurrogate,
  isLowSurrogate,
} from './characters.ts';
import { HashSigns, hashtagsInRun, runEnd, runStart } from './hashtags.ts';
import type { Mention } from './find-mentions.ts';

const MAX_ID_LENGTH = Math.max(...FAMILY.map((tag) => tag.id.length));

/** ASCII ids by length, so that an ASCII body is compared in place, without allocating. */
const ASCII_FAMILY_BY_LENGTH: readonly FamilyTag[][] = Array.from(
  { length: MAX_ID_LENGTH + 1 },
  (_, length) => FAMILY.filter(({ id }) => id.length === length && /^\p{ASCII}*$/u.test(id)),
);

/**
 * First characters (after canonical decomposition) of any text whose canonical form begins like a
 * family id: 'm', 'M', 'ا' (أ = ا + hamza), 'ᄆ' (미 = ᄆ + ᅵ), '米'…
 */
const FAMILY_BASES: ReadonlySet<string> = new Set(
  FAMILY.flatMap((tag) => {
    const first = String.fromCodePoint(tag.id.codePointAt(0) ?? 0);
    return [first, first.toUpperCase()].map((ch) => ch.normalize('NFD')[0] ?? '');
  }),
);
const ASCII_FAMILY_START = asciiTable([...FAMILY_BASES].filter((ch) => ch < '\x80').join(''));

/** ASCII bodies: which (first | 0x20, second | 0x20) code unit pairs can begin a family id. */
const ASCII_FAMILY_PAIRS = new Uint8Array(128 * 128);
for (const { id } of FAMILY) {
  const [first = 0x80, second = 0x80] = [...id.normalize('NFD').slice(0, 2)].map((ch) =>
    ch.charCodeAt(0),
  );
  if (first >= 0x80) continue;
  // A non-ASCII second character (or none) lets any ASCII second character through.
  for (let c = 0; c < 128; c++) {
    if (second >= 0x80 || c === (second | 0x20)) ASCII_FAMILY_PAIRS[(first << 7) | c] = 1;
  }
}

/** First characters of the family ids themselves. */
const FAMILY_FIRSTS: ReadonlySet<string> = new Set(
  FAMILY.map((tag) => String.fromCodePoint(tag.id.codePointAt(0) ?? 0)),
);

const NEVER = 1;
const MAYBE = 2;
const IF_COMPOSED = 3;
type StartKind = typeof NEVER | typeof MAYBE | typeof IF_COMPOSED;

/**
 * Can a body starting with `ch` canonicalise to a family id? MAYBE if `ch` alone canonicalises to
 * a family id's first character; IF_COMPOSED if only a following mark or jamo could make it one
 * ('ا' + hamza = 'أ', the start of most Arabic hashtags 'ال…' cannot).
 */
function startKind(ch: string): StartKind {
  const canonical = ch.normalize('NFKC').toLowerCase();
  if (FAMILY_FIRSTS.has(String.fromCodePoint(canonical.codePointAt(0) ?? 0))) return MAYBE;
  return FAMILY_BASES.has(ch.normalize('NFKD')[0] ?? '') ? IF_COMPOSED : NEVER;
}

/** Marks and Hangul vowel and final jamo: what canonical composition joins to the character before. */
const COMBINING = /^[\p{M}\u1160-\u11ff]/u;

/** Per BMP code unit, filled on first sight: 0 unknown, else a StartKind. */
const startKindCache = new Uint8Array(0x10000);
/** Per BMP code unit, filled on first sight: 0 unknown, 1 no, 2 may compose with what precedes. */
const combiningCache = new Uint8Array(0x10000);

function mayCompose(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (combiningCache[c] === 0) {
    const surrogate = isHighSurrogate(c) || isLowSurrogate(c);
    const decomposed = String.fromCharCode(c).normalize('NFKD');
    combiningCache[c] = surrogate || COMBINING.test(decomposed) ? 2 : 1;
  }
  return combiningCache[c] === 2;
}

/**
 * Can the body whose first code point is at `at` canonicalise to a family id? Cheap, never wrong;
 * it may look at the code point after the first.
 */
export function mayStartFamilyId(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return ASCII_FAMILY_START[c] === 1;
  let kind: number;
  if (isHighSurrogate(c)) {
    kind = startKind(String.fromCodePoint(text.codePointAt(at) ?? c));
  } else {
    if (startKindCache[c] === 0) startKindCache[c] = startKind(String.fromCharCode(c));
    kind = startKindCache[c] ?? NEVER;
  }
  if (kind === IF_COMPOSED) return mayCompose(text.charCodeAt(at + (isHighSurrogate(c) ? 2 : 1)));
  return kind === MAYBE;
}

/** The family tag a hashtag body at `at` canonicalises to (NFKC, lower case), if any. */
function familyBodyAt(text: string, at: number): FamilyTag | undefined {
  if (at >= text.length || !mayStartFamilyId(text, at)) return undefined;
  const first = text.charCodeAt(at);
  if (first >= 0x80) return familyTagOf(text, at, bodyEnd(text, at));
  const second = text.charCodeAt(at + 1);
  if (second < 0x80 && ASCII_FAMILY_PAIRS[((first | 0x20) << 7) | (second | 0x20)] === 0) {
    return undefined;
  }
  // Plain ASCII bodies (most of them) need neither NFKC nor the Unicode body regex.
  const limit = Math.min(text.length, at + MAX_ID_LENGTH + 1);
  let end = at + 1;
  while (end < limit) {
    const c = text.charCodeAt(end);
    if (c >= 0x80) {
      if (isHashtagCharAt(text, end)) return familyTagOf(text, at, bodyEnd(text, end));
      break;
    }
    if (ASCII_HASHTAG_CHARS[c] === 0) break;
    end++;
  }
  return end - at > MAX_ID_LENGTH ? undefined : asciiFamilyTag(text, at, end);
}

/** The family tag of the body text[start, end), canonicalised by NFKC and lower case. */
function familyTagOf(text: string, start: number, end: number): FamilyTag | undefined {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      return familyTag(text.slice(start, end).normalize('NFKC').toLowerCase());
    }
  }
  return end - start > MAX_ID_LENGTH ? undefined : asciiFamilyTag(text, start, end);
}

/** The family tag of the ASCII body text[start, end): NFKC leaves ASCII alone. */
function asciiFamilyTag(text: string, start: number, end: number): FamilyTag | undefined {
  next: for (const tag of ASCII_FAMILY_BY_LENGTH[end - start] ?? []) {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
      if (lower !== tag.id.charCodeAt(i - start)) continue next;
    }
    return tag;
  }
  return undefined;
}

function isEnabled(tag: FamilyTag, translations: boolean, related: boolean): boolean {
  return tag.group === 'core' || (tag.group === 'translation' ? translations : related);
}

/** Family hashtags: only runs where a hash sign is followed by a possible family body are judged. */
export function familyHashtags(text: string, translations: boolean, related: boolean): Mention[] {
  const mentions: Mention[] = [];
  const signs = new HashSigns(text);
  for (let hash = signs.next(0); hash >= 0;) {
    const candidate = familyBodyAt(text, hash + 1);
    if (!candidate || !isEnabled(candidate, translations, related)) {
      hash = signs.next(hash + 1);
      continue;
    }
    const to = runEnd(text, hash + 1);
    for (const found of hashtagsInRun(text, runStart(text, hash), to)) {
      const tag = familyTagOf(text, found.start + 1, found.end);
      if (tag && isEnabled(tag, translations, related)) {
        mentions.push({ start: found.start, end: found.end, tag: tag.id, kind: 'hashtag' });
      }
    }
    hash = signs.next(to);
  }
  return mentions;
}
