import { describe, expect, it } from 'vitest';
import { latestAnswer } from './latest-answer';

/** An ask whose answers come back when the test says, in any order. */
function controlledAsk() {
  const pending: ((answer: string) => void)[] = [];
  const ask = () => new Promise<string>((resolve) => pending.push(resolve));
  return { ask, answer: (index: number, text: string) => pending[index]?.(text) };
}

describe('latestAnswer', () => {
  it('shows the latest asking’s answer, not an older one that came back after it', async () => {
    const { ask, answer } = controlledAsk();
    const shown: string[] = [];
    const refresh = latestAnswer(ask, (text) => shown.push(text));
    const first = refresh();
    const second = refresh();
    answer(1, 'off here');
    await second;
    answer(0, '4 mentions');
    await first;
    expect(shown).toEqual(['off here']);
  });

  it('shows each answer that comes back in turn', async () => {
    const { ask, answer } = controlledAsk();
    const shown: string[] = [];
    const refresh = latestAnswer(ask, (text) => shown.push(text));
    const first = refresh();
    answer(0, '4 mentions');
    await first;
    const second = refresh();
    answer(1, 'off here');
    await second;
    expect(shown).toEqual(['4 mentions', 'off here']);
  });
});
