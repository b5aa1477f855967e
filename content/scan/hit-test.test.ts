import { describe, expect, it, vi } from 'vitest';
import { mount } from '../../test/dom';
import { scan } from '../../test/scanning';
import { mentionAmong } from './hit-test';

/** Gives each mention's range one box: the nth mention of its text node at x = 100·n … 100·n + 60. */
function boxesByOrder(): void {
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const text = (this.startContainer as Text).data;
    const n = text.slice(0, this.startOffset).split('#').length - 1;
    return [new DOMRect(100 * n, 0, 60, 20)] as unknown as DOMRectList;
  });
}

describe('mentionAmong', () => {
  it('finds the mention whose box holds the point, among the text given', async () => {
    mount('<p id="p">#MeToo and #MoiAussi</p><p>#YoTambien</p>');
    const { store } = await scan();
    boxesByOrder();
    const text = document.getElementById('p')?.firstChild as Text;
    expect(mentionAmong(store, [text], 130, 10)?.text).toBe('#MoiAussi');
    expect(mentionAmong(store, [text], 30, 10)?.text).toBe('#MeToo');
    // Between the two boxes, and in text with no mention: none.
    expect(mentionAmong(store, [text], 80, 10)).toBeNull();
    expect(mentionAmong(store, [], 30, 10)).toBeNull();
  });

  it('leaves text with more mentions than are worth measuring to the hit test', async () => {
    mount(`<p id="p">${'#MeToo '.repeat(17)}</p>`);
    const { store } = await scan();
    boxesByOrder();
    const text = document.getElementById('p')?.firstChild as Text;
    expect(mentionAmong(store, [text], 1630, 10)).toBeUndefined();
  });
});
