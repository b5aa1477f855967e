/**
 * One fixture page per site of ../shared/SITES.md, under the site's real host name, and what the
 * extension must highlight there with default settings: each mention as the page shows it, nothing else.
 */
import type { Page } from '@playwright/test';

export interface SiteCase {
  site: string;
  url: string;
  /** The text of every highlighted range once the page has loaded (a multiset). */
  highlights: string[];
  /** What the page's own scripts change after loading, as `childList PARENT +ADDED -REMOVED`. */
  pageMutations?: string[];
}

export const SITE_CASES: readonly SiteCase[] = [
  {
    site: 'X',
    url: 'https://x.com/explore/',
    // Not: the composer, the search field, a URL fragment, #MeToo2018/#MeTooX/#MeToo_, @MeToo, "me
    // too", #TimesUp and #BalanceTonPorc (related campaigns are off by default), hidden text.
    highlights: ['#MeToo', '#미투', '#MoiAussi', '#YoTambién', 'Me Too movement'],
  },
  {
    site: 'Mastodon',
    url: 'https://mastodon.social/tags/MeToo',
    // Split '#'/tag nodes, the hashtag bar (#MeToo#TimesUp#MoiAussi), Pleroma, Friendica.
    highlights: ['#MeToo', '#MeToo', '#MoiAussi', '#metoo', '#MeToo'],
  },
  {
    site: 'Bluesky',
    url: 'https://bsky.app/profile/alice.bsky.social/post/3kabc',
    highlights: ['#MeToo', '#MeToo', '#MeToo', '#MeToo'],
  },
  {
    site: 'Threads (threads.net)',
    url: 'https://www.threads.net/@survivor/post/C1abc',
    highlights: ['Me Too', 'MeToo', '#MeToo'],
  },
  {
    site: 'Threads (threads.com)',
    url: 'https://www.threads.com/@survivor/post/C1abc',
    highlights: ['Me Too', 'MeToo', '#MeToo'],
  },
  {
    site: 'Facebook',
    url: 'https://www.facebook.com/groups/survivors',
    highlights: ['#MeToo'],
  },
  {
    site: 'Facebook (web.facebook.com)',
    url: 'https://web.facebook.com/story',
    highlights: ['#MeToo'],
  },
  {
    site: 'Instagram',
    url: 'https://www.instagram.com/p/Cabc123',
    highlights: ['#MeToo', '#MoiAussi', '#metoo'],
  },
  {
    site: 'LinkedIn',
    url: 'https://www.linkedin.com/feed',
    // The links read "hashtag#MeToo"; the visible mention is "#MeToo".
    highlights: ['#MeToo', '#metoo'],
  },
  {
    site: 'Reddit',
    url: 'https://www.reddit.com/r/TwoXChromosomes/comments/abc/five_years',
    // Slotted light DOM post text, and page chrome in an open shadow root; composers are skipped.
    highlights: ['#MeToo', '#MeToo', 'Me Too movement'],
  },
  {
    site: 'old Reddit',
    url: 'https://old.reddit.com/r/TwoXChromosomes/comments/abc/five_years',
    // Not the markdown heading <h1>MeToo</h1>: the page shows no hashtag there.
    highlights: ['#MeToo', '#MeToo', '#MoiAussi'],
  },
  {
    site: 'TikTok',
    url: 'https://www.tiktok.com/@survivor/video/7123',
    highlights: ['#MeToo', '#MeTooMovement'],
  },
  {
    site: 'YouTube',
    url: 'https://www.youtube.com/watch?v=abc123',
    // The title's hashtag, the title's phrase, the visible description (its hidden twin is not).
    highlights: ['#MeToo', 'Me Too movement', '#MeToo'],
  },
  {
    site: 'Tumblr',
    url: 'https://www.tumblr.com/dashboard',
    // The body's plain #MeToo, and the tag links, one of them "#me too" with a space.
    highlights: ['#MeToo', '#metoo', '#me too', '#metoo movement'],
  },
  {
    site: 'Wikipedia-like article (on a Tumblr blog)',
    url: 'https://metoo-history.tumblr.com/post/1/me-too-movement',
    // The title, the bold phrase and tag before a footnote, a translation, the embedded post.
    highlights: ['Me Too movement', 'Me Too movement', '#MeToo', '#MoiAussi', '#MeToo'],
    pageMutations: ['childList DIV +IFRAME -BLOCKQUOTE'],
  },
];

/** The centre of a highlighted range in the document's own tree that is on screen. */
export async function pointOnMention(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('metoo-mention');
    for (const found of highlight ?? []) {
      if (found.startContainer.getRootNode() !== document) continue;
      const range = new Range();
      range.setStart(found.startContainer, found.startOffset);
      range.setEnd(found.endContainer, found.endOffset);
      const box = range.getClientRects()[0];
      if (!box || box.top < 0 || box.bottom > innerHeight) continue;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    throw new Error('no highlighted range on screen');
  });
}
