/**
 * Churn: a page rewriting text that holds no mention (relative timestamps, like counts) costs no read,
 * yet a rewrite that makes or unmakes a mention, alone or with the text around it, is always seen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionsInOrder } from '../mention-summary';
import { mount } from '../../test/dom';
import { places, scan, settle, stopScanners } from '../../test/scanning';

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const textOf = (id: string) => byId(id).firstChild as Text;

const POST =
  '<article><p>#MeToo, said <b>she</b></p><div><a href="/s/1"><time id="t">5m</time></a>' +
  ' · <span id="likes">12</span> likes</div></article>';

describe('the scanner under churn', () => {
  it('reads nothing again when timestamps and counts are rewritten', async () => {
    mount(POST.repeat(3));
    const { store, scanner } = await scan();
    const jobs = scanner.stats.jobs;
    for (let second = 1; second <= 50; second++) {
      for (const time of document.querySelectorAll('time')) {
        (time.firstChild as Text).data = `${second}m`;
      }
      for (const likes of document.querySelectorAll('span')) likes.textContent = `${12 + second}`;
      await settle(scanner);
    }
    expect(scanner.stats.jobs).toBe(jobs);
    expect(store.size).toBe(3);
  });

  it('takes no look at a block the first read found without a clue', async () => {
    mount(POST);
    const { scanner } = await scan();
    // The text beside the timestamp: a look at the block (is there a clue?) reads it.
    const beside = byId('t').parentElement?.nextSibling as Text;
    const data = Object.getOwnPropertyDescriptor(CharacterData.prototype, 'data');
    let looks = 0;
    Object.defineProperty(beside, 'data', {
      get() {
        looks += 1;
        return data?.get?.call(this) as string;
      },
    });
    for (let minute = 6; minute < 10; minute++) {
      textOf('t').data = `${minute}m`;
      await settle(scanner);
    }
    expect(looks).toBe(0);
  });

  it('finds no block for a rewrite of text no read has met: no step up from the node', async () => {
    mount(POST);
    const { scanner } = await scan();
    const time = textOf('t');
    const parent = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode');
    let steps = 0;
    Object.defineProperty(time, 'parentNode', {
      get() {
        steps += 1;
        return parent?.get?.call(this) as Node | null;
      },
    });
    for (let minute = 6; minute < 10; minute++) {
      time.data = `${minute}m`;
      await settle(scanner);
    }
    expect(steps).toBe(0);
  });

  it('sees an empty text node beside a mention filled, then emptied', async () => {
    mount('<p id="p">#MeToo</p>');
    const empty = document.createTextNode('');
    byId('p').append(empty);
    const { store, scanner } = await scan();
    expect(store.size).toBe(1);
    empty.data = 'x';
    await settle(scanner);
    expect(store.size).toBe(0);
    empty.data = '';
    await settle(scanner);
    expect(mentionsInOrder(store).map((m) => m.text)).toEqual(['#MeToo']);
  });

  it('sees a rewrite that makes a mention, and one that unmakes it', async () => {
    mount(POST);
    const { store, scanner } = await scan();
    textOf('t').data = '#MoiAussi';
    await settle(scanner);
    expect(mentionsInOrder(store).map((m) => m.text)).toEqual(['#MeToo', '#MoiAussi']);
    textOf('t').data = '6m';
    await settle(scanner);
    expect(mentionsInOrder(store).map((m) => m.text)).toEqual(['#MeToo']);
    byId('likes').textContent = 'the me too movement';
    await settle(scanner);
    expect(mentionsInOrder(store).map((m) => m.text)).toEqual(['#MeToo', 'me too movement']);
  });

  it('sees a rewrite that completes a mention begun in another text node', async () => {
    mount('<p>see #<span id="a">ab</span></p><p>me too <i id="b">x</i> <b>movement</b></p>');
    const { store, scanner } = await scan();
    expect(store.size).toBe(0);
    textOf('a').data = 'MeToo';
    await settle(scanner);
    expect(mentionsInOrder(store).map((m) => m.text)).toEqual(['#MeToo']);
    byId('b').textContent = '';
    await settle(scanner);
    expect(mentionsInOrder(store).map((m) => m.text)).toEqual(['#MeToo', 'me too  movement']);
  });

  it('sees a clue that came after the first read, then the rewrite that completes it', async () => {
    mount('<p><span id="a">x</span><span id="b">y</span></p>');
    const { store, scanner } = await scan();
    textOf('a').data = '#';
    await settle(scanner);
    expect(store.size).toBe(0);
    textOf('b').data = 'MeToo';
    await settle(scanner);
    expect(mentionsInOrder(store).map((m) => m.text)).toEqual(['#MeToo']);
  });

  it('sees a rewrite next to a hashtag that frees it', async () => {
    mount('<p><span id="a">a</span>#MeToo</p>');
    const { store, scanner } = await scan();
    expect(store.size).toBe(0);
    textOf('a').data = 'a ';
    await settle(scanner);
    expect(mentionsInOrder(store).map((m) => m.text)).toEqual(['#MeToo']);
  });
});

/** Fragments that make, unmake, join and split mentions, and plain churn. */
const FRAGMENTS = [
  '#',
  'Me',
  'Too',
  '#MeToo',
  'me too',
  ' movement',
  'mo',
  'a',
  ' ',
  '5m',
  '12',
  '',
];

const page = fc.array(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 5 }), {
  minLength: 1,
  maxLength: 4,
});
const rewrites = fc.array(
  fc.record({
    node: fc.nat(),
    text: fc.constantFrom(...FRAGMENTS),
    swap: fc.boolean(),
  }),
  { minLength: 1, maxLength: 8 },
);

describe('the scanner under random rewrites', () => {
  it('holds what a fresh read of the page finds', async () => {
    await fc.assert(
      fc.asyncProperty(page, rewrites, async (blocks, changes) => {
        stopScanners();
        document.body.replaceChildren(
          ...blocks.map((parts) => {
            const p = document.createElement('p');
            for (const part of parts) {
              const span = document.createElement('span');
              span.append(part);
              p.append(span);
            }
            return p;
          }),
        );
        const live = await scan();
        const spans = [...document.querySelectorAll('span')];
        for (const { node, text, swap } of changes) {
          const span = spans[node % spans.length];
          const first = span?.firstChild;
          if (!span) continue;
          if (swap || !(first instanceof Text)) span.textContent = text;
          else first.data = text;
          await settle(live.scanner);
        }
        const fresh = await scan();
        expect(places(live.store)).toEqual(places(fresh.store));
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});
