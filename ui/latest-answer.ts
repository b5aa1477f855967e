/**
 * A question asked again and again (the popup's "which mentions has the tab?"), where only the answer
 * to the latest asking may be shown: an older answer that arrives after a newer one (a long list still
 * on its way when the page was turned off) would show what is no longer so.
 */
export function latestAnswer<T>(
  ask: () => Promise<T>,
  apply: (answer: T) => void,
): () => Promise<void> {
  let asked = 0;
  return async () => {
    const asking = ++asked;
    const answer = await ask();
    if (asking === asked) apply(answer);
  };
}
