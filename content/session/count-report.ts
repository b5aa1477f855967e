/**
 * The page's mention count as the badge and the popup hear it: sent only when it changed, at most
 * once a second (a virtualized timeline changes it with every post it recycles; each message costs
 * the page's main thread 1–2 ms to send and wakes the service worker for three `action` calls), the
 * latest count always arriving last. A single change is sent at once. The popup also lists the
 * page again on each count it hears, so a page turned off or on is always heard of, even when its
 * count ends where it was.
 */
export interface CountReport {
  /** Sends the count if it differs from the last one sent: at once, or at the end of the quiet period. */
  report(count: number): void;
  /** The page was turned on or off: its count is sent even if it is the last one sent. */
  switched(count: number): void;
  /** Sends the last count again, if one was ever sent. */
  again(): void;
}

/** The least time between two counts sent. */
export const COUNT_INTERVAL_MS = 1000;

export function countReport(send: (count: number) => void): CountReport {
  let sent = -1;
  let latest = -1;
  let owed = false;
  let quiet: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (latest === sent && !owed) {
      quiet = null;
      return;
    }
    owed = false;
    send((sent = latest));
    quiet = setTimeout(flush, COUNT_INTERVAL_MS);
  };
  const report = (count: number) => {
    latest = count;
    if (quiet === null) flush();
  };
  return {
    report,
    switched(count) {
      owed = true;
      report(count);
    },
    again() {
      if (sent >= 0) send(sent);
    },
  };
}
