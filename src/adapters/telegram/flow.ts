/**
 * Runs tasks one at a time per key (a chat), so replies keep the order of the messages, while different keys
 * run concurrently; `idle()` waits for every task, for a clean shutdown.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<unknown>>();

  run<T>(key: string | undefined, task: () => Promise<T>): Promise<T> {
    const previous = key === undefined ? undefined : this.tails.get(key);
    const result = previous ? previous.then(task) : task();
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    if (key !== undefined) {
      this.tails.set(key, done);
      void done.then(() => {
        if (this.tails.get(key) === done) this.tails.delete(key);
      });
    }
    this.running.add(done);
    void done.then(() => this.running.delete(done));
    return result;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves when no task is queued or running (tasks added meanwhile are waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
