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

export function transition<T>(
  state: CardState<T>,
  event: CardEvent<T>,
  options: MachineOptions = DEFAULT_MACHINE_OPTIONS,
): Transition<T> {
  const hover = options.trigger === 'hover';
  switch (event.type) {
    case 'pointerEnterMention': {
      if (state.name === 'closed' && state.target === event.target) return stay(state);
      if ((state.name === 'open' || state.name === 'grace') && state.target === event.target) {
        return {
          state: { name: 'open', target: event.target, pointer: true, via: 'pointer' },
          effects: [{ type: 'cancelTimer' }],
        };
      }
      // Moving straight to another mention while a card is shown: swap at once, no flicker.
      if (hover && (state.name === 'open' || state.name === 'grace')) {
        return openNow(event.target, 'pointer', false);
      }
      if (!hover) return stay(state.name === 'closed' ? IDLE : state);
      if (state.name === 'dwell' && state.target === event.target) return stay(state);
      return {
        state: { name: 'dwell', target: event.target },
        effects: [
          { type: 'cancelTimer' },
          { type: 'startTimer', timer: 'dwell', ms: options.dwellMs },
        ],
      };
    }
    case 'pointerLeaveMention':
    case 'pointerLeaveCard': {
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
    case 'pointerEnterCard': {
      if (state.name === 'grace' || state.name === 'open') {
        return {
          state: { name: 'open', target: state.target, pointer: true, via: 'pointer' },
          effects: [{ type: 'cancelTimer' }],
        };
      }
      return stay(state);
    }
    case 'dwellElapsed':
      return state.name === 'dwell' ? openNow(state.target, 'pointer', false) : stay(state);
    case 'graceElapsed':
      return state.name === 'grace'
        ? { state: IDLE, effects: [{ type: 'close', returnFocus: false }] }
        : stay(state);
    case 'focusMention':
      if (state.name === 'open' && state.target === event.target) return stay(state);
      // Focus coming back to the mention after Escape does not reopen what was just closed.
      if (state.name === 'closed' && state.target === event.target) return stay(state);
      return openNow(event.target, 'focus', false);
    case 'blurMention':
      if (state.name === 'closed') return stay(IDLE);
      // Focus left both the mention and the card (the driver checks): a keyboard-opened card goes.
      return state.name === 'open' && state.via !== 'pointer'
        ? { state: IDLE, effects: [{ type: 'close', returnFocus: false }] }
        : stay(state);
    case 'activateMention':
      if (state.name === 'open' && state.target === event.target) return stay(state);
      return openNow(event.target, 'click', true);
    case 'tapMention':
      if (state.name === 'open' && state.target === event.target) return stay(state);
      // Opened as by the pointer: a blur does not close it, a tap elsewhere or Escape does.
      return openNow(event.target, 'pointer', false);
    case 'escape':
      if (state.name === 'open' || state.name === 'grace') {
        return {
          state: { name: 'closed', target: state.target },
          effects: [{ type: 'cancelTimer' }, { type: 'close', returnFocus: true }],
        };
      }
      if (state.name === 'dwell') return { state: IDLE, effects: [{ type: 'cancelTimer' }] };
      return stay(state);
    case 'outsidePress':
      if (state.name === 'open' || state.name === 'grace') {
        return {
          state: IDLE,
          effects: [{ type: 'cancelTimer' }, { type: 'close', returnFocus: false }],
        };
      }
      return stay(state);
  }
}
