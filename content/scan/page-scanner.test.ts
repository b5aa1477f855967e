import { afterEach, describe, expect, it, vi } from 'vitest';
import { mentionsInOrder } from '../mention-summary';
import { MentionStore } from '../mentions';
import { mount } from '../../test/dom';
import { PageScanner, type ScannerHooks } from './page-scanner';
import type { TagOptions } from './run-mentions';
import { SLICE_MS } from './yield';
import { sortMutations } from './mutation-sorter';

// The real sorter, watched: how often the scanner sorts records, and how many at a time.
vi.mock('./mutation-sorter', async (actual) => {
  const real = await actual<typeof import('./mutation-sorter')>();
  return { ...real, sortMutations: vi.fn(real.sortMutations) };
});

let scanner: PageScanner | null = null;
afterEach(() => scanner?.stop());

function start(markup: string, options: TagOptions = { translations: true, related: false }) {
  mount(markup);
  const ranges = new Set<AbstractRange>();
  const store = new MentionStore(ranges);
  const gone: ShadowRoot[] = [];
  const hooks: ScannerHooks = { onShadowRootGone: (root) => gone.push(root) };
  let current = options;
  scanner = new PageScanner(store, () => current, hooks);
  const started = scanner.start(document);
  return {
    store,
    ranges,
    gone,
    scanner,
    started,
    setOptions: (next: TagOptions) => (current = next),
  };
}

/** Lets the observers deliver the last batch, then waits for the scanner to finish it. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await scanner?.idle();
  }
}

/** Lets `count` of the scanner's own turns pass (they come by MessageChannel, not by a timer). */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
}

const texts = (store: MentionStore) => mentionsInOrder(store).map((record) => record.text);

function post(text: string): HTMLElement {
  const article = document.createElement('article');
  const p = document.createElement('p');
  p.textContent = text;
  article.append(p);
  return article;
}

function timeline(count: number): string {
  const posts = Array.from({ length: count }, (_, i) => `<article><p>post ${i}</p></article>`);
  return `<main id="timeline">${posts.join('')}</main>`;
}

describe('PageScanner: the first read', () => {
  it('finds every mention, and nothing in composers, code or hidden text', async () => {
    const { store, ranges, started } = start(
      '<p>hi <a href="/tags/MeToo">#<span>MeToo</span></a></p>' +
        '<div contenteditable="true"><p>#MeToo draft</p></div><p><code>#MeToo</code></p>' +
        '<p hidden>#MeToo</p><shreddit-composer><p>#MeToo</p></shreddit-composer><p>and #MoiAussi</p>',
    );
    await started;
    expect(texts(store)).toEqual(['#MeToo', '#MoiAussi']);
    expect(ranges.size).toBe(2);
  });

  it('reads open shadow trees, text at their top level included', async () => {
    mount('<div id="host"></div>');
    const host = document.getElementById('host');
    const root = host?.attachShadow({ mode: 'open' });
    root?.append('Top level #MeToo ', document.createElement('p'));
    root?.querySelector('p')?.append('and #MoiAussi');
    const ranges = new Set<AbstractRange>();
    const store = new MentionStore(ranges);
    scanner = new PageScanner(store, () => ({ translations: true, related: false }));
    await scanner.start(document);
    expect(
      mentionsInOrder(store)
        .map((r) => r.text)
        .sort(),
    ).toEqual(['#MeToo', '#MoiAussi']);
  });
});

