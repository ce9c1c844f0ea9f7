import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReplyComposer, renderPlain } from './compose.ts';
import { createTranslator, type Translate } from './i18n.ts';
import { loadKnowledge, type Knowledge } from './knowledge/load.ts';
import type { FactRecord, SmallTalk, TopicFile } from './knowledge/schema.ts';
import { AnswerJudge } from './search/answer-judge.ts';
import { allowedEdits, editDistance } from './search/spelling.ts';
import { EntityCatalog } from './search/entities.ts';
import { FactIndex, type SearchResult } from './search/fact-index.ts';
import { FactProfiles } from './search/fact-profile.ts';
import { QuestionReader, type Question } from './search/question.ts';
import { Suggester } from './search/suggest.ts';
import { DEFAULT_TUNING, type Tuning } from './search/tuning.ts';
import { detectLanguage, isCyrillic, type DetectedLanguage } from './text/detect-language.ts';
import { switchLayout } from './text/keyboard-layout.ts';
import { Lexicon } from './text/lexicon.ts';
import { words as foldedWords } from './text/normalize.ts';
import { span, within } from './text/phrases.ts';
import {
  GIVES_FACTS,
  LANGS,
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

/** A message ready to read (see `FactsBot.prepare`). */
export interface PreparedMessage {
  text: string;
  detected: DetectedLanguage;
  /** The reply language. */
  lang: Lang;
}

/** When a message holds several kinds of small talk ("hi, how are you?"), the most specific is answered. */
const SMALLTALK_PRIORITY: readonly SmallTalk[] = ['who', 'abilities', 'howAreYou', 'thanks', 'bye', 'greeting', 'ack'];

/** Questions longer than this get a polite request for a shorter one. */
export const MAX_QUESTION_LENGTH = 500;

/**
 * The language to reply in: the one detected, or when the text does not tell, the hint (the platform's locale,
 * the conversation's language), unless the hint cannot be the text's (a Cyrillic text is not English).
 */
const replyLanguage = (text: string, detected: DetectedLanguage, localeHint: Lang | undefined): Lang =>
  detected.confident || !localeHint || (localeHint === 'en' && isCyrillic(text)) ? detected.lang : localeHint;

/** How many edits a text is from a small-talk phrase, when it is a typo of it (one edit per four letters). */
function typoEdits(text: string, phrase: string): number | undefined {
  const allowed = allowedEdits(phrase.length);
  if (Math.abs(phrase.length - text.length) > allowed) return undefined;
  const edits = editDistance(text, phrase);
  return edits <= allowed ? edits : undefined;
}

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

/** A message as the bot reads it: the facts ranked for it, and what it asks. */
export interface Reading {
  readonly search: SearchResult;
  readonly question: Question;
}

/** How many readings of recent messages are remembered. */
const REMEMBERED_READINGS = 64;
/** Below this share of words not said yet, a fact mostly repeats what was told (the same dates, the same names). */
const MOSTLY_SAID = 0.15;
/** Small talk is a few words: a longer message is no greeting misspelt. */
const MAX_SMALLTALK_WORDS = 3;
/** Under this many letters a typo turns one short word into another ("ok" → "on"). */
const MIN_MISSPELT_SMALLTALK = 5;
/** A word clipped of its last letter is small talk from this many letters on («ясн»). */
const MIN_CLIPPED_SMALLTALK = 3;
/** The kinds of small talk recognised misspelt: what people say, not what they ask. */
const MISSPELT_KINDS: ReadonlySet<SmallTalk> = new Set(['greeting', 'thanks', 'ack', 'bye']);

export interface TopicSummary {
  id: TopicId;
  name: string;
  count: number;
}

/** The bot's whole knowledge and behaviour, independent of any chat platform. */
export class FactsBot {
  readonly t: Translate;
  readonly facts: readonly FactRecord[];
  readonly lexicon: Lexicon;
  readonly entities: EntityCatalog;
  private readonly topicList: TopicFile;
  private readonly byId: Map<string, FactRecord>;
  private readonly index: FactIndex;
  private readonly reader: QuestionReader;
  /** Built at the first suggestion asked for (inline queries, autocomplete): start-up stays short. */
  private suggesterBuilt?: Suggester;
  /** Turns facts into replies; the conversation module composes replies about several facts with it. */
  readonly compose: ReplyComposer;
  /** Entities every fact of some source is set in: a question may name them without narrowing what it asks. */
  readonly setting: ReadonlySet<string>;
  private readonly random: () => number;
  private readonly tuning: Tuning;
  private readonly relatedCache = new Map<string, FactRecord[]>();
  private readonly judge: AnswerJudge;
  private readonly readings = new Map<string, Reading>();
  private readonly answerWordsCache = new Map<string, readonly string[]>();
  /** Each class's instances that some fact is about, worked out once: lists and timelines ask it for every fact. */
  private readonly instances = new Map<string, string[]>();
  /** `kinds()`, worked out once: a bot's knowledge never changes under it. */
  private readonly kindIds: readonly string[];

  constructor(options: FactsBotOptions = {}) {
    const knowledge = options.knowledge ?? loadKnowledge(options.dataDir ?? path.join(ROOT, 'data'));
    this.t = createTranslator(options.localesDir ?? path.join(ROOT, 'locales'));
    this.facts = knowledge.facts;
    this.topicList = knowledge.topics;
    this.byId = new Map(knowledge.facts.map((f) => [f.id, f]));
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.lexicon = new Lexicon(knowledge.lexicon);
    this.entities = new EntityCatalog(knowledge.entities, this.lexicon);
    this.index = new FactIndex(knowledge.facts, this.lexicon, this.tuning);
    this.reader = new QuestionReader(this.lexicon, this.entities);
    const profiles = new FactProfiles(knowledge.facts, knowledge.sources, this.entities, this.lexicon);
    this.judge = new AnswerJudge(profiles, this.entities, this.lexicon, this.tuning);
    this.compose = new ReplyComposer(this.t, knowledge.sources);
    this.setting = new Set([...knowledge.sources.values()].flatMap((s) => s.setting));
    this.random = options.random ?? Math.random;
    const subjects = new Set(knowledge.facts.flatMap((f) => f.answers.subjects));
    for (const entity of knowledge.entities) {
      if (!subjects.has(entity.id)) continue;
      for (const kind of entity.isA ?? []) this.instances.set(kind, [...(this.instances.get(kind) ?? []), entity.id]);
    }
    this.kindIds = [...this.entities.byId.values()].filter((e) => e.kind === 'concept' && this.instances.has(e.id)).map((e) => e.id);
  }

  /** Answers one message on its own, with no conversation around it, in any of the three languages; never throws. */
  ask(input: string, options: AskOptions = {}): AskResult {
    const message = this.prepare(input, options);
    if ('result' in message) return message.result;
    const smallTalk = this.smallTalk(message.text, options);
    if (smallTalk) return smallTalk;
    const answer = this.answer(message.text, message.detected.lang, message.lang);
    return (answer.status === 'declined' && this.misspeltSmallTalk(message.text, options)) || answer;
  }

  /**
   * A message made ready to read: layout slips undone, its language told, the reply language chosen. Empty and
   * over-long messages get their reply at once.
   */
  prepare(input: string, options: AskOptions = {}): PreparedMessage | { result: AskResult } {
    const text = this.retyped(typeof input === 'string' ? input.trim() : '');
    const detected = detectLanguage(text.slice(0, MAX_QUESTION_LENGTH), this.lexicon.markers, options.localeHint ?? 'en');
    const lang = options.lang ?? replyLanguage(text, detected, options.localeHint);
    if (!/[\p{L}\p{N}]/u.test(text)) return { result: this.result('empty', lang, detected.lang, this.compose.message(lang, this.t(lang, 'empty'))) };
    if (text.length > MAX_QUESTION_LENGTH) {
      return { result: this.result('too-long', lang, detected.lang, this.compose.message(lang, this.t(lang, 'tooLong', { count: MAX_QUESTION_LENGTH }))) };
    }
    return { text: this.lexicon.writtenOut(text, detected.lang), detected, lang };
  }

  /** The answer to one question read in `readLang`: the fact the answer judge accepts, or a decline with suggestions. */
  answer(text: string, readLang: Lang, lang: Lang, exclude?: ReadonlySet<string>): AskResult {
    const search = this.searchFor(text, readLang, exclude);
    const fact = this.chosen(text, readLang, search);
    if (fact) return this.factResult(fact, lang, readLang);
    const suggestions = this.suggestionsFrom(search, lang);
    const reply = this.compose.withSuggestions(lang, this.t(lang, 'decline'), 'suggestionsHeader', suggestions);
    return this.result('declined', lang, readLang, reply, suggestions);
  }

  /**
   * The fact that answers a text read in `readLang`, or undefined: what `answer` would give, without composing a
   * reply (a conversation tries several readings of a message before it answers one).
   */
  answerFact(text: string, readLang: Lang, exclude?: ReadonlySet<string>): FactRecord | undefined {
    return this.chosen(text, readLang, this.searchFor(text, readLang, exclude));
  }

  /** The fact the answer judge takes among the ones ranked for a text. */
  private chosen(text: string, readLang: Lang, search: SearchResult): FactRecord | undefined {
    const chosen = this.judge.choose(this.read(text, readLang).question, search);
    return chosen ? this.facts[chosen.fact] : undefined;
  }

  /** The facts ranked for a text, but those a conversation has given already ("tell me more about it"). */
  private searchFor(text: string, readLang: Lang, exclude?: ReadonlySet<string>): SearchResult {
    const { search } = this.read(text, readLang);
    return exclude?.size ? { ...search, ranked: search.ranked.filter((r) => !exclude.has(this.facts[r.fact]!.id)) } : search;
  }

  /** Whether the answer judge takes `fact` as an answer to the question, if the search finds it at all. */
  accepts(text: string, readLang: Lang, fact: FactRecord): boolean {
    const { question, search } = this.read(text, readLang);
    const candidate = search.ranked.find((r) => this.facts[r.fact] === fact);
    return !!candidate && this.judge.mismatch(question, candidate) === null;
  }

  /**
   * Greetings, thanks, "ok", goodbyes, "who are you", "what can you do", "how are you", in any of the three
   * languages and their Latin spellings ("rahmet", "spasibo"): a reply in kind, or null when the message says more.
   */
  smallTalk(text: string, options: AskOptions = {}): AskResult | null {
    const tokens = foldedWords(text);
    if (tokens.length === 0) return null;
    for (const lang of LANGS) {
      // Overlapping phrases all count: "керек болды" and "болды рахмет" together cover "керек болды, рахмет".
      const matches = this.lexicon.conversation[lang].smalltalk.occurrences(tokens);
      if (matches.length === 0) continue;
      const covered = new Set(matches.flatMap(span));
      if (!tokens.every((token, i) => covered.has(i) || this.lexicon.stopwords.has(token))) continue;
      // A phrase inside a longer one says less than it: "help" in "thanks for your help".
      const outer = matches.filter((m) => !matches.some((o) => o !== m && o.end - o.start > m.end - m.start && within(m, o)));
      return this.smallTalkReply(SMALLTALK_PRIORITY.find((k) => outer.some((m) => m.value === k))!, lang, options);
    }
    return null;
  }

  /**
   * Small talk misspelt or run together ("туснкти", "саубол", "spasiba bolshoe"): a message of a few words whose
   * letters are a small-talk phrase's but for a typo (one edit per four letters), or whose every word is a small-talk
   * word, one of them misspelt or clipped ("ок спасиб"). Asked only of a message the source does not answer: a
   * question is never taken for small talk.
   */
  misspeltSmallTalk(text: string, options: AskOptions = {}): AskResult | null {
    const tokens = foldedWords(text);
    const letters = tokens.join('');
    if (tokens.length > MAX_SMALLTALK_WORDS) return null;
    let best: { lang: Lang; kind: SmallTalk; edits: number } | undefined;
    for (const phrase of letters.length < MIN_MISSPELT_SMALLTALK ? [] : this.lexicon.smallTalkLetters) {
      // "Who are you" and "how are you" are questions, and a question word misspelt is likelier another question.
      if (!MISSPELT_KINDS.has(phrase.kind)) continue;
      const edits = typoEdits(letters, phrase.letters);
      if (edits !== undefined && (!best || edits < best.edits)) best = { ...phrase, edits };
    }
    if (best) return this.smallTalkReply(best.kind, best.lang, options);
    // Chats clip words of their last letter («ясн», «спасиб»).
    for (const lang of LANGS) {
      const words = tokens.filter((t) => !this.lexicon.stopwords.has(t)).map((token) => this.smallTalkWord(token, lang));
      if (words.length === 0 || words.some((w) => w === undefined) || words.every((w) => w!.asTyped)) continue;
      return this.smallTalkReply(SMALLTALK_PRIORITY.find((k) => words.some((w) => w!.kind === k))!, lang, options);
    }
    return null;
  }

  /** The kind of small talk a word of `lang` is, as typed, misspelt or clipped, or undefined. */
  private smallTalkWord(token: string, lang: Lang): { kind: SmallTalk; asTyped: boolean } | undefined {
    const said = ({ lang: l, kind }: { lang: Lang; kind: SmallTalk }) => l === lang && MISSPELT_KINDS.has(kind);
    const asTyped = this.lexicon.smallTalkLetters.find((p) => said(p) && p.letters === token);
    if (asTyped) return { kind: asTyped.kind, asTyped: true };
    const near = this.lexicon.smallTalkLetters.find(
      ({ letters, ...p }) =>
        said(p) &&
        ((token.length >= MIN_MISSPELT_SMALLTALK && typoEdits(token, letters) !== undefined) ||
          (token.length >= MIN_CLIPPED_SMALLTALK && letters.length === token.length + 1 && letters.startsWith(token))),
    );
    return near && { kind: near.kind, asTyped: false };
  }

  private smallTalkReply(kind: SmallTalk, lang: Lang, options: AskOptions): AskResult {
    const replyLang = options.lang ?? lang;
    return this.result('smalltalk', replyLang, lang, this.compose.message(replyLang, this.t(replyLang, `smalltalk.${kind}`, { example: this.exampleQuestion(replyLang) })));
  }

  /** Ranks facts for a question and reads what it asks, in the language it is written in. */
  read(text: string, lang: Lang): Reading {
    // A conversation reads a message more than once (as a follow-up, then on its own): the last few are remembered.
    const key = `${lang}\u0000${text}`;
    let reading = this.readings.get(key);
    if (!reading) {
      const search = this.index.search(text, 10, { lang });
      reading = { search, question: this.reader.read(foldedWords(text), lang, search.terms) };
      if (this.readings.size >= REMEMBERED_READINGS) this.readings.delete(this.readings.keys().next().value!);
      this.readings.set(key, reading);
    }
    return reading;
  }

  /** Whether a folded word is one the lexicon or the knowledge base uses. */
  knows(word: string): boolean {
    return this.lexicon.knows(word) || this.index.knows(word);
  }

  /** The question as meant when it was typed with the wrong keyboard layout ("ghbdtn" for "привет"). */
  private retyped(text: string): string {
    const legible = (candidate: string) => {
      const words = foldedWords(candidate);
      const known = words.filter((w) => this.knows(w)).length;
      return words.length ? known / words.length : 0;
    };
    // Most text reads as typed; only when most of it does not is the other layout worth a look.
    const asTyped = legible(text);
    if (asTyped >= 0.5) return text;
    const switched = switchLayout(text);
    const asSwitched = legible(switched);
    return asSwitched >= 0.5 && asSwitched > asTyped ? switched : text;
  }

  /** An outcome as callers see it: the reply, its plain text and the facts it gives. */
  result(status: AskStatus, lang: Lang, detectedLang: Lang, reply: Reply, suggestions: Suggestion[] = [], factIds?: string[]): AskResult {
    const gives = GIVES_FACTS.has(status);
    const fact = gives && reply.fact ? reply.fact : null;
    return {
      status,
      answered: gives,
      lang,
      detectedLang,
      fact,
      factIds: gives ? (factIds ?? (fact ? [fact.id] : [])) : [],
      text: renderPlain(reply, this.t),
      sources: reply.sources,
      related: fact && status === 'answered' ? this.related(this.byId.get(fact.id)!).map((f) => this.compose.factRef(f, lang)) : [],
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
    return this.topicList.map((topic) => this.facts.find((f) => f.topic === topic.id)).filter((f): f is FactRecord => !!f).slice(0, 3);
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

  /** An example question to offer in a language. */
  exampleQuestion(lang: Lang): string {
    return this.starterFacts()[0]?.[lang].questions[0] ?? '';
  }

  /** The classes that have instances some fact is about ("research centre"). */
  kinds(): readonly string[] {
    return this.kindIds;
  }

  /** The things of the same class as an entity (itself included): the other alliances beside one alliance. */
  siblingsOf(id: string): string[] {
    const classes = this.entities.byId.get(id)?.isA ?? [];
    return classes.flatMap((kind) => this.instancesOf(kind));
  }

  /** A fact by id. */
  fact(id: string): FactRecord | undefined {
    return this.byId.get(id);
  }

  /** Whether an entity is part of some source's setting (its countries, the source itself). */
  isSetting(id: string): boolean {
    return this.setting.has(id);
  }

  /** Whether a fact is about an entity: one of its subjects is the entity, one of its instances or parts, or held in its honour. */
  isAbout(fact: FactRecord, entity: string): boolean {
    return fact.answers.subjects.some((s) => this.entities.closure(s).has(entity) || this.entities.byId.get(s)?.honours?.includes(entity));
  }

  /** The entities that are instances of a class and that some fact is about. */
  instancesOf(kind: string): readonly string[] {
    return this.instances.get(kind) ?? [];
  }

  /**
   * The fact to give after `last` when asked for more: one about the same things, else a related one, else one of
   * the same topic — never one already given. Undefined when nothing connected is left.
   */
  nextAbout(last: FactRecord, given: readonly string[], whole?: string): FactRecord | undefined {
    const seen = new Set([...given, last.id]);
    const related = this.related(last);
    // What has been said already: a fact that mostly repeats it is no "more".
    const said = new Set(given.flatMap((id) => this.answerWords(id)));
    // (Counted, not filtered: "more" weighs every fact of the base.)
    const novelty = (fact: FactRecord) => {
      const words = this.answerWords(fact.id);
      let unsaid = 0;
      for (const word of words) if (!said.has(word)) unsaid++;
      return unsaid / Math.max(1, words.length);
    };
    let best: FactRecord | undefined;
    let bestScore = 1;
    for (const fact of this.facts) {
      if (seen.has(fact.id)) continue;
      const news = novelty(fact);
      if (news < MOSTLY_SAID) continue;
      const value =
        3 * fact.answers.subjects.filter((s) => (whole ? this.entities.closure(s).has(whole) : last.answers.subjects.includes(s))).length +
        (related.includes(fact) ? 2 : 0) +
        (fact.topic === last.topic ? 1 : 0) +
        news;
      if (value > bestScore) [best, bestScore] = [fact, value];
    }
    return best;
  }

  /** The folded words of a fact's English answer, which tell what it says (remembered: "more" compares many). */
  private answerWords(id: string): readonly string[] {
    let words = this.answerWordsCache.get(id);
    if (!words) this.answerWordsCache.set(id, (words = foldedWords(this.byId.get(id)?.en.answer ?? '')));
    return words;
  }

  /** A fact presented as the answer to a message read in `readLang`. */
  factResult(fact: FactRecord, lang: Lang, readLang: Lang): AskResult {
    return this.result('answered', lang, readLang, this.factReply(fact, lang));
  }

  /** One part of a fact, shown as all its sources say of what was asked ("that is all it says of the comparative one"). */
  partResult(fact: FactRecord, part: string, lang: Lang, readLang: Lang): AskResult {
    return this.result('answered', lang, readLang, { ...this.factReply(fact, lang), body: this.t(lang, 'conversation.onlyPart', { part }) });
  }

  /** A plain message as an outcome. */
  messageResult(status: AskStatus, lang: Lang, readLang: Lang, body: string): AskResult {
    return this.result(status, lang, readLang, this.compose.message(lang, body));
  }

  /** The reply that presents a fact, with sources, related facts and language buttons. */
  factReply(fact: FactRecord, lang: Lang): Reply {
    return this.compose.fact(fact, lang, this.related(fact));
  }

  /** The language to answer a text in, as `ask` chooses it when no language is forced. */
  detect(text: string, localeHint?: Lang): Lang {
    const clipped = typeof text === 'string' ? text.slice(0, MAX_QUESTION_LENGTH) : '';
    return replyLanguage(clipped, detectLanguage(clipped, this.lexicon.markers, localeHint ?? 'en'), localeHint);
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
    return this.topicList
      .map(({ id, names }) => ({ id, name: names[lang], count: this.facts.filter((f) => f.topic === id).length }))
      .filter((topic) => topic.count > 0);
  }

  /** Whether a topic of that id exists. */
  isTopic(id: string): boolean {
    return this.topicList.some((topic) => topic.id === id);
  }

  /** A topic's name in a language. */
  topicName(id: TopicId, lang: Lang): string {
    return this.topicList.find((topic) => topic.id === id)?.names[lang] ?? id;
  }

  factsOfTopic(topic: TopicId, lang: Lang): FactRef[] {
    return this.facts.filter((f) => f.topic === topic).map((f) => this.compose.factRef(f, lang));
  }

  /** Questions that complete a partial one, for autocomplete; prefix- and typo-tolerant. */
  suggest(partial: string, lang: Lang, limit = 10): Suggestion[] {
    this.suggesterBuilt ??= new Suggester(this.facts, this.index);
    return this.suggesterBuilt.suggest(typeof partial === 'string' ? partial : '', lang, limit);
  }

  /** A greeting with three example questions as buttons. */
  greeting(lang: Lang): Reply {
    const examples = this.starterFacts().map((fact) => ({ factId: fact.id, question: fact[lang].questions[0]! }));
    return this.compose.withSuggestions(lang, this.t(lang, 'greeting'), 'greetingHint', examples);
  }

  about(lang: Lang): Reply {
    const citations = this.compose.sourceList(lang);
    const body = this.t(lang, 'about', { count: citations.length, facts: this.t(lang, 'factCount', { count: this.facts.length }) });
    return { ...this.compose.message(lang, body), sources: citations };
  }

  /** A topic named by its id or by the starts of words of its name in any language ("conf", "институты"). */
  findTopic(text: string, lang: Lang): TopicId | undefined {
    const trimmed = text.trim();
    if (this.isTopic(trimmed)) return trimmed;
    const wanted = foldedWords(trimmed);
    if (wanted.length === 0 || wanted.join('').length < 2) return undefined;
    const order: Lang[] = [lang, ...LANGS.filter((l) => l !== lang)];
    for (const l of order) {
      const found = this.topicList.find(({ names }) => {
        const name = foldedWords(names[l]);
        return wanted.every((w) => name.some((n) => n.startsWith(w)));
      });
      if (found) return found.id;
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
        label: `${topic.name} (${this.t(lang, 'factCount', { count: topic.count })})`,
        action: { type: 'topic' as const, topic: topic.id, lang },
      },
    ]);
    return this.compose.message(lang, header, rows);
  }

  topicReply(topic: TopicId, lang: Lang): Reply {
    if (!this.isTopic(topic)) return this.compose.message(lang, this.t(lang, 'topics.unknown'));
    const facts = this.factsOfTopic(topic, lang);
    const header = this.t(lang, 'topics.factsHeader', { topic: this.topicName(topic, lang), facts: this.t(lang, 'factCount', { count: facts.length }) });
    const rows = facts.map((fact) => [{ label: fact.title, action: { type: 'fact' as const, factId: fact.id, lang } }]);
    return this.compose.message(lang, header, rows);
  }

  /** Plain text of any reply, as the console and the CLI print it. */
  plain(reply: Reply): string {
    return renderPlain(reply, this.t);
  }
}
