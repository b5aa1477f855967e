/**
 * The card's behaviour as a reducer over explicit states, so every transition is testable without a
 * browser. idle → dwell → open → grace → closed; the driver runs the effects (timers, open, close).
 */

import { DWELL_MS } from '../settings/schema';

export { DWELL_MS };
/** How long the card waits after the pointer leaves, so it can cross the gap from mention to card. */
export const GRACE_MS = 300;

export type CardState<T> =
  | { name: 'idle' }
  /** The pointer rests on a mention; the dwell timer runs. */
  | { name: 'dwell'; target: T }
  /** The card is shown for a mention; `pointer` says whether the pointer is on the mention or the card. */
  | { name: 'open'; target: T; pointer: boolean; via: 'pointer' | 'focus' | 'click' }
  /** The pointer left mention and card; the grace timer runs. */
  | { name: 'grace'; target: T }
  /** Closed by Escape or a click elsewhere: stays closed until the pointer leaves that mention. */
  | { name: 'closed'; target: T };

export type CardEvent<T> =
  | { type: 'pointerEnterMention'; target: T }
  | { type: 'pointerLeaveMention' }
  | { type: 'pointerEnterCard' }
  | { type: 'pointerLeaveCard' }
  | { type: 'focusMention'; target: T }
  | { type: 'blurMention' }
  | { type: 'activateMention'; target: T }
  /**
   * A tap on a touch screen: opens at once, without moving focus into the card (the tap's own
   * focus change, which follows, would otherwise take it away and close the card again).
   */
  | { type: 'tapMention'; target: T }
  | { type: 'escape' }
  | { type: 'outsidePress' }
  | { type: 'dwellElapsed' }
  | { type: 'graceElapsed' };

export type CardEffect<T> =
  | { type: 'startTimer'; timer: 'dwell' | 'grace'; ms: number }
  | { type: 'cancelTimer' }
  | { type: 'open'; target: T; focus: boolean }
  | { type: 'close'; returnFocus: boolean };

export interface Transition<T> {
  state: CardState<T>;
  effects: CardEffect<T>[];
}

export interface MachineOptions {
  dwellMs: number;
  trigger: 'hover' | 'click';
}

export const DEFAULT_MACHINE_OPTIONS: MachineOptions = { dwellMs: DWELL_MS, trigger: 'hover' };

const IDLE = { name: 'idle' } as const;

function stay<T>(state: CardState<T>): Transition<T> {
  return { state, effects: [] };
}

function openNow<T>(target: T, via: 'pointer' | 'focus' | 'click', focus: boolean): Transition<T> {
  return {
    state: { name: 'open', target, pointer: via !== 'focus', via },
    effects: [{ type: 'cancelTimer' }, { type: 'open', target, focus }],
  };
}

/** The pointer reaches a mention: dwell before opening, or swap at once from a card already shown. */
function pointerEnterMention<T>(
  state: CardState<T>,
  target: T,
  options: MachineOptions,
): Transition<T> {
  const hover = options.trigger === 'hover';
  if (state.name === 'closed' && state.target === target) return stay(state);
  if ((state.name === 'open' || state.name === 'grace') && state.target === target) {
    return {
      state: { name: 'open', target, pointer: true, via: 'pointer' },
      effects: [{ type: 'cancelTimer' }],
    };
  }
  // Moving straight to another mention while a card is shown: swap at once, no flicker.
  if (hover && (state.name === 'open' || state.name === 'grace')) {
    return openNow(target, 'pointer', false);
  }
  if (!hover) return stay(state.name === 'closed' ? IDLE : state);
  if (state.name === 'dwell' && state.target === target) return stay(state);
  return {
    state: { name: 'dwell', target },
    effects: [{ type: 'cancelTimer' }, { type: 'startTimer', timer: 'dwell', ms: options.dwellMs }],
  };
}

/** The pointer leaves the mention or the card: a pointer-opened card waits out the grace. */
function pointerLeave<T>(state: CardState<T>): Transition<T> {
  if (state.name === 'dwell') return { state: IDLE, effects: [{ type: 'cancelTimer' }] };
  if (state.name === 'closed') return stay(IDLE);
  if (state.name === 'open' && state.via !== 'focus') {
    return {
      state: { name: 'grace', target: state.target },
      effects: [{ type: 'startTimer', timer: 'grace', ms: GRACE_MS }],
    };
  }
  return stay(state);
}

function pointerEnterCard<T>(state: CardState<T>): Transition<T> {
  if (state.name === 'grace' || state.name === 'open') {
    return {
      state: { name: 'open', target: state.target, pointer: true, via: 'pointer' },
      effects: [{ type: 'cancelTimer' }],
    };
  }
  return stay(state);
}

function focusMention<T>(state: CardState<T>, target: T): Transition<T> {
  if (state.name === 'open' && state.target === target) return stay(state);
  // Focus coming back to the mention after Escape does not reopen what was just closed.
  if (state.name === 'closed' && state.target === target) return stay(state);
  return openNow(target, 'focus', false);
}

function blurMention<T>(state: CardState<T>): Transition<T> {
  if (state.name === 'closed') return stay(IDLE);
  // Focus left both the mention and the card (the driver checks): a keyboard-opened card goes.
  return state.name === 'open' && state.via !== 'pointer'
    ? { state: IDLE, effects: [{ type: 'close', returnFocus: false }] }
    : stay(state);
}

function escape<T>(state: CardState<T>): Transition<T> {
  if (state.name === 'open' || state.name === 'grace') {
    return {
      state: { name: 'closed', target: state.target },
      effects: [{ type: 'cancelTimer' }, { type: 'close', returnFocus: true }],
    };
  }
  if (state.name === 'dwell') return { state: IDLE, effects: [{ type: 'cancelTimer' }] };
  return stay(state);
}

function outsidePress<T>(state: CardState<T>): Transition<T> {
  if (state.name === 'open' || state.name === 'grace') {
    return {
      state: IDLE,
      effects: [{ type: 'cancelTimer' }, { type: 'close', returnFocus: false }],
    };
  }
  return stay(state);
}

export function transition<T>(
  state: CardState<T>,
  event: CardEvent<T>,
  options: MachineOptions = DEFAULT_MACHINE_OPTIONS,
): Transition<T> {
  switch (event.type) {
    case 'pointerEnterMention':
      return pointerEnterMention(state, event.target, options);
    case 'pointerLeaveMention':
    case 'pointerLeaveCard':
      return pointerLeave(state);
    case 'pointerEnterCard':
      return pointerEnterCard(state);
    case 'dwellElapsed':
      return state.name === 'dwell' ? openNow(state.target, 'pointer', false) : stay(state);
    case 'graceElapsed':
      return state.name === 'grace'
        ? { state: IDLE, effects: [{ type: 'close', returnFocus: false }] }
        : stay(state);
    case 'focusMention':
      return focusMention(state, event.target);
    case 'blurMention':
      return blurMention(state);
    case 'activateMention':
      if (state.name === 'open' && state.target === event.target) return stay(state);
      return openNow(event.target, 'click', true);
    case 'tapMention':
      if (state.name === 'open' && state.target === event.target) return stay(state);
      // Opened as by the pointer: a blur does not close it, a tap elsewhere or Escape does.
      return openNow(event.target, 'pointer', false);
    case 'escape':
      return escape(state);
    case 'outsidePress':
      return outsidePress(state);
  }
}
