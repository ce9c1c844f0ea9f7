import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReplyComposer, renderPlain } from './compose.ts';
import { createTranslator, type Translate } from './i18n.ts';
import { loadKnowledge, type Knowledge } from './knowledge/load.ts';
import type { FactRecord } from './knowledge/schema.ts';
import { FactIndex, type SearchResult } from './search/fact-index.ts';
import { AnswerJudge } from './search/answer-judge.ts';
import { Suggester } from './search/suggest.ts';
import { DEFAULT_TUNING, type Tuning } from './search/tuning.ts';
import { detectLanguage, type DetectedLanguage } from './text/detect-language.ts';
import { switchLayout } from './text/keyboard-layout.ts';
import { words as foldedWords } from './text/normalize.ts';
import { GREETINGS, STOPWORDS } from './text/stopwords.ts';
import {
  isTopic,
  LANGS,
  TOPICS,
  type AskOptions,
  type AskResult,
  type AskStatus,
  type FactRef,
  type Lang,
  type Reply,
  type Suggestion,
  type TopicId,
} from './types.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Questions longer than this get a polite request for a shorter one. */
export const MAX_QUESTION_LENGTH = 500;

/** The text's own language when it is clear; else the platform's locale; else the detector's best guess. */
const replyLanguage = (detected: DetectedLanguage, localeHint: Lang | undefined): Lang =>
  detected.confident ? detected.lang : (localeHint ?? detected.lang);

export interface FactsBotOptions {
  dataDir?: string;
  localesDir?: string;
  /** Random source for /fact; injectable for tests. */
  random?: () => number;
  /** Facts to use instead of `dataDir` (benchmarks scale the base this way). */
  knowledge?: Knowledge;
  /** Ranking and answering parameters (the evaluation tunes them). */
  tuning?: Partial<Tuning>;
}

export interface TopicSummary {
  id: TopicId;
  name: string;
  count: number;
}

/** The bot's whole knowledge and behaviour, independent of any chat platform. */
export class FactsBot {
  readonly t: Translate;
  readonly facts: readonly FactRecord[];
  private readonly byId: Map<string, FactRecord>;
  private readonly index: FactIndex;
  private readonly suggester: Suggester;
  private readonly compose: ReplyComposer;
  private readonly random: () => number;
  private readonly tuning: Tuning;
  private readonly relatedCache = new Map<string, FactRecord[]>();
  private readonly judge: AnswerJudge;

  constructor(options: FactsBotOptions = {}) {
    const knowledge = options.knowledge ?? loadKnowledge(options.dataDir ?? path.join(ROOT, 'data'));
    this.t = createTranslator(options.localesDir ?? path.join(ROOT, 'locales'));
    this.facts = knowledge.facts;
    this.byId = new Map(knowledge.facts.map((f) => [f.id, f]));
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.index = new FactIndex(knowledge.facts, this.tuning);
    this.suggester = new Suggester(knowledge.facts, this.index);
    this.judge = new AnswerJudge(knowledge.facts, this.tuning, knowledge.source.article.year);
    this.compose = new ReplyComposer(this.t, knowledge.source);
    this.random = options.random ?? Math.random;
  }

  /** Answers a question in any of the three languages; never throws. */
  ask(input: string, options: AskOptions = {}): AskResult {
    const text = this.retyped(typeof input === 'string' ? input.trim() : '');
    const detected = detectLanguage(text.slice(0, MAX_QUESTION_LENGTH), options.localeHint ?? 'en');
    const lang = options.lang ?? replyLanguage(detected, options.localeHint);

    if (!/[\p{L}\p{N}]/u.test(text)) return this.result('empty', lang, detected.lang, this.compose.message(lang, this.t(lang, 'empty')));
    if (text.length > MAX_QUESTION_LENGTH) {
      return this.result('too-long', lang, detected.lang, this.compose.message(lang, this.t(lang, 'tooLong', { max: MAX_QUESTION_LENGTH })));
    }
    if (this.isGreeting(text)) return this.result('greeting', lang, detected.lang, this.greeting(lang));

    const search = this.index.search(text, 10);
    const chosen = this.judge.choose(text, search);
    if (chosen) {
      const fact = this.facts[chosen.fact]!;
      return this.result('answered', lang, detected.lang, this.factReply(fact, lang));
    }
    const suggestions = this.suggestionsFrom(search, lang);
    const reply = this.compose.withSuggestions(lang, this.t(lang, 'decline'), 'suggestionsHeader', suggestions);
    return this.result('declined', lang, detected.lang, reply, suggestions);
  }

