/**
 * Text → mentions of the #MeToo family: the stable entry (../shared's contract names it), pure, so
 * that plain Node can import it. The twitter-text port lives in detect/characters.ts, urls.ts and
 * hashtags.ts; the family and phrase rules in detect/family-hashtags.ts and phrases.ts.
 *
 * Hashtags follow twitter-text's rules (../third_party/twitter-text/extract.yml is the reference):
 * letters, marks, decimal digits and a few joiners; at least one letter or mark; not after a letter,
 * digit or '&'; not followed by another hash sign or '://'; dropped where they overlap a URL.
 * Neither a hashtag nor a URL ever contains whitespace, so each whitespace-delimited run of text
 * can be judged on its own: `findMentions` only judges the runs where a family tag may start.
 */
export { extractHashtags, type Hashtag } from './detect/hashtags.ts';
export { findMentions, type Mention } from './detect/find-mentions.ts';
