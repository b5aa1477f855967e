/**
 * Benchmark of content/detect.ts's findMentions on generated social text (1 MB and 10 MB of UTF-8),
 * against the floor (one pass of /[#＃]/g) and npm twitter-text's extractHashtagsWithIndices plus
 * the same family filter. Run: node scripts/bench-detect.ts. Writes bench-results.json → detect.
 */

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findMentions } from '../content/detect.ts';
import { familyTag } from '../content/family.ts';
import { batchesUntilSettled, fmt, spread, withSpread } from './bench/stats.ts';
import { meets } from './bench/table.ts';

interface TwitterHashtag {
  hashtag: string;
  indices: [number, number];
}
interface TwitterText {
  extractHashtagsWithIndices(text: string): TwitterHashtag[];
}

const twitterText = createRequire(import.meta.url)('twitter-text') as TwitterText;
const MB = 1_000_000;
/** Rounds per sample for the fast measures; all of them alternate so that noise hits each alike. */
const ROUNDS = 9;
/** Samples per batch, and batches at most while a figure straddles its target. */
const SAMPLES = 7;
const MAX_BATCHES = 3;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Common words of each language, space-separated (Chinese and Japanese words are written apart). */
const WORDS: readonly (readonly string[])[] = [
  'the a and of to in is it that for on with this was you are not be at have from they we but ' +
    'what so just about today people really think know time new love great day',
  "le la les des une est pas pour que qui dans sur avec c'est très aujourd'hui merci tout bien " +
    'être femmes voix',
  'el la los las una que por para con muy pero como más hoy gracias todo mujeres también está años',
  'o a os as um uma que não para com muito mas como hoje obrigado tudo mulheres também está',
  'и в не на что это как все по но так уже сегодня спасибо женщины очень',
  'في من على أن هذا كل مع عن اليوم شكرا النساء جدا لكن',
  'है के में की और से को यह एक भी आज धन्यवाद महिलाएं',
  '今日は とても 良い 天気 ですね ありがとう 女性 の声 を聞いて 。',
  '今天 我们 一起 支持 女性 谢谢 大家 的 声音 。',
  '오늘은 정말 좋은 날 감사합니다 여성 목소리 함께',
].map((words) => words.split(' '));

const OTHER_TAGS = [
  '#tbt',
  '#news',
  '#love',
  '#photography',
  '#Mondaymotivation',
  '#COVID19',
  '#climatechange',
  '#music',
  '#MeTooo',
  '#metoo2018',
  '#cafécrème',
  '#Política',
  '#女性',
  '#日本語',
  '#여성',
  '#новости',
  '#الحرية',
  '#भारत',
  '#tech_news',
  '#2024',
  '#bts',
  '#ChampionsLeague',
  '#MeTime',
  '#Metro',
  '#equality',
  '#YouToo',
  '#art',
  '#travel',
];
const FAMILY_TAGS = [
  '#MeToo',
  '#metoo',
  '#METOO',
  '#MoiAussi',
  '#YoTambién',
  '#米兔',
  '#미투',
  '#MeTooIndia',
  '#BalanceTonPorc',
];
const EMOJI = ['✊', '❤️', '😀', '🙏🏽', '👩‍👩‍👧', '🔥', '✌️', '🎉', '💜', '🇫🇷'];
const URLS = [
  'https://example.com/news/2018/10/15/story.html',
  'https://t.co/AbC123xyz',
  'http://twitter.com/#!/user/status/123',
  'example.org/page#section-2',
  'https://www.lemonde.fr/article?id=42&ref=tw#comments',
  'youtu.be/dQw4w9WgXcQ',
  'https://ja.wikipedia.org/wiki/%E6%97%A5%E6%9C%AC#概要',
];
const HANDLES = ['@TaranaBurke', '@Alyssa_Milano', '@nytimes', '@user123', '@BBCWorld'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** One post: words of one language, with hashtags, emoji, URLs, handles and rare family tags. */
function post(random: () => number): string {
  const words = pick(random, WORDS);
  const parts: string[] = [];
  const length = 8 + Math.floor(random() * 40);
  for (let i = 0; i < length; i++) {
    const roll = random();
    if (roll < 0.06) parts.push(pick(random, OTHER_TAGS));
    else if (roll < 0.08) parts.push(pick(random, EMOJI));
    else if (roll < 0.09) parts.push(pick(random, URLS));
    else if (roll < 0.1) parts.push(pick(random, HANDLES));
    else if (roll < 0.102) parts.push(pick(random, FAMILY_TAGS));
    else if (roll < 0.1025) parts.push('the Me Too movement');
    else parts.push(pick(random, words));
  }
  return parts.join(random() < 0.9 ? ' ' : '\u00a0');
}

function socialText(bytes: number, seed: number): string {
  const random = prng(seed);
  const posts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const next = post(random);
    posts.push(next);
    size += Buffer.byteLength(next) + 2;
  }
  return posts.join('\n\n');
}

function elapsed(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Wall times in ms of each function, called in alternation, after one warm-up call each. */
function timeAlternating(fns: readonly (() => unknown)[], rounds: number): number[][] {
  for (const fn of fns) fn();
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, i) => samples[i]?.push(elapsed(fn)));
  }
  return samples;
}

let sink = 0;

