/** The three languages the bot speaks. */
export const LANGS = ['en', 'ru', 'kk'] as const;
export type Lang = (typeof LANGS)[number];

/** One value per language, built by `build`. */
export const perLang = <T>(build: (lang: Lang) => T): Record<Lang, T> => ({ en: build('en'), ru: build('ru'), kk: build('kk') });

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** A topic's id, as `data/topics.json` declares it. */
export type TopicId = string;

/** A fact as shown in lists and buttons. */
export interface FactRef {
  id: string;
  title: string;
  topic: TopicId;
}

/** One citation, already formatted for display in the reply language. */
export interface Source {
  label: string;
  url?: string;
}

/** What a button does when pressed; encoded into callback data / custom ids by `encodeAction`. */
export type Action =
  | { type: 'fact'; factId: string; lang: Lang }
  | { type: 'topic'; topic: TopicId; lang: Lang }
  | { type: 'topics'; lang: Lang }
  | { type: 'set-lang'; lang: Lang }
  /** Back to the language of each question; `lang` is the picker's, in which the change is confirmed. */
  | { type: 'auto-lang'; lang: Lang }
  | { type: 'random'; lang: Lang };

export interface Button {
  label: string;
  action: Action;
}

/**
 * A platform-neutral reply. Adapters render it (HTML message, embed, console text);
 * `body` and every label are plain text: adapters escape them for their markup.
 */
export interface Reply {
  lang: Lang;
  /** Heading, e.g. the fact's title; absent for plain messages. */
  title?: string;
  body: string;
  sources: Source[];
  /** Rows of buttons. */
  buttons: Button[][];
  /** The fact this reply presents, if any. */
  fact?: FactRef;
}

/**
 * How a message was handled: one fact (`answered`), several (`list`, `timeline`, `compare`, `compound`), none
 * because the source does not tell (`declined`), small talk, a request to say what "it" means (`clarify`), or
 * nothing to read (`empty`, `too-long`).
 */
export type AskStatus =
  | 'answered'
  | 'list'
  | 'timeline'
  | 'compare'
  | 'compound'
  | 'declined'
  | 'smalltalk'
  | 'clarify'
  | 'empty'
  | 'too-long';

/** Statuses whose reply gives facts. */
export const GIVES_FACTS: ReadonlySet<AskStatus> = new Set(['answered', 'list', 'timeline', 'compare', 'compound']);

/** A suggested question that leads to a fact. */
export interface Suggestion {
  factId: string;
  question: string;
}

/** The result of `ask`. */
export interface AskResult {
  status: AskStatus;
  answered: boolean;
  /** Language of the reply. */
  lang: Lang;
  /** Language detected in the question (equals `lang` unless a language was forced). */
  detectedLang: Lang;
  /** The main fact of the reply, if it gives facts. */
  fact: FactRef | null;
  /** Every fact the reply gives, the main one first. */
  factIds: string[];
  /** The reply as a chat user sees it, without markup (answer, then sources). */
  text: string;
  sources: Source[];
  related: FactRef[];
  suggestions: Suggestion[];
  /** The same answer as a renderable reply with buttons. */
  reply: Reply;
}

export interface AskOptions {
  /** Reply in this language whatever the question's language (a stored `/lang` choice). */
  lang?: Lang;
  /** The platform's locale: used only when the question's own language cannot be told. */
  localeHint?: Lang;
}
