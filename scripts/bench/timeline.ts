/**
 * A generated timeline for the benchmarks: posts shaped like X, Mastodon, LinkedIn and Reddit render
 * them (nested spans, emoji images, links, split hashtags), seeded so every run reads the same page.
 * Posts are plain data; the page builds them with createElement (timeline-page.js).
 */

export type PostNode =
  string | { tag: string; attrs?: Record<string, string>; children?: PostNode[] };

export interface Timeline {
  posts: PostNode[];
  /** How many family mentions the posts hold, as a reader counts them. */
  mentions: number;
}

/** A small deterministic PRNG (mulberry32), so runs compare like with like. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of and to in is it that for on with as was at by this from be have or an are not but ' +
  'what all were when we there can your which their said if do will each about how up out them then ' +
  'she many some so these would other into has more her two like him see time could no make than ' +
  'first been its who now people my made over did down only way find use may water long little very'
).split(' ');
const OTHER_WORDS = [
  'ça',
  'también',
  'über',
  'дом',
  'время',
  'خبر',
  'ニュース',
  '新闻',
  '뉴스',
  'नमस्ते',
];
const OTHER_TAGS = [
  'News',
  'Monday',
  'tbt',
  'AI',
  'Climate',
  'MeToo2018',
  'MeTooX',
  'Science',
  '日本語',
  'café',
];
const EMOJI = ['✊', '💜', '🙌🏽', '🎉', '👩‍👩‍👧'];
const FAMILY = ['MeToo', 'metoo', 'MeTooMovement', 'MoiAussi', 'YoTambién'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++)
    out.push(rand() < 0.08 ? pick(rand, OTHER_WORDS) : pick(rand, WORDS));
  return out.join(' ');
}

function emoji(rand: () => number): PostNode {
  const alt = pick(rand, EMOJI);
  return { tag: 'img', attrs: { alt, class: 'emoji', src: 'data:,' } };
}

/** One post in one site's shape; `tag` is the family tag it mentions, if any. */
function post(rand: () => number, tag: string | null): PostNode {
  const other = `#${pick(rand, OTHER_TAGS)}`;
  const text = () => sentence(rand, 6 + Math.floor(rand() * 14));
  switch (Math.floor(rand() * 4)) {
    case 0: // X: sibling spans, link for the hashtag, emoji as images
      return {
        tag: 'article',
        attrs: { 'data-testid': 'tweet' },
        children: [
          {
            tag: 'div',
            attrs: { 'data-testid': 'tweetText', dir: 'auto' },
            children: [
              { tag: 'span', children: [`${text()} `] },
              emoji(rand),
              { tag: 'a', attrs: { href: `/hashtag/${other.slice(1)}` }, children: [other] },
              { tag: 'span', children: [` ${text()} https://example.org/a#frag `] },
              ...(tag
                ? [
                    {
                      tag: 'a',
                      attrs: { href: `/hashtag/${tag}?src=hashtag_click` },
                      children: [`#${tag}`],
                    },
                  ]
                : []),
            ],
          },
        ],
      };
    case 1: // Mastodon: '#' and the tag in separate text nodes
      return {
        tag: 'div',
        attrs: { class: 'status' },
        children: [
          {
            tag: 'div',
            attrs: { class: 'status__content__text' },
            children: [
              {
                tag: 'p',
                children: [
                  `${text()} `,
                  ...(tag
                    ? [
                        {
                          tag: 'a',
                          attrs: {
                            class: 'mention hashtag',
                            rel: 'tag',
                            href: `https://mastodon.social/tags/${tag}`,
                          },
                          children: ['#', { tag: 'span', children: [tag] }],
                        },
                      ]
                    : []),
                  ` ${text()} @someone@example.social`,
                ],
              },
            ],
          },
        ],
      };
    case 2: // LinkedIn: visually hidden "hashtag" before the '#'
      return {
        tag: 'div',
        attrs: { class: 'update-components-text' },
        children: [
          {
            tag: 'span',
            attrs: { dir: 'ltr' },
            children: [
              `${text()} `,
              ...(tag
                ? [
                    {
                      tag: 'a',
                      attrs: {
                        href: `https://www.linkedin.com/feed/hashtag/?keywords=${tag.toLowerCase()}`,
                      },
                      children: [
                        { tag: 'span', attrs: { class: 'visually-hidden' }, children: ['hashtag'] },
                        {
                          tag: 'span',
                          children: [
                            { tag: 'span', attrs: { 'aria-hidden': 'true' }, children: ['#'] },
                            tag,
                          ],
                        },
                      ],
                    },
                  ]
                : []),
              ` ${text()} ${other}`,
            ],
          },
        ],
      };
    default: // Reddit: plain text paragraphs
      return {
        tag: 'div',
        attrs: { slot: 'text-body' },
        children: [
          { tag: 'p', children: [`${text()} ${tag ? `#${tag} ` : ''}${text()}`] },
          { tag: 'p', children: [`${text()} ${other}`] },
        ],
      };
  }
}

/**
 * `count` posts, about one in 25 mentioning a family tag (5,000 posts hold about 200); with
 * `mentionFree`, the same shapes with no family tag at all.
 */
export function generateTimeline(count: number, seed = 2017, mentionFree = false): Timeline {
  const rand = random(seed);
  const posts: PostNode[] = [];
  let mentions = 0;
  for (let i = 0; i < count; i++) {
    const drawn = rand() < 0.04 ? pick(rand, FAMILY) : null;
    const tag = mentionFree ? null : drawn;
    if (tag) mentions++;
    posts.push(post(rand, tag));
  }
  return { posts, mentions };
}
