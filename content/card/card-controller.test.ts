import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MentionRecord, MentionStore } from '../mentions';
import { mentionAmong, mentionAtPoint } from '../scan/hit-test';
import type { CardSurface } from './card-module';
import { CardController } from './card-controller';

// The hit test and the boxes read the page's layout, which happy-dom has none of: here they answer
// by x alone (set up below); the boxes find the mention only in text under the move's target, and
// leave a target whose text holds a mention past counting (`MANY`) to the hit test.
const MANY = 'many mentions';
vi.mock('../scan/hit-test', () => ({
  mentionAtPoint: vi.fn(),
  mentionAmong: vi.fn(),
  mentionOfLink: vi.fn(() => null),
}));

const MENTION = { text: '#MeToo', tag: 'metoo', range: new Range() } as unknown as MentionRecord;
const MENTION_END = 100;
const CARD_START = 200;

/** Frames run only when the test says so, so that two moves can fall within one frame. */
let frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
function runFrame(): void {
  const due = [...frames.values()];
  frames = new Map();
  for (const callback of due) callback(performance.now());
}

function move(controller: CardController, x: number): void {
  controller.replay(
    new PointerEvent('pointermove', { clientX: x, clientY: 10, pointerType: 'mouse' }),
  );
}

/** A move as the browser dispatches it: its path runs from the element under the pointer up. */
function moveAlong(controller: CardController, x: number, path: EventTarget[]): void {
  const event = new PointerEvent('pointermove', { clientX: x, clientY: 10, pointerType: 'mouse' });
  Object.defineProperty(event, 'composedPath', { value: () => path });
  controller.replay(event);
}

function setUp(
  store = {} as MentionStore,
  trigger: 'hover' | 'click' = 'hover',
): { controller: CardController; view: CardSurface } {
  const view: CardSurface = {
    host: null,
    holds: (event) => event instanceof MouseEvent && event.clientX >= CARD_START,
    show: vi.fn(() => Promise.resolve()),
    hide: vi.fn(),
    focusFirst: () => false,
    focusEdge: () => null,
    prepare: () => Promise.resolve(),
  };
  const controller = new CardController(document, store, view, {
    machine: () => ({ dwellMs: 500, trigger }),
    theme: () => 'auto',
    shadowRoots: () => [],
  });
  return { controller, view };
}