describe('PageScanner: mutation batches', () => {
  it('reads an added post, and only it', async () => {
    const { store, scanner, started } = start(timeline(1000));
    await started;
    const before = { ...scanner.stats };
    document.getElementById('timeline')?.append(post('new #MeToo post'));
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
    // The cost follows the batch (one post of three nodes, looked over, then read), not the page
    // (3,000 nodes).
    expect(scanner.stats.nodesVisited - before.nodesVisited).toBeLessThanOrEqual(6);
    expect(scanner.stats.runsRead - before.runsRead).toBe(1);
  });

  it('reads changes in quick succession together, and a change after a pause at once', async () => {
    // The page's clock is faked; the scanner's own turns (a MessageChannel) still come at once.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { store, scanner, started } = start(timeline(10));
      await started;
      const feed = document.getElementById('timeline');
      feed?.append(post('first #MeToo'));
      // The first read has just ended: this change waits for the gap after it, with any others.
      await turns(5);
      expect(texts(store)).toEqual([]);
      feed?.append(post('second #MoiAussi'));
      await vi.advanceTimersByTimeAsync(100);
      await scanner.idle();
      expect(texts(store)).toEqual(['#MeToo', '#MoiAussi']);
      const before = scanner.stats.jobs;
      vi.advanceTimersByTime(1000);
      feed?.append(post('third #YoTambién'));
      await turns(5);
      expect(texts(store)).toEqual(['#MeToo', '#MoiAussi', '#YoTambién']);
      expect(scanner.stats.jobs - before).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sorts the records that come while a batch waits once, with that batch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const { store, scanner, started } = start(timeline(10));
      await started;
      const sorts = vi.mocked(sortMutations);
      sorts.mockClear();
      const feed = document.getElementById('timeline');
      // Six frames' changes: the first is sorted at once and starts a batch, which waits for the gap
      // after the first read; the five others wait with it.
      for (let i = 0; i < 6; i++) {
        feed?.append(post(`post ${i} #MeToo`));
        await turns(1);
      }
      expect(sorts).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(100);
      await scanner.idle();
      expect(sorts).toHaveBeenCalledTimes(2);
      expect([...(sorts.mock.calls[1]?.[0] ?? [])]).toHaveLength(5);
      expect(store.size).toBe(6);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads an added subtree once, not once per added descendant', async () => {
    const { scanner, started } = start(timeline(10));
    await started;
    const before = scanner.stats.nodesVisited;
    // The section goes in first, then its posts: a record for it and one for each post.
    const thread = document.createElement('section');
    document.getElementById('timeline')?.append(thread);
    for (let i = 0; i < 20; i++) thread.append(post(`reply ${i}`));
    await settle();
    expect(scanner.stats.nodesVisited - before).toBe(1 + 20 * 3);
  });

  it('passes over an added post that shows no clue: a look at its nodes, no read', async () => {
    const { store, scanner, started } = start(timeline(10));
    await started;
    const before = { ...scanner.stats };
    document.getElementById('timeline')?.append(post('a post with #hashtags but no mention'));
    await settle();
    expect(store.size).toBe(0);
    expect(scanner.stats.runsRead - before.runsRead).toBe(0);
    // Three nodes looked at (a read would visit them again).
    expect(scanner.stats.nodesVisited - before.nodesVisited).toBe(3);
  });

  it('reads an added block whose only clue is the hashtag link around it', async () => {
    const { store, started } = start('<p><a id="tag" href="/tags/MeToo"></a></p>');
    await started;
    const inner = document.createElement('div');
    inner.textContent = 'MeToo';
    document.getElementById('tag')?.append(inner);
    await settle();
    expect(texts(store)).toEqual(['MeToo']);
  });

  it('reads an added post holding a shadow tree, and observes the tree', async () => {
    const { store, started } = start(timeline(2));
    await started;
    const article = post('no clue out here');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append('inside #MeToo');
    article.append(host);
    document.getElementById('timeline')?.append(article);
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
    host.shadowRoot?.append(' and #MoiAussi');
    await settle();
    expect(texts(store).sort()).toEqual(['#MeToo', '#MoiAussi']);
  });

  it('reads a block put back with other text, unseen while it was out', async () => {
    const { store, started } = start('<main id="list"><p id="p">#MeToo</p><p>b</p></main>');
    await started;
    const p = document.getElementById('p') as HTMLElement;
    p.remove();
    // The batch of the removal goes out first: the page's observer sees no change made after it.
    await Promise.resolve();
    (p.firstChild as Text).data = 'no longer a mention';
    document.getElementById('list')?.append(p);
    await settle();
    expect(store.size).toBe(0);
  });

  it('highlights a small batch at once; a full read of a large page waits for the next frame', async () => {
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame');
    const { store, started } = start(`${timeline(1000)}<p>#MeToo</p>`);
    await started;
    expect(store.size).toBe(1);
    expect(frames).toHaveBeenCalled();
    frames.mockClear();
    document.getElementById('timeline')?.append(post('new #MeToo post'));
    await settle();
    expect(store.size).toBe(2);
    // The 50-odd nodes of a batch cost little style to check: no frame to wait for.
    expect(frames).not.toHaveBeenCalled();
  });

  it('prunes the ranges of a removed post', async () => {
    const { store, ranges, started } = start(
      '<main><article id="a"><p>#MeToo one</p></article><article><p>#MeToo two</p></article></main>',
    );
    await started;
    expect(ranges.size).toBe(2);
    document.getElementById('a')?.remove();
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
    expect(ranges.size).toBe(1);
    expect(store.size).toBe(1);
  });

  it('prunes a removed subtree’s shadow trees and stops observing them', async () => {
    const { store, gone, started } = start(
      '<main><div id="post"><div id="host"></div></div></main>',
    );
    const host = document.getElementById('host');
    const root = host?.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = 'shadow #MeToo';
    root?.append(p);
    await started;
    expect(texts(store)).toEqual(['#MeToo']);
    document.getElementById('post')?.remove();
    await settle();
    expect(store.size).toBe(0);
    expect(gone).toEqual([root]);
  });

  it('keeps one mention for a post moved within one batch', async () => {
    const { store, ranges, started } = start(
      '<main id="list"><article id="a"><p>#MeToo</p></article><article id="b"><p>b</p></article></main>',
    );
    await started;
    const list = document.getElementById('list');
    const a = document.getElementById('a');
    if (a) list?.append(a);
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
    expect(ranges.size).toBe(1);
  });

  it('reads edited text again (characterData)', async () => {
    const { store, started } = start('<main><p id="p">plain text</p><p>#MeToo</p></main>');
    await started;
    const text = document.getElementById('p')?.firstChild as Text;
    text.data = 'now #MoiAussi';
    await settle();
    expect(texts(store)).toEqual(['#MoiAussi', '#MeToo']);
    text.data = 'now #Moi';
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
  });

  it('reads a block again when inline content is added to it or removed from it', async () => {
    const { store, started } = start('<p id="p">say #</p>');
    await started;
    const p = document.getElementById('p');
    const span = document.createElement('span');
    span.textContent = 'MeToo';
    p?.append(span);
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
    span.remove();
    await settle();
    expect(store.size).toBe(0);
  });

  it('reads the blocks inside an added inline element', async () => {
    const { store, started } = start('<div id="card">link card: </div>');
    await started;
    const link = document.createElement('a');
    link.href = '/post/1';
    const inner = document.createElement('div');
    inner.textContent = 'Preview with #MeToo';
    link.append(inner);
    document.getElementById('card')?.append(link);
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
  });

  it('does not read a long list again for white space added between its posts', async () => {
    const { scanner, started } = start(timeline(500));
    await started;
    const before = scanner.stats.nodesVisited;
    document.getElementById('timeline')?.append('\n  ');
    await settle();
    expect(scanner.stats.nodesVisited).toBe(before);
  });

  it('drops the mentions of an element hidden with `hidden`, and reads them when shown', async () => {
    const { store, started } = start('<main><section id="s"><p>#MeToo</p></section></main>');
    await started;
    const section = document.getElementById('s');
    section?.setAttribute('hidden', '');
    await settle();
    expect(store.size).toBe(0);
    section?.removeAttribute('hidden');
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
  });

  it('finds a shadow tree attached later to an element already on the page', async () => {
    const { store, started } = start('<main><div id="card"></div></main>');
    await started;
    const card = document.getElementById('card');
    const root = card?.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = 'upgraded #MeToo';
    root?.append(p);
    card?.classList.add('hydrated'); // the component marks itself rendered
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
    p.textContent = 'edited in the shadow tree: #MoiAussi';
    await settle();
    expect(texts(store)).toEqual(['#MoiAussi']);
  });

  it('ignores its own card and the page’s scripts', async () => {
    const { scanner, started } = start('<main><p>#MeToo</p></main>');
    await started;
    const before = scanner.stats.jobs;
    const card = document.createElement('metoo-context');
    card.textContent = '#MeToo';
    const script = document.createElement('script');
    script.textContent = '"#MeToo"';
    document.body.append(card, script);
    await settle();
    expect(scanner.stats.jobs).toBe(before);
  });
});

