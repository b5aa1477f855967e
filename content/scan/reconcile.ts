/**
 * Reconciles a run's mentions, just read, with those its block held before the read: a mention found
 * again at the same place keeps its record and range untouched (so an unchanged page read again never
 * touches the highlight); a new one gets a record and a `StaticRange`, kept aside until it is known
 * to be shown.
 */
import type { DetachedMention, MentionRecord, MentionStore } from '../mentions';
import type { RunMention } from './run-mentions';
import { positionAt, type TextRun } from './text-model';

type TextPosition = { node: Text; offset: number };

/**
 * Puts a run's mentions in the store: those in `earlier` found again are kept (and taken out of
 * `earlier`), the rest added unseen. Returns the new records, for the caller to check for being shown.
 */
export function reconcileRun(
  run: TextRun,
  mentions: readonly RunMention[],
  earlier: DetachedMention[],
  store: MentionStore,
): MentionRecord[] {
  const fresh: MentionRecord[] = [];
  for (const mention of mentions) {
    const from = positionAt(run, mention.start, false);
    const to = positionAt(run, mention.end, true);
    if (!from || !to) continue;
    const text = run.text.slice(mention.start, mention.end);
    // Compared before a Range is made: a full read of a big page would leave 100,000 for the GC.
    const same = earlier.findIndex(
      ({ record, shown }) => shown && record.text === text && spans(record.range, from, to),
    );
    const found = earlier[same];
    if (found) {
      earlier.splice(same, 1);
      store.keep(found);
      continue;
    }
    const range = new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    });
    const nodes = nodesBetween(run, mention.start, mention.end);
    const record: MentionRecord = {
      range,
      tag: mention.tag,
      text,
      block: run.block,
      link: linkAround(nodes[0]) ?? linkAround(nodes.at(-1)),
      nodes,
    };
    store.add(record, false);
    fresh.push(record);
  }
  return fresh;
}

function spans(range: AbstractRange, from: TextPosition, to: TextPosition): boolean {
  return (
    range.startContainer === from.node &&
    range.startOffset === from.offset &&
    range.endContainer === to.node &&
    range.endOffset === to.offset
  );
}

/** The text nodes under a run's offsets: a binary search, as one block may hold thousands. */
export function nodesBetween(run: TextRun, start: number, end: number): Text[] {
  const segments = run.segments;
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid];
    if (segment && segment.start + segment.node.data.length > start) high = mid;
    else low = mid + 1;
  }
  const nodes: Text[] = [];
  for (let i = low; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment || segment.start >= end) break;
    nodes.push(segment.node);
  }
  return nodes;
}

function linkAround(node: Text | undefined): HTMLAnchorElement | null {
  const link = node?.parentElement?.closest('a[href]');
  return link instanceof HTMLAnchorElement ? link : null;
}
