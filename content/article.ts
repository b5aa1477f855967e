/**
 * The bundled article as a typed card model. Every line the card shows is an excerpt of the
 * article (checked verbatim by article.test.ts) or a date marked as inferred with its basis.
 */

/** A passage quoted from the article. `…` joins verbatim pieces; `[…]` marks a word missing in the source. */
export type Excerpt = string;

/** The editorial mark shown where the source lost a word (a hashtag was stripped from Burke's tweet). */
export const MISSING_WORD_MARK = '[…]';
export const MISSING_WORD_NOTE =
  'A word is missing here in the source text, most likely the hashtag; […] marks the gap.';

export interface InferredDate {
  text: string;
  inferred: true;
  basis: string;
}

export interface HistoryEntry {
  label: string;
  /** The article's own words for when, or an inferred date; absent where the article gives none. */
  when?: string | InferredDate;
  excerpt: Excerpt;
}

export interface BurkeQuote {
  /** As shown, with the editorial mark where the source lost a word. */
  text: Excerpt;
  /** Shown on the card; every quote is marked in article.html. */
  onCard: boolean;
  note?: string;
}

export interface ArticleModel {
  headline: string;
  /** What the article is, in one line, with the date it implies. */
  publication: { description: string; date: InferredDate };
  /** One sentence in the article's terms, and the excerpts it rests on. */
  summary: { text: string; basis: Excerpt[] };
  history: HistoryEntry[];
  milanoTweet: Excerpt;
  burke: { name: string; handle: string; occasion: string; quotes: BurkeQuote[] };
  /** Where the text comes from (SOURCE.md): the reader follows the address, the extension never does. */
  source: { publisher: string; headline: string; url: string; date: InferredDate; file: string };
  /** The article's paragraphs, in order, for the reading page. */
  paragraphs: string[];
}

export const ARTICLE_FILE = '000_6f62d751cffbc905.txt';

export const SOURCE_PUBLISHER = 'News & Guts';
export const SOURCE_URL =
  'https://www.newsandguts.com/alyssa-milano-shares-personal-message-metoo-moment/';

const TWEET_DATE: InferredDate = {
  text: '15 October 2017',
  inferred: true,
  basis:
    'The article gives no date; Nicki Swift: “On Sunday, Oct. 15, 2017, Alyssa Milano tweeted…”.',
};

const PUBLISHED_DATE: InferredDate = {
  text: '15 October 2018',
  inferred: true,
  basis:
    'The article gives no date. It says “A year ago today” of Milano’s tweet, and Milano released the video it describes on Monday 15 October 2018 (HuffPost Australia, 15 October 2018: “one year to the day after the actress tweeted ‘me too’”).',
};

/** The story in order, each step in the article's words. */
const HISTORY: ArticleModel['history'] = [
  {
    label: 'Tarana Burke starts the movement',
    when: '10 years earlier',
    excerpt: 'It was a movement that was started 10 years earlier by Tarana Burke',
  },
  {
    label: 'Alyssa Milano’s tweet',
    when: TWEET_DATE,
    excerpt:
      'Alyssa Milano tweeted, “If you’ve been sexually harassed or assaulted write ‘me too’ as a reply to this tweet.” From there #metoo went viral.',
  },
  {
    label: 'The Weinstein accusations',
    excerpt: 'It … found new life after Harvey Weinstein was accused of sexual abuse.',
  },
  {
    label: 'The first anniversary',
    when: PUBLISHED_DATE,
    excerpt: 'Burke is also marking the movement today through a series of tweets',
  },
];

/** Burke's own words, as the article quotes her tweets; the card shows those it marks. */
const BURKE: ArticleModel['burke'] = {
  name: 'Tarana Burke',
  handle: '@TaranaBurke',
  occasion: 'on the anniversary',
  quotes: [
    {
      text: 'And that is when she found out about @MeTooMVMT and reached out to me. She tweeted an apology and posted our website and asked how she could amplify our work.',
      onCard: true,
    },
    {
      text: 'I was definitely in danger of being erased if YOU ALL Black women and our allies and friends, didn’t speak up.',
      onCard: true,
    },
    {
      text: 'I didn’t know that @Alyssa_Milano sent out the first tweet until the following day.',
      onCard: false,
    },
    {
      text: 'I posted a video of me giving a speech about […] from 2014 and that went viral.',
      onCard: false,
      note: MISSING_WORD_NOTE,
    },
    {
      text: 'I watched for hours that first day as more and more stories poured out across social media from survivors.',
      onCard: false,
    },
    {
      text: 'I am not questioning anymore I am just grateful.',
      onCard: false,
    },
  ],
};

/** Builds the card model from the article's text; the text is the one bundled in assets/. */
export function buildArticleModel(articleText: string): ArticleModel {
  const paragraphs = articleText
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const headline = paragraphs[0] ?? '';
  return {
    headline,
    publication: {
      description: 'Published on the first anniversary of Alyssa Milano’s tweet',
      date: PUBLISHED_DATE,
    },
    summary: {
      text: 'Tarana Burke started the movement 10 years earlier than Alyssa Milano’s tweet, which made #metoo go viral.',
      basis: [
        'It was a movement that was started 10 years earlier by Tarana Burke',
        'A year ago today actress and activist Alyssa Milano tweeted',
        'From there #metoo went viral.',
      ],
    },
    history: HISTORY,
    milanoTweet:
      'If you’ve been sexually harassed or assaulted write ‘me too’ as a reply to this tweet.',
    burke: BURKE,
    source: {
      publisher: SOURCE_PUBLISHER,
      headline,
      url: SOURCE_URL,
      date: PUBLISHED_DATE,
      file: ARTICLE_FILE,
    },
    paragraphs,
  };
}

/** A short plain-text citation: who started it, in the article's terms, and where that is said. */
export function citationText(article: ArticleModel): string {
  const { publisher, headline, url, date } = article.source;
  return `${article.summary.text}\nSource: ${publisher}, “${headline}”, ${date.text} (date inferred), ${url}`;
}

/**
 * The verbatim pieces of an excerpt: split at the ellipsis that joins pieces and at the mark for the
 * missing word (where the source has two spaces).
 */
export function excerptPieces(excerpt: Excerpt): string[] {
  return excerpt
    .split(MISSING_WORD_MARK)
    .join('\u0000')
    .split('…')
    .flatMap((piece) => piece.split('\u0000'))
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
}

/** A pattern that finds a piece in the article, any run of white space (the source has no-break spaces) matching any other. */
function piecePattern(piece: string): RegExp {
  const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(escaped, 'g');
}

/** Where each verbatim piece of an excerpt stands in the text, in order, or null if one is missing. */
export function locateExcerpt(
  articleText: string,
  excerpt: Excerpt,
): { start: number; end: number }[] | null {
  const found: { start: number; end: number }[] = [];
  let from = 0;
  for (const piece of excerptPieces(excerpt)) {
    const pattern = piecePattern(piece);
    pattern.lastIndex = from;
    const match = pattern.exec(articleText);
    if (!match) return null;
    found.push({ start: match.index, end: match.index + match[0].length });
    from = match.index + match[0].length;
  }
  return found;
}
