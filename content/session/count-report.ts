/**
 * The page's mention count as the badge hears it: sent only when it changed, at most once per
 * quarter second (a virtualized timeline changes it with every post it recycles, and each message
 * wakes the service worker for three `action` calls), the latest count always arriving last.
 */
export interface CountReport {
  /** Sends the count if it differs from the last one sent: at once, or at the end of the quiet period. */
  report(count: number): void;
  /** Sends the last count again, if one was ever sent. */
  again(): void;
}

/** The least time between two counts sent. */
export const COUNT_INTERVAL_MS = 250;

export function countReport(send: (count: number) => void): CountReport {
  let sent = -1;
  let latest = -1;
  let quiet: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (latest === sent) {
      quiet = null;
      return;
    }
    send((sent = latest));
    quiet = setTimeout(flush, COUNT_INTERVAL_MS);
  };
  return {
    report(count) {
      latest = count;
      if (quiet === null) flush();
    },
    again() {
      if (sent >= 0) send(sent);
    },
  };
}
