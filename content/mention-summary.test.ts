import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  listMentions,
  mentionsInOrder,
  nearestMention,
  summarise,
  textAfter,
  textBefore,
} from './mention-summary';
import { MentionStore, type MentionRecord } from './mentions';
import { PageScanner } from './scan/page-scanner';
import { mount } from '../test/dom';

const scanners: PageScanner[] = [];
afterEach(() => {
  for (const scanner of scanners.splice(0)) scanner.stop();
  vi.restoreAllMocks();
  delete (document as Partial<Document>).caretPositionFromPoint;
});

async function storeOf(markup: string): Promise<MentionStore> {
  mount(markup);
  const store = new MentionStore(new Set());
  const scanner = new PageScanner(store, () => ({ translations: true, related: false }));
  scanners.push(scanner);
  await scanner.start(document);
  return store;
}

/** Puts the viewport's centre at a place in the page. */
function centreAt(node: Node, offset: number): void {
  Object.assign(document, {
    caretPositionFromPoint: () => ({ offsetNode: node, offset }),
  });
}

/** What the popup showed before: the whole block's text either side, from Range.toString(). */
function wholeBlockSides(record: MentionRecord): [string, string] {
  const before = new Range();
  before.selectNodeContents(record.block);
  before.setEnd(record.range.startContainer, record.range.startOffset);
  const after = new Range();
  after.selectNodeContents(record.block);
  after.setStart(record.range.endContainer, record.range.endOffset);
  return [before.toString(), after.toString()];
}

/** The popup's cut of the whole text, as it was before summaries read only around the mention. */
function lastWords(text: string): string {
  const squashed = text.replace(/\s+/g, ' ');
  if (squashed.length <= 40) return squashed.trimStart();
  const tail = squashed.slice(-40);
  const space = tail.indexOf(' ');
  return `…${space >= 0 ? tail.slice(space) : tail}`;
}

function firstWords(text: string): string {
  const squashed = text.replace(/\s+/g, ' ');
  if (squashed.length <= 40) return squashed.trimEnd();
  const head = squashed.slice(0, 40);
  const space = head.lastIndexOf(' ');
  return `${space > 0 ? head.slice(0, space) : head}…`;
}

