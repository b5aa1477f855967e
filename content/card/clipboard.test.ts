import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

type PolicyDoc = Document & { featurePolicy?: { allowsFeature(feature: string): boolean } };

afterEach(() => {
  vi.restoreAllMocks();
  delete (document as PolicyDoc).featurePolicy;
});

function clipboardWith(writeText: (text: string) => Promise<void>) {
  vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
}

describe('copyText', () => {
  it('copies the text', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    clipboardWith(writeText);
    expect(await copyText(document, 'citation')).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('citation');
  });

  it('says the page forbids it where its permissions policy does, without trying', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    clipboardWith(writeText);
    (document as PolicyDoc).featurePolicy = { allowsFeature: (f) => f !== 'clipboard-write' };
    expect(await copyText(document, 'citation')).toBe('forbidden');
    expect(writeText).not.toHaveBeenCalled();
  });

  it('takes a refusal as the policy’s answer, and any other error as a failure', async () => {
    clipboardWith(() => Promise.reject(new DOMException('no', 'NotAllowedError')));
    expect(await copyText(document, 'citation')).toBe('forbidden');
    clipboardWith(() => Promise.reject(new Error('broken')));
    expect(await copyText(document, 'citation')).toBe('failed');
  });
});
