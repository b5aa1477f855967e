/**
 * Mentions in a text run: the text rules of detect.ts, and the sites' own hashtag links, which count
 * even where the text rules refuse them (LinkedIn's `hashtag#MeToo`, Threads' `Me Too`).
 */
import { findMentions } from '../detect';
import { canonicalTag, familyTag } from '../family';
import { hashtagFromHref } from '../sites';
import { positionAt, type TextRun } from './text-model';

export interface TagOptions {
  translations: boolean;
  related: boolean;
}

export interface RunMention {
  start: number;
  end: number;
  tag: string;
}

/** Whether a canonical tag is a family member that the options let through. */
export function isCountedTag(tag: string, options: TagOptions): boolean {
  const entry = familyTag(tag);
  if (!entry) return false;
  if (entry.group === 'translation') return options.translations;
  if (entry.group === 'related') return options.related;
  return true;
}

/**
 * Where a hashtag link's visible tag stands in its text: from a `#` on, or the whole text; the first
 * whose canonical form `accepts` takes.
 */
function visibleTag(
  text: string,
  accepts: (canonical: string) => boolean,
): { start: number; end: number } | null {
  const trimmedEnd = text.trimEnd().length;
  for (let i = text.search(/[#＃]/); i >= 0 && i < trimmedEnd;) {
    if (accepts(canonicalTag(text.slice(i + 1, trimmedEnd)))) return { start: i, end: trimmedEnd };
    const next = text.slice(i + 1).search(/[#＃]/);
    i = next < 0 ? -1 : i + 1 + next;
  }
  const start = text.length - text.trimStart().length;
  if (start < trimmedEnd && accepts(canonicalTag(text.slice(start, trimmedEnd)))) {
    return { start, end: trimmedEnd };
  }
  return null;
}

const isFamily = (canonical: string) => familyTag(canonical) !== undefined;

/** Answers for the page's host by URL: a timeline links to the same few tag pages again and again. */
let recentHost = '';
const recentTags = new Map<string, string | null>();
const RECENT_LIMIT = 512;

/** The canonical tag a site's hashtag link names (`/hashtag/MeToo` → `metoo`), or null for other links. */
export function linkTag(link: HTMLAnchorElement, host: string): string | null {
  const href = link.href;
  if (host !== recentHost || recentTags.size >= RECENT_LIMIT) {
    recentHost = host;
    recentTags.clear();
  }
  let tag = recentTags.get(href);
  if (tag === undefined) {
    const raw = hashtagFromHref(href, host);
    tag = raw === null ? null : canonicalTag(raw.replace(/^[#＃]/, ''));
    recentTags.set(href, tag);
  }
  return tag;
}

function linkMentions(run: TextRun, options: TagOptions, host: string): RunMention[] {
  const found: RunMention[] = [];
  for (const span of run.links) {
    const text = run.text.slice(span.start, span.end);
    // Most links show no family tag; their URL, dearer to read, is read only for those that may.
    if (!visibleTag(text, isFamily)) continue;
    const tag = linkTag(span.link, host);
    if (tag === null || !isCountedTag(tag, options)) continue;
    const at = visibleTag(text, (canonical) => canonical === tag);
    if (at) found.push({ start: span.start + at.start, end: span.start + at.end, tag });
  }
  return found;
}

/**
 * The run's mentions in order, one per mention: where link and text agree or overlap, the earlier and
 * wider wins. `host` is the page's host name, which decides the site's link shapes.
 */
export function mentionsInRun(run: TextRun, options: TagOptions, host: string): RunMention[] {
  const byText: RunMention[] = findMentions(run.text, options).map(({ start, end, tag }) => ({
    start,
    end,
    tag,
  }));
  if (run.links.length === 0) return byText;
  const all = [...byText, ...linkMentions(run, options, host)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const kept: RunMention[] = [];
  for (const mention of all) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

/** A static range over a run's offsets (as the store keeps them), or null where they do not map to text. */
export function rangeInRun(run: TextRun, start: number, end: number): StaticRange | null {
  const from = positionAt(run, start, false);
  const to = positionAt(run, end, true);
  if (!from || !to) return null;
  return new StaticRange({
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  });
}
