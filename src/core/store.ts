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

/** Persistent state shared by the adapters. Implementations must survive restarts and crashes mid-write. */
export interface Store {
  getLanguage(scope: PreferenceScope, id: string): Lang | undefined;
  setLanguage(scope: PreferenceScope, id: string, lang: Lang): void;
  /** Records a question the bot declined (no user ids), for curators of `data/`. */
  logDeclined(question: DeclinedQuestion): void;
  /** The most frequent declined questions, most frequent first. */
  topDeclined(limit: number): DeclinedSummary[];
  close(): void;
}
