/** The page's mention count as the badge hears it: sent only when it changed, or when asked again. */
export interface CountReport {
  /** Sends the count if it differs from the last one sent. */
  report(count: number): void;
  /** Sends the last count again, if one was ever sent. */
  again(): void;
}

export function countReport(send: (count: number) => void): CountReport {
  let sent = -1;
  return {
    report(count) {
      // The service worker wakes for each message: the count goes only when it changed.
      if (count !== sent) send((sent = count));
    },
    again() {
      if (sent >= 0) send(sent);
    },
  };
}
