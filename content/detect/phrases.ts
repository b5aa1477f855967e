/** The phrase rule: "Me Too movement" written out, with no hash sign. */

import {
  isHashSign,
  isHashtagCharAt,
  isHighSurrogate,
  isLowSurrogate,
  isWhitespace,
} from './characters.ts';
import type { Mention } from './find-mentions.ts';

const MOVEMENT = /movement/gi;

/** ASCII letter `c` in either case. */
function isLetter(c: number, lower: number): boolean {
  return (c | 0x20) === lower;
}

/** "Me Too movement" / "MeToo movement", any case, any whitespace, as a phrase of its own. */
export function phraseMentions(text: string): Mention[] {
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
