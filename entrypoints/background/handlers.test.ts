import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from './handlers';

describe('load-card', () => {
  beforeEach(() => fakeBrowser.reset());

  it('runs the card’s script in the sender’s document, where the browser names it', async () => {
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([] as never);
    const sender = { tab: { id: 4 } as never, frameId: 2, documentId: 'D0C' };
    await expect(backgroundHandlers['load-card']({ type: 'load-card' }, sender)).resolves.toBe(
      true,
    );
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 4, documentIds: ['D0C'] },
      files: ['/card-ui.js'],
    });
  });

  it('runs it in the sender’s frame where the browser gives no document id', async () => {
    const executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([] as never);
    await backgroundHandlers['load-card'](
      { type: 'load-card' },
      { tab: { id: 4 } as never, frameId: 2 },
    );
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 4, frameIds: [2] },
      files: ['/card-ui.js'],
    });
  });
});
