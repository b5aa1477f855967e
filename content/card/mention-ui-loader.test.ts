import { describe, expect, it, vi } from 'vitest';
import type { CardModule, MentionChoice, MentionUi } from './card-module';
import { MentionUiLoader, RETRY_FIRST_MS, RETRY_MAX_MS } from './mention-ui-loader';

/** A stand-in layer that records what the loader hands it. */
function fakeLayer() {
  const seen = {
    listened: [] as AbortSignal[],
    replayed: [] as string[],
    opened: [] as MentionChoice[],
    closed: 0,
    dismissed: 0,
  };
  const layer: MentionUi = {
    listen: (signal) => void seen.listened.push(signal),
    replay: (events) => void seen.replayed.push(...events.map((event) => event.type)),
    open: (choice) => void seen.opened.push(choice),
    close: () => void (seen.closed += 1),
    dismiss: () => void (seen.dismissed += 1),
    list: () => Promise.resolve({ mentions: [], total: 0 }),
  };
  const module: CardModule = { createMentionUi: () => layer };
  return { ui: seen, layer, module };
}

/** A load the test finishes when it wants: the card script on its way from the background. */
function deferredLoad(module: CardModule | undefined) {
  let finish: () => void = () => {};
  const load = vi.fn(
    () =>
      new Promise<CardModule | undefined>((resolve) => {
        finish = () => resolve(module);
      }),
  );
  return { load, finish: () => finish() };
}

/** An event as the browser makes it for the user's own input (happy-dom has no isTrusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A loader listening on the page, its layer on the way: `finish` brings it. */
function layerOnItsWay() {
  const { ui, module } = fakeLayer();
  const { load, finish } = deferredLoad(module);
  const loader = new MentionUiLoader(document, load, (m) =>
    m.createMentionUi({} as never, {} as never),
  );
  loader.listen(new AbortController().signal);
  return { ui, finish, loading: loader.ensure() };
}

const move = () => document.dispatchEvent(trusted(new PointerEvent('pointermove', { clientX: 5 })));

