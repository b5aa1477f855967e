/**
 * Text → mentions of the #MeToo family. Pure: no DOM, no browser APIs.
 *
 * Hashtags follow twitter-text's rules (../third_party/twitter-text/extract.yml is the reference):
 * letters, marks, decimal digits and a few joiners; at least one letter or mark; not after a letter,
 * digit or '&'; not followed by another hash sign or '://'; dropped where they overlap a URL.
 * Neither a hashtag nor a URL ever contains whitespace, so each whitespace-delimited run of text
 * can be judged on its own: `findMentions` only judges the runs where a family tag may start.
 */

import { FAMILY, familyTag, type FamilyTag } from './family.ts';

export interface Hashtag {
  /** The body as written, without the hash sign. */
  hashtag: string;
  /** UTF-16 offsets; [start, end) covers the hash sign and the body. */
  start: number;
  end: number;
}

export interface Mention {
  start: number;
  end: number;
  /** Canonical family id, e.g. 'metoo', 'moiaussi'. */
  tag: string;
  kind: 'hashtag' | 'phrase';
}

// ---------------------------------------------------------------------------------------------
// Characters

const HASH = 0x23;
const FULLWIDTH_HASH = 0xff03;
const AMPERSAND = 0x26;
const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUESTION = 0x3f;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const VS15 = 0xfe0e;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;

/** Characters twitter-text allows inside a hashtag besides letters, marks and digits. */
const HASHTAG_JOINERS =
  '_\\u200c\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7';
/** Zero-width joiner, kept apart: inside a class between two characters it reads as one emoji. */
const ZWJ = '\\u200d';
const HASHTAG_CLASS = `[\\p{L}\\p{M}\\p{Nd}${HASHTAG_JOINERS}${ZWJ}]`;
/** Sticky: the run of hashtag characters at lastIndex (possibly empty). */
const BODY_RUN = new RegExp(`${HASHTAG_CLASS}*`, 'uy');
/** Sticky: one hashtag character at lastIndex. */
const HASHTAG_CHAR = new RegExp(HASHTAG_CLASS, 'uy');
/** A body needs at least one of these; '#2018' is not a hashtag. */
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

