import { describe, expect, it } from 'vitest';
import { mount, recordsOf } from '../../test/dom';
import { sortMutations as sortWith, type QuietTest } from './mutation-sorter';

/** A quiet test that passes nothing over: every change is sorted. */
const loud: QuietTest = { isQuietEdit: () => false, isQuiet: () => false };

function sortMutations(records: MutationRecord[], quiet = loud) {
  return sortWith(records, quiet);
}

const byId = (id: string) => document.getElementById(id) as HTMLElement;

describe('sortMutations', () => {
  it('touches the block of changed text, through inline elements', () => {
    mount('<p id="p">a <b><i id="i">b</i></b></p>');
    const text = byId('i').firstChild as Text;
    const sorted = sortMutations(recordsOf(() => (text.data = 'c')));
    expect(sorted.touched).toEqual([byId('p')]);
    expect(sorted.added).toEqual([]);
  });

  it('reads an added block whole, not the blocks added inside it', () => {
    mount('<main id="m"></main>');
    const article = document.createElement('article');
    const inner = document.createElement('p');
    const sorted = sortMutations(
      recordsOf(() => {
        byId('m').append(article);
        article.append(inner);
      }),
    );
    expect(sorted.added).toEqual([{ kind: 'subtree', root: article }]);
    expect(sorted.touched).toEqual([]);
  });

  it('drops an added node that left again in the same batch', () => {
    mount('<main id="m"></main>');
    const article = document.createElement('article');
    const sorted = sortMutations(
      recordsOf(() => {
        byId('m').append(article);
        article.remove();
      }),
    );
    expect(sorted.added).toEqual([]);
    expect(sorted.removed).toEqual([article]);
  });

  it('touches the line an inline element joins, and reads the blocks nested in it', () => {
    mount('<p id="p">a</p>');
    const span = document.createElement('span');
    span.append(document.createElement('div'));
    const sorted = sortMutations(recordsOf(() => byId('p').append(span)));
    expect(sorted.touched).toEqual([byId('p')]);
    expect(sorted.added).toEqual([{ kind: 'nested', root: span }]);
  });

  it('sorts removed text, blocks and separators', () => {
    mount('<div id="d"><p id="p">a<br id="br"></p><section id="s"><p>b</p></section></div>');
    const section = byId('s');
    const sorted = sortMutations(
      recordsOf(() => {
        byId('br').remove();
        section.remove();
        (byId('p').firstChild as Text).remove();
      }),
    );
    expect(sorted.touched).toEqual([byId('p')]);
    expect(sorted.removed).toEqual([section]);
  });

  it('passes over white space between blocks or at a line’s end, not between words', () => {
    mount('<main id="m"><article></article></main><p id="p">a<b>c</b></p><p id="q">d</p>');
    const sorted = sortMutations(
      recordsOf(() => {
        byId('m').append('\n  ');
        byId('p').insertBefore(document.createTextNode(' '), byId('p').lastChild);
        byId('q').append(' ');
      }),
    );
    expect(sorted.touched).toEqual([byId('p')]);
  });

  it('conceals what `hidden` hides, reads what it shows, and notes restyling', () => {
    mount('<div id="a">x</div><div id="b" hidden>y</div><div id="c">z</div>');
    const sorted = sortMutations(
      recordsOf(() => {
        byId('a').hidden = true;
        byId('b').hidden = false;
        byId('c').className = 'open';
      }),
    );
    expect(sorted.concealed).toEqual([byId('a')]);
    expect(sorted.added).toEqual([{ kind: 'subtree', root: byId('b') }]);
    expect(sorted.restyled).toBe(true);
    expect(sorted.hosts).toEqual([byId('a'), byId('b'), byId('c')]);
  });

  it('is not restyled by text changes alone', () => {
    mount('<p id="p">a</p>');
    const sorted = sortMutations(recordsOf(() => byId('p').append('b')));
    expect(sorted.restyled).toBe(false);
    expect(sorted.hosts).toEqual([byId('p')]);
  });

  it('passes over text changes the quiet test clears, and nothing else', () => {
    mount('<p id="p"><time id="t">5m</time></p><div id="d"></div>');
    const seen: string[][] = [];
    const quiet: QuietTest = {
      isQuietEdit: () => false,
      isQuiet: (_block, texts) => {
        seen.push([...texts]);
        return true;
      },
    };
    const time = byId('t');
    const edited = sortMutations(
      recordsOf(() => ((time.firstChild as Text).data = '6m')),
      quiet,
    );
    const swapped = sortMutations(
      recordsOf(() => (time.textContent = '7m')),
      quiet,
    );
    expect([edited.touched, swapped.touched]).toEqual([[], []]);
    expect(seen.flat()).toEqual(['6m', '7m']);
    const span = document.createElement('span');
    const busy = sortMutations(
      recordsOf(() => time.append(span, 'x')),
      quiet,
    );
    expect(busy.touched).toEqual([byId('p')]);
  });

  it('passes over a text edit the quiet test clears before finding its block', () => {
    mount('<p id="p"><time id="t">5m</time></p>');
    const judged: string[][] = [];
    const quiet: QuietTest = {
      isQuietEdit: (record) => record.type === 'characterData',
      isQuiet: (_block, texts) => {
        judged.push([...texts]);
        return false;
      },
    };
    const time = byId('t');
    const edited = sortMutations(
      recordsOf(() => ((time.firstChild as Text).data = '6m')),
      quiet,
    );
    expect([edited.touched, judged]).toEqual([[], []]);
    const swapped = sortMutations(
      recordsOf(() => (time.textContent = '7m')),
      quiet,
    );
    // A swap of text nodes is no edit: its block is found and judged.
    expect([swapped.touched, judged.flat()]).toEqual([[byId('p')], ['7m']]);
  });
});
