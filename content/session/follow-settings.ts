/** The settings as they are now and as they change, with none missed in between. */
import { readSettings, watchSettings, type Settings } from '../settings';

/**
 * Calls `apply` with the stored settings, then with each change. The listener is added before the
 * read: a change made while the read is on its way is applied, and the read's older answer is not.
 * Returns the listener's removal.
 */
export async function followSettings(apply: (settings: Settings) => void): Promise<() => void> {
  let changed = false;
  const unwatch = watchSettings((next) => {
    changed = true;
    apply(next);
  });
  const stored = await readSettings();
  if (!changed) apply(stored);
  return unwatch;
}
