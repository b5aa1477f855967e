/** Characters as twitter-text's hashtag and URL rules see them: code units, classes and tables. */

export const HASH = 0x23;
export const FULLWIDTH_HASH = 0xff03;
export const AMPERSAND = 0x26;
export const DOT = 0x2e;
export const SLASH = 0x2f;
export const COLON = 0x3a;
export const QUESTION = 0x3f;
export const OPEN_PAREN = 0x28;
export const CLOSE_PAREN = 0x29;
export const VS15 = 0xfe0e;
export const VS16 = 0xfe0f;
export const KEYCAP = 0x20e3;

/** Characters twitter-text allows inside a hashtag besides letters, marks and digits. */
export const HASHTAG_JOINERS =
  '_\\u200c\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7';
/** Zero-width joiner, kept apart: inside a class between two characters it reads as one emoji. */
export const ZWJ = '\\u200d';
export const HASHTAG_CLASS = `[\\p{L}\\p{M}\\p{Nd}${HASHTAG_JOINERS}${ZWJ}]`;
/** Sticky: the run of hashtag characters at lastIndex (possibly empty). */
export const BODY_RUN = new RegExp(`${HASHTAG_CLASS}*`, 'uy');
/** Sticky: one hashtag character at lastIndex. */
export const HASHTAG_CHAR = new RegExp(HASHTAG_CLASS, 'uy');
/** A body needs at least one of these; '#2018' is not a hashtag. */
export const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

export function isHashSign(c: number): boolean {
  return c === HASH || c === FULLWIDTH_HASH;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Exactly JavaScript's `\s`: the run delimiter. No hashtag or URL character is one of these. */
export function isWhitespace(c: number): boolean {
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

export function isHashtagCharAt(text: string, index: number): boolean {
  HASHTAG_CHAR.lastIndex = index;
  return HASHTAG_CHAR.test(text);
}

/** End of the run of hashtag characters that starts at `index`: a hashtag's body, when after a hash sign. */
export function bodyEnd(text: string, index: number): number {
  BODY_RUN.lastIndex = index;
  BODY_RUN.test(text);
  return BODY_RUN.lastIndex;
}

export function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const ch of chars) table[ch.charCodeAt(0)] = 1;
  return table;
}

export const DIGITS = '0123456789';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = LOWER.toUpperCase();
export const ASCII_ALNUM = LOWER + UPPER + DIGITS;
export const ASCII_HASHTAG_CHARS = asciiTable(ASCII_ALNUM + '_');
