import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_FILE,
  MISSING_WORD_MARK,
  buildArticleModel,
  citationText,
  excerptPieces,
  locateExcerpt,
} from './article';

const articleText = readFileSync(join(process.cwd(), 'assets', ARTICLE_FILE), 'utf8');
const model = buildArticleModel(articleText);

function quotesOf(): string[] {
  return [
    ...model.summary.basis,
    ...model.history.map((entry) => entry.excerpt),
    model.milanoTweet,
    ...model.burke.quotes.map((quote) => quote.text),
  ];
}

describe('the bundled article', () => {
  it('is the seed article, verbatim', () => {
    // The SHA-256 of the seed, from the project's source notes: a clone with nothing beside it can check it.
    const bytes = readFileSync(join(process.cwd(), 'assets', ARTICLE_FILE));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      'ca7a8f3cc7b850b900d16c3dc07c282aa978da95b549e3727c086812278d5b25',
    );
  });
});

describe('buildArticleModel', () => {
  it('takes the headline from the first line', () => {
    expect(model.headline).toBe('Alyssa Milano Shares A Personal Message About The #MeToo Moment');
    expect(model.source.headline).toBe(model.headline);
  });

  it.each(quotesOf())('quotes verbatim: %s', (quote) => {
    expect(locateExcerpt(articleText, quote)).not.toBeNull();
  });

  it('keeps the history in the order the story happened', () => {
    expect(model.history.map((entry) => entry.label)).toEqual([
      'Tarana Burke starts the movement',
      'Alyssa Milano’s tweet',
      'The Weinstein accusations',
      'The first anniversary',
    ]);
  });

  it('quotes Milano’s tweet as the article does', () => {
    expect(articleText).toContain(`tweeted,\u00a0“${model.milanoTweet}”`);
  });

  it('marks every inferred date as inferred, with its basis', () => {
    const dates = [model.publication.date, ...model.history.map((entry) => entry.when)];
    for (const when of dates) {
      if (when === undefined || typeof when === 'string') {
        if (typeof when === 'string') expect(articleText).toContain(when);
        continue;
      }
      expect(when.inferred).toBe(true);
      expect(when.basis.length).toBeGreaterThan(10);
    }
    expect(model.publication.date.text).toBe('15 October 2018');
  });

  it('shows the missing word with the editorial mark, and says so', () => {
    const quote = model.burke.quotes.find((q) => q.text.includes(MISSING_WORD_MARK));
    // The article page shows it, gap marked; the card leads with the attribution instead.
    expect(quote?.onCard).toBe(false);
    expect(quote?.note).toMatch(/missing/);
    // The source has two spaces where the word stood: the mark replaces exactly that gap.
    expect(articleText).toContain('a speech about \u00a0from 2014');
    const [before, after] = excerptPieces(quote?.text ?? '');
    expect(articleText).toContain(`${before} \u00a0${after}`);
  });

  it('names the source as SOURCE.md does, with the date inferred', () => {
    expect(model.source).toMatchObject({
      publisher: 'News & Guts',
      url: 'https://www.newsandguts.com/alyssa-milano-shares-personal-message-metoo-moment/',
      date: { text: '15 October 2018', inferred: true },
    });
    expect(model.source.date.basis).toMatch(/HuffPost Australia/);
    const tweet = model.history[1]?.when;
    expect(typeof tweet === 'object' ? tweet.basis : '').toMatch(/Nicki Swift/);
    expect(JSON.stringify(model)).not.toMatch(/TheWrap|Vice/);
  });

  it('cites who started it in the article’s terms, and the source with its address', () => {
    const citation = citationText(model);
    expect(citation).toContain('Tarana Burke started the movement');
    expect(citation).toContain(
      'News & Guts, “Alyssa Milano Shares A Personal Message About The #MeToo Moment”, 15 October 2018 (date inferred), https://www.newsandguts.com/alyssa-milano-shares-personal-message-metoo-moment/',
    );
    for (const piece of model.summary.basis)
      expect(locateExcerpt(articleText, piece)).not.toBeNull();
  });

  it('leads the card with Burke’s words on how she was credited', () => {
    const onCard = model.burke.quotes.filter((q) => q.onCard).map((q) => q.text);
    expect(onCard.join(' ')).toMatch(/found out about @MeTooMVMT and reached out to me/);
    expect(onCard.join(' ')).toMatch(/in danger of being erased/);
  });

  it('attributes Burke’s words to her by name and handle', () => {
    expect(model.burke.name).toBe('Tarana Burke');
    expect(model.burke.handle).toBe('@TaranaBurke');
    expect(model.burke.quotes.filter((q) => q.onCard)).toHaveLength(2);
  });

  it('keeps every paragraph of the article', () => {
    expect(model.paragraphs.join('\n\n')).toBe(articleText.trim().replace(/\n\s*\n/g, '\n\n'));
    expect(model.paragraphs).toHaveLength(9);
  });
});

describe('locateExcerpt', () => {
  it('refuses text the article does not hold', () => {
    expect(locateExcerpt(articleText, 'Tarana Burke founded the movement in 2006.')).toBeNull();
  });

  it('requires the pieces in order', () => {
    expect(
      locateExcerpt(articleText, 'From there #metoo went viral. … A year ago today'),
    ).toBeNull();
  });
});
