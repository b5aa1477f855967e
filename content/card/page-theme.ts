/**
 * "Automatic" theme: the card takes the page's own background behind the mention, found by walking up
 * to the first opaque background colour; the system setting decides only where the page gives none.
 */
export type PageTheme = 'light' | 'dark';

type Rgba = [number, number, number, number];

/** Reads a computed colour; other syntaxes than rgb() (oklch, color()) go through a 1×1 canvas. */
export function parseColour(colour: string, doc: Document): Rgba | null {
  const match =
    /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(
      colour.trim(),
    );
  if (match) {
    const alpha = match[4] === undefined ? 1 : Number(match[4]) / (match[5] ? 100 : 1);
    return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
  }
  if (colour === 'transparent') return [0, 0, 0, 0];
  try {
    const context = doc.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  } catch {
    return null;
  }
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
export function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The parent in the flat tree: out of a shadow root to its host. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The page's theme behind this element, or null where no ancestor paints an opaque background. */
export function pageThemeAt(start: Element | null): PageTheme | null {
  const doc = start?.ownerDocument;
  const view = doc?.defaultView;
  if (!doc || !view) return null;
  for (let element: Element | null = start; element; element = parentOf(element)) {
    const colour = parseColour(view.getComputedStyle(element).backgroundColor, doc);
    if (colour && colour[3] >= 0.99) return luminance(colour) < 0.18 ? 'dark' : 'light';
  }
  return null;
}
