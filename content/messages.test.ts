import { describe, expect, it } from 'vitest';
import { FRAME_REPLY, parseMentionList, parseToBackground, parseToFrames } from './messages';

const TO_BACKGROUND: [unknown][] = [
  [{ type: 'open-article' }],
  [{ type: 'open-settings' }],
  [{ type: 'load-card' }],
  [{ type: 'escape' }],
  [{ type: 'mention-count', count: 3 }],
];

const TO_FRAMES: [unknown][] = [
  [{ type: 'ping' }],
  [{ type: 'list-mentions' }],
  [{ type: 'open-nearest' }],
  [{ type: 'open-selection' }],
  [{ type: 'dismiss-card' }],
  [{ type: 'reveal-mention', index: 0, frame: 'k3x9q' }],
];

const MALFORMED: [unknown][] = [
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
];

describe('parseToBackground', () => {
  it.each(TO_BACKGROUND)('accepts %j', (message) => {
    expect(parseToBackground(message)).toEqual(message);
  });

  it.each([...MALFORMED, ...TO_FRAMES])('refuses %j', (message) => {
    expect(parseToBackground(message)).toBeNull();
  });

  it('drops fields it does not know', () => {
    expect(parseToBackground({ type: 'open-article', url: 'https://example.org' })).toEqual({
      type: 'open-article',
    });
  });
});

describe('parseToFrames', () => {
  it.each(TO_FRAMES)('accepts %j', (message) => {
    expect(parseToFrames(message)).toEqual(message);
  });

  it.each([...MALFORMED, ...TO_BACKGROUND])('refuses %j', (message) => {
    expect(parseToFrames(message)).toBeNull();
  });

  it('drops fields it does not know', () => {
    expect(parseToFrames({ type: 'open-nearest', url: 'https://example.org' })).toEqual({
      type: 'open-nearest',
    });
  });
});

describe('FRAME_REPLY', () => {
  it('takes only `true` as the answer to a ping', () => {
    expect(FRAME_REPLY.ping(true)).toBe(true);
    expect(FRAME_REPLY.ping('true')).toBeNull();
    expect(FRAME_REPLY.ping(undefined)).toBeNull();
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