describe('MentionUiLoader', () => {
  it('loads nothing until asked: a page without mentions never gets the layer', () => {
    const { module } = fakeLayer();
    const { load } = deferredLoad(module);
    const loader = new MentionUiLoader(document, load, (m) =>
      m.createMentionUi({} as never, {} as never),
    );
    loader.listen(new AbortController().signal);
    move();
    loader.close();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once, and hands the layer the signal and what the pointer did while it loaded', async () => {
    const { ui, layer, module } = fakeLayer();
    const { load, finish } = deferredLoad(module);
    const loader = new MentionUiLoader(document, load, (m) =>
      m.createMentionUi({} as never, {} as never),
    );
    const listening = new AbortController();
    loader.listen(listening.signal);
    move(); // before the page had a mention: not the layer's business
    const first = loader.ensure();
    const second = loader.ensure();
    move();
    document.dispatchEvent(trusted(new FocusEvent('focusin')));
    move();
    finish();
    expect(await first).toBe(layer);
    expect(await second).toBe(layer);
    expect(load).toHaveBeenCalledTimes(1);
    expect(ui.listened).toEqual([listening.signal]);
    // The last of each kind, in the order they happened.
    expect(ui.replayed).toEqual(['focusin', 'pointermove']);
    move();
    expect(ui.replayed).toHaveLength(2);
  });

  it('hands the layer a tap or a press that came while it loaded', async () => {
    const { ui, finish, loading } = layerOnItsWay();
    document.dispatchEvent(trusted(new PointerEvent('pointerdown', { pointerType: 'touch' })));
    finish();
    await loading;
    expect(ui.replayed).toEqual(['pointerdown']);
  });

  it('does not hand over what the page synthesised while the layer loaded', async () => {
    const { ui, finish, loading } = layerOnItsWay();
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 5 }));
    document.dispatchEvent(new FocusEvent('focusin'));
    finish();
    await loading;
    expect(ui.replayed).toEqual([]);
  });

  it('does not hand over what the pointer did before the page had a mention', async () => {
    const { ui, module } = fakeLayer();
    const { load, finish } = deferredLoad(module);
    const loader = new MentionUiLoader(document, load, (m) =>
      m.createMentionUi({} as never, {} as never),
    );
    loader.listen(new AbortController().signal);
    move();
    const loading = loader.ensure();
    finish();
    await loading;
    expect(ui.replayed).toEqual([]);
  });

  it('does not wake a layer for a page let go while it loaded, and listens again when taken back', async () => {
    const { ui, module } = fakeLayer();
    const { load, finish } = deferredLoad(module);
    const loader = new MentionUiLoader(document, load, (m) =>
      m.createMentionUi({} as never, {} as never),
    );
    const first = new AbortController();
    loader.listen(first.signal);
    const loading = loader.ensure();
    move();
    first.abort();
    finish();
    await loading;
    expect(ui.listened).toEqual([]);
    expect(ui.replayed).toEqual([]);
    const second = new AbortController();
    loader.listen(second.signal);
    expect(ui.listened).toEqual([second.signal]);
  });

  it('opens through the layer, loading it first; tries again after a failed load', async () => {
    const { ui, module } = fakeLayer();
    const load = vi
      .fn<() => Promise<CardModule | undefined>>()
      .mockRejectedValueOnce(new Error('no background'))
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue(module);
    const loader = new MentionUiLoader(document, load, (m) =>
      m.createMentionUi({} as never, {} as never),
    );
    loader.listen(new AbortController().signal);
    vi.useFakeTimers();
    expect(await loader.ensure()).toBeNull();
    vi.advanceTimersByTime(RETRY_FIRST_MS);
    expect(await loader.ensure()).toBeNull();
    await loader.open({ kind: 'nearest' });
    vi.useRealTimers();
    expect(ui.opened).toEqual([{ kind: 'nearest' }]);
    loader.close();
    expect(ui.closed).toBe(1);
    loader.dismiss();
    expect(ui.dismissed).toBe(1);
  });

  it('dismisses nothing, and loads nothing, before the layer is there', () => {
    const { ui, module } = fakeLayer();
    const { load } = deferredLoad(module);
    const loader = new MentionUiLoader(document, load, (m) =>
      m.createMentionUi({} as never, {} as never),
    );
    loader.listen(new AbortController().signal);
    loader.dismiss();
    expect(load).not.toHaveBeenCalled();
    expect(ui.dismissed).toBe(0);
  });

  it('waits longer after each failed load before it tries again, up to a minute', async () => {
    const load = vi
      .fn<() => Promise<CardModule | undefined>>()
      .mockRejectedValue(new Error('no background'));
    const loader = new MentionUiLoader(document, load, (m) =>
      m.createMentionUi({} as never, {} as never),
    );
    loader.listen(new AbortController().signal);
    vi.useFakeTimers();
    const triesAfter = async (ms: number) => {
      vi.advanceTimersByTime(ms);
      // A scan batch asks on every mention it finds.
      for (let batch = 0; batch < 5; batch += 1) await loader.ensure();
      return load.mock.calls.length;
    };
    expect(await triesAfter(0)).toBe(1);
    expect(await triesAfter(RETRY_FIRST_MS - 1)).toBe(1);
    expect(await triesAfter(1)).toBe(2);
    expect(await triesAfter(RETRY_FIRST_MS * 2 - 1)).toBe(2);
    expect(await triesAfter(1)).toBe(3);
    for (let i = 0; i < 10; i += 1) await triesAfter(RETRY_MAX_MS);
    const tries = load.mock.calls.length;
    expect(await triesAfter(RETRY_MAX_MS - 1)).toBe(tries);
    expect(await triesAfter(1)).toBe(tries + 1);
    vi.useRealTimers();
  });
});