describe('summarise', () => {
  it('shows what the whole block showed, from a few dozen characters', async () => {
    const words = fc.constantFrom(
      'one',
      'two ',
      '  ',
      '\n',
      'threefold',
      'x',
      ' and a long word ',
      '          ',
    );
    // Words in nodes of their own or run together: the walk crosses text nodes and reads within them.
    const side = fc
      .array(words, { maxLength: 30 })
      .chain((parts) =>
        fc.boolean().map((apart) => parts.map((w) => (apart ? `<b>${w}</b>` : w)).join('')),
      );
    await fc.assert(
      fc.asyncProperty(side, side, fc.boolean(), async (left, right, split) => {
        const mention = split ? '#<b>Me</b>Too' : '#MeToo';
        const store = await storeOf(`<p><i>${left} </i>${mention}<span> ${right}</span></p>`);
        const [record] = mentionsInOrder(store);
        if (!record) throw new Error('no mention');
        const [before, after] = wholeBlockSides(record);
        const summary = summarise(record);
        expect([summary.before, summary.after]).toEqual([lastWords(before), firstWords(after)]);
        expect(summary.text).toBe('#MeToo');
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('reads a bounded stretch of one long text node', async () => {
    const filler = 'lorem ipsum '.repeat(5_000);
    const store = await storeOf(`<p>${filler}#MeToo ${filler}</p>`);
    const [record] = mentionsInOrder(store);
    if (!record) throw new Error('no mention');
    const before = textBefore(record.block, record.range.startContainer, record.range.startOffset);
    const after = textAfter(record.block, record.range.endContainer, record.range.endOffset);
    expect(before.length).toBeLessThanOrEqual(160);
    expect(after.length).toBeLessThanOrEqual(160);
    const [wholeBefore, wholeAfter] = wholeBlockSides(record);
    expect(summarise(record)).toEqual({
      before: lastWords(wholeBefore),
      text: '#MeToo',
      after: firstWords(wholeAfter),
      tag: 'metoo',
    });
  });
});

const posts = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `<article><p id="p${i}">post ${i} #MeToo</p></article>`,
  ).join('');

describe('listMentions', () => {
  it('lists every mention of a small page, in order', async () => {
    const store = await storeOf(posts(5));
    const { summaries, total } = await listMentions(store, document, window);
    expect(total).toBe(5);
    expect(summaries.map((s) => s.before)).toEqual([
      'post 0 ',
      'post 1 ',
      'post 2 ',
      'post 3 ',
      'post 4 ',
    ]);
  });

  it('caps a big page at the mentions around the viewport, saying how many there are', async () => {
    const store = await storeOf(posts(200));
    centreAt(document.getElementById('p120')?.firstChild as Node, 2);
    const { records, summaries, total } = await listMentions(store, document, window, 10);
    expect(total).toBe(200);
    expect(summaries.map((s) => s.before)).toEqual(
      [115, 116, 117, 118, 119, 120, 121, 122, 123, 124].map((i) => `post ${i} `),
    );
    expect(records).toHaveLength(10);
  });

  it('fills the list from the other side at the end of the page', async () => {
    const store = await storeOf(posts(200));
    centreAt(document.getElementById('p198')?.firstChild as Node, 0);
    const { summaries } = await listMentions(store, document, window, 6);
    expect(summaries.map((s) => s.before)).toEqual(
      [194, 195, 196, 197, 198, 199].map((i) => `post ${i} `),
    );
  });
});

describe('nearestMention', () => {
  it('picks by offset in one long text node, measuring nothing', async () => {
    const text = Array.from({ length: 600 }, (_, i) => `line ${i} #MeToo`).join(' ');
    const store = await storeOf(`<p id="p">${text}</p>`);
    const node = document.getElementById('p')?.firstChild as Text;
    const measure = vi.spyOn(Range.prototype, 'getBoundingClientRect');
    const target = text.indexOf('#MeToo', text.indexOf('line 300 '));
    centreAt(node, target + 2);
    const nearest = nearestMention(store, document, window);
    expect(nearest?.range.startOffset).toBe(target);
    expect(measure).not.toHaveBeenCalled();
  });

  it('measures only the mentions around the centre on a big page', async () => {
    const store = await storeOf(posts(600));
    centreAt(document.getElementById('p400') as Node, 0);
    const measure = vi.spyOn(Range.prototype, 'getBoundingClientRect');
    nearestMention(store, document, window);
    expect(measure.mock.calls.length).toBeGreaterThan(0);
    expect(measure.mock.calls.length).toBeLessThanOrEqual(64);
  }, 20_000);

  it('finds the centre of a long feed from its boxes, not the hit test', async () => {
    const store = await storeOf(posts(600));
    // The feed scrolled 30,000 px down: post i's box starts at i × 100 − 30,000.
    const posted = [...document.body.children];
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const i = posted.indexOf(this.closest('article') ?? this);
      return i < 0 ? new DOMRect() : new DOMRect(0, i * 100 - 30_000, window.innerWidth, 100);
    });
    const hitTest = vi.fn(() => null);
    Object.assign(document, { caretPositionFromPoint: hitTest });
    const measured: string[] = [];
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
      measured.push(this.startContainer.parentElement?.id ?? '');
      return new DOMRect();
    });
    nearestMention(store, document, window);
    const centre = Math.floor((window.innerHeight / 2 + 30_000) / 100);
    expect(hitTest).not.toHaveBeenCalled();
    expect(measured).toContain(`p${centre}`);
    expect(measured.length).toBeLessThanOrEqual(64);
  }, 20_000);
});
