/** Whether the page shows a mention's text: not `display: none`, `visibility: hidden`, a closed `<details>`. */
import type { MentionRecord } from '../mentions';

export function isShown(record: MentionRecord): boolean {
  return isRendered(record.nodes[0]) && isRendered(record.nodes.at(-1));
}

function isRendered(node: Text | undefined): boolean {
  const parent = node?.parentNode;
  if (!node || !parent) return true;
  const element = parent instanceof ShadowRoot ? parent.host : parent;
  if (!(element instanceof Element)) return true;
  // A shadow host shows its light DOM only through slots; a closed <details> only its summary.
  if (element === parent && element.shadowRoot && !node.assignedSlot) return false;
  if (element.localName === 'details' && !element.hasAttribute('open')) return false;
  if (typeof element.checkVisibility !== 'function') return true;
  if (element.checkVisibility({ visibilityProperty: true })) return true;
  // A `display: contents` element has no box of its own (checkVisibility says no), yet its text shows.
  const style = getComputedStyle(element);
  return style.display === 'contents' && style.visibility === 'visible' && hasBox(node);
}

function hasBox(node: Text): boolean {
  const range = new Range();
  range.selectNodeContents(node);
  const box = range.getBoundingClientRect();
  return box.width > 0 || box.height > 0;
}
