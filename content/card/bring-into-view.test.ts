import { afterEach, describe, expect, it, vi } from 'vitest';
import { bringIntoView } from './bring-into-view';

/** A mention in a paragraph, with the boxes layout would give them before and after a scroll. */
function mention(boxes: DOMRect[]): { range: Range; paragraph: HTMLElement } {
  const paragraph = document.createElement('p');
  paragraph.textContent = 'a long paragraph with #MeToo in it';
  document.body.replaceChildren(paragraph);
  const range = new Range();
  range.setStart(paragraph.firstChild as Text, 22);
  range.setEnd(paragraph.firstChild as Text, 28);
  const measure = vi.spyOn(range, 'getBoundingClientRect');
  for (const box of boxes) measure.mockReturnValueOnce(box);
  return { range, paragraph };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('bringIntoView', () => {
  it('leaves the page where it is when the mention is in view', () => {
    const { range, paragraph } = mention([new DOMRect(100, 300, 60, 20)]);
    const element = vi.spyOn(paragraph, 'scrollIntoView');
    const scroll = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
    bringIntoView(range, window);
    expect(element).not.toHaveBeenCalled();
    expect(scroll).not.toHaveBeenCalled();
  });

  it('puts a mention far inside a tall paragraph in the middle, by its own box', () => {
    // The paragraph's nearest edge comes into view; its mention is still 280,000 px below.
    const { range, paragraph } = mention([
      new DOMRect(100, 290_000, 60, 20),
      new DOMRect(100, 280_000, 60, 20),
    ]);
    const element = vi.spyOn(paragraph, 'scrollIntoView').mockImplementation(() => {});
    const scroll = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
    bringIntoView(range, window);
    expect(element).toHaveBeenCalledWith({ block: 'nearest', inline: 'nearest' });
    expect(scroll).toHaveBeenCalledWith({ top: 280_010 - window.innerHeight / 2, left: 0 });
  });

  it('scrolls across only when the mention is beside the window', () => {
    const { range } = mention([new DOMRect(-500, 300, 60, 20), new DOMRect(-500, 300, 60, 20)]);
    const scroll = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
    bringIntoView(range, window);
    expect(scroll).toHaveBeenCalledWith({
      top: 310 - window.innerHeight / 2,
      left: -470 - window.innerWidth / 2,
    });
  });

  it('scrolls to a mention in view of the window but scrolled out of its panel', () => {
    const { range, paragraph } = mention([
      new DOMRect(100, 500, 60, 20),
      new DOMRect(100, 300, 60, 20),
    ]);
    const panel = document.createElement('div');
    panel.style.overflowY = 'auto';
    document.body.append(panel);
    panel.append(paragraph);
    vi.spyOn(panel, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 100, 400, 300));
    const element = vi.spyOn(paragraph, 'scrollIntoView').mockImplementation(() => {});
    vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
    bringIntoView(range, window);
    expect(element).toHaveBeenCalledWith({ block: 'nearest', inline: 'nearest' });
  });

  it('lets the element alone place a mention that has no box', () => {
    const { range, paragraph } = mention([new DOMRect(), new DOMRect()]);
    const element = vi.spyOn(paragraph, 'scrollIntoView').mockImplementation(() => {});
    const scroll = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});
    bringIntoView(range, window);
    expect(element).toHaveBeenCalled();
    expect(scroll).not.toHaveBeenCalled();
  });
});
