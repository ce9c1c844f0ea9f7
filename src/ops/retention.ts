import type { Store } from '../core/index.ts';
import type { Logger } from '../log.ts';

const DAY_MS = 24 * 3600_000;

/**
 * Deletes what is older than `days` (declined questions, and shared state last written before then) at start
 * and once a day after. Every replica may do it: deleting twice deletes nothing more. Returns the function
 * that stops the daily runs.
 */
export function startRetention(store: Store, days: number, log: Logger): () => void {
  const prune = async () => {
    try {
      const removed = await store.prune(new Date(Date.now() - days * DAY_MS));
      if (removed.declined + removed.entries > 0) log.info(`retention: deleted what is older than ${days} days`, removed);
    } catch (error) {
      log.warn('retention: could not prune the store', error);
    }
  };
  void prune();
  const timer = setInterval(() => void prune(), DAY_MS);
  // The daily run alone must not keep a stopping process alive.
  timer.unref();
  return () => clearInterval(timer);
}
