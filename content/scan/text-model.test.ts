import { describe, expect, it } from 'vitest';
import { mount } from '../../test/dom';
import { TextRunReader, blockOf, positionAt, unreadWithin, type TextRun } from './text-model';

function runsOf(html: string): TextRun[] {
  mount(html);
  const runs: TextRun[] = [];
  const reader = new TextRunReader(document.body);
  while (!reader.read(Number.POSITIVE_INFINITY, (run) => runs.push(run)));
  return runs;
}

const texts = (html: string) => runsOf(html).map((run) => run.text);

describe('TextRunReader', () => {
  it('reads across inline elements as one run', () => {
    expect(texts('<p>Hi #<span>Me</span><a href="/x">Too</a> there</p>')).toEqual([
      'Hi #MeToo there',
    ]);
  });

  it('splits at blocks', () => {
    expect(texts('<div>one<div>two</div>three</div><p>four</p>')).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
  });

  it('reads an emoji image as an object and a line break as a new line', () => {
    expect(texts('<p>✊<img alt="✊">#MeToo<br>next</p>')).toEqual(['✊\uFFFC#MeToo\nnext']);
  });

  it('skips code, scripts, form fields, editable regions and hidden elements', () => {
    expect(
      texts(
        '<p>a<code>#MeToo</code>b</p><pre>#MeToo</pre><script>x="#MeToo"</script>' +
          '<textarea>#MeToo</textarea><div contenteditable="true"><p>#MeToo</p></div>' +
          '<div contenteditable="false">kept</div><p hidden>#MeToo</p><kbd>#MeToo</kbd>',
      ),
    ).toEqual(['ab', 'kept']);
  });

  it('skips comments between links (LinkedIn’s <!---->)', () => {
    expect(texts('<p><a href="/a">#A</a><!----> <a href="/b">#B</a></p>')).toEqual(['#A #B']);
  });

  it('records link spans in run offsets', () => {
    const [run] = runsOf('<p>see <a href="/tags/MeToo">#<span>MeToo</span></a> now</p>');
    expect(run?.links.map((l) => run.text.slice(l.start, l.end))).toEqual(['#MeToo']);
  });

  it('reads only the root block’s own text with ownOnly', () => {
    document.body.replaceChildren();
    const outer = document.createElement('div');
    const inner = document.createElement('div');
    inner.textContent = 'inner';
    outer.append('before', inner, 'after');
    document.body.append(outer);
    const runs: string[] = [];
    new TextRunReader(outer, { ownOnly: true }).read(Infinity, (run) => runs.push(run.text));
    expect(runs).toEqual(['before', 'after']);
  });

  it('stops at the deadline and resumes where it left off', () => {
    const html = Array.from({ length: 600 }, (_, i) => `<p>post ${i}</p>`).join('');
    runsOf(html);
    const reader = new TextRunReader(document.body);
    const runs: string[] = [];
    let slices = 0;
    while (!reader.read(0, (run) => runs.push(run.text))) slices++;
    expect(slices).toBeGreaterThan(0);
    expect(runs).toHaveLength(600);
    expect(runs[599]).toBe('post 599');
  });

  it('notes open shadow roots for the caller', () => {
    document.body.replaceChildren();
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append('shadow text');
    document.body.append(host);
    const reader = new TextRunReader(document.body);
    reader.read(Infinity, () => {});
    expect(reader.shadowRoots).toEqual([host.shadowRoot]);
  });
});

describe('TextRunReader: composers, shadow trees, a page that changes under it', () => {
  it('skips text fields made of roles and sites’ composer elements', () => {
    expect(
      texts(
        '<div role="textbox"><p>#MeToo</p></div><div role="combobox">#MeToo</div>' +
          '<shreddit-composer><p>#MeToo</p></shreddit-composer>' +
          '<faceplate-textarea-input>#MeToo</faceplate-textarea-input><p>kept</p>',
      ),
    ).toEqual(['kept']);
  });

  it('reads text at a shadow root’s top level as the shadow root’s own block', () => {
    document.body.replaceChildren();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const span = document.createElement('span');
    span.textContent = 'MeToo';
    root.append('#', span, document.createElement('p'));
    document.body.append(host);
    const runs: TextRun[] = [];
    new TextRunReader(root).read(Infinity, (run) => runs.push(run));
    expect(runs.map((run) => run.text)).toEqual(['#MeToo']);
    expect(runs[0]?.block).toBe(root);
    expect(blockOf(span.firstChild as Text)).toBe(root);
  });

  it('knows a node inside a skipped host’s shadow tree is skipped', () => {
    document.body.replaceChildren();
    const composer = document.createElement('shreddit-composer');
    const p = document.createElement('p');
    composer.attachShadow({ mode: 'open' }).append(p);
    document.body.append(composer);
    expect(unreadWithin(p)).toBe(true);
    expect(unreadWithin(document.body)).toBe(false);
  });

  it('goes back to the nearest block still on the page when the node it paused at is removed', () => {
    const sections = Array.from({ length: 12 }, (_, s) => {
      const posts = Array.from({ length: 50 }, (_, i) => `<p>post ${s * 50 + i}</p>`);
      return `<section id="s${s}">${posts.join('')}</section>`;
    });
    mount(`<main id="main">${sections.join('')}</main>`);
    const restarts: Node[] = [];
    const reader = new TextRunReader(document.body, { onRestart: (from) => restarts.push(from) });
    const runs: string[] = [];
    reader.read(0, (run) => runs.push(run.text)); // one slice: 256 nodes, into the third section
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.length).toBeLessThan(150);
    document.getElementById('s2')?.remove();
    while (!reader.read(Infinity, (run) => runs.push(run.text)));
    expect(restarts).toEqual([document.getElementById('main')]);
    // Everything still on the page was read, the sections before the gap twice.
    for (let i = 0; i < 600; i++) {
      if (i < 100 || i >= 150) expect(runs).toContain(`post ${i}`);
    }
    expect(runs.filter((text) => text === 'post 599')).toHaveLength(1);
  });
});

describe('positionAt', () => {
  it('maps offsets to the node that holds them, across nodes', () => {
    const [run] = runsOf('<p>#<span>MeToo</span></p>');
    if (!run) throw new Error('no run');
    const start = positionAt(run, 0, false);
    const end = positionAt(run, 6, true);
    expect(start?.node.data).toBe('#');
    expect(start?.offset).toBe(0);
    expect(end?.node.data).toBe('MeToo');
    expect(end?.offset).toBe(5);
    // At the seam, a start belongs to the next node and an end to the previous one.
    expect(positionAt(run, 1, false)?.node.data).toBe('MeToo');
    expect(positionAt(run, 1, true)?.node.data).toBe('#');
  });
});
