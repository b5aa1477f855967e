import { describe, expect, it } from 'vitest';
import { mentionsInOrder } from './mention-summary';
import { MentionStore, type MentionRecord } from './mentions';
import { ViewportCap, holdsAny, kthSmallest, nearest } from './scan/cap';

function records(count: number): MentionRecord[] {
  const block = document.createElement('p');
  return Array.from({ length: count }, (_, i) => {
    const node = document.createTextNode(`#MeToo ${i}`);
    block.append(node);
    const range = new Range();
    range.setStart(node, 0);
    range.setEnd(node, 6);
    return { range, tag: 'metoo', text: '#MeToo', block, link: null, nodes: [node] };
  });
}

describe('MentionStore: pruning', () => {
  it('drops the mentions whose text left the page, and only those', () => {
    const ranges = new Set<AbstractRange>();
    const store = new MentionStore(ranges);
    const host = document.createElement('div');
    document.body.append(host);
    const all = records(3);
    const [first, second] = all as [MentionRecord, MentionRecord, MentionRecord];
    host.append(first.block);
    for (const record of all) store.add(record);
    expect(store.prune()).toBe(0);
    (second.nodes[0] as Text).remove();
    expect(store.prune()).toBe(1);
    expect(store.size).toBe(2);
    expect(mentionsInOrder(store)).not.toContain(second);
    host.remove();
    expect(store.prune()).toBe(2);
    expect(store.size).toBe(0);
    expect(ranges.size).toBe(0);
  });

  it('drops the mentions of a block that left the page, though their text stayed', () => {
    const store = new MentionStore(new Set());
    const [record] = records(1) as [MentionRecord];
    document.body.append(record.block);
    store.add(record);
    // The page unwraps the block: its text stays on the page, read again under its new block.
    const block = record.block as Element;
    block.replaceWith(...block.childNodes);
    expect(store.prune()).toBe(1);
    expect(store.size).toBe(0);
    document.body.replaceChildren();
  });
});

describe('MentionStore: the cap on ranges', () => {
  it('highlights up to its limit, holds the rest, and still hit-tests them', () => {
    const ranges = new Set<AbstractRange>();
    const store = new MentionStore(ranges, 3);
    let holds = 0;
    store.onHold = () => (holds += 1);
    const all = records(5);
    for (const record of all) store.add(record);
    expect(store.size).toBe(5);
    expect(ranges.size).toBe(3);
    expect(store.size - ranges.size).toBe(2);
    expect(holds).toBe(2);
    const held = all.filter((record) => !ranges.has(record.range));
    expect(held).toHaveLength(2);
    for (const record of held) expect([...store.at(record.nodes[0] as Text)]).toEqual([record]);
  });

  it('highlights exactly the chosen mentions, and fills a freed place with a held one', () => {
    const ranges = new Set<AbstractRange>();
    const store = new MentionStore(ranges, 2);
    const all = records(4);
    for (const record of all) store.add(record);
    const [a, b, c, d] = all as [MentionRecord, MentionRecord, MentionRecord, MentionRecord];
    store.highlightOnly(new Set([c, d]));
    expect(ranges).toEqual(new Set([c.range, d.range]));
    // `a` and `b` are held: counted, still hit-tested, not highlighted.
    expect(store.size - ranges.size).toBe(2);
    expect([...store.at(a.nodes[0] as Text), ...store.at(b.nodes[0] as Text)]).toEqual([a, b]);
    // The block is read again and `c` is gone: a held mention takes its place.
    const detached = store.detachBlock(c.block);
    for (const mention of detached) if (mention.record !== c) store.keep(mention);
    store.release(detached.filter((mention) => mention.record === c));
    expect(store.size).toBe(3);
    expect(ranges.size).toBe(2);
    expect(ranges.has(d.range)).toBe(true);
  });

  it('unindexes thousands of mentions on one text node in linear time', () => {
    const store = new MentionStore(new Set(), 100_000);
    const block = document.createElement('p');
    const node = document.createTextNode('#MeToo '.repeat(20_000));
    block.append(node);
    for (let i = 0; i < 20_000; i++) {
      const range = new Range();
      range.setStart(node, i * 7);
      range.setEnd(node, i * 7 + 6);
      store.add({ range, tag: 'metoo', text: '#MeToo', block, link: null, nodes: [node] });
    }
    store.clearBlock(block);
    expect(store.size).toBe(0);
    expect([...store.at(node)]).toEqual([]);
  });
});

describe('the cap: choosing the nearest', () => {
  it('finds the k-th smallest value', () => {
    const values = [5, 1, 9, 3, 3, 7, Infinity, 0];
    for (let k = 0; k < values.length; k++) {
      expect(kthSmallest(Float64Array.from(values), k)).toBe([...values].sort((a, b) => a - b)[k]);
    }
  });

  it('keeps the limit nearest, ties to the earlier, and says how far the farthest kept is', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const { chosen, reach } = nearest(items, Float64Array.from([40, 0, 10, 10, Infinity]), 3);
    expect([...chosen].sort()).toEqual(['b', 'c', 'd']);
    expect(reach).toBe(10);
    const tie = nearest(items, Float64Array.from([1, 1, 1, 1, 1]), 2);
    expect([...tie.chosen]).toEqual(['a', 'b']);
  });
});

describe('ViewportCap: the page’s scrolling', () => {
  it('follows scroll events only while the store holds mentions out of the highlight', () => {
    const ranges = new Set<AbstractRange>();
    const store = new MentionStore(ranges, 1);
    const cap = new ViewportCap(store, window);
    const controller = new AbortController();
    cap.listen(controller.signal);
    // A page under the limit: its scrolling costs the extension nothing.
    expect(cap.followsScroll).toBe(false);
    const host = document.createElement('div');
    document.body.append(host);
    const all = records(2);
    host.append((all[0] as MentionRecord).block);
    for (const record of all) store.add(record);
    expect([store.size - ranges.size, holdsAny(store)]).toEqual([1, true]);
    expect(cap.followsScroll).toBe(true);
    host.remove();
    store.prune();
    expect([store.size - ranges.size, holdsAny(store)]).toEqual([0, false]);
    // The next scroll event finds nothing held, and the cap stops listening.
    window.dispatchEvent(new Event('scroll'));
    expect(cap.followsScroll).toBe(false);
    store.add(records(2)[0] as MentionRecord);
    store.add(records(2)[1] as MentionRecord);
    expect(cap.followsScroll).toBe(true);
    controller.abort();
    expect(cap.followsScroll).toBe(false);
  });
});

describe('MentionStore: where the pointer may be on a mention', () => {
  it('knows the blocks of shown mentions, through a read again, and forgets them after', () => {
    const store = new MentionStore(new Set<AbstractRange>());
    const [shown, second] = records(2) as [MentionRecord, MentionRecord];
    const [aside] = records(1) as [MentionRecord];
    store.add(shown);
    store.add(second);
    store.add(aside, false);
    expect(store.showsIn(shown.block)).toBe(true);
    // Kept aside, its text not shown: no hit test finds it.
    expect(store.showsIn(aside.block)).toBe(false);
    // Mid-read its mentions stay in the node index, and so the block stays known.
    const detached = store.detachBlock(shown.block);
    expect(store.showsIn(shown.block)).toBe(true);
    store.keep(detached[0] as (typeof detached)[number]);
    store.release(detached.slice(1));
    expect(store.showsIn(shown.block)).toBe(true);
    store.clearBlock(shown.block);
    expect(store.showsIn(shown.block)).toBe(false);
    expect(store.reveal(aside)).toBe(true);
    expect(store.showsIn(aside.block)).toBe(true);
  });
});