  /** The question as meant when it was typed with the wrong keyboard layout ("ghbdtn" for "привет"). */
  private retyped(text: string): string {
    const legible = (candidate: string) => {
      const words = foldedWords(candidate);
      const known = words.filter((w) => STOPWORDS.has(w) || GREETINGS.has(w) || this.index.knows(w)).length;
      return words.length ? known / words.length : 0;
    };
    // Most text reads as typed; only when most of it does not is the other layout worth a look.
    const asTyped = legible(text);
    if (asTyped >= 0.5) return text;
    const switched = switchLayout(text);
    const asSwitched = legible(switched);
    return asSwitched >= 0.5 && asSwitched > asTyped ? switched : text;
  }

  private isGreeting(text: string): boolean {
    const words = foldedWords(text);
    return words.some((w) => GREETINGS.has(w)) && words.every((w) => GREETINGS.has(w) || STOPWORDS.has(w));
  }

  private result(status: AskStatus, lang: Lang, detectedLang: Lang, reply: Reply, suggestions: Suggestion[] = []): AskResult {
    const fact = reply.fact && status === 'answered' ? reply.fact : null;
    return {
      status,
      answered: status === 'answered',
      lang,
      detectedLang,
      fact,
      text: renderPlain(reply, this.t),
      sources: reply.sources,
      related: fact ? this.related(this.byId.get(fact.id)!).map((f) => this.compose.factRef(f, lang)) : [],
      suggestions,
      reply,
    };
  }

  private suggestionsFrom(search: SearchResult, lang: Lang): Suggestion[] {
    const candidates = search.ranked.filter((r) => r.score > 0).slice(0, 3).map((r) => this.facts[r.fact]!);
    const facts = candidates.length ? candidates : this.starterFacts();
    return facts.map((fact) => ({ factId: fact.id, question: fact[lang].questions[0]! }));
  }

  /** One fact from each of the first topics: a sensible default set of example questions. */
  private starterFacts(): FactRecord[] {
    return TOPICS.map((topic) => this.facts.find((f) => f.topic === topic)).filter((f): f is FactRecord => !!f).slice(0, 3);
  }

  /** Up to 3 facts closest to this one, found by searching with its own title and keywords. */
  private related(fact: FactRecord): FactRecord[] {
    const cached = this.relatedCache.get(fact.id);
    if (cached) return cached;
    const query = [fact.en.title, ...fact.en.keywords.slice(0, 6)].join(' ');
    const related = this.index
      .search(query, 8, { letters: false })
      .ranked.map((r) => this.facts[r.fact]!)
      .filter((f) => f.id !== fact.id)
      .slice(0, 3);
    this.relatedCache.set(fact.id, related);
    return related;
  }

  /** The reply that presents a fact, with sources, related facts and language buttons. */
  factReply(fact: FactRecord, lang: Lang): Reply {
    return this.compose.fact(fact, lang, this.related(fact));
  }

  /** The language to answer a text in, as `ask` chooses it when no language is forced. */
  detect(text: string, localeHint?: Lang): Lang {
    const clipped = typeof text === 'string' ? text.slice(0, MAX_QUESTION_LENGTH) : '';
    return replyLanguage(detectLanguage(clipped, localeHint ?? 'en'), localeHint);
  }

