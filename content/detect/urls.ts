/** URLs (twitter-text's extractUrl, re-implemented), used only to drop hashtags inside URLs. */

import {
  CLOSE_PAREN,
  COLON,
  DOT,
  OPEN_PAREN,
  QUESTION,
  SLASH,
  ASCII_ALNUM,
  ASCII_HASHTAG_CHARS,
  asciiTable,
  isWhitespace,
  FULLWIDTH_HASH,
} from './characters.ts';
import { idnTldsStartingWith, isAsciiTld } from './tlds.ts';

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
    for (const tld of idnTldsStartingWith(text.charCodeAt(at))) {
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
    isAsciiTld(text.slice(at, end).toLowerCase())
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

export interface Label {
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
export function urlsInRun(text: string, from: number, to: number): Label[] {
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
