import { afterEach, describe, expect, it } from 'vitest';
import { luminance, pageThemeAt, parseColour } from './page-theme';

afterEach(() => {
  document.body.replaceChildren();
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

function mention(outer: string, inner = ''): Element {
  const section = document.createElement('section');
  section.setAttribute('style', outer);
  const span = document.createElement('span');
  span.setAttribute('style', inner);
  span.textContent = '#MeToo';
  section.append(span);
  document.body.append(section);
  return span;
}

describe('pageThemeAt', () => {
  it('reads rgb() and rgba() colours', () => {
    expect(parseColour('rgb(21, 32, 43)', document)).toEqual([21, 32, 43, 1]);
    expect(parseColour('rgba(0, 0, 0, 0)', document)).toEqual([0, 0, 0, 0]);
    expect(luminance([0, 0, 0, 1])).toBe(0);
    expect(luminance([255, 255, 255, 1])).toBeCloseTo(1);
  });

  it('is dark on a dark background behind the mention, skipping transparent ones', () => {
    expect(
      pageThemeAt(mention('background-color: rgb(21, 32, 43)', 'background: transparent')),
    ).toBe('dark');
  });

  it('is light on a light background, however dark the page further up', () => {
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(pageThemeAt(mention('background-color: rgb(250, 250, 250)'))).toBe('light');
  });

  it('walks past translucent colours to the first opaque one', () => {
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(pageThemeAt(mention('background-color: rgba(255, 255, 255, 0.5)'))).toBe('dark');
  });

  it('gives no answer where nothing paints a background', () => {
    expect(pageThemeAt(mention(''))).toBeNull();
  });
});
