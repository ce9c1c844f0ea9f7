import type { DeclinedQuestion, DeclinedSummary, PreferenceScope, Store } from './store.ts';
import type { Lang } from './types.ts';

/** A store that lives as long as the process: for the console chat and for tests. */
export class MemoryStore implements Store {
  private readonly languages = new Map<string, Lang>();
  private readonly declined: DeclinedQuestion[] = [];

  getLanguage(scope: PreferenceScope, id: string): Lang | undefined {
    return this.languages.get(`${scope}:${id}`);
  }

  setLanguage(scope: PreferenceScope, id: string, lang: Lang): void {
    this.languages.set(`${scope}:${id}`, lang);
  }

  logDeclined(question: DeclinedQuestion): void {
    this.declined.push(question);
  }

  topDeclined(limit: number): DeclinedSummary[] {
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

  close(): void {}
}
