/** The three languages the bot speaks. */
export const LANGS = ['en', 'ru', 'kk'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** The fixed set of topics a fact belongs to. */
export const TOPICS = [
  'initiative',
  'economy',
  'alliances',
  'language-and-education',
  'confucius-institutes',
  'events',
  'publications',
  'about-the-article',
] as const;
export type TopicId = (typeof TOPICS)[number];

export const isTopic = (value: unknown): value is TopicId =>
  typeof value === 'string' && (TOPICS as readonly string[]).includes(value);

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
  /** A state change the adapter must persist (from `/lang`). */
  effect?: { setLang: Lang };
}

export type AskStatus = 'answered' | 'declined' | 'greeting' | 'empty' | 'too-long';

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
  fact: FactRef | null;
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
