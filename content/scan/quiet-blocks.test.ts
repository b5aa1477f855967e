/**
 * When a text change needs no look at its block: after a full read, a block its candidate search did
 * not meet is passed over at once; blocks met, read or touched since it began are looked at.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mount, recordsOf } from '../../test/dom';
import { LinkClues } from './clues';
import { QuietBlocks } from './quiet-blocks';

afterEach(() => document.body.replaceChildren());

function quietBlocks(): QuietBlocks {
  return new QuietBlocks({ hasBlock: () => false }, new LinkClues('x.com'));
}

/**
 * A block that shows a clue (a '#Me' its reader would join with a 'Too' after it): judged by a look,
 * a change in it is never quiet. Given to QuietBlocks as if the full read had not met it, it shows
 * whether the look was taken.
 */
function blockWithClue(): HTMLElement {
  mount('<p id="p">#Me<b>Too</b> <time>5m</time></p>');
  return document.getElementById('p') as HTMLElement;
}

describe('QuietBlocks', () => {
  it('looks at a block while no full read has ended', () => {
    const quiet = quietBlocks();
    const block = blockWithClue();
    expect(quiet.isQuiet(block, ['6m'])).toBe(false);
    quiet.beginFullRead();
    expect(quiet.isQuiet(block, ['6m'])).toBe(false);
  });

  it('after a full read, passes over a block it did not meet without a look', () => {
    const quiet = quietBlocks();
    const block = blockWithClue();
    quiet.beginFullRead();
    quiet.endFullRead();
    // Unmet by the read, so it showed no clue then: the change is quiet, the block not looked at.
    expect(quiet.isQuiet(block, ['6m'])).toBe(true);
  });

  it('looks at blocks the full read met, or that were read or touched since it began', () => {
    const quiet = quietBlocks();
    const met = blockWithClue();
    quiet.beginFullRead();
    quiet.met([met]);
    quiet.endFullRead();
    expect(quiet.isQuiet(met, ['6m'])).toBe(false);

    const touched = document.createElement('div');
    touched.append('#Me', document.createElement('b'), ' 5m');
    document.body.append(touched);
    quiet.forget(touched);
    expect(quiet.isQuiet(touched, ['6m'])).toBe(false);
  });

  it('forgets the last full read when another begins', () => {
    const quiet = quietBlocks();
    const block = blockWithClue();
    quiet.beginFullRead();
    quiet.endFullRead();
    quiet.beginFullRead();
    expect(quiet.isQuiet(block, ['6m'])).toBe(false);
  });

  it('never passes over a change that brings a clue', () => {
    const quiet = quietBlocks();
    const block = blockWithClue();
    quiet.beginFullRead();
    quiet.endFullRead();
    expect(quiet.isQuiet(block, ['#MeToo'])).toBe(false);
  });
});

describe('QuietBlocks: a look over an added subtree', () => {
  it('passes over one with no clue, and reads one too large to look over unsliced', () => {
    const quiet = quietBlocks();
    mount('<article id="small"><p>five <b>minutes</b> ago</p></article>');
    const small = document.getElementById('small') as HTMLElement;
    expect(quiet.lookOver(small)).toEqual({ quiet: true, visited: 6 });

    const large = document.createElement('section');
    for (let i = 0; i < 300; i++) large.append(document.createElement('p'));
    for (const p of large.children) p.append('no clue');
    document.body.append(large);
    const look = quiet.lookOver(large);
    expect(look.quiet).toBe(false);
    expect(look.visited).toBeLessThan(600);
  });
});

describe('QuietBlocks: edits judged before their block is known', () => {
  function page() {
    mount('<p id="p">#Me<b>Too</b> <time>5m</time></p><p id="q">plain <time>5m</time></p>');
    const [read, unread] = [...document.querySelectorAll('time')].map((t) => t.firstChild as Text);
    const quiet = quietBlocks();
    const p = document.getElementById('p') as HTMLElement;
    // The full read meets #p and reads its text; #q shows no clue and is neither met nor read.
    quiet.beginFullRead();
    quiet.met([p]);
    quiet.wasRead({ block: p, text: '', links: [], segments: [{ node: read as Text, start: 0 }] });
    return { quiet, read: read as Text, unread: unread as Text };
  }
  const edit = (node: Text, data: string) => recordsOf(() => (node.data = data))[0];

  it('passes over an edit of text no read has met, once a full read has covered the page', () => {
    const { quiet, unread } = page();
    expect(quiet.isQuietEdit(edit(unread, '6m') as MutationRecord)).toBe(false);
    quiet.endFullRead();
    expect(quiet.isQuietEdit(edit(unread, '7m') as MutationRecord)).toBe(true);
  });

  it('leaves to its block an edit of text a read has met, or one that brings a clue', () => {
    const { quiet, read, unread } = page();
    quiet.endFullRead();
    expect(quiet.isQuietEdit(edit(read, '6m') as MutationRecord)).toBe(false);
    expect(quiet.isQuietEdit(edit(unread, '#MeToo') as MutationRecord)).toBe(false);
    // A reader keeps no empty text node: one may sit beside a mention, so its first text is judged.
    expect(quiet.isQuietEdit(edit(unread, '') as MutationRecord)).toBe(true);
    expect(quiet.isQuietEdit(edit(unread, '9m') as MutationRecord)).toBe(false);
    const swap = recordsOf(() => (unread.parentElement as Element).replaceChildren('8m'));
    expect(swap.length).toBeGreaterThan(0);
    expect(swap.filter((record) => quiet.isQuietEdit(record))).toEqual([]);
  });
});