  /** A fact by id in a language, or null if no such fact exists. */
  factById(id: string, lang: Lang): Reply | null {
    const fact = this.byId.get(id);
    return fact ? this.factReply(fact, lang) : null;
  }

  /** A random fact, optionally from one topic. */
  randomFact(lang: Lang, topic?: TopicId): Reply {
    const pool = topic ? this.facts.filter((f) => f.topic === topic) : this.facts;
    const fact = pool[Math.floor(this.random() * pool.length)] ?? this.facts[0]!;
    return this.factReply(fact, lang);
  }

  topics(lang: Lang): TopicSummary[] {
    return TOPICS.map((id) => ({
      id,
      name: this.t(lang, `topics.names.${id}`),
      count: this.facts.filter((f) => f.topic === id).length,
    })).filter((topic) => topic.count > 0);
  }

  factsOfTopic(topic: TopicId, lang: Lang): FactRef[] {
    return this.facts.filter((f) => f.topic === topic).map((f) => this.compose.factRef(f, lang));
  }

  /** Questions that complete a partial one, for autocomplete; prefix- and typo-tolerant. */
  suggest(partial: string, lang: Lang, limit = 10): Suggestion[] {
    return this.suggester.suggest(typeof partial === 'string' ? partial : '', lang, limit);
  }

  /** A greeting with three example questions as buttons. */
  greeting(lang: Lang): Reply {
    const examples = this.starterFacts().map((fact) => ({ factId: fact.id, question: fact[lang].questions[0]! }));
    return this.compose.withSuggestions(lang, this.t(lang, 'greeting'), 'greetingHint', examples);
  }

  about(lang: Lang): Reply {
    const citation = this.compose.articleSource(lang);
    return {
      ...this.compose.message(lang, this.t(lang, 'about', { count: this.facts.length, citation: citation.label })),
      sources: [citation],
    };
  }

  /** A topic named by its id or by the starts of words of its name in any language ("conf", "институты"). */
  findTopic(text: string, lang: Lang): TopicId | undefined {
    const trimmed = text.trim();
    if (isTopic(trimmed)) return trimmed;
    const wanted = foldedWords(trimmed);
    if (wanted.length === 0 || wanted.join('').length < 2) return undefined;
    const order: Lang[] = [lang, ...LANGS.filter((l) => l !== lang)];
    for (const l of order) {
      const found = TOPICS.find((id) => {
        const name = foldedWords(this.t(l, `topics.names.${id}`));
        return wanted.every((w) => name.some((n) => n.startsWith(w)));
      });
      if (found) return found;
    }
    return undefined;
  }

  /** Confirms a language change, in the new language. */
  languageSet(lang: Lang): Reply {
    return this.compose.message(lang, this.t(lang, 'lang.set'));
  }

  message(lang: Lang, body: string): Reply {
    return this.compose.message(lang, body);
  }

  topicsReply(lang: Lang, header = this.t(lang, 'topics.header')): Reply {
    const rows = this.topics(lang).map((topic) => [
      {
        label: `${topic.name} (${this.t(lang, 'topics.factCount', { count: topic.count })})`,
        action: { type: 'topic' as const, topic: topic.id, lang },
      },
    ]);
    return this.compose.message(lang, header, rows);
  }

  topicReply(topic: TopicId, lang: Lang): Reply {
    const facts = this.factsOfTopic(topic, lang);
    const header = this.t(lang, 'topics.factsHeader', { topic: this.t(lang, `topics.names.${topic}`), count: facts.length });
    const rows = facts.map((fact) => [{ label: fact.title, action: { type: 'fact' as const, factId: fact.id, lang } }]);
    return this.compose.message(lang, header, rows);
  }

  /** Plain text of any reply, as the console and the CLI print it. */
  plain(reply: Reply): string {
    return renderPlain(reply, this.t);
  }
}
