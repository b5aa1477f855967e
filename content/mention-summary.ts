/** What the popup shows of a mention, and which mention a command means. */
import type { MentionSummary } from './messages';
import type { MentionRecord } from './mentions';

/** How much text either side of a mention the popup shows, in characters. */
const CONTEXT_CHARS = 40;

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Cuts at a word boundary so the context reads as words, not fragments. */
function lastWords(text: string): string {
  const squashed = squash(text);
  if (squashed.length <= CONTEXT_CHARS) return squashed.trimStart();
  const tail = squashed.slice(-CONTEXT_CHARS);
  const space = tail.indexOf(' ');
  return `…${space >= 0 ? tail.slice(space) : tail}`;
}

function firstWords(text: string): string {
  const squashed = squash(text);
  if (squashed.length <= CONTEXT_CHARS) return squashed.trimEnd();
  const head = squashed.slice(0, CONTEXT_CHARS);
  const space = head.lastIndexOf(' ');
  return `${space > 0 ? head.slice(0, space) : head}…`;
}

export function summarise(record: MentionRecord): MentionSummary {
  const before = new Range();
  before.selectNodeContents(record.block);
  before.setEnd(record.range.startContainer, record.range.startOffset);
  const after = new Range();
  after.selectNodeContents(record.block);
  after.setStart(record.range.endContainer, record.range.endOffset);
  return {
    before: lastWords(before.toString()),
    text: record.text,
    after: firstWords(after.toString()),
    tag: record.tag,
  };
}

/** The mention nearest the middle of the viewport, among those with a box on screen or off it. */
export function nearestToCentre(
  records: readonly MentionRecord[],
  width: number,
  height: number,
): MentionRecord | null {
  let best: MentionRecord | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const record of records) {
    const box = record.range.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const dx = box.left + box.width / 2 - width / 2;
    const dy = box.top + box.height / 2 - height / 2;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = record;
    }
  }
  return best;
}

/** The first mention that a selection touches. */
export function mentionInSelection(
  records: readonly MentionRecord[],
  selection: Selection | null,
): MentionRecord | null {
  if (!selection || selection.rangeCount === 0) return null;
  const selected = selection.getRangeAt(0);
  for (const record of records) {
    try {
      if (
        selected.compareBoundaryPoints(Range.END_TO_START, record.range) <= 0 &&
        selected.compareBoundaryPoints(Range.START_TO_END, record.range) >= 0
      ) {
        return record;
      }
    } catch {
      // A mention in another shadow tree can't be compared with the selection.
    }
  }
  return null;
}
