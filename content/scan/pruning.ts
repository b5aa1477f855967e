/**
 * Drops the mentions of subtrees that left the page or were hidden, by walking what went, unless that
 * walk would cost more than checking every mention on the page.
 */
import type { MentionStore } from '../mentions';

/** A removed subtree is walked for its mentions unless that costs more than checking them all. */
const PRUNE_WALK_MIN = 64;

/** The shadow roots the scanner observes, to let go of those that left the page. */
export interface ObservedShadowRoots {
  size(): number;
  has(root: ShadowRoot): boolean;
  roots(): ShadowRoot[];
  unobserve(root: ShadowRoot): void;
}

/** Drops the mentions under removed nodes, and stops observing shadow roots that went with them. */
export function pruneRemoved(
  removed: Node[],
  store: MentionStore,
  roots: ObservedShadowRoots,
): void {
  const stack = removed;
  const checkAll = store.blockCount + roots.size();
  // A page holding few mentions (most pages): checking them all costs less than any walk.
  if (checkAll <= removed.length) {
    pruneAll(store, roots);
    return;
  }
  let budget = checkAll + PRUNE_WALK_MIN;
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (--budget < 0) {
      pruneAll(store, roots);
      return;
    }
    if (node.isConnected) continue; // moved, not removed: its new place is read again
    if (node instanceof Element || node instanceof ShadowRoot) {
      store.clearBlock(node);
      if (node instanceof ShadowRoot && roots.has(node)) roots.unobserve(node);
      if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
      pushChildren(node, stack);
    }
  }
}

function pruneAll(store: MentionStore, roots: ObservedShadowRoots): void {
  store.prune();
  for (const root of roots.roots()) if (!root.isConnected) roots.unobserve(root);
}

/** Forgets the mentions under elements that were hidden (`hidden` added). */
export function dropConcealed(concealed: Node[], store: MentionStore): void {
  const stack = concealed;
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!(node instanceof Element || node instanceof ShadowRoot)) continue;
    store.clearBlock(node);
    if (node instanceof Element && node.shadowRoot) stack.push(node.shadowRoot);
    pushChildren(node, stack);
  }
}

/** Puts a node's child elements on the stack, by index (cheaper than the collection's iterator). */
function pushChildren(node: Element | ShadowRoot, stack: Node[]): void {
  const children = node.children;
  for (let i = 0; i < children.length; i++) stack.push(children[i] as Element);
}
