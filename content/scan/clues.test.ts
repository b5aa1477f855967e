import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { findMentions } from '../detect';
import { familyTag } from '../family';
import { LinkClues, hasTextClue } from './clues';
import { linkTag } from './run-mentions';
import { cuts, mentionText, pieces, spelledTag } from '../../test/spellings';

describe('hasTextClue', () => {
  it.each([
    '#MeToo',
    'say #metoo.',
    '＃ＭｅＴｏｏ',
    '#𝐌𝐞𝐓𝐨𝐨!',
    '#ᵐᵉᵗᵒᵒ',
    '#YoTambie\u0301n',
    '#ㅁㅣ투',
    'the #',
    'the #Me',
    '#yotambie',
    'a Me Too movement',
    'the Me Too move',
    '#米',
    'an achievement, then #MeToo',
    'THE METOO MOVEMENT',
  ])('sees a clue in %j', (text) => {
    expect(hasTextClue(text)).toBe(true);
  });

  it.each([
    'plain words',
    '#MeToo2018 ',
    '#Climate',
    '#AI',
    '#café',
    '#日本語',
    '#日本語 later',
    '#tbt',
    'foo #metooX',
    'remove',
    'an improvement #News, an achievement',
    'https://example.org/a#frag ',
    '#ⓜⓔⓣⓞⓞ', // circled letters are symbols: no hashtag holds them
  ])('sees none in %j', (text) => {
    expect(hasTextClue(text)).toBe(false);
  });

  it('judges a hash sign by the first letter of its body, unless the next node may go on with it', () => {
    // 'ا' begins 'أنا_كمان' only when a hamza follows: at a node's end the next node may bring it.
    expect(hasTextClue('the #\u0627')).toBe(true);
    expect(hasTextClue('the #\u0627x')).toBe(false);
    expect(hasTextClue('the #\u0627\u0654')).toBe(true);
    // A high surrogate last in a node may pair with a low one first in the next.
    expect(hasTextClue('the #\ud835')).toBe(true);
    expect(hasTextClue('the #\ud835\udc0c')).toBe(true); // 𝐌, which NFKC makes 'M'
    expect(hasTextClue('the #\u65e5\u672c')).toBe(false); // 日本
  });

  it('judges a long text in one scan: a hit is a clue, a cut is looked for at its end only', () => {
    const long = 'words '.repeat(5000);
    // '#日本語' may start a family tag by its first letter alone, not once its body is read.
    expect(hasTextClue(`${long}#日本語 `)).toBe(true);
    expect(hasTextClue('words #日本語 ')).toBe(false);
    expect(hasTextClue(`${long}the move`)).toBe(true);
    expect(hasTextClue(`${long}the remove`)).toBe(false);
  });

  it('is never missing where a mention is: some node a mention touches shows a clue', () => {
    fc.assert(
      fc.property(
        mentionText.chain((text) => fc.tuple(fc.constant(text), cuts(text))),
        fc.record({ translations: fc.boolean(), related: fc.boolean() }),
        ([text, at], options) => {
          const nodes = pieces(text, at);
          const starts = nodes.map((_, i) => nodes.slice(0, i).join('').length);
          for (const mention of findMentions(text, options)) {
            const touched = nodes.filter(
              (node, i) =>
                (starts[i] ?? 0) < mention.end &&
                (starts[i] ?? 0) + Math.max(node.length, 1) > mention.start,
            );
            expect(touched.some(hasTextClue), `${JSON.stringify(nodes)} ${mention.tag}`).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('knows every spelling of every tag after a hash sign, cut anywhere', () => {
    fc.assert(
      fc.property(
        spelledTag.chain((tag) => fc.tuple(fc.constant(`#${tag}`), cuts(`#${tag}`))),
        ([text, at]) => {
          const [tag] = findMentions(text, { translations: true, related: true });
          if (!tag) return; // a spelling that canonicalises elsewhere
          expect(pieces(text, at).some((node) => node.length > 0 && hasTextClue(node))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('LinkClues', () => {
  // Relative links resolve against the page: an X page here.
  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://x.com/home',
    );
  });

  function link(href: string): HTMLAnchorElement {
    const element = document.createElement('a');
    element.setAttribute('href', href);
    return element;
  }

  it.each([
    ['x.com', '/hashtag/MeToo?src=hashtag_click'],
    ['x.com', 'https://x.com/search?q=%23MeToo'],
    ['mastodon.social', 'https://mastodon.social/tags/metoo'],
    ['example.org', 'https://friendica.example/search?tag=metoo'],
    ['www.threads.net', 'https://www.threads.net/search?q=Me%20Too&serp_type=tags'],
    ['www.linkedin.com', 'https://www.linkedin.com/search/results/all/?keywords=%23metoo'],
    ['www.linkedin.com', 'https://linkedin.com/feed/hashtag/?keywords=metoo'],
    ['x.com', 'hashtag/MeToo'],
    ['x.com', '/hash\ttag/MeToo'],
    ['x.com', '\\hashtag\\MeToo'],
    ['x.com', '/a/../hashtag/%4DeToo'],
  ])('on %s, %j may be a family hashtag link', (host, href) => {
    expect(new LinkClues(host).isClue(link(href))).toBe(true);
  });

  it.each([
    ['x.com', '/hashtag/News'],
    ['x.com', 'https://x.com/someone'],
    ['x.com', 'https://mastodon.social/tags/metoo'],
    ['mastodon.social', 'https://x.com/hashtag/MeToo'],
    ['www.linkedin.com', 'https://www.linkedin.com/search/results/all/?keywords=metoo'],
    ['www.reddit.com', '/r/metoo'],
  ])('on %s, %j is not', (host, href) => {
    expect(new LinkClues(host).isClue(link(href))).toBe(false);
  });

  it('is never missing a link that names a family tag', () => {
    const hosts = ['x.com', 'mastodon.social', 'www.threads.net', 'www.linkedin.com', 'a.example'];
    const prefix = fc.constantFrom(
      'https://x.com/hashtag/',
      'https://x.com/search?q=%23',
      '/hashtag/',
      'hashtag/',
      '/search?q=',
      'https://mastodon.social/tags/',
      '/tag/',
      '//pleroma.example/tag/',
      'https://friendica.example/search?tag=',
      'https://www.threads.net/search?serp_type=tags&q=',
      'https://www.linkedin.com/feed/hashtag/?keywords=',
      '/search/results/all/?keywords=%23',
      'https://www.instagram.com/explore/tags/',
      ' /HASHTAG/',
      '/a/./b/../hashtag/',
      '\\tags\\',
    );
    fc.assert(
      fc.property(fc.constantFrom(...hosts), prefix, spelledTag, (host, start, tag) => {
        const element = link(start + encodeURIComponent(tag));
        const named = linkTag(element, host);
        if (named !== null && familyTag(named)) {
          expect(new LinkClues(host).isClue(element)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
