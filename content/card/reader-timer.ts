/**
 * A timer for what the reader waits on: the hover's dwell, the grace before the card closes. The
 * extension's own bulk work (reading a page, ranking its mentions for the highlight) yields with
 * `scheduler.yield()`, whose continuations the browser runs before ordinary timers; a
 * 'user-blocking' task runs before them. (On a page of 100,000 mentions a 500 ms dwell was seen
 * firing 8–10 s late after a scroll on a busy machine; most of that wait is the browser redrawing the
 * page, which no priority shortens.) Where the browser has no `scheduler.postTask`, a plain
 * `setTimeout` (there, yields are plain tasks too).
 */

interface PostTask {
  postTask(
    step: () => void,
    options: { priority: 'user-blocking'; delay: number; signal: AbortSignal },
  ): Promise<unknown>;
}

/** Runs `step` after `ms`; returns the cancel. */
export function later(step: () => void, ms: number): () => void {
  const scheduler = (globalThis as { scheduler?: Partial<PostTask> }).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') {
    const controller = new AbortController();
    scheduler
      .postTask(step, { priority: 'user-blocking', delay: ms, signal: controller.signal })
      .catch(() => {
        // Cancelled: the reader moved on.
      });
    return () => controller.abort();
  }
  const id = setTimeout(step, ms);
  return () => clearTimeout(id);
}
