/**
 * Fuzz: random pages of nested blocks (some inside inline elements), open shadow roots, line breaks,
 * editable regions and skipped elements, whose text is cut at random points into random inline
 * elements with comments between some (so a mention may be split as `#M<b>e</b><!---->Too`). The scanner must never throw, and its ranges
 * must be exactly the mentions a reader sees: worked out from the generated model while the page is
 * built, never from the scanner.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { liveRange } from '../live-range';
import { MentionStore } from '../mentions';
import { PageScanner } from './page-scanner';

const WORDS = ['alpha', 'story', 'note', 'day', 'line', 'we', 'said'];
/** Family tags the default options count (translations on). */
const MENTIONS = ['#MeToo', '#MoiAussi', '#YoTambién', '#metoo'];
const INLINE_TAGS = ['span', 'a', 'b', 'em'] as const;
const BLOCK_TAGS = ['div', 'p', 'section', 'article'] as const;

/** What a reader never sees as a mention: code, form fields, editors, hidden text. */
type Skipped = 'code' | 'pre' | 'textarea' | 'script' | 'editable' | 'hidden' | 'textbox';
const SKIPPED: readonly Skipped[] = [
  'code',
  'pre',
  'textarea',
  'script',
  'editable',
  'hidden',
  'textbox',
];

type Piece =
  | { kind: 'word'; text: string }
  | { kind: 'mention'; text: string }
  | { kind: 'skipped'; as: Skipped }
  | { kind: 'br' }
  | { kind: 'block'; block: BlockModel; inInline: boolean }
  | { kind: 'shadow'; block: BlockModel };

interface BlockModel {
  tag: (typeof BLOCK_TAGS)[number];
  pieces: Piece[];
  /** Drives where the block's text is cut and which inline elements wrap each part. */
  seed: number;
}

const leafPiece: fc.Arbitrary<Piece> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...WORDS).map((text) => ({ kind: 'word', text }) as const),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(...MENTIONS).map((text) => ({ kind: 'mention', text }) as const),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...SKIPPED).map((as) => ({ kind: 'skipped', as }) as const),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'br' } as const) },
);

const { page } = fc.letrec<{ page: BlockModel[]; block: BlockModel; piece: Piece }>((tie) => ({
  page: fc.array(tie('block'), { minLength: 1, maxLength: 4 }),
  block: fc.record({
    tag: fc.constantFrom(...BLOCK_TAGS),
    pieces: fc.array(tie('piece'), { maxLength: 8 }),
    seed: fc.integer(),
  }),
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leafPiece },
    {
      weight: 1,
      arbitrary: fc
        .record({ block: tie('block'), inInline: fc.boolean() })
        .map(({ block, inInline }) => ({ kind: 'block', block, inInline }) as const),
    },
    {
      weight: 1,
      arbitrary: tie('block').map((block) => ({ kind: 'shadow', block }) as const),
    },
  ),
}));

/** A small seeded generator, so one model always builds one page. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

/** Where a mention must be: its first and last characters' text nodes and offsets. */
interface Expected {
  text: string;
  start: Text;
  startOffset: number;
  end: Text;
  endOffset: number;
}

/** Builds pages from models, noting every mention a reader sees as it goes. */
class PageBuilder {
  readonly expected: Expected[] = [];

  block(model: BlockModel): HTMLElement {
    const element = document.createElement(model.tag);
    const pick = random(model.seed);
    /** A line's text so far, and the mentions in it by offset, waiting to be cut and placed. */
    let line = '';
    let mentions: { start: number; text: string }[] = [];
    const flush = () => {
      if (line) this.placeLine(element, line, mentions, pick);
      line = '';
      mentions = [];
    };
    for (const piece of model.pieces) {
      switch (piece.kind) {
        case 'word':
          line += `${piece.text} `;
          break;
        case 'mention':
          mentions.push({ start: line.length, text: piece.text });
          line += `${piece.text} `;
          break;
        default:
          flush();
          element.append(this.between(piece, pick));
      }
    }
    flush();
    return element;
  }

