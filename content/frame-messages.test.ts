import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askTopFrame, tellFrame } from './frame-messages';

const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');

/** A tab whose frames answer as given: by frame id, or `tab` for a message to every frame. */
function frames(answers: { top?: unknown; tab?: unknown }) {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((
    _tabId: number,
    _message: unknown,
    options?: { frameId?: number },
  ) => {
    const answer = options?.frameId === 0 ? answers.top : answers.tab;
    return answer === undefined ? Promise.reject(NO_RECEIVER) : Promise.resolve(answer);
  }) as never);
}

describe('tellFrame', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells the top frame alone when the extension runs there', async () => {
    const send = frames({ top: true, tab: true });
    await tellFrame(7, { type: 'open-nearest' });
    expect(send.mock.calls).toEqual([[7, { type: 'open-nearest' }, { frameId: 0 }]]);
  });

  it('tells every frame when the top frame has no script (a news page with an embedded post)', async () => {
    const send = frames({ tab: true });
    await tellFrame(7, { type: 'open-nearest' });
    expect(send.mock.calls).toEqual([
      [7, { type: 'open-nearest' }, { frameId: 0 }],
      [7, { type: 'open-nearest' }],
    ]);
  });

  it('tells the frame it is given, and no other', async () => {
    const send = frames({ tab: true });
    await tellFrame(7, { type: 'open-selection' }, 3);
    expect(send.mock.calls).toEqual([[7, { type: 'open-selection' }, { frameId: 3 }]]);
  });

  it('stays quiet when no frame has a script', async () => {
    frames({});
    await expect(tellFrame(7, { type: 'open-nearest' })).resolves.toBeUndefined();
  });
});

describe('askTopFrame', () => {
  beforeEach(() => fakeBrowser.reset());
  const list = (frame: string) => ({ frame, running: true, mentions: [] });

  it('takes the top frame’s answer, even when another frame would answer first', async () => {
    frames({ top: list('top'), tab: list('embed') });
    expect(await askTopFrame(7, { type: 'list-mentions' })).toEqual(list('top'));
  });

  it('falls back to the frames when the top frame has no script', async () => {
    frames({ tab: list('embed') });
    expect(await askTopFrame(7, { type: 'list-mentions' })).toEqual(list('embed'));
  });

  it('gives null when none answers, or the answer is malformed', async () => {
    frames({});
    expect(await askTopFrame(7, { type: 'list-mentions' })).toBeNull();
    frames({ top: 42, tab: list('embed') });
    expect(await askTopFrame(7, { type: 'list-mentions' })).toBeNull();
  });
});
