import { browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { PageContext } from './page-context';

describe('PageContext', () => {
  it('a newer script in the same world retires the older one', () => {
    const world = {};
    const older = new PageContext(world);
    let retired = 0;
    older.onInvalidated(() => (retired += 1));
    const newer = new PageContext(world);
    expect(older.isInvalid).toBe(true);
    expect(retired).toBe(1);
    expect(newer.isInvalid).toBe(false);
  });

  it('what the page can do changes nothing: forged "script started" events, from any sender', () => {
    const ctx = new PageContext({});
    const name = `${browser.runtime.id}:content:wxt:content-script-started`;
    document.dispatchEvent(
      new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }),
    );
    window.postMessage({ type: name, contentScriptName: 'content', messageId: 'forged' }, '*');
    expect(ctx.isInvalid).toBe(false);
  });

  it('listeners and intervals go with the script', () => {
    const ctx = new PageContext({});
    let heard = 0;
    ctx.addEventListener(document, 'keydown', () => (heard += 1));
    document.dispatchEvent(new KeyboardEvent('keydown'));
    ctx.invalidate();
    document.dispatchEvent(new KeyboardEvent('keydown'));
    expect(heard).toBe(1);
  });
});
