import type { Lang } from './types.ts';

/** Where a language preference belongs: a Telegram chat, a Discord user, or the console session. */
export type PreferenceScope = 'telegram-chat' | 'discord-user' | 'console';
export type Platform = 'telegram' | 'discord' | 'console';

export interface DeclinedQuestion {
  text: string;
  lang: Lang;
  platform: Platform;
  at: Date;
}

export interface DeclinedSummary {
  text: string;
  lang: Lang;
  count: number;
  lastAt: Date;
}

/**
 * The kinds of short-lived shared state kept as entries: per-user rate-limit windows, the claims that make
 * several replicas answer each Telegram update once, and what each conversation remembers.
 */
export type EntryNamespace = 'rate' | 'telegram-update' | 'conversation';

/** What `Store.update` should do: the caller's result, and the entry to write (none: leave it as it is). */
export interface EntryChange<T> {
  result: T;
  write?: { value: string; expiresAt: Date };
}

/**
 * Persistent state shared by the adapters and, through a shared database, by every replica of the bot.
 * Implementations must survive restarts and crashes mid-write. Every method is asynchronous, since a
 * database server may answer it.
 */
export interface Store {
  getLanguage(scope: PreferenceScope, id: string): Promise<Lang | undefined>;
  setLanguage(scope: PreferenceScope, id: string, lang: Lang): Promise<void>;
  /** Forgets a language choice (`/lang auto`); nothing happens when there is none. */
  clearLanguage(scope: PreferenceScope, id: string): Promise<void>;
  /** Records a question the bot declined (no user ids), for curators of `data/`. */
  logDeclined(question: DeclinedQuestion): Promise<void>;
  /** The most frequent declined questions, most frequent first. */
  topDeclined(limit: number): Promise<DeclinedSummary[]>;
  /** The value of an entry, if it exists and has not expired. */
  getEntry(namespace: EntryNamespace, key: string): Promise<string | undefined>;
  /** Writes an entry (replacing any), kept until `expiresAt`. */
  putEntry(namespace: EntryNamespace, key: string, value: string, expiresAt: Date): Promise<void>;
  /**
   * Reads an entry (undefined when missing or expired), lets `change` decide, and writes what it returns, as
   * one atomic step: no other process changes the entry in between.
   */
  updateEntry<T>(namespace: EntryNamespace, key: string, change: (current: string | undefined) => EntryChange<T>): Promise<T>;
  /** Deletes declined questions recorded before `before` and entries that expired or were last written before it. */
  prune(before: Date): Promise<{ declined: number; entries: number }>;
  /** Resolves when the store answers (readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