  /** What stands between words: nothing a reader reads as part of a word. */
  private between(piece: Piece, pick: (n: number) => number): Node {
    switch (piece.kind) {
      case 'skipped':
        return skipped(piece.as, MENTIONS[pick(MENTIONS.length)] ?? '#MeToo');
      case 'br':
        return document.createElement('br');
      case 'block': {
        const block = this.block(piece.block);
        if (!piece.inInline) return block;
        const inline = document.createElement(INLINE_TAGS[pick(INLINE_TAGS.length)] ?? 'span');
        inline.append(block);
        return inline;
      }
      case 'shadow': {
        const host = document.createElement('div');
        host.attachShadow({ mode: 'open' }).append(this.block(piece.block));
        return host;
      }
      default:
        throw new Error(`not a piece between words: ${piece.kind}`);
    }
  }

  /**
   * Cuts a line's text at random points into text nodes, each in a random chain of inline elements
   * (or none), with comments at some cuts; notes where each mention's characters landed.
   */
  private placeLine(
    parent: Element,
    line: string,
    mentions: { start: number; text: string }[],
    pick: (n: number) => number,
  ): void {
    /** For each character of the line: its text node and offset there. */
    const at: { node: Text; offset: number }[] = [];
    let part = '';
    const place = () => {
      if (!part) return;
      const node = document.createTextNode(part);
      for (let i = 0; i < part.length; i++) at.push({ node, offset: i });
      let outer: Node = node;
      for (let depth = pick(3); depth > 0; depth--) {
        const inline = document.createElement(INLINE_TAGS[pick(INLINE_TAGS.length)] ?? 'span');
        if (inline instanceof HTMLAnchorElement) inline.href = '/about';
        inline.append(outer);
        outer = inline;
      }
      parent.append(outer);
      if (pick(5) === 0) parent.append(document.createComment('#MeToo'));
      part = '';
    };
    for (let i = 0; i < line.length; i++) {
      part += line[i];
      if (pick(4) === 0) place();
    }
    place();
    for (const mention of mentions) {
      const first = at[mention.start];
      const last = at[mention.start + mention.text.length - 1];
      if (!first || !last) throw new Error('a mention lost its place');
      this.expected.push({
        text: mention.text,
        start: first.node,
        startOffset: first.offset,
        end: last.node,
        endOffset: last.offset + 1,
      });
    }
  }
}

/** An element whose content is never read, holding a mention. */
function skipped(as: Skipped, mention: string): Element {
  const tag = { editable: 'div', hidden: 'span', textbox: 'div', script: 'script' }[as as string];
  const element = document.createElement(tag ?? as);
  if (as === 'editable') element.setAttribute('contenteditable', 'true');
  if (as === 'hidden') element.setAttribute('hidden', '');
  if (as === 'textbox') element.setAttribute('role', 'textbox');
  // Data, not code: the page never runs it.
  if (as === 'script') element.setAttribute('type', 'text/plain');
  element.append(`${mention} `);
  return element;
}

function key(
  text: string,
  start: Node,
  startOffset: number,
  end: Node,
  endOffset: number,
  ids: Map<Node, number>,
): string {
  const id = (node: Node) => {
    if (!ids.has(node)) ids.set(node, ids.size);
    return ids.get(node);
  };
  return `${text}@${id(start)}:${startOffset}-${id(end)}:${endOffset}`;
}

let scanner: PageScanner | null = null;
afterEach(() => {
  scanner?.stop();
  scanner = null;
  document.body.replaceChildren();
});

describe('the scanner on random pages', () => {
  it('never throws, and finds exactly the mentions a reader sees', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (blocks) => {
        scanner?.stop();
        const builder = new PageBuilder();
        document.body.replaceChildren(...blocks.map((block) => builder.block(block)));
        const ranges = new Set<AbstractRange>();
        const store = new MentionStore(ranges);
        scanner = new PageScanner(store, () => ({ translations: true, related: false }));
        await scanner.start(document);

        const ids = new Map<Node, number>();
        const want = builder.expected
          .map((m) => key(m.text, m.start, m.startOffset, m.end, m.endOffset, ids))
          .sort();
        const got = [...ranges]
          .map((r) =>
            key(
              liveRange(r).toString(),
              r.startContainer,
              r.startOffset,
              r.endContainer,
              r.endOffset,
              ids,
            ),
          )
          .sort();
        expect(got).toEqual(want);
        expect(store.size).toBe(want.length);
      }),
      { numRuns: 150 },
    );
  });
});
