/**
 * Cheap clues that a text node or a link may take part in a mention, for a first pass over large
 * subtrees. Never a false negative: a block whose text nodes and links show no clue holds no mention
 * (clues.test.ts checks this against the full reader). Sometimes a false positive: the exact reader
 * decides.
 */
import { bodyEnd } from '../detect/characters';
import { mayStartFamilyId } from '../detect/family-hashtags';
import { FAMILY, familyTag } from '../family';
import { SITES, siteForHost, type HashtagLinkShape } from '../sites';
import { linkTag } from './run-mentions';

/**
 * The longest ASCII start of each family id once decomposed ('yotambie' of 'yotambién', '' of '米兔'):
 * an ASCII body B that meets a non-ASCII character, or the end of its text node, can only begin a
 * family tag if B in lower case begins one of these. NFKC leaves B alone, but may compose its last
 * letter with marks that follow ('e' + U+0301 = 'é'), which keeps that letter first in the decomposition.
 */
const ASCII_STARTS = FAMILY.map(({ id }) => /^[a-z0-9_]*/.exec(id.normalize('NFD'))?.[0] ?? '');
const ASCII_BEGINNINGS: ReadonlySet<string> = new Set(
  ASCII_STARTS.flatMap((start) => [...start].map((_, i) => start.slice(0, i)).concat(start)),
);
/** Family ids written in ASCII alone. */
const ASCII_IDS = FAMILY.map(({ id }) => id).filter((id) => /^[a-z0-9_]+$/.test(id));

/**
 * A pattern for exactly these words (letters, digits, '_'), each shared beginning written once:
 * `me(?:too)?` for 'me' and 'metoo'. Every page compiles CLUE on its first read: written as a plain
 * alternation of the words, longest first, compiling it for one-byte and two-byte text took 1.5 ms
 * in Node 22; written so, 0.9 ms. It matches the same text either way.
 */
function trie(words: Iterable<string>): string {
  const rests = new Map<string, string[]>();
  let ends = false;
  for (const word of words) {
    const first = word.charAt(0);
    if (first === '') ends = true;
    else rests.set(first, [...(rests.get(first) ?? []), word.slice(1)]);
  }
  const branches = [...rests].map(([first, after]) => first + trie(after));
  if (branches.length === 0) return '';
  if (!ends) return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  return `(?:${branches.join('|')})?`;
}

/**
 * A hash sign that may start a family hashtag: its ASCII body (detect/characters.ts: letters, digits, '_') ends
 * at a non-ASCII character or the end of the text and begins like a family id, or ends at another
 * ASCII character and is a family id. Or the end of the phrase rule's word, 'vement': the scan stops
 * to try it at each 'v', rarer in text than the 'm' that starts the word. One native scan per node.
 */
const CLUE = new RegExp(
  `[#＃](?:${trie(ASCII_BEGINNINGS)}(?:[^\\x00-\\x7f]|$)|(?:${trie(ASCII_IDS)})(?![A-Za-z0-9_]))|vement`,
  'i',
);
const MOVEMENT = /movement/i;
/** Text longer than this is not judged closely, so that one node costs one scan: any hit is a clue. */
export const LONG_TEXT = 10_000;
/**
 * "movement" cut by the end of a node, at a word start: the phrase may go on in the next node. Tested
 * on the node's last 8 characters only (a cut and the space before it), where `^` may also be a cut.
 */
const CUT_MOVEMENT = /(?:^|\s)m(?:o(?:v(?:e(?:m(?:e(?:n)?)?)?)?)?)?$/i;
/** The last letters of those cuts, either case, by code unit: m, o, v, e, n. */
const CUT_ENDINGS = new Uint8Array(128);
for (const letter of 'movenMOVEN') CUT_ENDINGS[letter.charCodeAt(0)] = 1;

/**
 * Whether the hash sign at `hash` may start a family hashtag: exactly, when its body ends within the
 * node; when the body runs to the node's end, the next node may go on with it.
 */
