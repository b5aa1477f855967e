import { describe, expect, it } from 'vitest';
import { parsePageSigns, readPageSigns, recogniseServer, type PageSigns } from './fediverse';

const none: PageSigns = { generator: '', applicationName: '', mastodonRoot: false, noscript: '' };

describe('recogniseServer', () => {
  it('names the software a page declares', () => {
    expect(recogniseServer({ ...none, applicationName: 'Misskey' })).toBe('misskey');
    expect(recogniseServer({ ...none, generator: "Friendica 'Yellow Archangel' 2024.03" })).toBe(
      'friendica',
    );
    expect(recogniseServer({ ...none, generator: 'pixelfed' })).toBe('pixelfed');
    expect(recogniseServer({ ...none, noscript: 'To use Akkoma, please enable JavaScript.' })).toBe(
      'akkoma',
    );
    expect(
      recogniseServer({ ...none, noscript: 'To use Pleroma, please enable JavaScript.' }),
    ).toBe('pleroma');
  });

  it('takes a page that mounts Mastodon’s web app for a Mastodon server', () => {
    expect(recogniseServer({ ...none, mastodonRoot: true })).toBe('mastodon');
  });

  it('names nothing on an ordinary page', () => {
    expect(recogniseServer(none)).toBeNull();
    expect(
      recogniseServer({ ...none, generator: 'WordPress 6.7', noscript: 'Enable JS' }),
    ).toBeNull();
  });
});

describe('readPageSigns', () => {
  it('reads a Mastodon page’s markup and nothing else', () => {
    document.head.replaceChildren();
    const meta = document.createElement('meta');
    meta.name = 'application-name';
    meta.content = 'Mastodon';
    document.head.append(meta);
    document.body.className = 'app-body theme-default';
    const root = document.createElement('div');
    root.id = 'mastodon';
    document.body.replaceChildren(root);
    const signs = readPageSigns();
    expect(signs).toEqual({
      generator: '',
      applicationName: 'Mastodon',
      mastodonRoot: true,
      noscript: '',
    });
    expect(recogniseServer(signs)).toBe('mastodon');
  });
});

describe('parsePageSigns', () => {
  it('accepts well-formed signs and refuses anything else', () => {
    expect(parsePageSigns({ ...none, mastodonRoot: true })).toEqual({
      ...none,
      mastodonRoot: true,
    });
    expect(parsePageSigns({ ...none, mastodonRoot: 'yes' })).toBeNull();
    expect(parsePageSigns(null)).toBeNull();
    expect(parsePageSigns('mastodon')).toBeNull();
  });
});
