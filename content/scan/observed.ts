/**
 * What each root's observer follows (in a module with no imports, so that the benchmarks' floors in
 * scripts/bench/floors.ts observe a page with these very options): the tree, text, the attributes
 * that show or hide text without changing the tree or make an element one the reader leaves (a
 * field's role, `contenteditable`), and links' addresses (a link to a family tag's page makes its
 * text a mention). An edit's old text tells whether its node was empty (QuietBlocks.isQuietEdit).
 */
export const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  characterDataOldValue: true,
  attributeFilter: ['hidden', 'role', 'contenteditable', 'open', 'class', 'style', 'href'],
};
