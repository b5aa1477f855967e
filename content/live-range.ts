/**
 * Live ranges over the store's static ones, made for the moment a box, an order or a text is asked
 * of a mention (content/mentions.ts says why the store keeps no live range). A static range the page
 * has outrun (its text shortened, before the scanner read the block again) is clamped to the text
 * there is: a live range cannot point past it.
 */

/** The greatest offset a boundary point in `node` can have. */
export function nodeLength(node: Node): number {
  return node instanceof CharacterData ? node.length : node.childNodes.length;
}

/** `range`'s place as a live Range: `into` (reused by callers that measure many) or a new one. */
export function liveRange(range: AbstractRange, into: Range = new Range()): Range {
  into.setStart(
    range.startContainer,
    Math.min(range.startOffset, nodeLength(range.startContainer)),
  );
  into.setEnd(range.endContainer, Math.min(range.endOffset, nodeLength(range.endContainer)));
  return into;
}

/**
 * Where the point at `range`'s start stands against `other`'s start: negative before it, 0 at it,
 * positive after it. Throws for points in different trees (another shadow tree, another document).
 */
export function compareStarts(range: AbstractRange, other: AbstractRange, scratch: Range): number {
  const node = range.startContainer;
  const otherNode = other.startContainer;
  // Mentions in one text node (a post's, or thousands in one long node) compare by offset alone;
  // in two text nodes of one tree, as the nodes do (a text node holds no other node).
  if (node === otherNode) return range.startOffset - other.startOffset;
  if (node instanceof Text && otherNode instanceof Text) {
    const position = node.compareDocumentPosition(otherNode);
    if (!(position & Node.DOCUMENT_POSITION_DISCONNECTED))
      return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  scratch.setStart(otherNode, Math.min(other.startOffset, nodeLength(otherNode)));
  scratch.collapse(true);
  return scratch.comparePoint(node, Math.min(range.startOffset, nodeLength(node)));
}
