import { describe, expect, it } from 'vitest';
import { parseMentionList, parseMessage } from './messages';

describe('parseMessage', () => {
  it.each([
    [{ type: 'open-article' }],
    [{ type: 'open-settings' }],
    [{ type: 'list-mentions' }],
    [{ type: 'open-nearest' }],
    [{ type: 'open-selection' }],
    [{ type: 'escape' }],
    [{ type: 'dismiss-card' }],
    [{ type: 'mention-count', count: 3 }],
    [{ type: 'reveal-mention', index: 0, frame: 'k3x9q' }],
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
    [{ type: 'reveal-mention', index: 0 }],
    [{ type: 'reveal-mention', index: 0, frame: 7 }],
    [{ type: 'reveal-mention', index: 0, frame: '<b>' }],
    [{ type: 'reveal-mention', index: 0, frame: 'a'.repeat(33) }],
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
  it('accepts a frame’s list of summaries', () => {
    const mentions = [{ before: 'a ', text: '#MeToo', after: ' b', tag: 'metoo' }];
    const list = { frame: 'k3x9q', running: true, mentions };
    expect(parseMentionList(list)).toEqual(list);
  });

  it('refuses anything malformed', () => {
    const mentions = [{ before: 'a ', text: '#MeToo', after: ' b', tag: 'metoo' }];
    expect(parseMentionList('x')).toBeNull();
    expect(parseMentionList(mentions)).toBeNull();
    expect(parseMentionList({ frame: '', running: true, mentions })).toBeNull();
    expect(parseMentionList({ frame: 'k3x9q', mentions })).toBeNull();
    expect(parseMentionList({ frame: 'k3x9q', running: 'yes', mentions })).toBeNull();
    expect(parseMentionList({ frame: 'k3x9q', running: true, mentions: 'x' })).toBeNull();
    const bad = [{ before: 1, text: '', after: '', tag: '' }];
    expect(parseMentionList({ frame: 'k3x9q', running: true, mentions: bad })).toBeNull();
  });
});
