/** The top-level domains a URL may end in, for twitter-text's URL rule (urls.ts). */

/** Legacy and widely used generic TLDs; twitter-text knows ~1,100 more, rarely seen in posts. */
export const GENERIC_TLDS =
  'com net org edu gov mil int info biz name pro mobi asia tel travel jobs museum aero coop cat ' +
  'xxx app dev page blog news live online site website store shop club xyz top icu vip tech ' +
  'space art design media video cloud link click today world life email social fun one new ' +
  'global agency company digital network studio wiki';
/** Every ASCII country-code TLD, by first letter: 'acd…' is ac, ad… */
export const COUNTRY_TLDS =
  'acdefgilmnoqrstuwxz babdefghijlmnoqrstvwyz cacdfghiklmnoruvwxyz dejkmoz eceghrstu fijkmor ' +
  'gabdefghilmnpqrstuwy hkmnrtu idelmnoqrst jemop keghimnprwyz labcikrstuvy ' +
  'macdefghklmnopqrstuvwxyz nacefgilopruz om paefghklmnrstwy qa reosuw ' +
  'sabcdeghijklmnorstuvxyz tcdfghjklmnoprtvwz uagkmsyz vaceginu wfs yet zamw';
/**
 * The ASCII TLDs as a set, built on first use: only text that may hold a URL near a hashtag needs
 * it, and a page with no mention seldom has such text, while building it on every page's load took
 * about 0.4 ms of the content script's evaluation (a cold script's profile, `npm run bench -- --only=load`).
 */
let asciiTlds: ReadonlySet<string> | null = null;

/** Whether a lower-case ASCII label is a known TLD. */
export function isAsciiTld(label: string): boolean {
  asciiTlds ??= new Set([
    ...GENERIC_TLDS.split(' '),
    ...COUNTRY_TLDS.split(' ').flatMap(([first, ...seconds]) => seconds.map((c) => first + c)),
  ]);
  return asciiTlds.has(label);
}
/**
 * Internationalised TLDs: the most registered ones (the Cyrillic, Chinese and Korean country codes
 * and generic names first), as with the generic list above; longest first. A URL under another IDN
 * TLD is not recognised, so a hashtag inside it is kept: the safe way to be wrong.
 */
export const IDN_TLDS: readonly string[] = (
  'рф укр бел срб қаз мон бг рус москва онлайн сайт орг ком ελ ευ ею 中国 中國 香港 台灣 台湾 ' +
  '한국 在线 中文网 公司 网络 みんな コム ไทย भारत مصر السعودية امارات ایران'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);
/** IDN TLDs by their first code unit, in either case; built on first use, as the set above. */
let idnByFirst: ReadonlyMap<number, readonly string[]> | null = null;

/** The IDN TLDs that begin with this code unit, in either case, longest first. */
export function idnTldsStartingWith(code: number): readonly string[] {
  if (!idnByFirst) {
    const byFirst = new Map<number, string[]>();
    for (const tld of IDN_TLDS) {
      for (const first of new Set([tld.charCodeAt(0), tld.toUpperCase().charCodeAt(0)])) {
        byFirst.set(first, [...(byFirst.get(first) ?? []), tld]);
      }
    }
    idnByFirst = byFirst;
  }
  return idnByFirst.get(code) ?? [];
}