function mayStartHashtag(data: string, hash: number): boolean {
  // First the cheap test of the body's first character ('#News', '#日本語' end here), which spares
  // most hash signs the Unicode body regex and NFKC. Not when that character is the node's last: the
  // next node may go on with a mark or jamo it composes with.
  const first = data.codePointAt(hash + 1) ?? 0;
  if (hash + (first > 0xffff ? 3 : 2) < data.length && !mayStartFamilyId(data, hash + 1))
    return false;
  const end = bodyEnd(data, hash + 1);
  const body = data.slice(hash + 1, end);
  // A high surrogate last in the node may pair with a low one first in the next.
  const last = data.charCodeAt(end);
  const cut = end === data.length || (end === data.length - 1 && last >= 0xd800 && last <= 0xdbff);
  if (!cut) return body.length > 0 && familyTag(body.normalize('NFKC').toLowerCase()) !== undefined;
  const ascii = /^[A-Za-z0-9_]*/.exec(body)?.[0] ?? '';
  if (ascii.length > 0 || body.length === 0) return ASCII_BEGINNINGS.has(ascii.toLowerCase());
  // A first code point alone may compose with what the next node begins with.
  return body.length <= (first > 0xffff ? 2 : 1) || mayStartFamilyId(data, hash + 1);
}

/** Whether a text node's data may hold, or begin, a part of a mention that the text rules find. */
export function hasTextClue(data: string): boolean {
  const hit = CLUE.exec(data);
  if (hit) {
    if (data.length > LONG_TEXT || MOVEMENT.test(data)) return true;
    // The first hit may be 'vement' of another word; a hash sign before it is no clue.
    const first = isHash(data.charCodeAt(hit.index)) ? hit.index : nextHash(data, hit.index);
    for (let at = first; at >= 0 && at < data.length; at = nextHash(data, at + 1)) {
      if (mayStartHashtag(data, at)) return true;
    }
  }
  return CUT_ENDINGS[data.charCodeAt(data.length - 1)] === 1 && CUT_MOVEMENT.test(data.slice(-8));
}

function isHash(code: number): boolean {
  return code === 0x23 || code === 0xff03;
}

function nextHash(data: string, from: number): number {
  const ascii = data.indexOf('#', from);
  const wide = data.indexOf('＃', from);
  return ascii < 0 ? wide : wide < 0 ? ascii : Math.min(ascii, wide);
}

/**
 * Raw `href` values whose URL does not depend on the page's address: a scheme with its `//`, or a
 * path from the root, with no tab or new line (the URL parser drops those anywhere). Read from where
 * the parser starts, after leading spaces and controls. Other hrefs are judged by their parsed URL.
 */
const SELF_CONTAINED_HREF = /(?:[a-z][a-z\d+.-]*:[/\\]{2}|[/\\])[^\t\n\r]*$/iy;

function isSelfContained(href: string): boolean {
  let start = 0;
  while (start < href.length && href.charCodeAt(start) <= 0x20) start++;
  SELF_CONTAINED_HREF.lastIndex = start;
  return SELF_CONTAINED_HREF.test(href);
}

/**
 * A pattern that every self-contained raw href of a link shape matches: the path's first segment
 * when the shape names it (`/hashtag/…`), then a '#' in the query when the tag must be hashed. Path
 * segments survive URL parsing letter for letter (it drops dot segments, turns '\' into '/' and
 * percent-encodes other characters), so a segment of the parsed path is in the raw href too.
 */
function hrefPattern(shape: HashtagLinkShape): string {
  const first = /^\^\\\/([A-Za-z]+)(?=\\\/|\$|$)/.exec(shape.path.source)?.[1];
  const segment = first ? `[/\\\\]${first}(?:[/\\\\?#]|$)` : '';
  return segment + (shape.hashed ? '[^]*(?:%23|＃|%ef%bc%83)' : '');
}

/** Which links on a page may be family hashtag links: the page's site decides their shapes. */
export class LinkClues {
  readonly #host: string;
  readonly #shapes: RegExp;

  constructor(host: string) {
    this.#host = host;
    // A host outside the table reads links as the fediverse does (sites.ts).
    const site = siteForHost(host);
    const sites = site ? [site] : SITES.filter((s) => s.federated);
    const patterns = sites.flatMap((s) => s.hashtagLinks.map(hrefPattern));
    // No shapes (a site without hashtag pages): no self-contained href can be one.
    this.#shapes = new RegExp(patterns.length > 0 ? patterns.join('|') : '(?!)', 'i');
  }

  /** Whether an element is a link that names a family tag by its URL: its text may then be a mention with no '#'. */
  isClue(link: Element | null | undefined): boolean {
    if (!(link instanceof HTMLAnchorElement)) return false;
    const href = link.getAttribute('href');
    if (href === null) return false;
    if (!this.#shapes.test(href) && isSelfContained(href)) return false;
    const tag = linkTag(link, this.#host);
    return tag !== null && familyTag(tag) !== undefined;
  }
}