describe('PageScanner: slices', () => {
  it('gives the page its turn each time a slice’s time is spent, and still reads everything', async () => {
    // A clock that moves 1 ms each time it is read: every step of the scan costs time.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    const slices: number[] = [];
    let sliceStart = 0;
    const yieldSpy = vi.fn(() => {
      slices.push(now - sliceStart);
      return Promise.resolve().then(() => {
        sliceStart = now;
      });
    });
    vi.stubGlobal('scheduler', { yield: yieldSpy });
    try {
      const posts = Array.from(
        { length: 300 },
        (_, i) => `<article><p>post ${i} ${i % 3 === 0 ? '#MeToo' : 'other'}</p></article>`,
      );
      const { store, started } = start(`<main>${posts.join('')}</main>`);
      await started;
      await settle();
      expect(store.size).toBe(100);
      expect(yieldSpy.mock.calls.length).toBeGreaterThan(10);
      // No slice runs much past its budget (SLICE_MS is 8 clock reads here).
      expect(Math.max(...slices.slice(1))).toBeLessThanOrEqual(SLICE_MS + 8);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('PageScanner: changes during a read', () => {
  it('reads again a block edited between the slices of a read that had already read it', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    let edited = false;
    let read: MentionStore | null = null;
    vi.stubGlobal('scheduler', {
      yield: () => {
        // The page's turn, in the middle of the first read, once it has read the first post.
        if (!edited && read && read.size > 0) {
          edited = true;
          const first = document.querySelector('p')?.firstChild;
          if (first instanceof Text) first.data = 'post 0, edited';
        }
        return Promise.resolve();
      },
    });
    try {
      const posts = Array.from(
        { length: 300 },
        (_, i) => `<article><p>post ${i} #MeToo</p></article>`,
      );
      const { store, started } = start(`<main>${posts.join('')}</main>`);
      read = store;
      await started;
      await settle();
      expect(edited).toBe(true);
      expect(store.size).toBe(299);
      expect(mentionsInOrder(store)[0]?.block.textContent).toBe('post 1 #MeToo');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('PageScanner: rescans', () => {
  it('reads the page once instead of piecemeal when one batch holds too many records', async () => {
    const { store, scanner, started } = start(timeline(700));
    await started;
    const before = scanner.stats.jobs;
    // Three records per post, 2,100 in one batch.
    for (const p of document.querySelectorAll('p')) {
      p.append(' #MeToo');
      p.append(' ');
      p.append('!');
    }
    await settle();
    expect(scanner.stats.jobs - before).toBe(1);
    expect(store.size).toBe(700);
  });

  it('follows changed options, keeping what still counts', async () => {
    const { store, scanner, started, setOptions } = start('<p>#MeToo #MoiAussi #TimesUp</p>');
    await started;
    expect(texts(store)).toEqual(['#MeToo', '#MoiAussi']);
    setOptions({ translations: false, related: true });
    await scanner.rescan();
    expect(texts(store)).toEqual(['#MeToo', '#TimesUp']);
  });

  it('drops, at its end, mentions of blocks it no longer meets', async () => {
    const { store, scanner, started } = start('<main><p id="p">#MeToo</p><p>#MeToo</p></main>');
    await started;
    const p = document.getElementById('p');
    scanner.stop(); // nobody watches while the page changes
    p?.setAttribute('contenteditable', 'true');
    scanner.start(document);
    await scanner.idle();
    expect(texts(store)).toEqual(['#MeToo']);
  });

  it('stops cleanly: no observers left, no work after stop', async () => {
    const { store, scanner, started } = start('<main id="m"><p>#MeToo</p></main>');
    await started;
    scanner.stop();
    document.getElementById('m')?.append(post('#MoiAussi'));
    await settle();
    expect(texts(store)).toEqual(['#MeToo']);
  });
});
