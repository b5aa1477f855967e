import { describe, expect, it } from 'vitest';
import {
  DWELL_MS,
  GRACE_MS,
  transition,
  type CardEvent,
  type CardState,
  type MachineOptions,
} from './machine';

type T = 'a' | 'b';
const hover: MachineOptions = { dwellMs: DWELL_MS, trigger: 'hover' };
const click: MachineOptions = { dwellMs: DWELL_MS, trigger: 'click' };

function run(events: CardEvent<T>[], options = hover, from: CardState<T> = { name: 'idle' }) {
  let state = from;
  const effects = [];
  for (const event of events) {
    const next = transition(state, event, options);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

describe('the card state machine', () => {
  it('names its timings: a 500 ms dwell and a 300 ms grace', () => {
    expect(DWELL_MS).toBe(500);
    expect(GRACE_MS).toBe(300);
  });

  it('idle → dwell when the pointer rests on a mention', () => {
    const { state, effects } = run([{ type: 'pointerEnterMention', target: 'a' }]);
    expect(state).toEqual({ name: 'dwell', target: 'a' });
    expect(effects).toContainEqual({ type: 'startTimer', timer: 'dwell', ms: 500 });
  });

  it('uses the dwell delay from the options', () => {
    const { effects } = run([{ type: 'pointerEnterMention', target: 'a' }], {
      dwellMs: 800,
      trigger: 'hover',
    });
    expect(effects).toContainEqual({ type: 'startTimer', timer: 'dwell', ms: 800 });
  });

  it('dwell → open when the dwell elapses', () => {
    const { state, effects } = run([
      { type: 'pointerEnterMention', target: 'a' },
      { type: 'dwellElapsed' },
    ]);
    expect(state).toMatchObject({ name: 'open', target: 'a' });
    expect(effects).toContainEqual({ type: 'open', target: 'a', focus: false });
  });

  it('dwell → idle when the pointer passes by, without opening', () => {
    const { state, effects } = run([
      { type: 'pointerEnterMention', target: 'a' },
      { type: 'pointerLeaveMention' },
      { type: 'dwellElapsed' },
    ]);
    expect(state).toEqual({ name: 'idle' });
    expect(effects.some((e) => e.type === 'open')).toBe(false);
  });

  it('open → grace when the pointer leaves, and back to open when it reaches the card', () => {
    const opened = run([
      { type: 'pointerEnterMention', target: 'a' },
      { type: 'dwellElapsed' },
      { type: 'pointerLeaveMention' },
    ]);
    expect(opened.state).toEqual({ name: 'grace', target: 'a' });
    expect(opened.effects).toContainEqual({ type: 'startTimer', timer: 'grace', ms: 300 });
    const kept = run([{ type: 'pointerEnterCard' }], hover, opened.state);
    expect(kept.state).toMatchObject({ name: 'open', target: 'a' });
    expect(kept.effects).toEqual([{ type: 'cancelTimer' }]);
  });

  it('grace → open, its timer cancelled, when the pointer comes back to the mention', () => {
    const back = run([{ type: 'pointerEnterMention', target: 'a' }], hover, {
      name: 'grace',
      target: 'a',
    });
    expect(back.state).toMatchObject({ name: 'open', target: 'a' });
    expect(back.effects).toContainEqual({ type: 'cancelTimer' });
  });

  it('grace → idle, closing the card, when the grace elapses', () => {
    const { state, effects } = run([{ type: 'graceElapsed' }], hover, {
      name: 'grace',
      target: 'a',
    });
    expect(state).toEqual({ name: 'idle' });
    expect(effects).toEqual([{ type: 'close', returnFocus: false }]);
  });

  it('stays open while the pointer moves from the card back to the mention', () => {
    const { state, effects } = run(
      [{ type: 'pointerLeaveCard' }, { type: 'pointerEnterMention', target: 'a' }],
      hover,
      { name: 'open', target: 'a', pointer: true, via: 'pointer' },
    );
    expect(state).toMatchObject({ name: 'open', target: 'a' });
    expect(effects.some((e) => e.type === 'close' || e.type === 'open')).toBe(false);
  });

  it('swaps straight to an adjacent mention without closing first (no flicker)', () => {
    const { state, effects } = run(
      [{ type: 'pointerLeaveMention' }, { type: 'pointerEnterMention', target: 'b' }],
      hover,
      { name: 'open', target: 'a', pointer: true, via: 'pointer' },
    );
    expect(state).toMatchObject({ name: 'open', target: 'b' });
    expect(effects.filter((e) => e.type === 'close')).toEqual([]);
    expect(effects).toContainEqual({ type: 'open', target: 'b', focus: false });
  });

  it('opens at once on keyboard focus of a hashtag link, and closes on blur', () => {
    const focused = run([{ type: 'focusMention', target: 'a' }]);
    expect(focused.state).toMatchObject({ name: 'open', target: 'a', via: 'focus' });
    expect(focused.effects).toContainEqual({ type: 'open', target: 'a', focus: false });
    const blurred = run([{ type: 'blurMention' }], hover, focused.state);
    expect(blurred.state).toEqual({ name: 'idle' });
    expect(blurred.effects).toContainEqual({ type: 'close', returnFocus: false });
  });

  it('a card opened by click closes when focus leaves it, one opened by hover does not', () => {
    const clicked = run([{ type: 'blurMention' }], hover, {
      name: 'open',
      target: 'a',
      pointer: false,
      via: 'click',
    });
    expect(clicked.state).toEqual({ name: 'idle' });
    const hovered = run([{ type: 'blurMention' }], hover, {
      name: 'open',
      target: 'a',
      pointer: true,
      via: 'pointer',
    });
    expect(hovered.state).toMatchObject({ name: 'open' });
  });

  it('a card opened by focus ignores the pointer leaving', () => {
    const { state } = run([{ type: 'pointerLeaveMention' }], hover, {
      name: 'open',
      target: 'a',
      pointer: false,
      via: 'focus',
    });
    expect(state).toMatchObject({ name: 'open', via: 'focus' });
  });

  it('Escape closes and returns focus, and the card stays closed until the pointer leaves', () => {
    const closed = run([{ type: 'escape' }], hover, {
      name: 'open',
      target: 'a',
      pointer: true,
      via: 'pointer',
    });
    expect(closed.state).toEqual({ name: 'closed', target: 'a' });
    expect(closed.effects).toContainEqual({ type: 'close', returnFocus: true });
    const again = run([{ type: 'pointerEnterMention', target: 'a' }], hover, closed.state);
    expect(again.state).toEqual({ name: 'closed', target: 'a' });
    const left = run(
      [{ type: 'pointerLeaveMention' }, { type: 'pointerEnterMention', target: 'a' }],
      hover,
      closed.state,
    );
    expect(left.state).toEqual({ name: 'dwell', target: 'a' });
  });

  it('focus returning to the mention after Escape does not reopen it; focusing it later does', () => {
    const closed: CardState<T> = { name: 'closed', target: 'a' };
    expect(run([{ type: 'focusMention', target: 'a' }], hover, closed).state).toEqual(closed);
    const later = run(
      [{ type: 'blurMention' }, { type: 'focusMention', target: 'a' }],
      hover,
      closed,
    );
    expect(later.state).toMatchObject({ name: 'open', target: 'a', via: 'focus' });
  });

  it('Escape during the dwell cancels it', () => {
    const { state, effects } = run([{ type: 'escape' }], hover, { name: 'dwell', target: 'a' });
    expect(state).toEqual({ name: 'idle' });
    expect(effects).toEqual([{ type: 'cancelTimer' }]);
  });

  it('a press outside closes the card', () => {
    const { state, effects } = run([{ type: 'outsidePress' }], hover, {
      name: 'open',
      target: 'a',
      pointer: false,
      via: 'click',
    });
    expect(state).toEqual({ name: 'idle' });
    expect(effects).toContainEqual({ type: 'close', returnFocus: false });
  });

  it('in click mode, hovering does nothing and a click or tap opens at once with focus', () => {
    const hovered = run([{ type: 'pointerEnterMention', target: 'a' }], click);
    expect(hovered.state).toEqual({ name: 'idle' });
    expect(hovered.effects).toEqual([]);
    const clicked = run([{ type: 'activateMention', target: 'a' }], click);
    expect(clicked.state).toMatchObject({ name: 'open', target: 'a', via: 'click' });
    expect(clicked.effects).toContainEqual({ type: 'open', target: 'a', focus: true });
  });

  it('a tap opens at once in hover mode too (touch screens have no hover), leaving focus be', () => {
    const tapped = run([{ type: 'tapMention', target: 'b' }]);
    expect(tapped.state).toMatchObject({ name: 'open', target: 'b' });
    expect(tapped.effects).toContainEqual({ type: 'open', target: 'b', focus: false });
    // The tap's own focus change that follows does not close it; a tap elsewhere does.
    expect(run([{ type: 'blurMention' }], hover, tapped.state).state).toEqual(tapped.state);
    const away = run([{ type: 'outsidePress' }], hover, tapped.state);
    expect(away.state.name).not.toBe('open');
    expect(away.effects).toContainEqual({ type: 'close', returnFocus: false });
  });

  it('ignores timers that fire in the wrong state', () => {
    expect(run([{ type: 'dwellElapsed' }]).state).toEqual({ name: 'idle' });
    expect(run([{ type: 'graceElapsed' }]).state).toEqual({ name: 'idle' });
  });
});
