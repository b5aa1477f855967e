/** Gives the main thread back to the page between slices of work. */

/** The longest a slice of our work may run before yielding (long tasks start at 50 ms). */
export const SLICE_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long to wait for a frame before going on without one: a hidden tab draws none. */
const FRAME_TIMEOUT_MS = 100;

/**
 * Resolves in a task after the page's next frame, when its style is fresh: reading it then
 * (`checkVisibility`) costs little, where before the frame it would compute style for everything
 * the page just added, inside the page's own task.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(settle, FRAME_TIMEOUT_MS);
    requestAnimationFrame(() => void yieldToMain().then(settle));
  });
}
