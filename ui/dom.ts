/**
 * The pages' DOM in two calls: `h()` builds elements (createElement and textContent only), and
 * `patch()` brings a live element's children in line with a freshly built tree, keeping every node
 * that still matches, so a page can be rendered again from state without losing focus, a text
 * field's selection or a live region.
 */
type Listener = (event: Event) => void;
/** Attributes by name; `on<event>` keys take listeners; `checked` and `value` are set as properties. */
export type Props = Record<string, string | number | boolean | null | undefined | Listener>;
export type Child = Node | string | null | undefined | false;

/** Each element's current listeners, so that a patched element runs the newest ones. */
const listeners = new WeakMap<Element, Map<string, Listener>>();
/** The properties a render owns (a field the render does not set keeps what the user typed). */
const owned = new WeakMap<Element, { checked?: boolean; value?: string }>();

function dispatch(this: Element, event: Event): void {
  listeners.get(this)?.get(event.type)?.(event);
}

function listen(element: Element, type: string, listener: Listener): void {
  let table = listeners.get(element);
  if (!table) listeners.set(element, (table = new Map()));
  table.set(type, listener);
  element.addEventListener(type, dispatch);
}

function own(element: Element, name: 'checked' | 'value', value: unknown): void {
  const props = owned.get(element) ?? {};
  if (name === 'checked') props.checked = value === true;
  else props.value = String(value);
  owned.set(element, props);
  applyOwned(element, props);
}

function applyOwned(element: Element, props: { checked?: boolean; value?: string }): void {
  if (!(element instanceof HTMLInputElement)) return;
  // Only when it differs: setting a field's value moves its caret and selection.
  if (props.checked !== undefined && element.checked !== props.checked)
    element.checked = props.checked;
  if (props.value !== undefined && element.value !== props.value) element.value = props.value;
}

/** A small element builder: tag, attributes, children. Text children become text nodes. */
export function h(
  doc: Document,
  tag: string,
  props: Props = {},
  ...children: Child[]
): HTMLElement {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') listen(element, name.slice(2), value);
    else if (name === 'checked' || name === 'value') own(element, name, value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return element;
}

/** What pairs an old node with a new one: its id or `data-key`, else its kind and position. */
function keyOf(node: Node): string | null {
  return node instanceof Element
    ? (node.getAttribute('data-key') ?? (node.id ? `#${node.id}` : null))
    : null;
}

function morphElement(old: Element, next: Element): void {
  for (const { name } of [...old.attributes])
    if (!next.hasAttribute(name)) old.removeAttribute(name);
  for (const { name, value } of [...next.attributes])
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  for (const [type, listener] of listeners.get(next) ?? []) listen(old, type, listener);
  const props = owned.get(next);
  if (props) {
    owned.set(old, props);
    applyOwned(old, props);
  }
  // A shadow root built by the render (the card preview) is replaced whole: nothing in it takes focus.
  if (old.shadowRoot && next.shadowRoot) {
    old.shadowRoot.adoptedStyleSheets = next.shadowRoot.adoptedStyleSheets;
    old.shadowRoot.replaceChildren(...next.shadowRoot.childNodes);
  }
  patch(old, [...next.childNodes]);
}

/** Gives the old node updated to look like `next`, or `next` itself where nothing old matches. */
function morph(old: Node | undefined, next: Node): Node {
  if (!old || old.nodeName !== next.nodeName || keyOf(old) !== keyOf(next)) return next;
  if (old instanceof Element && next instanceof Element) morphElement(old, next);
  else if (old.nodeValue !== next.nodeValue) old.nodeValue = next.nodeValue;
  return old;
}

/** Makes `parent`'s children those of the freshly built `wanted`, reusing every node that matches. */
export function patch(parent: ParentNode & Node, wanted: Node[]): void {
  const keyed = new Map<string, Node>();
  const unkeyed: Node[] = [];
  for (const node of parent.childNodes) {
    const key = keyOf(node);
    if (key === null) unkeyed.push(node);
    else keyed.set(key, node);
  }
  wanted.forEach((next, index) => {
    const key = keyOf(next);
    let old: Node | undefined;
    if (key !== null) {
      old = keyed.get(key);
      keyed.delete(key);
    } else {
      const at = unkeyed.findIndex((node) => node.nodeName === next.nodeName);
      if (at >= 0) [old] = unkeyed.splice(at, 1);
    }
    const node = morph(old, next);
    if (parent.childNodes[index] !== node)
      parent.insertBefore(node, parent.childNodes[index] ?? null);
  });
  while (parent.childNodes.length > wanted.length) parent.lastChild?.remove();
}
