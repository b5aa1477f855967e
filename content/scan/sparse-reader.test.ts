import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { mount } from '../../test/dom';
import { LinkClues } from './clues';
import { liveRange } from '../live-range';
import { mentionsInRun, rangeInRun, type TagOptions } from './run-mentions';
import { SparseRunReader } from './sparse-reader';
import { TextRunReader, type RunSource } from './text-model';
import { cuts, mentionText, pieces, spelledTag } from '../../test/spellings';

const ALL: TagOptions = { translations: true, related: true };

function setPage(host: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    `https://${host}/home`,
  );
}

/** Every mention a reader finds under `root` and the shadow trees it meets, as comparable keys. */
function mentionKeys(
  root: Node,
  reader: (root: Node) => RunSource,
  options: TagOptions,
  host: string,
): string[] {
  const ids = textNodeIds(root);
  const id = (node: Node) => ids.get(node) ?? -1;
  const keys: string[] = [];
  for (const pending = [root]; pending.length > 0;) {
    const source = reader(pending.pop() as Node);
    while (
      !source.read(Number.POSITIVE_INFINITY, (run) => {
        for (const mention of mentionsInRun(run, options, host)) {
          const range = rangeInRun(run, mention.start, mention.end);
          if (!range) continue;
          keys.push(
            `${mention.tag} ${liveRange(range).toString()} ${id(range.startContainer)}:${range.startOffset}-${id(range.endContainer)}:${range.endOffset}`,
          );
        }
      })
    );
    pending.push(...source.shadowRoots);
  }
  return keys.sort();
}

/** Text nodes numbered in document order, shadow trees' after their host's light tree. */
function textNodeIds(root: Node): Map<Node, number> {
  const ids = new Map<Node, number>();
  for (const pending = [root]; pending.length > 0;) {
    const walker = document.createTreeWalker(
      pending.shift() as Node,
      NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Text) ids.set(node, ids.size);
      else if (node instanceof Element && node.shadowRoot) pending.push(node.shadowRoot);
    }
  }
  return ids;
}

const full = (root: Node) => new TextRunReader(root);

function same(host: string, options: TagOptions, root: Node = document.body): void {
  const expected = mentionKeys(root, full, options, host);
  const sparse = mentionKeys(
    root,
    (r) => new SparseRunReader(r, new LinkClues(host)),
    options,
    host,
  );
  expect(sparse).toEqual(expected);
}

/** How a piece of text goes into the page: as it is, inside an inline element, after a separator… */
const WRAPPINGS = [
  'text',
  'span',
  'b',
  'link',
  'nested',
  'comment',
  'wbr',
  'img',
  'br',
  'code',
  'block',
  'hidden',
  'editable',
  'inImage',
  'blockInImage',
] as const;
type Wrapping = (typeof WRAPPINGS)[number];

const HREFS = fc.oneof(
  fc.constantFrom(
    '/tags/metoo',
    'https://mastodon.social/tags/MoiAussi',
    '/hashtag/MeToo?src=hashtag_click',
    'https://x.com/hashtag/metoo',
    '/search?q=%23metoo',
    'https://www.threads.net/search?q=Me%20Too&serp_type=tags',
    '/search?q=metoo&serp_type=tags',
    'https://www.linkedin.com/feed/hashtag/?keywords=metoo',
    '/search/results/all/?keywords=%23yotambien',
    '/explore/tags/metoo',
    '/tagged/metoo',
    '/tag/metoo',
    'hashtag/metoo',
    '?tag=metoo',
    '/someone',
    '#',
    'javascript:void(0)',
  ),
  spelledTag.map((tag) => `/tags/${encodeURIComponent(tag)}`),
  spelledTag.map((tag) => `https://x.com/hashtag/${encodeURIComponent(tag)}`),
);

function wrap(piece: string, how: Wrapping, href: string): Node[] {
  const text = document.createTextNode(piece);
  const around = (name: string, child: Node = text) => {
    const element = document.createElement(name);
    element.append(child);
    return element;
  };
  switch (how) {
    case 'text':
      return [text];
    case 'span':
    case 'b':
      return [around(how)];
    case 'link': {
      const link = around('a');
      link.setAttribute('href', href);
      return [link];
    }
    case 'nested': {
      const link = around('a', around('span'));
      link.setAttribute('href', href);
      return [link];
    }
    case 'comment':
      return [document.createComment('x'), text];
    case 'wbr':
    case 'img':
    case 'br':
      return [document.createElement(how), text];
    case 'code':
      return [around('code', document.createTextNode('#MeToo')), text];
    case 'block':
      return [around('p')];
    case 'hidden': {
      const span = around('span');
      span.setAttribute('hidden', '');
      return [span];
    }
    case 'inImage':
      return [around('img')];
    case 'blockInImage':
      return [around('img', around('p'))];
    case 'editable': {
      const span = around('span');
      span.setAttribute('contenteditable', 'true');
      return [span];
    }
  }
}

