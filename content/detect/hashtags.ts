/**
 * Hashtags by twitter-text's rules (../../third_party/twitter-text/extract.yml is the reference).
 */

import {
  AMPERSAND,
  DOT,
  KEYCAP,
  LETTER_OR_MARK,
  VS15,
  VS16,
  bodyEnd,
  isHashSign,
  isHashtagCharAt,
  isHighSurrogate,
  isLowSurrogate,
  isWhitespace,
} from './characters.ts';
import { urlsInRun, type Label } from './urls.ts';

export interface Hashtag {
  /** The body as written, without the hash sign. */
  hashtag: string;
  /** UTF-16 offsets; [start, end) covers the hash sign and the body. */
  start: number;
  end: number;
}

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
export function hashtagsInRun(text: string, from: number, to: number): Hashtag[] {
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

export function runStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && !isWhitespace(text.charCodeAt(i - 1))) i--;
  return i;
}

export function runEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && !isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Hash signs ('#', '＃') left to right: two indexOf scans are cheaper than one regex scan. */
export class HashSigns {
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
