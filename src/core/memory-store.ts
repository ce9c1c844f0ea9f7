import type { DeclinedQuestion, DeclinedSummary, EntryChange, EntryNamespace, PreferenceScope, Store } from './store.ts';
import type { Lang } from './types.ts';

interface MemoryEntry {
  value: string;
  expiresAt: number;
  updatedAt: number;
}

/** A store that lives as long as the process: for the console chat and for tests. */
export class MemoryStore implements Store {
  private readonly languages = new Map<string, Lang>();
  private declined: DeclinedQuestion[] = [];
  private readonly entries = new Map<string, MemoryEntry>();
  private sweepAt = 1024;
  private lastSweep = -Infinity;

  /** `now` is the clock that expires entries (tests pass their own). */
  constructor(private readonly now: () => number = Date.now) {}

  async getLanguage(scope: PreferenceScope, id: string): Promise<Lang | undefined> {
    return this.languages.get(`${scope}:${id}`);
  }

  async setLanguage(scope: PreferenceScope, id: string, lang: Lang): Promise<void> {
    this.languages.set(`${scope}:${id}`, lang);
  }

  async clearLanguage(scope: PreferenceScope, id: string): Promise<void> {
    this.languages.delete(`${scope}:${id}`);
  }

  async logDeclined(question: DeclinedQuestion): Promise<void> {
    this.declined.push(question);
  }

  async topDeclined(limit: number): Promise<DeclinedSummary[]> {
    const groups = new Map<string, DeclinedSummary>();
    for (const { text, lang, at } of this.declined) {
      const key = `${lang}:${text.trim().toLowerCase()}`;
      const group = groups.get(key);
      if (group) {
        group.count += 1;
        if (at > group.lastAt) group.lastAt = at;
      } else groups.set(key, { text: text.trim(), lang, count: 1, lastAt: at });
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime()).slice(0, limit);
  }

  async getEntry(namespace: EntryNamespace, key: string): Promise<string | undefined> {
    return this.live(`${namespace}:${key}`)?.value;
  }

  async putEntry(namespace: EntryNamespace, key: string, value: string, expiresAt: Date): Promise<void> {
    this.write(`${namespace}:${key}`, value, expiresAt);
  }

  async updateEntry<T>(namespace: EntryNamespace, key: string, change: (current: string | undefined) => EntryChange<T>): Promise<T> {
    const id = `${namespace}:${key}`;
    // One synchronous step: nothing else runs between the read and the write.
    const { result, write } = change(this.live(id)?.value);
    if (write) this.write(id, write.value, write.expiresAt);
    return result;
  }

  async prune(before: Date): Promise<{ declined: number; entries: number }> {
    const count = this.declined.length;
    this.declined = this.declined.filter((q) => q.at >= before);
    const entries = this.sweep(before.getTime());
    return { declined: count - this.declined.length, entries };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private live(id: string): MemoryEntry | undefined {
    const entry = this.entries.get(id);
    return entry && entry.expiresAt > this.now() ? entry : undefined;
  }

  private write(id: string, value: string, expiresAt: Date): void {
    // Memory stays bounded: whenever the map has doubled, and once a minute, expired entries go.
    if (this.entries.size >= this.sweepAt || this.now() - this.lastSweep > 60_000) {
      this.lastSweep = this.now();
      this.sweep(-Infinity);
      this.sweepAt = Math.max(1024, this.entries.size * 2);
    }
    this.entries.set(id, { value, expiresAt: expiresAt.getTime(), updatedAt: this.now() });
  }

  /** Deletes entries that expired or were last written before `before`; returns how many. */
  private sweep(before: number): number {
    const now = this.now();
    let removed = 0;
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now || entry.updatedAt < before) {
        this.entries.delete(id);
        removed += 1;
      }
    }
    return removed;
  }

  /** Entries held, expired or not (tests check that memory stays bounded). */
  get size(): number {
    return this.entries.size;
  }
}