function floorPass(text: string): number {
  const signs = /[#＃]/g;
  let count = 0;
  while (signs.test(text)) count++;
  return count;
}

function twitterTextMentions(text: string): number {
  let count = 0;
  for (const { hashtag } of twitterText.extractHashtagsWithIndices(text)) {
    const tag = familyTag(hashtag.normalize('NFKC').toLowerCase());
    if (tag && tag.group !== 'related') count++;
  }
  return count;
}

interface Row {
  /** Size of the text in UTF-8, in MB (10^6 bytes). */
  megabytes: number;
  /** One time per round, the rounds alternating all the fast measures. */
  oursMs: number[];
  floorMs: number[];
  twitterMs: number[];
  /** Family hashtags found by findMentions (defaults) and by twitter-text plus the filter. */
  ourHashtags: number;
  twitterHashtags: number;
  phrases: number;
}

/** Times ours and the floor on both texts in one alternation, then twitter-text on each. */
function measure(texts: readonly string[], rounds: number, twitterRuns: number): Row[] {
  const fast = timeAlternating(
    texts.flatMap((text) => [
      () => (sink += findMentions(text).length),
      () => (sink += floorPass(text)),
    ]),
    rounds,
  );
  return texts.map((text, i) => {
    const mentions = findMentions(text);
    return {
      megabytes: Buffer.byteLength(text) / MB,
      oursMs: fast[2 * i] ?? [],
      floorMs: fast[2 * i + 1] ?? [],
      twitterMs: timeAlternating([() => (sink += twitterTextMentions(text))], twitterRuns)[0] ?? [],
      ourHashtags: mentions.filter((m) => m.kind === 'hashtag').length,
      twitterHashtags: twitterTextMentions(text),
      phrases: mentions.filter((m) => m.kind === 'phrase').length,
    };
  });
}

// Warm the JIT on a small text first so that the 1 MB figures are not compile time.
const warm = socialText(MB / 4, 1);
for (let i = 0; i < 5; i++) sink += findMentions(warm).length + floorPass(warm);

const texts = [socialText(MB, 2017_10_15), socialText(10 * MB, 2017_10_15)];
const megabytes = texts.map((text) => Buffer.byteLength(text) / MB);
const mid = (values: number[]) => spread(values).median;

interface Sample {
  mbPerS: number;
  floorRatio: number;
  twitterTextRatio: number;
  growth10x: number;
}

/**
 * One sample: ROUNDS alternating rounds of ours and the floor on both texts, and one twitter-text
 * run on each; each figure from the medians of those rounds. A single 10 ms round is at the mercy of
 * a collection or the scheduler; nine together are not.
 */
function sample(): { figures: Sample; rows: Row[] } {
  const rows = measure(texts, ROUNDS, 1);
  const [small, large] = rows;
  if (!small || !large) throw new Error('nothing measured');
  const ours = mid(large.oursMs);
  return {
    figures: {
      mbPerS: (megabytes[1] ?? 0) / (ours / 1000),
      floorRatio: ours / mid(large.floorMs),
      twitterTextRatio: mid(large.twitterMs) / ours,
      growth10x: ours / mid(small.oursMs),
    },
    rows,
  };
}

const samples: Sample[] = [];
let last: Row[] = [];
const spreadOf = (name: keyof Sample) => spread(samples.map((s) => s[name]));
const sampled = (name: keyof Sample) => ({
  spread: () => spreadOf(name),
  meets: meets(`detect.${name}`),
});
// Batches of samples until every figure's middle half is on one side of its target, or 3 batches.
await batchesUntilSettled(
  () => {
    for (let i = 0; i < SAMPLES; i++) {
      const taken = sample();
      samples.push(taken.figures);
      last = taken.rows;
    }
  },
  {
    'detect.floorRatio': sampled('floorRatio'),
    'detect.twitterTextRatio': sampled('twitterTextRatio'),
    'detect.growth10x': sampled('growth10x'),
  },
  MAX_BATCHES,
);

const detect = {
  ...withSpread('mbPerS', spreadOf('mbPerS'), 1),
  ...withSpread('floorRatio', spreadOf('floorRatio')),
  ...withSpread('twitterTextRatio', spreadOf('twitterTextRatio'), 1),
  ...withSpread('growth10x', spreadOf('growth10x')),
};

console.table(
  last.map((row) => {
    const ours = mid(row.oursMs);
    const floor = mid(row.floorMs);
    const twitter = mid(row.twitterMs);
    return {
      'text MB': row.megabytes.toFixed(2),
      'findMentions ms': ours.toFixed(1),
      'MB/s': ((row.megabytes / ours) * 1000).toFixed(0),
      'floor /[#＃]/g ms': floor.toFixed(1),
      'ours / floor': (ours / floor).toFixed(2),
      'twitter-text ms': twitter.toFixed(0),
      'twitter-text / ours': (twitter / ours).toFixed(1),
      'family hashtags (ours / tt)': `${row.ourHashtags} / ${row.twitterHashtags}`,
      phrases: row.phrases,
    };
  }),
);
console.log(
  'detect:',
  (['mbPerS', 'floorRatio', 'twitterTextRatio', 'growth10x'] as const)
    .map((name) => `${name} ${fmt(spreadOf(name))}`)
    .join(', '),
  sink > 0 ? '' : '(no work?)',
);

const resultsFile = new URL('../bench-results.json', import.meta.url);
const results: Record<string, unknown> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>)
  : {};
results.detect = detect;
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
