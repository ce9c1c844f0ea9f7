/** The public API of the core: everything an adapter may use. */
export { encodeAction, decodeAction, isLanguageChoice, MAX_ACTION_BYTES } from './actions.ts';
export { ChatService, type ChatReply, type Conversation, type Outcome } from './chat.ts';
export { sourcesHeading } from './compose.ts';
export { describeCommand, type Command, type CommandOption, type CommandTexts } from './command.ts';
export { COMMANDS, findCommand } from './command-table.ts';
export { FactsBot, MAX_QUESTION_LENGTH, type FactsBotOptions, type TopicSummary } from './facts-bot.ts';
export { KnowledgeError } from './knowledge/load.ts';
export { choiceLabel, LANGUAGE_CHOICES, type LanguageChoice } from './language-choice.ts';
export { MemoryStore } from './memory-store.ts';
export { RateLimiter, type RateDecision, type RateLimitOptions } from './rate-limit.ts';
export type { DeclinedQuestion, DeclinedSummary, EntryChange, EntryNamespace, Platform, PreferenceScope, Store } from './store.ts';
export { clip } from './text/clip.ts';
export * from './types.ts';
