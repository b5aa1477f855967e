/** Family hashtags and phrases merged into one list of mentions. */

import { familyHashtags } from './family-hashtags.ts';
import { phraseMentions } from './phrases.ts';

export interface Mention {
  start: number;
  end: number;
  /** Canonical family id, e.g. 'metoo', 'moiaussi'. */
  tag: string;
  kind: 'hashtag' | 'phrase';
}

/**
 * Mentions of the #MeToo family, in order, never overlapping. Core tags are always on;
 * translations default on, related campaigns default off (FAMILY.md).
 */
export function findMentions(
  text: string,
  options: { translations?: boolean; related?: boolean } = {},
): Mention[] {
  const hashtags = familyHashtags(text, options.translations ?? true, options.related ?? false);
  const phrases = phraseMentions(text);
  if (phrases.length === 0) return hashtags;
  // A hashtag wins over a phrase that overlaps it.
  const merged: Mention[] = [];
  let h = 0;
  for (const phrase of phrases) {
    for (let tag = hashtags[h]; tag && tag.start < phrase.start; tag = hashtags[++h]) {
      merged.push(tag);
    }
    const previous = merged.at(-1);
    const next = hashtags[h];
    if ((!previous || previous.end <= phrase.start) && (!next || phrase.end <= next.start)) {
      merged.push(phrase);
    }
  }
  return merged.concat(hashtags.slice(h));
}
