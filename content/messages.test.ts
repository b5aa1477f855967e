import { describe, expect, it } from 'vitest';
import { parseMentionList, parseMessage } from './messages';

describe('parseMessage', () => {
  it.each([
    [{ type: 'open-article' }],
    [{ type: 'open-settings' }],
    [{ type: 'list-mentions' }],
    [{ type: 'open-nearest' }],
    [{ type: 'open-selection' }],
    [{ type: 'mention-count', count: 3 }],
    [{ type: 'reveal-mention', index: 0 }],
  ])('accepts %j', (message) => {
    expect(parseMessage(message)).toEqual(message);
  });

  it.each([
    [null],
    ['open-article'],
    [{}],
    [{ type: 'open-everything' }],
    [{ type: 'mention-count', count: -1 }],
    [{ type: 'mention-count', count: '3' }],
    [{ type: 'mention-count', count: 1.5 }],
    [{ type: 'reveal-mention' }],
    [{ type: 42 }],
  ])('refuses %j', (message) => {
    expect(parseMessage(message)).toBeNull();
  });

  it('drops fields it does not know', () => {
    expect(parseMessage({ type: 'open-article', url: 'https://example.org' })).toEqual({
      type: 'open-article',
    });
  });
});

describe('parseMentionList', () => {
  it('accepts a list of summaries', () => {
    const list = [{ before: 'a ', text: '#MeToo', after: ' b', tag: 'metoo' }];
    expect(parseMentionList(list)).toEqual(list);
  });

  it('refuses anything malformed', () => {
    expect(parseMentionList('x')).toBeNull();
    expect(parseMentionList([{ before: 1, text: '', after: '', tag: '' }])).toBeNull();
  });
});
