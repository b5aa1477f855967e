import { describe, expect, it } from 'vitest';
import { mount } from '../../test/dom';
import { liveRange } from '../live-range';
import { mentionsInRun, rangeInRun, type TagOptions } from './run-mentions';
import { TextRunReader, type TextRun } from './text-model';

/** The text a static range covers (it has no `toString` of its own). */
function text(range: AbstractRange | null): string | undefined {
  return range ? liveRange(range).toString() : undefined;
}

const DEFAULTS: TagOptions = { translations: true, related: false };

/** The mentions in a fixture, as the range text each would highlight. */
function highlighted(markup: string, host: string, options: TagOptions = DEFAULTS): string[] {
  mount(markup);
  const runs: TextRun[] = [];
  new TextRunReader(document.body).read(Infinity, (run) => runs.push(run));
  return runs.flatMap((run) =>
    mentionsInRun(run, options, host).map((m) => text(rangeInRun(run, m.start, m.end))),
  ) as string[];
}

describe('mentionsInRun: the sites’ hashtag links', () => {
  it('LinkedIn: "hashtag#MeToo" is the mention #MeToo, though text rules refuse it', () => {
    const link = (href: string, tag: string) =>
      `<a href="${href}"><span class="visually-hidden">hashtag</span><span><span aria-hidden="true">#</span>${tag}</span></a>`;
    expect(
      highlighted(
        `<span dir="ltr">Read this<br><br>${link('https://www.linkedin.com/feed/hashtag/?keywords=metoo', 'MeToo')}<!----> <!---->${link('https://www.linkedin.com/search/results/all/?keywords=%23metoo', 'metoo')}</span>`,
        'www.linkedin.com',
      ),
    ).toEqual(['#MeToo', '#metoo']);
  });

  it('Threads: a topic link without "#" and with a space', () => {
    expect(
      highlighted(
        '<div><span dir="auto"><a href="https://www.threads.net/search?q=Me%20Too&serp_type=tags">Me Too</a></span> and <span>Me Too</span> unlinked</div>',
        'www.threads.net',
      ),
    ).toEqual(['Me Too']);
  });

  it('Friendica: a "#" outside the link and the link make one mention', () => {
    expect(
      highlighted(
        '<p>says #<a href="https://friendica.example/search?tag=MeToo">MeToo</a> too</p>',
        'mastodon.social',
      ),
    ).toEqual(['#MeToo']);
  });

  it('Mastodon: "#" and the tag in separate nodes, and the hashtag bar with no spaces', () => {
    expect(
      highlighted(
        '<p>hi <a href="https://mastodon.social/tags/MeToo">#<span>MeToo</span></a></p>' +
          '<div class="hashtag-bar"><a href="/tags/MeToo">#<span>MeToo</span></a><a href="/tags/TimesUp">#<span>TimesUp</span></a></div>',
        'mastodon.social',
      ),
    ).toEqual(['#MeToo', '#MeToo']);
  });

  it('Tumblr: a tag with a space', () => {
    expect(
      highlighted(
        '<div><a href="https://www.tumblr.com/tagged/metoo">#metoo</a><a href="https://www.tumblr.com/tagged/me%20too">#me too</a></div>',
        'www.tumblr.com',
      ),
    ).toEqual(['#metoo', '#me too']);
  });

  it('a link and the text rules finding the same mention give one range', () => {
    expect(
      highlighted('<p>see <a href="https://x.com/hashtag/MeToo">#MeToo</a> now</p>', 'x.com'),
    ).toEqual(['#MeToo']);
  });

  it('a link to another tag, or a link whose text is not its tag, is not a mention', () => {
    expect(
      highlighted(
        '<p><a href="https://x.com/hashtag/MeToo2018">#MeToo2018</a> <a href="https://x.com/hashtag/MeToo">read more</a></p>',
        'x.com',
      ),
    ).toEqual([]);
  });

  it('link rules follow the options: translations on, related campaigns off by default', () => {
    const markup =
      '<p><a href="https://www.threads.net/search?q=MoiAussi&serp_type=tags">MoiAussi</a> <a href="https://www.threads.net/search?q=TimesUp&serp_type=tags">TimesUp</a></p>';
    expect(highlighted(markup, 'www.threads.net')).toEqual(['MoiAussi']);
    expect(highlighted(markup, 'www.threads.net', { translations: false, related: true })).toEqual([
      'TimesUp',
    ]);
  });

  it('a link on a page of another site counts only by its text', () => {
    expect(
      highlighted(
        '<p><a href="https://www.threads.net/search?q=Me%20Too&serp_type=tags">Me Too</a></p>',
        'www.youtube.com',
      ),
    ).toEqual([]);
  });
});

describe('rangeInRun', () => {
  it('spans text nodes, covering only the visible mention', () => {
    mount('<p>x <a href="/tags/MeToo">#<span>MeToo</span></a>!</p>');
    const runs: TextRun[] = [];
    new TextRunReader(document.body).read(Infinity, (run) => runs.push(run));
    const run = runs[0];
    if (!run) throw new Error('no run');
    const range = rangeInRun(run, 2, 8);
    expect(range).toBeInstanceOf(StaticRange);
    expect(text(range)).toBe('#MeToo');
    expect(range?.startContainer).not.toBe(range?.endContainer);
  });
});
