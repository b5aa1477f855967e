import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../page-context';
import { useBackgroundDoor } from '../background-door';
import type { ToBackground } from '../messages';
import { ESCAPE_RELAY_MS, followPageEvents } from './page-events';
import type { PageRuntime } from './page-runtime';

/** The content script's context as the page's events need it: listeners that go with the test. */
function fakeContext(signal: AbortSignal): PageContext {
  return {
    isInvalid: false,
    setInterval: () => 0,
    onLocationChange: () => {},
    addEventListener: (
      target: EventTarget,
      type: string,
      listener: (event: Event) => void,
      options?: AddEventListenerOptions,
    ) => target.addEventListener(type, listener, { ...options, signal }),
  } as unknown as PageContext;
}

/** `frames`: how many frames the page holds, as `window.length` says (happy-dom has no frames). */
function start(frames = 1) {
  Object.defineProperty(window, 'length', { value: frames, configurable: true });
  const stop = new AbortController();
  const told: ToBackground[] = [];
  useBackgroundDoor((message) => {
    told.push(message);
    return Promise.resolve();
  });
  const page = { running: true, reportCount: vi.fn(), keepHighlight: vi.fn() };
  followPageEvents(fakeContext(stop.signal), document, page as unknown as PageRuntime);
  return { told, page, stop: () => stop.abort() };
}

/** An Escape keydown, as the reader's own (trusted) or as the page made it. */
function escape(timeStamp: number, trusted: boolean): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  Object.defineProperty(event, 'timeStamp', { value: timeStamp });
  return event;
}

/** A `pageshow`: `persisted`, the page came back from the back/forward cache. */
function pageshow(persisted: boolean): Event {
  const event = new Event('pageshow');
  Object.defineProperty(event, 'persisted', { value: persisted });
  return event;
}

describe('followPageEvents', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    useBackgroundDoor();
    Reflect.deleteProperty(window, 'length');
  });

  it('relays the reader’s Escape to other frames, at most once in a while, and never the page’s', () => {
    const session = start();
    stop = session.stop;
    document.dispatchEvent(escape(1000, false));
    expect(session.told).toEqual([]);
    document.dispatchEvent(escape(1000, true));
    document.dispatchEvent(escape(1010, true));
    document.dispatchEvent(escape(1000 + ESCAPE_RELAY_MS - 1, true));
    expect(session.told).toEqual([{ type: 'escape' }]);
    document.dispatchEvent(escape(1000 + ESCAPE_RELAY_MS, true));
    expect(session.told).toEqual([{ type: 'escape' }, { type: 'escape' }]);
  });

  it('keeps Escape to itself in a page with no frame, where no other frame shows a card', () => {
    const session = start(0);
    stop = session.stop;
    document.dispatchEvent(escape(1000, true));
    expect(session.told).toEqual([]);
  });

  it('says the count again when the page comes back from the back/forward cache', () => {
    const session = start();
    stop = session.stop;
    window.dispatchEvent(pageshow(false));
    expect(session.page.reportCount).not.toHaveBeenCalled();
    window.dispatchEvent(pageshow(true));
    expect(session.page.reportCount).toHaveBeenCalledOnce();
  });
});