function isHashSign(c: number): boolean {
  return c === HASH || c === FULLWIDTH_HASH;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Exactly JavaScript's `\s`: the run delimiter. No hashtag or URL character is one of these. */
function isWhitespace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isHashtagCharAt(text: string, index: number): boolean {
  HASHTAG_CHAR.lastIndex = index;
  return HASHTAG_CHAR.test(text);
}

/** End of the run of hashtag characters that starts at `index`: a hashtag's body, when after a hash sign. */
export function bodyEnd(text: string, index: number): number {
  BODY_RUN.lastIndex = index;
  BODY_RUN.test(text);
  return BODY_RUN.lastIndex;
}

function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const ASCII_ALNUM = LOWER + UPPER + DIGITS;
const ASCII_HASHTAG_CHARS = asciiTable(ASCII_ALNUM + '_');

// ---------------------------------------------------------------------------------------------
// URLs (twitter-text's extractUrl, re-implemented), used only to drop hashtags inside URLs

/** Legacy and widely used generic TLDs; twitter-text knows ~1,100 more, rarely seen in posts. */
const GENERIC_TLDS =
  'com net org edu gov mil int info biz name pro mobi asia tel travel jobs museum aero coop cat ' +
  'xxx app dev page blog news live online site website store shop club xyz top icu vip tech ' +
  'space art design media video cloud link click today world life email social fun one new ' +
  'global agency company digital network studio wiki';
/** Every ASCII country-code TLD, by first letter: 'acd…' is ac, ad… */
const COUNTRY_TLDS =
  'acdefgilmnoqrstuwxz babdefghijlmnoqrstvwyz cacdfghiklmnoruvwxyz dejkmoz eceghrstu fijkmor ' +
  'gabdefghilmnpqrstuwy hkmnrtu idelmnoqrst jemop keghimnprwyz labcikrstuvy ' +
  'macdefghklmnopqrstuvwxyz nacefgilopruz om paefghklmnrstwy qa reosuw ' +
  'sabcdeghijklmnorstuvxyz tcdfghjklmnoprtvwz uagkmsyz vaceginu wfs yet zamw';
const TLDS: ReadonlySet<string> = new Set([
  ...GENERIC_TLDS.split(' '),
  ...COUNTRY_TLDS.split(' ').flatMap(([first, ...seconds]) => seconds.map((c) => first + c)),
]);
/**
 * Internationalised TLDs: the most registered ones (the Cyrillic, Chinese and Korean country codes
 * and generic names first), as with the generic list above; longest first. A URL under another IDN
 * TLD is not recognised, so a hashtag inside it is kept: the safe way to be wrong.
 */
const IDN_TLDS: readonly string[] = (
  'рф укр бел срб қаз мон бг рус москва онлайн сайт орг ком ελ ευ ею 中国 中國 香港 台灣 台湾 ' +
  '한국 在线 中文网 公司 网络 みんな コム ไทย भारत مصر السعودية امارات ایران'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);
/** IDN TLDs by their first code unit, in either case. */
const IDN_TLDS_BY_FIRST = new Map<number, string[]>();
for (const tld of IDN_TLDS) {
  for (const first of new Set([tld.charCodeAt(0), tld.toUpperCase().charCodeAt(0)])) {
    IDN_TLDS_BY_FIRST.set(first, [...(IDN_TLDS_BY_FIRST.get(first) ?? []), tld]);
  }
}

const MAX_URL_LENGTH = 4096;
const MAX_LABEL_LENGTH = 63;
const MAX_TCO_SLUG_LENGTH = 40;
const ASCII_PUNCTUATION = "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$";
const SPACES = ' \t\n\v\f\r';
const NOT_ASCII_DOMAIN_CHARS = asciiTable(ASCII_PUNCTUATION + SPACES);
const NOT_URL_PRECEDING = asciiTable(ASCII_ALNUM + '@$#');
const NOT_AFTER_TLD = asciiTable(ASCII_ALNUM + '@+-');
const ASCII_PATH_CHARS = asciiTable(ASCII_ALNUM + "!*';:=+,.$/%#[]-_~@|&");
const ASCII_PATH_ENDINGS = asciiTable(ASCII_ALNUM + '+-=_#/');
const ASCII_QUERY_CHARS = asciiTable(ASCII_ALNUM + "!?*'@();:&=+$/%#[]-_.,~|");
const ASCII_QUERY_ENDINGS = asciiTable(ASCII_ALNUM + '-_&=#/');
const ASCII_LABEL_CHARS = asciiTable(ASCII_ALNUM + '-');
const PROTOCOL = /https?:\/\//iy;
const TCO_URL =
  /https?:\/\/t\.co\/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]*[a-z0-9\-_&=#/])?/iy;

function isDomainChar(c: number): boolean {
  if (c < 0x80) return NOT_ASCII_DOMAIN_CHARS[c] === 0;
  return !(
    isWhitespace(c) ||
    c === 0x85 ||
    c === 0x180e ||
    c === 0xfffe ||
    c === 0xffff ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

function isLabelChar(c: number): boolean {
  return c === 0x2d || c === 0x5f || isDomainChar(c);
}

/** Accented Latin letters that twitter-text allows in paths and ASCII domains. */
function isLatinAccent(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    c === 0x253 ||
    c === 0x254 ||
    c === 0x256 ||
    c === 0x257 ||
    c === 0x259 ||
    c === 0x25b ||
    c === 0x263 ||
    c === 0x268 ||
    c === 0x26f ||
    c === 0x272 ||
    c === 0x289 ||
    c === 0x28b ||
    c === 0x2bb ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

function isPathLetter(c: number): boolean {
  return isLatinAccent(c) || (c >= 0x400 && c <= 0x4ff);
}

function isPathChar(c: number): boolean {
  return c < 0x80 ? ASCII_PATH_CHARS[c] === 1 : c === 0x2013 || isPathLetter(c);
}

function isPathEnding(c: number): boolean {
  return c < 0x80 ? ASCII_PATH_ENDINGS[c] === 1 : isPathLetter(c);
}

function isAsciiLabelChar(c: number): boolean {
  return c < 0x80 ? ASCII_LABEL_CHARS[c] === 1 : isLatinAccent(c);
}

function isUrlPreceding(c: number): boolean {
  if (c < 0x80) return NOT_URL_PRECEDING[c] === 0;
  return c !== 0xff20 && c !== FULLWIDTH_HASH && c !== 0xfffe && c !== 0xfeff && c !== 0xffff;
}

/**
 * End of the top-level domain at `at`, or -1: a known TLD followed by no letter, digit or '@+-',
 * or punycode ('xn--…', which twitter-text does not check the end of).
 */
function tldEnd(text: string, at: number, limit: number): number {
  if (text.charCodeAt(at) >= 0x80) {
    for (const tld of IDN_TLDS_BY_FIRST.get(text.charCodeAt(at)) ?? []) {
      const end = at + tld.length;
      if (end > limit || text.slice(at, end).toLowerCase() !== tld) continue;
      if (allowedAfterTld(text, end, limit)) return end;
    }
    return -1;
  }
  let end = at;
  while (end < limit && isAsciiAlnum(text.charCodeAt(end))) end++;
  if (
    end > at &&
    allowedAfterTld(text, end, limit) &&
    TLDS.has(text.slice(at, end).toLowerCase())
  ) {
    return end;
  }
  if (text.slice(at, at + 4).toLowerCase() !== 'xn--') return -1;
  end = at + 4;
  while (end < limit && (isAsciiAlnum(text.charCodeAt(end)) || text.charCodeAt(end) === 0x2d))
    end++;
  return end > at + 4 ? end : -1;
}

function isAsciiAlnum(c: number): boolean {
  return c < 0x80 && ASCII_HASHTAG_CHARS[c] === 1 && c !== 0x5f;
}

function allowedAfterTld(text: string, index: number, limit: number): boolean {
  if (index >= limit) return true;
  const c = text.charCodeAt(index);
  return c >= 0x80 || NOT_AFTER_TLD[c] === 0;
}

interface Label {
  start: number;
  end: number;
}

/**
 * twitter-text's domain: as many subdomains as fit ('_' allowed), a name, a TLD; no label starts
 * or ends with '-' or '_'. Matching is tried at every position of a run, so results are memoised:
 * the label the last attempt started in, and per label start the best domain end through it.
 */
class DomainMatcher {
  readonly #text: string;
  /** The label the last attempt started in: [labelStart, labelEnd), its last '_'. */
  #labelStart = -1;
  #labelEnd = -1;
  #lastUnderscore = -1;
  /** End of a TLD right after the current label's dot: -2 until needed. */
  #nextTld = -2;
  /** Label start (after a dot) → domain end when that label is the first full one, or -1. */
  readonly #fromLabel = new Map<number, number>();

  constructor(text: string) {
    this.#text = text;
  }

  /** End of the domain that starts at `at`, or -1. */
  end(at: number): number {
    if (at < this.#labelStart || at > this.#labelEnd) this.#enterLabel(at);
    const end = this.#labelEnd;
    // The first label is a suffix of the current one and needs a dot after it.
    if (this.#text.charCodeAt(end) !== DOT || !this.#isValid(at, end)) return -1;
    const throughSubdomains = this.#endFrom(end + 1);
    if (throughSubdomains >= 0) return throughSubdomains;
    if (this.#lastUnderscore >= at) return -1;
    if (this.#nextTld === -2) this.#nextTld = tldEnd(this.#text, end + 1, this.#text.length);
    return this.#nextTld;
  }

  #enterLabel(at: number): void {
    let end = at;
    let underscore = -1;
    for (let c = this.#text.charCodeAt(end); end < this.#text.length && isLabelChar(c);) {
      if (c === 0x5f) underscore = end;
      c = this.#text.charCodeAt(++end);
    }
    this.#labelStart = at;
    this.#labelEnd = end;
    this.#lastUnderscore = underscore;
    this.#nextTld = -2;
  }

  #isValid(start: number, end: number): boolean {
    const text = this.#text;
    return (
      end > start && isDomainChar(text.charCodeAt(start)) && isDomainChar(text.charCodeAt(end - 1))
    );
  }

  /** Domain end when the full label at `start` and those after it are subdomains or the name. */
  #endFrom(start: number): number {
    const text = this.#text;
    // Walk the labels that could be subdomains until one cannot (or is memoised) ...
    const chain: { start: number; end: number; nameable: boolean }[] = [];
    let settled = -1;
    for (let at = start; ;) {
      const memo = this.#fromLabel.get(at);
      if (memo !== undefined) {
        settled = memo;
        break;
      }
      let end = at;
      let underscore = false;
      for (let c = text.charCodeAt(end); end < text.length && isLabelChar(c);) {
        if (c === 0x5f) underscore = true;
        c = text.charCodeAt(++end);
      }
      const usable = this.#isValid(at, end) && text.charCodeAt(end) === DOT;
      chain.push({ start: at, end, nameable: usable && !underscore });
      if (!usable) break;
      at = end + 1;
    }
    // ... then settle them from the right: the name as far right as it can go.
    for (const label of chain.reverse()) {
      if (settled < 0 && label.nameable) settled = tldEnd(text, label.end + 1, text.length);
      this.#fromLabel.set(label.start, settled);
    }
    return settled;
  }
}

/** ASCII domains inside [from, to), found left to right as twitter-text's validAsciiDomain does. */
function asciiDomains(text: string, from: number, to: number): Label[] {
  const found: Label[] = [];
  let p = from;
  while (p < to) {
    if (!isAsciiLabelChar(text.charCodeAt(p))) {
      p++;
      continue;
    }
    const dots: number[] = [];
    let q = p;
    for (;;) {
      while (q < to && isAsciiLabelChar(text.charCodeAt(q))) q++;
      if (q >= to || text.charCodeAt(q) !== DOT) break;
      dots.push(q);
      q++;
      if (q >= to || !isAsciiLabelChar(text.charCodeAt(q))) break;
    }
    let end = -1;
    for (const dot of dots.reverse()) {
      end = tldEnd(text, dot + 1, to);
      if (end >= 0) break;
    }
    if (end >= 0) {
      found.push({ start: p, end });
      p = end;
    } else {
      // A later start in the same chain sees a subset of the same dots: it fails too.
      p = Math.max(q, p + 1);
    }
  }
  return found;
}

function balancedParensEnd(text: string, open: number): number {
  let i = open + 1;
  const first = i;
  while (isPathChar(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === CLOSE_PAREN) return i > first ? i + 1 : -1;
  if (text.charCodeAt(i) !== OPEN_PAREN) return -1;
  const innerStart = ++i;
  while (isPathChar(text.charCodeAt(i))) i++;
  if (i === innerStart || text.charCodeAt(i) !== CLOSE_PAREN) return -1;
  i++;
  while (isPathChar(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === CLOSE_PAREN ? i + 1 : -1;
}

/**
 * End of the path after '/': the farthest point reached by steps that each end in an ending
 * character, or that are a lone balanced '(…)' (twitter-text's alternation binds that loosely).
 */
function pathEnd(text: string, at: number): number {
  let i = at;
  let last = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN) {
      const close = balancedParensEnd(text, i);
      if (close < 0) return last;
      if (i === last) last = close;
      i = close;
    } else if (isPathChar(c)) {
      i++;
      if (isPathEnding(c)) last = i;
    } else {
      return last;
    }
  }
}

/** End of the query after '?', or -1 if no query character ends it properly. */
function queryEnd(text: string, at: number): number {
  let last = -1;
  for (let i = at; ; i++) {
    const c = text.charCodeAt(i);
    if (!(c < 0x80 && ASCII_QUERY_CHARS[c] === 1)) return last;
    if (ASCII_QUERY_ENDINGS[c] === 1) last = i + 1;
  }
}

interface UrlMatch {
  /** Where twitter-text's regex match ends, whether or not the URL is kept. */
  end: number;
  urls: Label[];
}

/** The URL match at `start`, with the code unit before it (-1 at the start of the text). */
function urlAt(
  text: string,
  domains: DomainMatcher,
  start: number,
  before: number,
): UrlMatch | undefined {
  PROTOCOL.lastIndex = start;
  const hasProtocol = PROTOCOL.test(text);
  const domainStart = hasProtocol ? PROTOCOL.lastIndex : start;
  const domainStop = domains.end(domainStart);
  if (domainStop < 0) return undefined;
  let end = domainStop;
  if (text.charCodeAt(end) === COLON && isDigit(text.charCodeAt(end + 1))) {
    end++;
    while (isDigit(text.charCodeAt(end))) end++;
  }
  const hasPath = text.charCodeAt(end) === SLASH;
  if (hasPath) end = pathEnd(text, end + 1);
  if (text.charCodeAt(end) === QUESTION) {
    const query = queryEnd(text, end + 1);
    if (query >= 0) end = query;
  }
  const rejected = { end, urls: [] };
  if (!isValidUrl(text, start, end, domainStart, domainStop)) return rejected;
  if (!hasProtocol) {
    // Without a protocol only ASCII domains count; the last one carries the path.
    if (before === 0x2d || before === 0x5f || before === DOT || before === SLASH) return rejected;
    const asciiParts = asciiDomains(text, domainStart, domainStop);
    const last = asciiParts.at(-1);
    if (last && hasPath) last.end = end;
    return { end, urls: asciiParts };
  }
  TCO_URL.lastIndex = start;
  const tco = TCO_URL.exec(text);
  if (tco) {
    if ((tco[1] ?? '').length > MAX_TCO_SLUG_LENGTH) return rejected;
    return { end, urls: [{ start, end: TCO_URL.lastIndex }] };
  }
  return { end, urls: [{ start, end }] };
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** twitter-text's length limits (ASCII labels only: it measures others after punycode). */
function isValidUrl(text: string, start: number, end: number, from: number, to: number): boolean {
  // twitter-text counts the protocol twice when present, 'https://' when absent.
  const protocolLength = from === start ? 'https://'.length : from - start;
  if (protocolLength + end - start > MAX_URL_LENGTH) return false;
  // A punycode domain must be ASCII somewhere.
  if (text.startsWith('xn--', from) && asciiDomains(text, from, to).length === 0) return false;
  let labelStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && text.charCodeAt(i) !== DOT) continue;
    const label = text.slice(labelStart, i);
    if (label.length > MAX_LABEL_LENGTH && !/\P{ASCII}/u.test(label)) return false;
    labelStart = i + 1;
  }
  return true;
}

/** URLs in the run [from, to), in order, as twitter-text's global regex scan finds them. */
function urlsInRun(text: string, from: number, to: number): Label[] {
  const urls: Label[] = [];
  const domains = new DomainMatcher(text);
  // The regex consumes the character before a URL; a run's first URL may follow its whitespace.
  let scan = from > 0 ? from - 1 : 0;
  while (scan < to) {
    const c = text.charCodeAt(scan);
    let match = isUrlPreceding(c) ? urlAt(text, domains, scan + 1, c) : undefined;
    if (!match && scan === 0) match = urlAt(text, domains, 0, -1);
    if (match) {
      urls.push(...match.urls);
      scan = match.end;
    } else {
      scan++;
    }
  }
  return urls;
}

// ---------------------------------------------------------------------------------------------
// Hashtags

/** May the hash sign at `hash` start a hashtag? `consumed` is where the previous match ended. */
function hasBoundaryBefore(text: string, hash: number, consumed: number): boolean {
  if (hash === 0) return true;
  const c = text.charCodeAt(hash - 1);
  // Variation selectors are marks, yet end emoji such as '✌️#tag'; unless a body took them.
  if (c === VS15 || c === VS16) return hash - 1 >= consumed;
  if (c === AMPERSAND) return false;
  let at = hash - 1;
  if (isLowSurrogate(c)) {
    if (hash < 2 || !isHighSurrogate(text.charCodeAt(hash - 2))) return false;
    at = hash - 2;
  } else if (isHighSurrogate(c)) {
    return false;
  }
  return at >= consumed && !isHashtagCharAt(text, at);
}

/** Hashtags in the whitespace-delimited run [from, to), URL overlaps removed. */
function hashtagsInRun(text: string, from: number, to: number): Hashtag[] {
  const tags: Hashtag[] = [];
  let consumed = 0;
  for (let hash = from; hash < to; hash++) {
    if (!isHashSign(text.charCodeAt(hash)) || !hasBoundaryBefore(text, hash, consumed)) continue;
    const next = text.charCodeAt(hash + 1);
    if (next === VS16 || next === KEYCAP) continue; // '#️⃣' is the keycap emoji
    const end = bodyEnd(text, hash + 1);
    const body = text.slice(hash + 1, end);
    if (!LETTER_OR_MARK.test(body)) continue;
    consumed = end;
    // '#tag#tag' and '#http://…' are not hashtags.
    if (!isHashSign(text.charCodeAt(end)) && !text.startsWith('://', end)) {
      tags.push({ hashtag: body, start: hash, end });
    }
    hash = end - 1;
  }
  if (tags.length === 0 || !hasDot(text, from, to)) return tags;
  return withoutUrlOverlaps(tags, urlsInRun(text, from, to));
}

/** Every URL has a dot before its TLD. */
function hasDot(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === DOT) return true;
  return false;
}

/** twitter-text's removeOverlappingEntities: by start, hashtags first; drop what starts inside the last kept. */
function withoutUrlOverlaps(tags: Hashtag[], urls: Label[]): Hashtag[] {
  if (urls.length === 0) return tags;
  const kept: Hashtag[] = [];
  let keptEnd = -1;
  let u = 0;
  for (const tag of tags) {
    for (let url = urls[u]; url && url.start < tag.start; url = urls[++u]) {
      if (url.start >= keptEnd) keptEnd = url.end;
    }
    if (tag.start >= keptEnd) {
      kept.push(tag);
      keptEnd = tag.end;
    }
  }
  return kept;
}

function runStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && !isWhitespace(text.charCodeAt(i - 1))) i--;
  return i;
}

function runEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && !isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Hash signs ('#', '＃') left to right: two indexOf scans are cheaper than one regex scan. */
class HashSigns {
  readonly #text: string;
  #ascii: number;
  #wide: number;

  constructor(text: string) {
    this.#text = text;
    this.#ascii = text.indexOf('#');
    this.#wide = text.indexOf('＃');
  }

  /** Position of the first hash sign at or after `from`, or -1. */
  next(from: number): number {
    if (this.#ascii >= 0 && this.#ascii < from) this.#ascii = this.#text.indexOf('#', from);
    if (this.#wide >= 0 && this.#wide < from) this.#wide = this.#text.indexOf('＃', from);
    if (this.#ascii < 0) return this.#wide;
    return this.#wide < 0 || this.#ascii < this.#wide ? this.#ascii : this.#wide;
  }
}

/** Every hashtag in `text`, as twitter-text's extractHashtagsWithIndices finds them (UTF-16 offsets). */
export function extractHashtags(text: string): Hashtag[] {
  const tags: Hashtag[] = [];
  const signs = new HashSigns(text);
  for (let hash = signs.next(0); hash >= 0;) {
    const to = runEnd(text, hash);
    tags.push(...hashtagsInRun(text, runStart(text, hash), to));
    hash = signs.next(to);
  }
  return tags;
}

// ---------------------------------------------------------------------------------------------
// Family mentions

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
function familyHashtags(text: string, translations: boolean, related: boolean): Mention[] {
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

const MOVEMENT = /movement/gi;

/** ASCII letter `c` in either case. */
function isLetter(c: number, lower: number): boolean {
  return (c | 0x20) === lower;
}

/** "Me Too movement" / "MeToo movement", any case, any whitespace, as a phrase of its own. */
function phraseMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  const words = new RegExp(MOVEMENT);
  while (words.test(text)) {
    const end = words.lastIndex;
    let i = end - 'movement'.length - 1;
    if (i < 0 || !isWhitespace(text.charCodeAt(i))) continue;
    while (i > 0 && isWhitespace(text.charCodeAt(i - 1))) i--;
    // i is now just past "too".
    if (i < 5) continue;
    if (!isLetter(text.charCodeAt(i - 1), 0x6f) || !isLetter(text.charCodeAt(i - 2), 0x6f))
      continue;
    if (!isLetter(text.charCodeAt(i - 3), 0x74)) continue;
    i -= 3;
    while (i > 0 && isWhitespace(text.charCodeAt(i - 1))) i--;
    if (
      i < 2 ||
      !isLetter(text.charCodeAt(i - 1), 0x65) ||
      !isLetter(text.charCodeAt(i - 2), 0x6d)
    ) {
      continue;
    }
    const start = i - 2;
    if (!isPhraseEdge(text, start - 1, true) || !isPhraseEdge(text, end, false)) continue;
    mentions.push({ start, end, tag: 'metoo', kind: 'phrase' });
  }
  return mentions;
}

/** Is the code unit at `index` outside a word (and, before the phrase, not a '#' or '@')? */
function isPhraseEdge(text: string, index: number, before: boolean): boolean {
  if (index < 0 || index >= text.length) return true;
  const c = text.charCodeAt(index);
  if (before && (isHashSign(c) || c === 0x40 || c === 0xff20)) return false;
  const pair = before && isLowSurrogate(c) && isHighSurrogate(text.charCodeAt(index - 1));
  const at = pair ? index - 1 : index;
  return !isHashtagCharAt(text, at);
}

/**
 * Mentions of the #MeToo family, in order, never overlapping. Core tags are always on;
 * translations default on, related campaigns default off (FAMILY.md).
 */
export function findMentions(
  text: string,
  options: { translations?: boolean; related?: boolean } = {},
): Mention[] {
  const hashtags = familyHashtags(text, options.translations ?? true, options.related ?? false);
  const phrases = phraseMentions(text);
  if (phrases.length === 0) return hashtags;
  // A hashtag wins over a phrase that overlaps it.
  const merged: Mention[] = [];
  let h = 0;
  for (const phrase of phrases) {
    for (let tag = hashtags[h]; tag && tag.start < phrase.start; tag = hashtags[++h]) {
      merged.push(tag);
    }
    const previous = merged.at(-1);
    const next = hashtags[h];
    if ((!previous || previous.end <= phrase.start) && (!next || phrase.end <= next.start)) {
      merged.push(phrase);
    }
  }
  return merged.concat(hashtags.slice(h));
}