/** A post: a text cut into pieces, each placed its own way. */
const post = mentionText
  .chain((text) => cuts(text).map((at) => pieces(text, at)))
  .chain((parts) =>
    fc.tuple(
      fc.constant(parts),
      fc.array(fc.constantFrom(...WRAPPINGS), {
        minLength: parts.length,
        maxLength: parts.length,
      }),
      fc.array(HREFS, { minLength: parts.length, maxLength: parts.length }),
      fc.constantFrom('div', 'article', 'p', 'span', 'li', 'shadow', 'code', 'composer'),
    ),
  );

function build([parts, wrappings, hrefs, container]: [string[], Wrapping[], string[], string]) {
  const nodes = parts.flatMap((piece, i) => wrap(piece, wrappings[i] ?? 'text', hrefs[i] ?? '#'));
  if (container === 'shadow') {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(...nodes);
    return host;
  }
  const element = document.createElement(
    container === 'composer' ? 'shreddit-composer' : container,
  );
  element.append(...nodes);
  return element;
}

const HOSTS = [
  'mastodon.social',
  'x.com',
  'www.threads.net',
  'www.linkedin.com',
  'example.org',
  'www.reddit.com',
];

describe('SparseRunReader', () => {
  it('finds exactly the mentions the full reader finds', () => {
    fc.assert(
      fc.property(
        fc.array(post, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...HOSTS),
        fc.record({ translations: fc.boolean(), related: fc.boolean() }),
        (posts, host, options) => {
          setPage(host);
          document.body.replaceChildren(...posts.map(build));
          same(host, options);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('finds a hashtag link with no hash sign in a shadow tree', () => {
    // Found by the property above (seed -7463059): the links of a shadow root were looked for only
    // in a `DocumentFragment`, which a test DOM's shadow root need not be.
    setPage('x.com');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<a href="https://x.com/hashtag/metoo"><span>metoo\n</span></a>';
    document.body.replaceChildren(host);
    const opts = { translations: false, related: false };
    expect(mentionKeys(document.body, full, opts, 'x.com')).toEqual(['metoo metoo 0:0-0:5']);
    same('x.com', opts);
  });

  it('reads a timeline’s mentions, and only the blocks that show a clue', () => {
    setPage('mastodon.social');
    const posts = Array.from({ length: 200 }, (_, i) =>
      i % 20 === 0
        ? `<article><p>post ${i} <a href="/tags/metoo">#<span>MeToo</span></a></p></article>`
        : `<article><p>post ${i} #News and a <a href="/@someone">link</a></p></article>`,
    );
    mount(`<main>${posts.join('')}</main>`);
    same('mastodon.social', ALL);
    const runs: string[] = [];
    const reader = new SparseRunReader(document.body, new LinkClues('mastodon.social'));
    while (!reader.read(Number.POSITIVE_INFINITY, (run) => runs.push(run.text)));
    expect(runs).toHaveLength(10);
  });

  it('judges each link address once a slice, however often the page repeats it', () => {
    setPage('mastodon.social');
    const posts = Array.from(
      { length: 50 },
      (_, i) =>
        `<p>post ${i} <a href="/tags/news">#News</a> and <a href="/tags/metoo">MeToo</a></p>`,
    );
    mount(`<main>${posts.join('')}</main>`);
    class CountingClues extends LinkClues {
      calls = 0;
      override isClue(link: Element | null | undefined): boolean {
        this.calls += 1;
        return super.isClue(link);
      }
    }
    const links = new CountingClues('mastodon.social');
    const runs: string[] = [];
    new SparseRunReader(document.body, links).read(Infinity, (run) => runs.push(run.text));
    // The tag links have no hash sign: each post is found by its link's address alone.
    expect(runs).toHaveLength(50);
    expect(links.calls).toBe(2);
  });

  it('reads a Threads topic link, which has no hash sign', () => {
    setPage('www.threads.net');
    mount(
      '<div><span><a href="https://www.threads.net/search?q=Me%20Too&serp_type=tags">Me Too</a></span> and <span>Me Too</span></div>',
    );
    const runs: string[] = [];
    new SparseRunReader(document.body, new LinkClues('www.threads.net')).read(Infinity, (run) =>
      runs.push(run.text),
    );
    expect(runs).toEqual(['Me Too and Me Too']);
  });

  it('reads every link when the page removes links before the one it paused at', () => {
    setPage('www.threads.net');
    const posts = Array.from(
      { length: 800 },
      (_, i) => `<p><a href="/search?q=Me%20Too&serp_type=tags">Me Too</a> ${i}</p>`,
    );
    mount(`<main>${posts.join('')}</main>`);
    const reader = new SparseRunReader(document.body, new LinkClues('www.threads.net'));
    const runs = new Set<string>();
    const removed = new Set<string>();
    while (!reader.read(0, (run) => runs.add(run.text))) {
      // Posts near the top leave as a timeline scrolls: the links after them move up the list.
      const first = document.querySelector('main > p');
      if (first?.textContent) removed.add(first.textContent);
      first?.remove();
    }
    expect(removed.size).toBeGreaterThan(3);
    for (let i = 0; i < 800; i++) {
      if (!removed.has(`Me Too ${i}`)) expect(runs).toContain(`Me Too ${i}`);
    }
  });

  it('asks each ancestor its candidate blocks share whether it is read once a slice', () => {
    setPage('example.org');
    const posts = Array.from(
      { length: 40 },
      (_, i) => `<article><p>post ${i} #MeToo</p></article>`,
    );
    mount(
      `<main><section>${posts.join('')}</section><section hidden><p>#MeToo</p><p>#MeToo</p></section></main>`,
    );
    const main = document.querySelector('main');
    const asked = vi.spyOn(Element.prototype, 'hasAttribute');
    const runs: string[] = [];
    new SparseRunReader(document.body, new LinkClues('example.org')).read(Infinity, (run) =>
      runs.push(run.text),
    );
    const askedMain = asked.mock.contexts.filter((element) => element === main).length;
    asked.mockRestore();
    // The hidden section's blocks are left, the verdict on it kept for its second block.
    expect(runs).toHaveLength(40);
    expect(askedMain).toBe(1);
  });

  it('passes over a long text in a script before looking for a clue in it', () => {
    setPage('example.org');
    const state = JSON.stringify(Array.from({ length: 600 }, (_, i) => ({ i, tag: '#MeToo' })));
    mount(
      `<main><script type="application/json">${state}</script><p>${'word '.repeat(2_500)}#MeToo</p></main>`,
    );
    const reader = new SparseRunReader(document.body, new LinkClues('example.org'));
    reader.read(Infinity, () => {});
    // The script's text shows a clue, yet no read enters it; a long text in a paragraph is still read.
    expect(reader.metBlocks()).toEqual([document.querySelector('p')]);
  });

  it('meets open shadow trees, not those in composers or code', () => {
    mount('<div id="open"></div><shreddit-composer><div id="composer"></div></shreddit-composer>');
    const open = document.getElementById('open')?.attachShadow({ mode: 'open' });
    document.getElementById('composer')?.attachShadow({ mode: 'open' });
    const reader = new SparseRunReader(document.body, new LinkClues('example.org'));
    reader.read(Infinity, () => {});
    expect(reader.shadowRoots).toEqual([open]);
  });

  it('works in slices, and goes on when the page removes what it paused at', () => {
    setPage('example.org');
    const sections = Array.from({ length: 12 }, (_, s) => {
      const posts = Array.from({ length: 50 }, (_, i) => `<p>post ${s * 50 + i} #MeToo</p>`);
      return `<section id="s${s}">${posts.join('')}</section>`;
    });
    mount(`<main>${sections.join('')}</main>`);
    const reader = new SparseRunReader(document.body, new LinkClues('example.org'));
    const runs: string[] = [];
    let slices = 0;
    while (!reader.read(0, (run) => runs.push(run.text))) {
      slices += 1;
      if (slices === 1) document.getElementById('s1')?.remove();
    }
    expect(slices).toBeGreaterThan(2);
    for (let i = 0; i < 600; i++) {
      if (i < 50 || i >= 100) expect(runs).toContain(`post ${i} #MeToo`);
      else expect(runs).not.toContain(`post ${i} #MeToo`);
    }
  });
});