describe('the card controller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.mocked(mentionAtPoint).mockImplementation((_doc, _store, x) =>
      x < MENTION_END ? MENTION : null,
    );
    vi.mocked(mentionAmong).mockImplementation((_store, texts, x) => {
      if (texts.some((text) => text.data === MANY)) return undefined;
      return texts.length > 0 && x < MENTION_END ? MENTION : null;
    });
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      frames.set(nextFrame, callback);
      return nextFrame++;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  });

  afterEach(() => {
    frames = new Map();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  /** On the card: the pointer move, and the card's own pointerenter. */
  function toCard(controller: CardController): void {
    move(controller, 250);
    controller.dispatch({ type: 'pointerEnterCard' });
  }

  function openByHover(controller: CardController): void {
    move(controller, 50);
    runFrame();
    vi.advanceTimersByTime(600);
    expect(controller.current.name).toBe('open');
  }

  it('opens on a tap, or a press in click mode, handed over from before it listened', () => {
    const touch = setUp();
    touch.controller.replay(
      new PointerEvent('pointerdown', { clientX: 50, clientY: 10, pointerType: 'touch' }),
    );
    expect(touch.controller.current.name).toBe('open');
    expect(touch.view.show).toHaveBeenCalledTimes(1);
    const press = () =>
      new PointerEvent('pointerdown', { clientX: 50, clientY: 10, pointerType: 'mouse' });
    const click = setUp(undefined, 'click');
    click.controller.replay(press());
    expect(click.controller.current.name).toBe('open');
    // A mouse press in hover mode, and a tap elsewhere, open nothing.
    const hover = setUp();
    hover.controller.replay(press());
    expect(hover.controller.current.name).toBe('idle');
    const away = setUp();
    away.controller.replay(
      new PointerEvent('pointerdown', { clientX: 150, clientY: 10, pointerType: 'touch' }),
    );
    expect(away.controller.current.name).toBe('idle');
  });

  it('keeps the card when the pointer crosses the gap and reaches it within one frame', () => {
    const { controller, view } = setUp();
    openByHover(controller);
    // Off both (the gap), then on the card before the next frame's hit test.
    move(controller, 150);
    toCard(controller);
    runFrame();
    vi.advanceTimersByTime(1_000);
    expect(controller.current.name).toBe('open');
    expect(view.hide).not.toHaveBeenCalled();
  });

  it('closes the card after the grace when the pointer stays in the gap', () => {
    const { controller, view } = setUp();
    openByHover(controller);
    move(controller, 150);
    runFrame();
    vi.advanceTimersByTime(1_000);
    expect(controller.current.name).toBe('idle');
    expect(view.hide).toHaveBeenCalled();
  });

  it('counts a return from the card to the mention as entering it again', () => {
    const { controller } = setUp();
    openByHover(controller);
    toCard(controller);
    controller.dispatch({ type: 'pointerLeaveCard' });
    expect(controller.current.name).toBe('grace');
    move(controller, 50);
    runFrame();
    expect(controller.current.name).toBe('open');
    vi.advanceTimersByTime(1_000);
    expect(controller.current.name).toBe('open');
  });

  it('opens again on the mention once the pointer has left a card closed under it', () => {
    const { controller } = setUp();
    openByHover(controller);
    toCard(controller);
    // The card's Close button: closed, and not reopened while the pointer stays.
    controller.dispatch({ type: 'escape' });
    expect(controller.current.name).toBe('closed');
    move(controller, 150);
    runFrame();
    move(controller, 50);
    runFrame();
    vi.advanceTimersByTime(600);
    expect(controller.current.name).toBe('open');
  });

  it('measures the text under a move that runs through a mention’s block, and nothing else', () => {
    const block = document.createElement('p');
    block.append(
      'a post with ',
      Object.assign(document.createElement('a'), { textContent: '#MeToo' }),
    );
    const elsewhere = document.createElement('div');
    elsewhere.textContent = 'no mention here';
    document.body.append(block, elsewhere);
    const store = { showsIn: (node: unknown) => node === block } as unknown as MentionStore;
    const { controller } = setUp(store);
    vi.mocked(mentionAtPoint).mockClear();
    vi.mocked(mentionAmong).mockClear();
    // Where the hit test would find the mention (x < 100), but the path holds no block with one.
    moveAlong(controller, 50, [elsewhere, document.body, document.documentElement, document]);
    runFrame();
    expect(mentionAtPoint).not.toHaveBeenCalled();
    expect(vi.mocked(mentionAmong).mock.calls.map((call) => call[1])).toEqual([[]]);
    vi.advanceTimersByTime(600);
    expect(controller.current.name).toBe('idle');
    // On the link in the block: its text is measured; no hit test.
    const link = block.lastChild as HTMLAnchorElement;
    moveAlong(controller, 50, [link, block, document.body, document.documentElement, document]);
    runFrame();
    expect(vi.mocked(mentionAmong).mock.calls.at(-1)?.[1]).toEqual([link.firstChild]);
    expect(mentionAtPoint).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(controller.current.name).toBe('open');
    block.remove();
    elsewhere.remove();
  });

  it('hit-tests a move whose target holds too many mentions to measure', () => {
    const block = document.createElement('p');
    block.textContent = MANY;
    document.body.append(block);
    const store = { showsIn: (node: unknown) => node === block } as unknown as MentionStore;
    const { controller } = setUp(store);
    vi.mocked(mentionAtPoint).mockClear();
    moveAlong(controller, 50, [block, document.body, document.documentElement, document]);
    runFrame();
    expect(mentionAtPoint).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600);
    expect(controller.current.name).toBe('open');
    block.remove();
  });
});
