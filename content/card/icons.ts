/** The card's two icon buttons' pictures, drawn with createElementNS (no markup strings). */
const SVG = 'http://www.w3.org/2000/svg';

function svg(doc: Document, ...shapes: [string, Record<string, string>][]): SVGSVGElement {
  const root = doc.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries({
    viewBox: '0 0 24 24',
    width: '16',
    height: '16',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  }))
    root.setAttribute(name, value);
  for (const [tag, attributes] of shapes) {
    const shape = doc.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    root.append(shape);
  }
  return root;
}

/** A power symbol: turn off. */
export function powerIcon(doc: Document): SVGSVGElement {
  return svg(doc, ['path', { d: 'M12 3v8' }], ['path', { d: 'M6.3 6.8a8 8 0 1 0 11.4 0' }]);
}

/** A cog: settings. Its teeth are the dashes of a thick circle. */
export function cogIcon(doc: Document): SVGSVGElement {
  return svg(
    doc,
    [
      'circle',
      { cx: '12', cy: '12', r: '8', 'stroke-width': '4', 'stroke-dasharray': '3.14 3.14' },
    ],
    ['circle', { cx: '12', cy: '12', r: '5.5' }],
    ['circle', { cx: '12', cy: '12', r: '2' }],
  );
}
