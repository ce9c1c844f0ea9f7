import type { FactsBot } from '../facts-bot.ts';
import type { FactRecord } from '../knowledge/schema.ts';
import type { EntityMention } from '../search/entities.ts';
import type { Question } from '../search/question.ts';
import { isWordForm, span, within, type PhraseMatch, type PhraseSet } from '../text/phrases.ts';
import { stem } from '../text/stem.ts';
import type { AskOptions, AskResult, Lang } from '../types.ts';
import { isYear, words } from '../text/normalize.ts';
import { Message } from './message.ts';
import { answerParts, figuresOf, firstSentence, SeveralFacts, tellsOfAll } from './several-facts.ts';
import { EMPTY_STATE, type ConversationState } from './state.ts';

/** One message of a conversation answered: the reply, and what the conversation remembers after it. */
export interface Turn {
  result: AskResult;
  state: ConversationState;
}

/** A message read once: its words, how the reader took it, in the language it is written in. */
interface Reading {
  message: Message;
  /** The language the message is written in (the reply may be in another, chosen by `/lang`). */
  lang: Lang;
  question: Question;
}

interface Handled {
  result: AskResult;
  /** The question the message asked, follow-ups resolved; none when it asked nothing new. */
  question?: string;
  /** The things an ordinal picked among ("the first one"): what the next ordinal picks among too. */
  items?: string[];
}

/** How far after "and" the question word of a second question may stand («және кітапханасында қанша»). */
const SECOND_ASK_REACH = 3;

/**
 * Conversations: each message read against what came before it. A message that cannot stand on its own ("and in
 * 2020?", "who founded it?", "tell me more", "the second one") is rewritten into the question it continues; a
 * message about several facts (a list, a timeline, a comparison, two questions in one) is answered part by part.
 * Anything else is one question, answered as `FactsBot.ask` answers it.
 */
export class Dialogue {
  private readonly several: SeveralFacts;

  constructor(private readonly bot: FactsBot) {
    this.several = new SeveralFacts(bot);
  }

  /** Answers one message of a conversation; never throws. */
  turn(state: ConversationState, input: string, options: AskOptions = {}): Turn {
    // A message that does not tell its language ("2020?", «подробнее» typed in Latin) continues the conversation's.
    const localeHint = state.lang ?? options.localeHint;
    const prepared = this.bot.prepare(input, { ...options, ...(localeHint && { localeHint }) });
    if ('result' in prepared) return { result: prepared.result, state };
    const smallTalk = this.bot.smallTalk(prepared.text, options);
    if (smallTalk) return { result: smallTalk, state: { ...state, lang: smallTalk.lang } };
    const opened = this.newTopic(state, prepared.text, prepared.detected.lang);
    state = opened.state;
    const read = this.readMessage(opened.text, prepared.detected.lang);
    const told = this.yearsTold(state, read.message, read.lang);
    const reading = told === undefined ? read : this.readMessage(told, read.lang);
    const lang = prepared.lang;
    const handled =
      this.choose(state, reading, lang) ??
      this.extreme(state, reading, lang) ??
      this.beforeOrAfterLast(state, reading, lang) ??
      this.oneOfTold(state, reading, lang) ??
      this.figuresAskedBack(state, reading, lang) ??
      this.more(state, reading, lang) ??
      this.severalFacts(state, reading, lang) ??
      this.continued(state, reading, lang);
    const misspelt = handled.result.status === 'declined' ? this.bot.misspeltSmallTalk(prepared.text, options) : null;
    if (misspelt) return { result: misspelt, state: { ...state, lang: misspelt.lang } };
    return { result: handled.result, state: this.remember(state, handled.result, handled.question, handled.items) };
  }

  /**
   * "Another question: …", «другой вопрос: …», «басқа сұрақ: …»: what follows is read as a conversation's first
   * message. Only the facts already given stay, so that "more" still repeats none.
   */
  private newTopic(state: ConversationState, text: string, lang: Lang): { state: ConversationState; text: string } {
    const message = new Message(text);
    const [opening] = this.bot.lexicon.conversation[lang].newTopic.find(message.tokens);
    if (opening?.start !== 0 || opening.end === message.tokens.length) return { state, text };
    return { state: { ...EMPTY_STATE, lang: state.lang, given: state.given }, text: message.without(range(0, opening.end)) };
  }

  /**
   * A message with its years told from the conversation's written out: "and the following year?" after a question
   * about 2019 is "and 2020?". The conversation's year is the last its question named, else the one its last fact
   * is dated in. Undefined when the message tells no year so, or the conversation has none.
   */
  private yearsTold(state: ConversationState, message: Message, lang: Lang): string | undefined {
    const [told] = this.bot.lexicon.conversation[lang].relativeYear.find(message.tokens);
    if (!told) return undefined;
    const asked = state.question ? new Message(state.question).tokens.filter(isYear).at(-1) : undefined;
    const dated = new Set(this.lastFact(state)?.dates.map((d) => d.slice(0, 4)));
    const year = asked ?? (dated.size === 1 ? [...dated][0] : undefined);
    return year ? message.replace(range(told.start, told.end), String(Number(year) + told.value)) : undefined;
  }

  /** What the conversation remembers after a fact was shown by other means than a message (a button). */
  shown(state: ConversationState, factId: string, lang: Lang): ConversationState {
    const fact = this.bot.fact(factId);
    if (!fact) return state;
    return this.remember(state, this.bot.factResult(fact, lang, lang), fact[lang].questions[0]);
  }

  /**
   * A message read as a follow-up of the conversation when it is one, else on its own (as one question: it asked
   * about no several facts, or `turn` would not be here).
   */
  private continued(state: ConversationState, reading: Reading, lang: Lang): Handled {
    const resolved = this.resolve(state, reading, lang);
    if (resolved === null) {
      const alone = this.single(state, reading, lang);
      // "How many people came?" after one event, answered alone by another event's audience: asked of the one
      // talked about, or not at all.
      if (alone.result.answered && this.aboutAnotherOfItsKind(state, reading, alone)) return this.askedOfSubject(state, reading, lang);
      if (alone.result.answered || !this.asksOfNothingNamed(state, reading)) return alone;
      // "Which countries took part?": a question that names nothing, and that the source does not answer on its own,
      // asks about what the conversation is about.
      const handled = this.askedOfSubject(state, reading, lang);
      return handled.result.answered ? handled : alone;
    }
    if ('result' in resolved) return resolved;
    const handled = { ...this.handle(state, this.reread(resolved.text), lang), ...(resolved.items && { items: resolved.items }) };
    if (!handled.result.answered && this.mayStandAlone(reading)) {
      // It named what it asks about, or asked with words of its own: read as a question of its own, it may need no
      // context at all.
      const alone = this.single(state, reading, lang);
      if (alone.result.answered) return alone;
    }
    return handled;
  }

  /** A message read as asked of what the conversation is about (`state.question` is set). */
  private askedOfSubject(state: ConversationState, { message, lang: readLang }: Reading, lang: Lang): Handled {
    const about = this.withSubject(message, readLang, this.referents(state, message, readLang), state.question!);
    return this.handle(state, this.readMessage(about, readLang), lang);
  }

  /**
   * Whether a message asks which ones, or for a list, naming nothing, in a conversation about something: "which
   * countries took part?" (in what was just talked about). A date or a count asked so is not taken as about it:
   * "how long did it last?" is more often something the source does not tell.
   */
  private asksOfNothingNamed(state: ConversationState, { message, lang, question }: Reading): boolean {
    if (state.question === undefined || state.subjects.length === 0 || this.named(question).length > 0) return false;
    return question.listed || this.bot.lexicon.which[lang].in(message.tokens);
  }

  /**
   * Whether a message that asks how many, when, where or who, naming nothing but kinds ("the concert") and no number,
   * in a conversation about one thing, is answered alone by a fact about another thing of the same kind that no word
   * of the message names.
   */
  private aboutAnotherOfItsKind(state: ConversationState, { message, lang, question }: Reading, alone: Handled): boolean {
    const subjects = state.subjects.filter((s) => !this.bot.isSetting(s));
    if (subjects.length === 0 || state.question === undefined || question.asks.size === 0 || question.entities.some((e) => !this.isKind(e.id))) return false;
    // A comparison, or a number of its own ("by 2030"), makes it a question of its own.
    if (this.comparisonAsked(message, lang).length > 0 || message.tokens.some((t) => /\d/.test(t))) return false;
    const fact = alone.result.factIds[0] ? this.bot.fact(alone.result.factIds[0]) : undefined;
    if (!fact || fact.answers.subjects.some((s) => state.subjects.includes(s))) return false;
    // A word of the answer's own subject ("the *Marlinsk* one", "the *festival*") names it.
    const words = this.contentWords(message.tokens, lang);
    if (fact.answers.subjects.some((s) => words.some((t) => this.bot.entities.namesWord(s, t, lang)))) return false;
    // (A fact about the sources' own setting — the article, its authors — answers a question about it anywhere.)
    return this.aboutOneOfTheirKind(fact, subjects);
  }

  /** Whether a fact is about a thing (beyond the sources' setting) of the kind of one of `things`. */
  private aboutOneOfTheirKind(fact: FactRecord, things: readonly string[]): boolean {
    const kinds = new Set(things.map((s) => this.bot.entities.kind(s)));
    return fact.answers.subjects.some((s) => !this.bot.isSetting(s) && kinds.has(this.bot.entities.kind(s)));
  }

  /** A message that stands on its own: a comparison, a timeline, a list, two questions, or one. */
  private handle(state: ConversationState, reading: Reading, lang: Lang): Handled {
    return this.severalFacts(state, reading, lang) ?? this.single(state, reading, lang);
  }

  /**
   * A message answered as one question. "How many of them stayed?" counts some of what the last reply counted: that
   * reply's facts are not its answer.
   */
  private single(state: ConversationState, { message, lang: readLang, question }: Reading, lang: Lang): Handled {
    const exclude = question.partitive ? new Set(state.facts) : undefined;
    return { result: this.bot.answer(message.text, readLang, lang, exclude), question: message.text };
  }

  /** A request about several facts: a comparison, a timeline, a list, two questions in one. */
  private severalFacts(state: ConversationState, reading: Reading, lang: Lang): Handled | null {
    return (
      this.compare(state, reading, lang) ??
      this.timeline(reading, lang, state) ??
      this.list(reading, lang) ??
      this.compound(state, reading, lang) ??
      this.attributesJoined(reading, lang) ??
      this.ofEach(state, reading, lang)
    );
  }

  /**
   * "What is her email and phone number?": two things that only a fact giving them can say (see the lexicon's
   * attributes), joined by "and" with no question word of their own. Asked one by one, the one the source gives is
   * answered and the other said to be unknown, where the whole would be declined for want of one.
   */
  private attributesJoined({ message, lang: readLang }: Reading, lang: Lang): Handled | null {
    const lexicon = this.bot.lexicon;
    const tokens = message.tokens;
    // Only function words beside the joiner: "email and *her* phone", not "trade *between Veloria* and Quornland in dollars".
    const joinerIn = (from: number, to: number) => {
      const at = range(from, to).find((i) => lexicon.listJoiners.has(tokens[i]!));
      return at !== undefined && this.contentWords(range(from, to).filter((i) => i !== at).map((i) => tokens[i]!), readLang).length === 0 ? at : undefined;
    };
    const attributes = lexicon.concepts[readLang].find(tokens).filter((m) => lexicon.conceptType(m.value) === 'attribute');
    const [pair] = attributes.flatMap((first) =>
      attributes.flatMap((second) => {
        const joiner = second.value !== first.value && second.start >= first.end ? joinerIn(first.end, second.start) : undefined;
        return joiner === undefined ? [] : [{ first, second, joiner }];
      }),
    );
    if (!pair || this.answers(message.text, readLang)) return null;
    const { first, second, joiner } = pair;
    const [asked, other] = [message.without(range(joiner, second.end)), message.without(range(first.start, joiner + 1))];
    // The part the source does not give is quoted as typed after "and" ("her phone number"): the question around it,
    // written out, would keep the pronoun beside the name ("the curator's her phone number").
    const quoted = [asked, message.without(range(0, joiner + 1))];
    const result = this.several.combined(lang, readLang, [asked, other].map((text) => this.bot.answerFact(text, readLang)), quoted);
    return result && { result, question: asked };
  }

  private readMessage(text: string, lang: Lang): Reading {
    return { message: new Message(text), lang, question: this.bot.read(text, lang).question };
  }

  /** A text the conversation wrote or remembered (a resolved follow-up, an earlier question), read in its own language. */
  private reread(text: string): Reading {
    return this.readMessage(text, this.bot.detect(text));
  }

  /** What the conversation remembers after a reply: its facts, what they are about, what it offered. */
  remember(state: ConversationState, result: AskResult, question?: string, items?: string[]): ConversationState {
    if (!result.answered && result.status !== 'declined') return { ...state, lang: result.lang };
    const main = result.factIds[0] ? this.bot.fact(result.factIds[0]) : undefined;
    // A list shows its items under the count they are of, which it gives first: "2" is the second item shown.
    const shown = result.status === 'list' && main?.answers.gives.includes('count') ? result.factIds.slice(1) : result.factIds;
    const offered = !result.answered ? result.suggestions.map((s) => s.factId) : result.status === 'answered' ? result.related.map((f) => f.id) : shown;
    // After one fact, "it" is what that fact is about; after several, what they all are about, if anything (else one
    // of them, told by how the follow-up names it).
    const facts = [...new Set(result.factIds)].map((id) => this.bot.fact(id)!);
    // An answer about an event at the thing the question named is about that thing first: "when was *it* installed?"
    // after "where is the monument?", answered by a fact about a ceremony at the monument.
    const shared = main ? main.answers.subjects.filter((s) => facts.every((f) => f.answers.subjects.includes(s))) : [];
    const eventFirst = this.bot.entities.byId.get(shared[0] ?? '')?.kind === 'event';
    // A question declined still moves the conversation to what it named: "and who came to *its* opening?" asks of it.
    // (What it named is read only when something below needs it.)
    const namedInQuestion = () => (question === undefined ? [] : this.named(this.bot.read(question, result.detectedLang).question));
    const named = !main || eventFirst ? namedInQuestion().map((e) => e.id) : [];
    // A decline that named only things already talked about (or nothing) keeps them all: "this university" after a
    // question declined about its scholarship is still the university.
    const namedOnlyTold = named.every((id) => state.subjects.includes(id));
    const common = main
      ? eventFirst
        ? this.namedThingFirst(shared, named)
        : this.namedPeopleFirst(shared, shared.length > 1 ? namedInQuestion() : [])
      : namedOnlyTold
        ? this.namedThingFirst(state.subjects, named)
        : named;
    // After a comparison, "that" and "each" are its two sides.
    const subjects = result.status === 'compare' ? facts.flatMap((f) => f.answers.subjects.slice(0, 1)) : common;
    const previous = question !== undefined && question !== state.question ? state.question : state.previous;
    return {
      ...(question !== undefined ? { question } : state.question !== undefined ? { question: state.question } : {}),
      ...(previous !== undefined ? { previous } : {}),
      lang: result.lang,
      // A decline leaves the conversation where it was: "tell me more" is still about what was last told.
      facts: result.answered ? result.factIds : state.facts,
      // A list or a timeline shows a line of each fact, not the fact: "tell me more about that exhibition" may give it.
      given: shownInLines(result) ? state.given : [...state.given, ...result.factIds.filter((id) => !state.given.includes(id))],
      subjects,
      offered,
      ...(items && result.answered && { items }),
    };
  }

  // — "the second one", "2": a fact the last reply offered —

  private choose(state: ConversationState, { message, lang: readLang, question }: Reading, lang: Lang): Handled | null {
    if (state.offered.length === 0) return null;
    const { ordinals, stopwords, conversation } = this.bot.lexicon;
    const tokens = message.tokens;
    const found = ordinals[readLang].find(tokens);
    // After one fact that names several things of a kind (a count of them, or a few in its text), what it offered
    // are only buttons beside it: "the first one" is the first of those things. After such a pick, the next
    // ordinal picks among the same things.
    const last = found.length > 0 && state.facts.length === 1 ? this.lastFact(state) : undefined;
    const listsThings = last && (state.items || last.answers.gives.includes('count') || this.alikeNamedIn(last, readLang).length > 0);
    if (listsThings && this.itemNamed(state, message, question, readLang, lang)) return null;
    let choice: number | undefined;
    if (tokens.length === 1 && /^[1-9]$/.test(tokens[0]!)) choice = Number(tokens[0]);
    else {
      const rest = tokens.filter((_, i) => !found.some((m) => i >= m.start && i < m.end));
      if (found.length === 1 && rest.every((t) => stopwords.has(t) || conversation[readLang].pronouns.has(t))) choice = found[0]!.value;
    }
    const id = choice === undefined ? undefined : state.offered[choice - 1];
    const fact = id ? this.bot.fact(id) : undefined;
    if (!fact) return null;
    return { result: this.bot.factResult(fact, lang, readLang), question: fact[readLang].questions[0] };
  }

  // — "which of them is the oldest?", «самый поздний?»: the earliest or the latest of the things just told —

  private extreme(state: ConversationState, { message, lang: readLang, question }: Reading, lang: Lang): Handled | null {
    const [asked] = this.bot.lexicon.conversation[readLang].dateExtreme.find(message.tokens);
    // Only of several things told (a list, a timeline, or the things of a kind a fact is about), and only when the
    // message names none of its own.
    if (!asked || this.named(question).length > 0) return null;
    // After one fact, the things of its kind: its subject's, or its subject's own ("and the latest?" after the oldest).
    const kind = this.kindOfLast(state);
    const told = state.facts.length > 1 ? [...this.toldLast(state)].map((id) => this.bot.fact(id)) : kind ? this.several.itemFactsOf(kind) : [];
    const dated = told.flatMap((fact) => (fact?.dates[0] ? [{ fact, date: fact.dates[0] }] : []));
    if (dated.length < 2) return null;
    const sorted = [...dated].sort((a, b) => a.date.localeCompare(b.date));
    const [end, next] = asked.value === 'earliest' ? [sorted[0]!, sorted[1]!] : [sorted.at(-1)!, sorted.at(-2)!];
    // Two told of the same day are no one earliest (or latest).
    if (end.date === next.date) return null;
    return { result: this.bot.factResult(end.fact, lang, readLang), question: end.fact[readLang].questions[0] };
  }

  /** The things the last reply told of, in the order shown: what it offered besides (suggestions) was not told. */
  private toldLast(state: ConversationState): Set<string> {
    return new Set(state.offered.filter((id) => state.facts.includes(id)));
  }

  /** The kind of thing the one fact last told is about: its subject, or its subject's kind. */
  private kindOfLast(state: ConversationState): string | undefined {
    const subjects = state.facts.length === 1 ? (this.lastFact(state)?.answers.subjects ?? []) : [];
    const kinds = this.bot.kinds();
    return subjects.find((id) => kinds.includes(id)) ?? subjects.flatMap((id) => this.bot.entities.byId.get(id)?.isA ?? []).find((id) => kinds.includes(id));
  }

  // — "which ones came before it?", «а какие были до него?»: the things of its kind dated before (or after) it —

  private beforeOrAfterLast(state: ConversationState, { message, lang: readLang, question }: Reading, lang: Lang): Handled | null {
    const at = this.pronounAt(message, readLang);
    if (at < 0 || question.asks.has('count') || this.named(question).length > 0 || message.tokens.some(isYear)) return null;
    // "Before it", «до него», «одан бұрын»: the bound beside the pronoun, and little else ("how long did it run
    // before…" asks more).
    const bound = this.bot.lexicon.conversation[readLang].period.find(message.tokens).find((b) => b.value !== 'range' && (b.start === at + 1 || b.end === at));
    if (!bound || this.contentWords(new Message(message.without(span(bound))).tokens, readLang).length > 2) return null;
    const last = this.lastFact(state);
    const kind = this.kindOfLast(state);
    const date = last?.dates[0];
    if (!last || !kind || !date) return null;
    const dated = this.several.itemFactsOf(kind).filter((f) => f.id !== last.id && f.dates[0] !== undefined);
    const found = dated.filter((f) => (bound.value === 'before' ? f.dates[0]! < date : f.dates[0]! > date));
    if (found.length === 0) return null;
    // What it asked about is the kind: "these centres" points back to it, and the pronoun has done its work.
    const asked = this.several.pluralName(kind, readLang);
    return { result: this.several.timeline({ facts: found.map((f) => f.id), kind }, lang, readLang), question: asked };
  }

  // — "which of them was founded in Marlinsk?": one of the things just told, by what the message asks of it —

  private oneOfTold(state: ConversationState, { message, lang: readLang, question }: Reading, lang: Lang): Handled | null {
    const told = this.toldLast(state);
    if (told.size < 2 || !this.bot.lexicon.which[readLang].in(message.tokens)) return null;
    // "Which opened earlier, X or Y?" weighs two of them: a comparison.
    if (this.comparisonAsked(message, readLang).length > 0) return null;
    // A place or a year may tell which; a thing of its own makes it a question of its own.
    if (question.entities.some((e) => e.kind !== 'place')) return null;
    const fact = this.bot.answerFact(message.text, readLang, new Set(this.bot.facts.filter((f) => !told.has(f.id)).map((f) => f.id)));
    return fact ? { result: this.bot.factResult(fact, lang, readLang), question: message.text } : null;
  }

  // — "so 12 or 13 countries?": figures the conversation's facts give, asked back —

  /**
   * A message that writes two figures or more and asks nothing of its own ("so 12 or 13 countries? which is it",
   * «так там 12 стран или 13?»), in a conversation about things whose facts give those figures: those facts, the
   * last told first.
   */
  private figuresAskedBack(state: ConversationState, { message, lang: readLang, question }: Reading, lang: Lang): Handled | null {
    const figures = new Set(message.tokens.filter((t) => /^\d/.test(t) && !isYear(t)).map(Number));
    if (figures.size < 2 || this.named(question).some((e) => !state.subjects.includes(e.id))) return null;
    // Beside what they count, two words of chat at most ("wait… I'm confused", «подожди»).
    const counted = new Set(this.bot.lexicon.concepts[readLang].find(message.tokens).flatMap(span));
    const chat = this.contentWords(message.tokens.filter((t, i) => !/^\d/.test(t) && !counted.has(i)), readLang);
    if (chat.length > 2) return null;
    const subjects = state.subjects.filter((id) => !this.bot.isSetting(id));
    const told = state.facts.flatMap((id) => this.bot.fact(id) ?? []);
    const about = [...told, ...this.bot.facts.filter((f) => !told.includes(f) && f.answers.subjects.some((s) => subjects.includes(s)))];
    const facts = [...figures].map((value) => about.find((f) => figuresOf(f).some((figure) => figure.value === value)));
    const found = [...new Set(facts)];
    if (found.some((f) => f === undefined) || found.length > 2) return null;
    const result = found.length === 1 ? this.bot.factResult(found[0]!, lang, readLang) : this.several.combined(lang, readLang, found, []);
    return result && { result, question: message.text };
  }

  // — "tell me more", "anything else about the trade figures?": another fact, never one already given —

  private more(state: ConversationState, reading: Reading, lang: Lang): Handled | null {
    const { message, lang: readLang } = reading;
    // "More" asks for more when it leads the message ("tell me more about…", «а ещё…») or ends it («брендтер туралы
    // толығырақ»), not inside a question ("which one has more countries?").
    const words = this.bot.lexicon.conversation[readLang];
    const lead = words.ellipsis.find(message.tokens).find((m) => m.start === 0)?.end ?? 0;
    // Beside a counted thing, "more" compares ("стран больше?", "more members"), and inside a request for a timeline
    // ("what else happened in 2016?") or a comparison ("which has more?") it is part of that request: none asks for a
    // further fact.
    const counted = this.countedIn(message.tokens, readLang);
    const requests = [...words.timeline.find(message.tokens), ...words.compare.find(message.tokens)];
    const phrases = words.more
      .find(message.tokens)
      .filter((m) => !counted.some((c) => c.end === m.start || c.start === m.end) && !requests.some((t) => within(m, t)));
    if (phrases.length === 0 || !phrases.some((m) => m.start <= lead || m.end === message.tokens.length)) return null;
    const rest = new Message(message.without(phrases.flatMap(span)));
    const given = new Set(state.given);
    const lastFact = this.lastFact(state);
    // "More about that exhibition", after a timeline that told of one: that one.
    const whole = (lastFact && this.wholeNamed(lastFact, rest, readLang)) ?? this.toldInPart(state, rest, readLang, true)?.id;
    // Words that only name what the conversation is about ("more about *this initiative*", "about *that university*"
    // after a major it teaches) ask plain "more".
    const referents = [...(whole ? [whole] : []), ...this.referents(state, rest, readLang)];
    const restWords = this.contentWords(rest.tokens, readLang);
    const naming = (id: string) => restWords.some((t) => this.bot.entities.namesWord(id, t, readLang));
    // Naming one of several things the last answer was about ("more about the institutes" after a fact about them
    // and the language they teach) asks about that one, as a question of its own.
    const subjects = lastFact?.answers.subjects.filter((id) => !this.bot.isSetting(id)) ?? [];
    const narrowed = !whole && subjects.length > 1 && subjects.filter(naming).length === 1;
    // "More about *this university*": a kind pointed at names what the conversation is about.
    const pronouns = this.bot.lexicon.conversation[readLang].pronouns;
    const kinds = this.countedIn(rest.tokens, readLang).filter((m) => m.start > 0 && pronouns.has(rest.tokens[m.start - 1]!));
    const pointedAt = new Set(kinds.flatMap((m) => rest.tokens.slice(m.start, m.end)));
    const content = narrowed
      ? restWords
      : restWords.filter((t) => !pointedAt.has(t) && !referents.some((id) => this.bot.entities.namesWord(id, t, readLang)));
    if (content.length > 0) {
      // More about something named: the best fact about it not given yet, read first as asked, then about the
      // conversation's subject.
      if (state.facts.length === 0 && this.named(reading.question).length === 0) return null;
      // Read as asked, and as asked about the conversation's subject: the answer that keeps to the conversation wins.
      const readings = [rest.text, `${rest.text} ${this.nameOf(referents, state, readLang)}`].map((about) => ({ about, fact: this.bot.answerFact(about, readLang, given) }));
      const chosen = readings.find((r) => this.keepsTo(state, r.fact)) ?? readings.find((r) => r.fact);
      // "More about the comparative one", said of one part of the last answer: when no fact not given yet tells of
      // it, that part is all the source says of it — not a fact that only shares a word with the question.
      // (Words for a kind, "the comparative *method*", name no part: the answer may name the kind once for all.)
      const own = content.filter((t) => !this.bot.lexicon.isConceptWord(t));
      const tells = (fact: FactRecord | undefined) => fact !== undefined && this.partsTelling(answerParts(fact[readLang].answer), own, readLang).length > 0;
      const single = lastFact && state.facts.length === 1 && own.length > 0;
      const part = single && !tells(chosen?.fact) ? this.partOfLast(lastFact, own, readLang, lang) : undefined;
      if (part !== undefined) return { result: this.bot.partResult(lastFact!, part, lang, readLang) };
      return chosen?.fact ? { result: this.bot.factResult(chosen.fact, lang, readLang), question: chosen.about } : null;
    }
    if (!lastFact) return { result: this.bot.messageResult('clarify', lang, readLang, this.bot.t(lang, 'conversation.moreOfWhat')) };
    // Plain "more" after a timeline, which showed a line of each fact: the first of them told only in part, in full.
    // ("Anything else about *it*?" asks for another fact about what it points at.)
    const plain = !whole && this.pronounAt(rest, readLang) < 0;
    const shownInPart = plain ? state.facts.map((id) => this.bot.fact(id)).find((f) => f && !given.has(f.id) && firstSentence(f[lang].answer) !== f[lang].answer) : undefined;
    const next = shownInPart ?? this.bot.nextAbout(lastFact, state.given, whole);
    if (!next) {
      const about = state.subjects[0] ? this.bot.entities.displayName(state.subjects[0], lang) : lastFact[lang].title;
      return { result: this.bot.messageResult('clarify', lang, readLang, this.bot.t(lang, 'conversation.nothingMore', { about })) };
    }
    return { result: this.bot.factResult(next, lang, readLang), question: next[readLang].questions[0] };
  }

  /** Which of an answer's parts (see `answerParts`) hold every one of the words sought, by their positions. */
  private partsTelling(parts: readonly string[], sought: readonly string[], lang: Lang): number[] {
    const holds = (part: string, word: string) => words(part).some((t) => isWordForm(t, word, lang) || stem(t) === stem(word));
    return parts.flatMap((part, i) => (sought.every((word) => holds(part, word)) ? [i] : []));
  }

  /**
   * The one part of the last answer that tells of the words, in the reply's language (the same part there, when the
   * two languages' answers have as many parts); undefined when no one part does, or the answer is that part.
   */
  private partOfLast(last: FactRecord, sought: readonly string[], readLang: Lang, lang: Lang): string | undefined {
    const read = answerParts(last[readLang].answer);
    const found = this.partsTelling(read, sought, readLang);
    const shown = answerParts(last[lang].answer);
    if (found.length !== 1 || read.length < 2 || shown.length !== read.length) return undefined;
    // The lead of a list ("The article uses 3 methods:") tells of them all, not one part.
    if (shown[found[0]!]!.endsWith(':')) return undefined;
    // Quoted from inside a sentence, it starts with an ellipsis and ends without the sentence's stop.
    const part = shown[found[0]!]!.replace(/[.;,]+$/, '');
    return /^\p{Ll}/u.test(part) ? `…${part}` : part;
  }

  /**
   * What the last fact's subject is part of, when a message names that and nothing of the part alone: "that
   * university" after a major it teaches (the major's name holds "university" too, but "major" would name the part).
   */
  private wholeNamed(last: FactRecord, message: Message, lang: Lang): string | undefined {
    const content = this.contentWords(message.tokens, lang);
    const naming = (id: string) => content.filter((t) => this.bot.entities.namesWord(id, t, lang));
    for (const subject of last.answers.subjects) {
      const ofPart = naming(subject);
      for (const whole of this.bot.entities.wholes(subject)) {
        if (this.bot.isSetting(whole)) continue;
        const ofWhole = naming(whole);
        if (ofWhole.length > 0 && ofPart.every((t) => ofWhole.includes(t))) return whole;
      }
    }
    return undefined;
  }

  // — "compare 2019 and 2020", "which has more countries, choir or film festival?" —

  private compare(state: ConversationState, { message, lang: readLang, question }: Reading, lang: Lang): Handled | null {
    const marker = this.comparisonAsked(message, readLang);
    if (marker.length === 0) return null;
    const messageSides = this.sides(state, message, question, readLang);
    let sides = messageSides;
    let base = message.without([...marker.flatMap(span), ...sides.flatMap((s) => s.positions)]);
    const asksOwn = this.contentWords(new Message(base).tokens, readLang).length > 0;
    // The last question and its sides, read once when needed: up to three steps below look at them.
    let last: { reading: Reading; sides: Side[] } | undefined;
    const lastAsked = (asked: string) => {
      if (!last) {
        const reading = this.reread(asked);
        last = { reading, sides: this.sides(state, reading.message, reading.question, reading.lang) };
      }
      return last;
    };
    if (sides.length === 1 && state.question) {
      // "compare with 2020", after a question about 2019: the other side, and the subject, come from that question.
      const { reading: earlier, sides: earlierSides } = lastAsked(state.question);
      const before = earlierSides.filter((s) => s.key !== sides[0]!.key && s.kind === sides[0]!.kind);
      const fromState = sides[0]!.kind === 'thing' && state.subjects[0] && state.subjects[0] !== sides[0]!.key ? [this.thingSide(state.subjects[0])] : [];
      const other = before[0] ?? fromState[0];
      if (other) {
        sides = [other, sides[0]!];
        if (this.contentWords(new Message(base).tokens, readLang).length === 0) {
          base = earlier.message.without(before.length > 0 ? before[0]!.positions : []);
        }
      }
    }
    const lastTwo = sides.length === 0 && state.question !== undefined ? this.lastTwoAsked(state, lastAsked(state.question).sides) : null;
    if (lastTwo) sides = lastTwo.sides;
    if (sides.length !== 2) return this.clausesCompared(state, message, marker, readLang, lang) ?? this.comparisonOfNothing(state, message, marker, readLang, lang);
    // What is compared, read in turn until both sides find comparable facts: the message's own words, else what the
    // last question asked ("compare 2019 and 2020", after a question about 2019) — first when that question named a
    // side of the same kind, last when it did not. Sides taken from the last two questions were asked about in the
    // first of them: what it asked comes first ("these two years" only points at them).
    const bases = lastTwo ? [lastTwo.asked, base] : [base];
    if (!lastTwo && state.question && this.contentWords(new Message(base).tokens, readLang).length === 0) {
      const { reading: earlier, sides: earlierSides } = lastAsked(state.question);
      const own = earlierSides.filter((s) => s.kind === sides[0]!.kind);
      const asked = earlier.message.without(own.flatMap((s) => s.positions));
      if (earlier.lang === readLang) own.length > 0 ? bases.unshift(asked) : bases.push(asked);
    }
    const readings = bases.flatMap((text) => this.comparedReadings(text, sides, readLang));
    // "How many years between the monument and the readings?" asks each side's date, whatever else it says; any two
    // dates weigh against each other.
    const timeBetween = this.bot.lexicon.conversation[readLang].timeBetween.in(message.tokens);
    if (timeBetween) readings.push(this.bot.lexicon.datePhrase(readLang));
    const dated = (answers: ReadonlyArray<{ fact: FactRecord | undefined }>) => twoFacts(answers)?.every((fact) => fact.dates.length > 0) ?? false;
    const answerOf = (side: Side, fact: FactRecord | undefined) => ({ label: side.label(lang), fact, named: messageSides.includes(side) });
    const answersTo = (text: string) => sides.map((side) => answerOf(side, this.bot.answerFact(`${text} ${side.text(readLang)}`, readLang)));
    const comparableFor = (texts: readonly string[]) => {
      for (const text of texts) {
        const answers = answersTo(text);
        if (this.comparable(answers) || (timeBetween && dated(answers))) return answers;
      }
      return undefined;
    };
    // A comparison that asks nothing of its own may weigh what the question before the last asked, as a last resort:
    // "how many of them stayed?" between a figure for 2019 and "compare 2019 and 2020" asks nothing that differs by
    // year.
    const answers =
      comparableFor(readings) ??
      (asksOwn || lastTwo ? undefined : comparableFor(this.askedBefore(state, sides, readLang))) ??
      (asksOwn ? undefined : this.givenOnEachSide(state, sides)?.map((fact, i) => answerOf(sides[i]!, fact))) ??
      answersTo(readings[0]!);
    // Sides that find no fact, or one fact for both, may be the things of two figures asked one on each side of "with"
    // ("compare the number of institutions in the alliances with the number of centres"): each clause asked on its own.
    if (!twoFacts(answers)) {
      // (Not when a clause only names a thing: "in the theatre and library alliances" joins two sides.)
      const clauses = this.clausesCompared(state, message, marker, readLang, lang, { beyondNames: true });
      const keeps = answers.every((a) => !a.fact || clauses?.result.factIds.includes(a.fact.id));
      if (clauses && keeps) return clauses;
    }
    // Neither side found, the message may still ask of two figures one fact gives ("compare extreme vs moderate
    // poverty figures"): that fact, read as the message asks it.
    const alone = answers.every((a) => !a.fact) ? this.bot.answerFact(message.text, readLang) : undefined;
    if (alone && figuresOf(alone).length >= 2) return { result: this.bot.factResult(alone, lang, readLang), question: message.text };
    return { result: this.several.comparison(lang, readLang, answers), question: message.text };
  }

  /**
   * A comparison that asks nothing of its own, when what was last asked finds nothing on both sides, weighs what the
   * conversation already told of each ("compare 2019 and 2020", after the figures of both years and a question about
   * something else): the latest fact given of each side, two facts that answer alike first.
   */
  private givenOnEachSide(state: ConversationState, sides: readonly Side[]): [FactRecord, FactRecord] | undefined {
    const given = [...state.given].reverse().flatMap((id) => this.bot.fact(id) ?? []);
    const of = (side: Side) =>
      given.filter((fact) => (side.kind === 'year' ? fact.dates.some((date) => date.startsWith(side.key)) : fact.answers.subjects.includes(side.key)));
    const seconds = of(sides[1]!);
    const pairs = of(sides[0]!).flatMap((a) => seconds.map((b): [FactRecord, FactRecord] => [a, b]));
    const comparable = pairs.filter(([a, b]) => this.comparable([{ fact: a }, { fact: b }]));
    const alike = ([a, b]: [FactRecord, FactRecord]) => JSON.stringify(a.answers) === JSON.stringify(b.answers);
    return comparable.find(alike) ?? comparable[0];
  }

  /** What the question before the last asked of sides of the kind compared, read for each side; none when it named no such side. */
  private askedBefore(state: ConversationState, sides: readonly Side[], readLang: Lang): string[] {
    if (state.previous === undefined) return [];
    const before = this.reread(state.previous);
    const own = this.sides(state, before.message, before.question, before.lang).filter((s) => s.kind === sides[0]!.kind);
    return own.length > 0 && before.lang === readLang ? this.comparedReadings(before.message.without(own.flatMap((s) => s.positions)), sides, readLang) : [];
  }

  /**
   * "How many countries organised it vs how many sent relics", «студенттер мен оқулықтар санын салыстыр»: two figures
   * asked one on each side of the comparison's word or of "and", each of what the conversation is about, side by side.
   * Null unless each side finds a fact of its own and the two are comparable.
   */
  private clausesCompared(state: ConversationState, message: Message, marker: PhraseMatch<unknown>[], readLang: Lang, lang: Lang, { beyondNames = false } = {}): Handled | null {
    const { tokens } = message;
    const markerAt = new Set(marker.flatMap(span));
    const between = marker.find((m) => m.start > 0 && m.end < tokens.length);
    const joiner = tokens.findIndex((t, i) => i > 0 && !markerAt.has(i) && this.bot.lexicon.listJoiners.has(t));
    // "Compare how many studied there *with* how many books…": after a request that leads, its own word joins the two.
    const leads = marker.some((m) => m.start === 0);
    const joinedWith = leads ? this.bot.lexicon.conversation[readLang].comparedWith.find(tokens).find((m) => m.start > marker[0]!.end) : undefined;
    const cut = between ? [between.start, between.end] : joiner > 0 ? [joiner, joiner + 1] : joinedWith ? [joinedWith.start, joinedWith.end] : undefined;
    if (!cut) return null;
    const clauses = [range(0, cut[0]!), range(cut[1]!, tokens.length)].map((kept) => {
      const keep = new Set(kept.filter((i) => !markerAt.has(i)));
      return new Message(message.without(range(0, tokens.length).filter((i) => !keep.has(i))));
    });
    if (clauses.some((clause) => this.contentWords(clause.tokens, readLang).length === 0)) return null;
    const namesOnly = (clause: Message) => {
      const { asks, entities } = this.bot.read(clause.text, readLang).question;
      const named = new Set(entities.flatMap((e) => e.positions));
      return asks.size === 0 && this.contentWords(clause.tokens.filter((_, i) => !named.has(i)), readLang).length === 0;
    };
    if (beyondNames && clauses.some(namesOnly)) return null;
    const asked = (clause: Message) => {
      const counts = this.bot.lexicon.asks[readLang].find(clause.tokens).length > 0;
      const text = counts ? clause : new Message(`${this.bot.lexicon.countPhrase(readLang)} ${clause.text}`);
      return state.question ? this.withSubject(text, readLang, this.referents(state, text, readLang), state.question) : text.text;
    };
    // A clause is shown as its label without the commas that stood around the cut («…курсы ЕНУ, с тем, сколько…»).
    const label = (clause: Message) => clause.text.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/gu, '');
    const answers = clauses.map((clause) => ({ label: label(clause), fact: this.bot.answerFact(asked(clause), readLang), named: true }));
    if (this.comparable(answers)) return { result: this.several.comparison(lang, readLang, answers), question: message.text };
    // Two questions of their own about different things ("how many universities teach Kazakh vs how many institutes
    // are there?"), each answered as asked: both answers side by side, with no difference of figures that count
    // different things.
    if (!clauses.every((clause) => this.bot.lexicon.asks[readLang].in(clause.tokens))) return null;
    const own = clauses.map((clause) => ({ label: label(clause), fact: this.bot.answerFact(clause.text, readLang), named: true }));
    const both = own.every((a) => a.fact) && own[0]!.fact!.id !== own[1]!.fact!.id;
    return both ? { result: this.several.comparison(lang, readLang, own, { difference: false }), question: message.text } : null;
  }

  /**
   * "Compare these two years", «у кого больше участников?»: a comparison naming no side weighs the things the last
   * two questions asked about, one each, when they are of a kind (two years, two places, two things). `last`: the
   * sides the last question named.
   */
  private lastTwoAsked(state: ConversationState, last: readonly Side[]): { sides: [Side, Side]; asked: string } | null {
    if (state.previous === undefined) return null;
    const first = this.reread(state.previous);
    const before = this.sides(state, first.message, first.question, first.lang);
    if (before.length !== 1 || last.length !== 1 || before[0]!.kind !== last[0]!.kind || before[0]!.key === last[0]!.key) return null;
    return { sides: [before[0]!, last[0]!], asked: first.message.without(before[0]!.positions) };
  }

  /**
   * What makes a message ask for a comparison: a phrase that says so ("compare", «у кого больше»), else a comparative
   * beside "which" or an alternative ("which one is *bigger*, that *or* …", "*more* members *than* …", «ертерек
   * құрылды ма *әлде* кейін бе?»).
   */
  private comparisonAsked(message: Message, readLang: Lang): PhraseMatch<unknown>[] {
    const words = this.bot.lexicon.conversation[readLang];
    const phrases = words.compare.find(message.tokens);
    if (phrases.length > 0) return phrases;
    const alternatives = words.alternatives.in(message.tokens);
    const comparatives = words.comparatives.find(message.tokens);
    if (comparatives.length === 0) return alternatives ? words.precedence.find(message.tokens) : [];
    return this.bot.lexicon.which[readLang].in(message.tokens) || alternatives ? comparatives : [];
  }

  /**
   * "Compare the two", "which is bigger?": a comparison that names nothing, a word at most, which would otherwise be
   * read as a question about comparing. The fact just given holds what is compared when it gives several figures;
   * else the user is asked to name both sides. Null when the message has words of its own.
   */
  private comparisonOfNothing(state: ConversationState, message: Message, marker: PhraseMatch<unknown>[], readLang: Lang, lang: Lang): Handled | null {
    const rest = new Message(message.without(marker.flatMap(span)));
    const last = state.facts.length === 1 ? this.bot.fact(state.facts[0]!) : undefined;
    const ownWords = rest.tokens.some(isYear) || this.contentWords(rest.tokens, readLang).length > 1 || this.named(this.bot.read(rest.text, readLang).question).length > 0;
    // With words of its own ("compare that growth with the first quarter"), only when the fact just given answers them.
    if (last && figuresOf(last).length >= 2 && (!ownWords || this.bot.accepts(rest.text, readLang, last))) {
      return { result: this.bot.factResult(last, lang, readLang), question: message.text };
    }
    return ownWords ? null : { result: this.bot.messageResult('clarify', lang, readLang, this.bot.t(lang, 'conversation.compareWhat')) };
  }

  /**
   * The questions a comparison may ask of each side, given what it compares: a count of the thing it names first
   * ("compare the members": how many members), then the words as they are ("which of the centres opened earlier").
   */
  private comparedReadings(text: string, sides: readonly Side[], readLang: Lang): string[] {
    // Words of the sides' names stay with the sides ("the festival *alliance*"): what is compared is the rest.
    const message = new Message(text);
    const sideWords = message.tokens.flatMap((t, i) => (sides.some((side) => side.kind === 'thing' && this.bot.entities.namesWord(side.key, t, readLang)) ? [i] : []));
    const rest = message.without(sideWords);
    const counted = this.bot.read(rest, readLang).question.asks.size === 0 && this.countedIn(new Message(rest).tokens, readLang).length > 0;
    return counted ? [`${this.bot.lexicon.countPhrase(readLang)} ${rest}`, rest] : [rest];
  }

  /**
   * Whether both sides of a comparison found facts, two of them, about one thing or things of one kind, or giving
   * figures of one thing on one topic (the students of two years).
   */
  private comparable(answers: ReadonlyArray<{ fact: FactRecord | undefined }>): boolean {
    const two = twoFacts(answers);
    if (!two) return false;
    const [a, b] = two;
    const kinds = (fact: FactRecord) => fact.answers.subjects.flatMap((s) => [s, ...(this.bot.entities.byId.get(s)?.isA ?? [])]);
    const shares = (x: readonly string[], y: readonly string[]) => x.some((k) => y.includes(k));
    return shares(kinds(a), kinds(b)) || (a.topic === b.topic && shares(a.answers.of, b.answers.of));
  }

  /** What a comparison compares: two years, else two places, else two things named in full or in part. */
  private sides(state: ConversationState, message: Message, question: Question, readLang: Lang): Side[] {
    const years = dedupe(this.yearSides(message, question));
    if (years.length >= 2) return years.slice(0, 2);
    const places = question.entities.filter((e) => e.kind === 'place' && !this.bot.isSetting(e.id)).map((e) => this.thingSide(e.id, e.positions, 'place'));
    if (places.length >= 2) return places.slice(0, 2);
    const named = this.named(question).filter((e) => e.kind !== 'place');
    // Things named by a word of their name ("theatre or art museum?") are near what the conversation is about: what
    // the last facts, one or several, are about; or near a kind the message names by a word ("which *alliance*…").
    const kinds = this.bot.kinds().filter((kind) => message.tokens.some((t) => this.bot.entities.namesWord(kind, t, readLang)));
    const near = [...state.subjects, ...state.facts.flatMap((id) => this.bot.fact(id)?.answers.subjects ?? []), ...named.map((e) => e.id), ...kinds];
    // A thing named in part only by words of a name named in full is no second side ("at Marlinsk State University
    // or at the Velorian one": the Marlinsk university's lake centre shares the Marlinsk university's words).
    const inNamed = new Set(named.flatMap((e) => e.positions));
    const partial = this.partialNames(message, readLang, near).filter((p) => !named.some((e) => e.id === p.id) && p.positions.some((i) => !inNamed.has(i)));
    // Things named in part come in the order the message names them: a word left over beside a name may name a
    // third ("the theatre and *art* festival alliances").
    const inOrder = [...partial].sort((a, b) => a.positions[0]! - b.positions[0]!);
    const things = dedupe([...named.map((e) => this.thingSide(e.id, e.positions)), ...inOrder.map((p) => this.thingSide(p.id, p.positions))]);
    if (things.length >= 2) return things.slice(0, 2);
    // The time between a place and a thing ("the years between the monument and the readings"): the two, as named.
    const timeBetween = this.bot.lexicon.conversation[readLang].timeBetween.in(message.tokens);
    if (timeBetween && places.length === 1 && things.length === 1) return [places[0]!, things[0]!].sort((a, b) => a.positions[0]! - b.positions[0]!);
    // A kind alone ("how many countries organised the *exhibition*") is no side: it says what the conversation is about.
    return years.length === 1 ? years : places.length === 1 ? places : things.filter((side) => !this.isKind(side.key));
  }

  /** The years a message names, not inside a name ("the Action Plan (2016–2020)" names no year to compare). */
  private yearSides(message: Message, question: Question): Side[] {
    const inNames = new Set(question.entities.flatMap((e) => e.positions));
    return message.tokens.flatMap((t, i): Side[] => (isYear(t) && !inNames.has(i) ? [{ kind: 'year', key: t, positions: [i], text: () => t, label: () => t }] : []));
  }

  private thingSide(id: string, positions: number[] = [], kind: Side['kind'] = 'thing'): Side {
    return { kind, key: id, positions, text: (lang) => this.bot.entities.displayName(id, lang), label: (lang) => this.bot.entities.displayName(id, lang) };
  }

  // — "what happened in 2018?", "from 2017 to 2019", "the alliances in order", "/timeline" —

  private timeline({ message, lang: readLang, question }: Reading, lang: Lang, state?: ConversationState): Handled | null {
    const words = this.bot.lexicon.conversation[readLang];
    const marker = words.timeline.find(message.tokens);
    const years = message.tokens.filter(isYear).map(Number);
    // "What Kazakh cultural events took place in December 2018?", "what events took place in Marlinsk?": things
    // happening, on a date or in a place, asked for nothing else.
    const placed = [...question.places.keys()].some((place) => !this.bot.isSetting(place));
    const happeningsOnDate = (years.length > 0 || placed) && question.asks.size === 0 && words.happenings.in(message.tokens);
    // "When did the lake centres open?", "when were the alliances founded?": the dates of a kind of thing, named in
    // full or by a word of its name, naming none of them — unless it points back ("those centres"), puts them in a
    // place of their own («центр в Шанхае»: one of them) or the conversation is about one of them.
    const asksDate = years.length === 0 && question.asks.size === 1 && question.asks.has('date') && !placed;
    const named = this.named(question);
    // (Not by a word of a name it holds: "when did Veloria…" names no centre for Veloria studies.)
    const unnamedKind = () => (named.length === 0 ? this.kindNamed(new Message(message.without(question.entities.flatMap((e) => e.positions))), readLang) : undefined);
    const byWord = () => {
      const kind = unnamedKind();
      return kind !== undefined && this.bot.instancesOf(kind).length > 1 && !state?.subjects.some((s) => this.bot.instancesOf(kind).includes(s));
    };
    // "When did the exhibitions close?": the dates of a kind tell of what its facts date, not of an event none of them does.
    const eventsAsked = [...question.concepts].filter((c) => this.bot.lexicon.conceptType(c) === 'event');
    const datesEventsAsked = (kind: string | undefined) =>
      kind === undefined ||
      eventsAsked.length === 0 ||
      this.bot.instancesOf(kind).some((id) => this.datedAbout(id).some((f) => eventsAsked.some((e) => f.answers.of.includes(e))));
    const kindsNamed = named.filter((e) => this.isKind(e.id)).map((e) => e.id);
    const datesOfKind =
      asksDate &&
      this.pronounAt(message, readLang) < 0 &&
      named.every((e) => this.isKind(e.id)) &&
      (named.some((e) => this.bot.instancesOf(e.id).length > 1) || byWord()) &&
      (kindsNamed.length > 0 ? kindsNamed : [unnamedKind()]).every(datesEventsAsked);
    // "Which alliances were founded in 2018?": the things of a kind in a period, when it holds several of them.
    const whichInPeriod = years.length > 0 && question.asks.size === 0 && this.bot.lexicon.which[readLang].in(message.tokens);
    if (marker.length === 0 && !happeningsOnDate && !datesOfKind && !whichInPeriod) return null;
    const bounds = words.period.find(message.tokens);
    const boundBefore = (year: number) => {
      const at = message.tokens.indexOf(String(year));
      return bounds.find((b) => b.end === at)?.value;
    };
    let period: { from: number; to: number } | undefined;
    if (years.length >= 2) period = { from: Math.min(...years), to: Math.max(...years) };
    else if (years.length === 1) {
      const bound = boundBefore(years[0]!);
      period = bound === 'after' ? { from: years[0]! + 1, to: 9999 } : bound === 'before' ? { from: 0, to: years[0]! - 1 } : { from: years[0]!, to: years[0]! };
    }
    // "the alliances in order": a kind named, in full or by a word of its name.
    const rest = message.without(marker.flatMap(span));
    // (A request that names a thing of another kind is about it: "the OSU exam *centre*" is no lake studies centre.)
    const kindNamedInFull = named.find((e) => this.isKind(e.id))?.id;
    const kindByWord = kindNamedInFull ? undefined : this.kindNamed(new Message(rest), readLang);
    const things = named.filter((e) => !this.isKind(e.id));
    const ofAnotherKind = kindByWord !== undefined && things.length > 0 && things.every((e) => !this.bot.entities.closure(e.id).has(kindByWord));
    const kind = kindNamedInFull ?? (ofAnotherKind ? undefined : kindByWord);
    const topic = this.bot.findTopic(rest, readLang);
    const day = years.length === 1 ? this.dateIn(message, readLang, years[0]!) : undefined;
    // "What happened to the students during the epidemic?", first in a conversation, names no year, kind, thing or
    // topic: a question, when the source answers it, not a request for a timeline.
    // The thing it is about may be the sources' own setting ("key dates of the initiative"), though not a place.
    const thing = named[0] ?? question.entities.find((e) => e.kind !== 'concept' && (e.kind !== 'place' || !this.bot.isSetting(e.id)));
    // ("Give me a timeline", "in chronological order" ask for one whatever they name.)
    const aimless = !day && !period && !kind && !thing && !topic && (!state || state.offered.length + state.facts.length === 0) && !words.chronology.in(message.tokens);
    if (aimless && this.answers(message.text, readLang)) return null;
    if (marker.length === 0 && !happeningsOnDate && !datesOfKind) {
      // Asked of one thing of the kind, or of none, it is a question.
      const timeline = kind && period && !day ? this.several.timeline({ period, kind }, lang, readLang) : undefined;
      const things = new Set(timeline?.factIds.flatMap((id) => this.bot.fact(id)!.answers.subjects.filter((s) => this.bot.instancesOf(kind!).includes(s))));
      return timeline && things.size > 1 ? { result: timeline, question: message.text } : null;
    }
    // "In what order were they created?" after a fact about a kind: the things of that kind.
    const kindTalkedOf = state?.subjects.find((id) => this.isKind(id));
    const pointedAt = day || period || kind || !state ? undefined : this.datedThingTalkedOf(state, thing, message, new Message(rest), readLang);
    const entity = pointedAt ?? thing?.id;
    // "The meetings of the ambassadors in date order": happenings of a kind the facts declare they tell of, with all
    // else the request names, when nothing but a place or the setting is named and nothing is pointed back at ("in
    // what order were *they* founded?"). ("What else happened there" names no kind of happening: its word frames.)
    const framing = (m: PhraseMatch<string>) => message.tokens.slice(m.start, m.end).every((t) => this.bot.lexicon.isFraming(t, readLang));
    const conceptsNamed = this.bot.lexicon.concepts[readLang].find(message.tokens).filter((m) => !framing(m));
    const concepts = [...question.concepts].filter((c) => this.bot.lexicon.conceptType(c) !== 'attribute' && conceptsNamed.some((m) => m.value === c));
    const ofConcepts =
      !pointedAt &&
      this.pronounAt(message, readLang) < 0 &&
      (!thing || thing.kind === 'place' || this.bot.isSetting(thing.id)) &&
      concepts.some((c) => this.bot.lexicon.conceptType(c) === 'event') &&
      this.bot.facts.filter((f) => f.dates.length > 0 && tellsOfAll(f, concepts)).length > 1;
    const target = day
      ? { date: day }
      : period
        ? { period }
        : kind
          ? { kind }
          : ofConcepts
            ? { concepts }
            : entity
              ? { entity }
              : topic || !state || state.offered.length + state.facts.length === 0
                ? { topic }
                : kindTalkedOf
                  ? { kind: kindTalkedOf }
                  : // "in order, please", after a list: the facts just talked about.
                    { facts: [...new Set([...state.facts, ...state.offered])] };
    return { result: this.several.timeline(target, lang, readLang), question: message.text };
  }

  /**
   * The thing of the conversation a request for a timeline asks the dates of: the thing talked about, pointed back at
   * ("the key dates of this university", «осы институттың күндерін ретімен»), or what a thing it names with one date
   * only belongs to ("the exam centre", in a conversation about its institute). `rest`: the request without its marker.
   */
  private datedThingTalkedOf(state: ConversationState, thing: EntityMention | undefined, message: Message, rest: Message, lang: Lang): string | undefined {
    if (thing) return this.datedAbout(thing.id).length < 2 ? this.holderTalkedOf(state, thing.id) : undefined;
    // ("What *else* happened at that event?" asks beyond what was told of it.)
    const pointsBack = this.pronounAt(message, lang) >= 0 && this.bot.lexicon.conversation[lang].more.find(message.tokens).length === 0;
    return pointsBack ? this.pointedAtWithDates(state, rest, lang) : undefined;
  }

  /**
   * The first thing a message may point back at that several dated facts are about: what it points at, else the whole
   * that is part of, else another thing talked about.
   */
  private pointedAtWithDates(state: ConversationState, message: Message, lang: Lang): string | undefined {
    const last = this.lastFact(state);
    const whole = last && this.wholeNamed(last, message, lang);
    const pointed = [...(whole ? [whole] : []), ...this.referents(state, message, lang), ...state.subjects].filter((id) => !this.bot.isSetting(id));
    return pointed.find((id) => this.datedAbout(id).length > 1);
  }

  /** The thing talked about that several dated facts are about, one of them about `part` too. */
  private holderTalkedOf(state: ConversationState, part: string): string | undefined {
    return state.subjects.find((id) => {
      if (id === part || this.bot.isSetting(id)) return false;
      const dated = this.datedAbout(id);
      return dated.length > 1 && dated.some((f) => this.bot.isAbout(f, part));
    });
  }

  /** The dated facts about a thing: the lines of its timeline. */
  private datedAbout(id: string): FactRecord[] {
    return this.bot.facts.filter((f) => f.dates.length > 0 && this.bot.isAbout(f, id));
  }

  /** A kind of thing named by words of its name ("the alliances") in a request without its marker, when no fuller name is given. */
  private kindNamed(message: Message, lang: Lang): string | undefined {
    // Words the sources never use ("can u put …") say nothing about what is asked, nor do the words that ask ("when",
    // "list").
    const asking = new Set([...this.bot.lexicon.asks[lang].find(message.tokens), ...this.bot.lexicon.conversation[lang].list.find(message.tokens)].flatMap(span));
    const content = this.contentWords(message.tokens.filter((_, i) => !asking.has(i)), lang).filter((t) => this.bot.knows(t));
    // Only a short request names a kind by words of its name ("list the alliances", «альянсы Шёлкового пути»); with
    // more words beside them, the request is about more.
    const kinds = this.bot.kinds().filter((id) => {
      const naming = content.filter((t) => this.bot.entities.namesWord(id, t, lang));
      return naming.length > 0 && content.filter((t) => !naming.includes(t) && !this.bot.lexicon.isConceptWord(t)).length <= 1;
    });
    return kinds.length === 1 ? kinds[0] : undefined;
  }

  /** A month, or a day of a month, of `year` the message names ("5 December 2018", «в апреле 2019»), as an ISO prefix. */
  private dateIn(message: Message, lang: Lang, year: number): string | undefined {
    const [month] = this.bot.lexicon.months[lang].find(message.tokens);
    if (!month) return undefined;
    const near = [message.tokens[month.start - 1], message.tokens[month.end]].find((t) => t !== undefined && /^([1-9]|[12]\d|3[01])$/.test(t));
    const mm = String(month.value).padStart(2, '0');
    return near ? `${year}-${mm}-${near.padStart(2, '0')}` : `${year}-${mm}`;
  }

  // — "list the alliances": every thing of a kind the source names —

  private list(reading: Reading, lang: Lang): Handled | null {
    const { message, lang: readLang, question } = reading;
    const marker = this.bot.lexicon.conversation[readLang].list.find(message.tokens);
    if (marker.length === 0) return this.whichOfKind(reading, lang);
    // "List the events the institutes hold" lists events, not institutes: a question, then.
    if (this.bot.lexicon.conversation[readLang].happenings.in(message.tokens)) return null;
    const kind = question.entities.find((e) => this.isKind(e.id))?.id ?? this.kindNamed(new Message(message.without(marker.flatMap(span))), readLang);
    if (!kind) return null;
    return { result: this.several.list(kind, lang, readLang), question: message.text };
  }

  /**
   * "Which lake centres does the article mention?", «какие альянсы есть?»: "which" before a kind of thing, asking
   * nothing else of them, asks for the things of that kind.
   */
  private whichOfKind(reading: Reading, lang: Lang): Handled | null {
    const { message, lang: readLang, question } = reading;
    const which = this.bot.lexicon.which[readLang].find(message.tokens);
    const kind = question.entities.find((e) => this.isKind(e.id) && which.some((w) => e.positions[0] === w.end));
    if (!kind || this.asksMoreOf(reading, [...kind.positions, ...which.flatMap(span)])) return null;
    return { result: this.several.list(kind.id, lang, readLang), question: message.text };
  }

  /**
   * Whether a message asks of more than the words at `said`: a word that names no thing and no concept ("the *events*
   * the institutes hold"). Things named beside them ("set up under the Veloria accord") only tell which ones.
   */
  private asksMoreOf({ message, lang, question }: Reading, said: readonly number[]): boolean {
    const saidAt = new Set([...said, ...question.entities.flatMap((e) => e.positions)]);
    return this.contentWords(message.tokens.filter((_, i) => !saidAt.has(i)), lang).some((t) => this.bot.knows(t) && !this.bot.lexicon.isConceptWord(t));
  }

  // — "when was X founded and how many members does it have": each question answered —

  private compound(state: ConversationState, { message, lang: readLang }: Reading, lang: Lang): Handled | null {
    const lexicon = this.bot.lexicon;
    const tokens = message.tokens;
    const asks = lexicon.asks[readLang].find(tokens).sort((a, b) => a.start - b.start);
    if (asks.length === 0) return null;
    // The second question starts after "and", with a question word within a few words: "…and how many…", «…и какой
    // у неё…», «…және кітапханасында қанша…» — or closing it, where Kazakh puts it: «…және 2024 жылға болжам қандай»
    // (a question of its own: two words at least).
    const closing = [...asks, ...lexicon.which[readLang].find(tokens)].some((a) => a.end === tokens.length);
    const joiner = tokens.findIndex(
      (t, i) =>
        i > asks[0]!.start &&
        lexicon.listJoiners.has(t) &&
        (asks.some((a) => a.start > i && a.start <= i + SECOND_ASK_REACH) || lexicon.isFraming(tokens[i + 1] ?? '', readLang) || (closing && i < tokens.length - 2)),
    );
    if (joiner < 0) return null;
    let firstText = message.without(range(joiner, tokens.length));
    const asked = new Message(firstText);
    const bare = this.isBare(asked, readLang);
    const pointsBack = this.pronounAt(asked, readLang) >= 0;
    const second = new Message(message.without(range(0, joiner + 1)));
    const secondAsk = asks.find((a) => a.start > joiner);
    if (bare && secondAsk && this.named(this.bot.read(second.text, readLang).question).length > 0) {
      // "Where and when was the festival founded?": the first question word asks of what the second question names.
      firstText = message.without(range(joiner, secondAsk.end));
    } else if ((bare || pointsBack) && state.question) {
      // Two bare questions ("when and where?"), or a first that points back ("how many studied *there* and…"), are
      // about what the conversation is about.
      firstText = this.withSubject(asked, readLang, this.referents(state, message, readLang), state.question);
    }
    let first = this.bot.answerFact(firstText, readLang);
    // What a pronoun stands for may be the wrong thing ("it" for a programme, of its university): as written, then.
    if (!first && pointsBack && !bare && firstText !== asked.text) {
      const written = this.bot.answerFact(asked.text, readLang);
      if (written) [first, firstText] = [written, asked.text];
    }
    // The second question is about what the first named: "…and how many members does *it* have?" — of the first
    // answer's subjects, the thing the first question named comes first ("when was the institute presented and who
    // teaches *there*": the institute, not its presentation; a kind it names is no such thing).
    const named = this.named(this.readMessage(firstText, readLang).question).map((e) => e.id);
    const subjects = first ? this.namedThingFirst(first.answers.subjects, named) : named;
    // A part that asks with words of its own may be about another thing the first answer is about ("when did the
    // HSK centre open and how many completed the courses": the institute's), when the fact found is about that thing
    // and the message, read whole, agrees with the first part.
    let secondText = this.withSubject(second, readLang, subjects, firstText);
    let secondFact = this.bot.answerFact(secondText, readLang);
    const splitAgrees = () => [undefined, first?.id].includes(this.bot.answerFact(message.text, readLang)?.id);
    for (const other of secondFact || this.contentWords(second.tokens, readLang).length === 0 || !splitAgrees() ? [] : subjects.slice(1)) {
      const text = this.withSubject(second, readLang, [other], firstText);
      const fact = this.bot.answerFact(text, readLang);
      if (fact?.answers.subjects[0] === other) {
        [secondText, secondFact] = [text, fact];
        break;
      }
    }
    // Two parts answered by one fact ("how many countries organised the exhibition and from how many came its
    // relics"): the second may ask what another fact about the same thing declares and that one does not.
    if (first && secondFact === first) secondFact = this.otherPartFact(first, secondText, readLang) ?? secondFact;
    // A part that names a thing of its own ("…and how many cooperation documents has *Quornland* signed?") may be about
    // nothing the first part is: as typed, then; so may one answered as typed about a thing of another kind than the
    // first part's ("…and when was the initiative proposed?" after the years of the relations), unless it points back
    // or holds a number the first part's thing may have ("…and its forecast for 2030?"). One that names nothing and is
    // answered about another thing of the same kind ("…and how many visitors came?") is not.
    if (!secondFact) {
      const alone = this.bot.answerFact(second.text, readLang);
      const ownQuestion = this.pronounAt(second, readLang) < 0 && !second.tokens.some((t) => /\d/.test(t));
      const ofAnotherKind = alone && ownQuestion && !this.aboutOneOfTheirKind(alone, subjects);
      if (alone && (this.bot.read(second.text, readLang).question.entities.length > 0 || ofAnotherKind)) [secondText, secondFact] = [second.text, alone];
    }
    // A part the source does not answer is quoted as typed ("who is its director?"), or as written out when it only
    // asks ("when?").
    const quoted = (typed: Message, written: string) => (this.contentWords(typed.tokens, readLang).length > 0 ? typed.text : written);
    // Read as one question, the message may be answered whole where a part of it is not ("why … – where and when
    // was it proposed?"): split where one question was meant, so it is read as one.
    if ((!first || !secondFact) && this.answers(message.text, readLang)) return null;
    const result = this.several.combined(lang, readLang, [first, secondFact], [quoted(asked, firstText), quoted(second, secondText)]);
    return { result: result ?? this.bot.answer(firstText, readLang, lang), question: firstText };
  }

  /**
   * Another fact about what `first` is about that answers a part of a message, when the part names a concept that
   * fact declares and `first` does not; undefined otherwise.
   */
  private otherPartFact(first: FactRecord, text: string, readLang: Lang): FactRecord | undefined {
    const other = this.bot.answerFact(text, readLang, new Set([first.id]));
    if (!other || !other.answers.subjects.some((s) => first.answers.subjects.includes(s))) return undefined;
    const { concepts } = this.bot.read(text, readLang).question;
    return [...concepts].some((c) => other.answers.of.includes(c) && !first.answers.of.includes(c)) ? other : undefined;
  }

  // — "when were the theatre and the library alliances founded?", "students in 2019 and 2020": one question of two —

  /**
   * A question of two things, or two years, joined by "and" that the source does not answer as a whole: asked of
   * each, the answers side by side.
   */
  private ofEach(state: ConversationState, { message, lang: readLang, question }: Reading, lang: Lang): Handled | null {
    const things = this.named(question).map((e) => this.thingSide(e.id, e.positions));
    const years = this.yearSides(message, question);
    const each = things.length === 2 ? things : years.length === 2 ? years : null;
    if (!each) return null;
    const [a, b] = [...each].sort((x, y) => x.positions[0]! - y.positions[0]!) as [Side, Side];
    const between = range(Math.max(...a.positions) + 1, b.positions[0]!);
    const { listJoiners, stopwords } = this.bot.lexicon;
    const tokens = message.tokens;
    if (!between.some((i) => listJoiners.has(tokens[i]!)) || !between.every((i) => listJoiners.has(tokens[i]!) || stopwords.has(tokens[i]!))) return null;
    if (this.answers(message.text, readLang)) return null;
    const sides = [a, b].map((side) => {
      const other = side === a ? b : a;
      return { label: side.label(lang), fact: this.bot.answerFact(message.without([...other.positions, ...between]), readLang), named: true };
    });
    if (!sides.some((side) => side.fact)) return null;
    // The figures of the very years just given, given again, answer nothing a follow-up asked of them ("how many of
    // them stayed?").
    if (each === years && sides.every((side) => side.fact && state.facts.includes(side.fact.id))) return null;
    // A difference only of counts: the figures of facts asked for a date are not what was asked.
    return { result: this.several.comparison(lang, readLang, sides, { difference: question.asks.has('count') }), question: message.text };
  }

  /**
   * Whether a message names what it asks about, or asks in words of its own with nothing pointing back: no pronoun,
   * no ordinal but one before what it counts ("the first one" points back, "the first centre" does not).
   */
  private mayStandAlone({ message, lang, question }: Reading): boolean {
    if (this.named(question).length > 0) return true;
    const pointsBack = this.pronounAt(message, lang) >= 0 || (this.bot.lexicon.ordinals[lang].find(message.tokens).length > 0 && !this.ordinalOfCounted(message, lang));
    return !pointsBack && !this.isBare(message, lang) && this.contentWords(message.tokens, lang).length >= 2;
  }

  /** Whether a message asks without naming what about ("when?", «из скольких стран?», «қашан?», «какие именно?»). */
  private isBare(message: Message, lang: Lang): boolean {
    const question = this.bot.read(message.text, lang).question;
    // The words of a phrase that asks for a date, a place or a count ("*since* when", «какого *числа*») ask, and say
    // nothing more; "who of" («кто *из*…») still says of whom.
    const asking = new Set(this.bot.lexicon.asks[lang].find(message.tokens).filter((m) => m.value !== 'agent').flatMap(span));
    return (
      (question.asks.size > 0 || this.bot.lexicon.which[lang].find(message.tokens).length > 0) &&
      this.named(question).length === 0 &&
      this.contentWords(message.tokens.filter((_, i) => !asking.has(i)), lang).every((t) => this.bot.lexicon.namesConcept(t, lang))
    );
  }

  // — "and in 2020?", "who founded it?", "а в Павлодаре?", "what about the choir alliance?" —

  /**
   * The question a follow-up asks, written out; a clarifying reply when it points back to nothing; null when the
   * message stands on its own.
   */
  private resolve(state: ConversationState, reading: Reading, lang: Lang): { text: string; items?: string[] } | Handled | null {
    const { message, lang: readLang, question } = reading;
    const words = this.bot.lexicon.conversation[readLang];
    const ellipses = words.ellipsis.find(message.tokens);
    const ellipsis = ellipses.filter((m) => m.start === 0);
    // After filler, it leads a fragment or names another of the things talked about ("ok, and the museum one, when?"),
    // not a question of its own ("ok and what is the tea road thing").
    const afterFiller = ellipses.filter((m) => m.start > 0 && message.tokens.slice(0, m.start).every((t) => this.bot.lexicon.stopwords.has(t)));
    if (ellipsis.length === 0 && afterFiller.length > 0) {
      const rest = new Message(message.without(range(0, afterFiller[0]!.end)));
      const continues = this.partialNames(rest, readLang, state.subjects).length > 0 || this.isFragment(rest, this.bot.read(rest.text, readLang).question, readLang, state);
      if (continues) ellipsis.push(...afterFiller);
    }
    const pronounAt = this.pronounAt(message, readLang);
    const pronoun = pronounAt >= 0;
    const ownSubject = this.named(question).length > 0;
    if (!state.question) {
      if (!pronoun || ownSubject || this.answers(message.text, readLang)) return null;
      const example = this.bot.exampleQuestion(lang);
      return { result: this.bot.messageResult('clarify', lang, readLang, this.bot.t(lang, 'conversation.whatDoYouMean', { example })) };
    }
    // "Where was the first centre opened?" names what it asks about as a name does: a question of its own, when the
    // source answers it so.
    if (this.ordinalOfCounted(message, readLang) && this.answers(message.text, readLang)) return null;
    // "Where does the first one work?", «екіншісі қандай қызмет атқарады?»: an item of what the last reply named.
    const item = this.itemNamed(state, message, question, readLang, lang) ?? this.othersUnnamed(state, message, question, readLang, lang);
    if (item) return item;
    // "Where was the concert held?" after a timeline that told of one concert: that one, named by a word of its name.
    const told = this.named(question).every((e) => this.isKind(e.id)) ? this.toldInPart(state, message, readLang) : undefined;
    if (told) return { text: message.replace(told.positions, this.bot.entities.displayName(told.id, readLang)) };
    const fragment = question.asks.size === 0 && this.isFragment(message, question, readLang, state);
    if (ellipsis.length > 0 || (fragment && !this.answers(message.text, readLang))) {
      // A word of the ellipsis that also asks stays with the question: "в" of «а в каком городе?».
      const asking = new Set(this.bot.lexicon.asks[readLang].find(message.tokens).flatMap(span));
      const rest = new Message(message.without(ellipsis.flatMap(span).filter((i) => !asking.has(i))));
      // "And how many were there in 2019?": what the last question asked, asked again of another year.
      const askedAgain = this.askedAgain(state, rest, readLang);
      if (askedAgain) return { text: this.substitute(state, askedAgain, readLang) };
      // A fragment completes the last question ("and in 2020?"); anything more is a new question about the same
      // thing ("and what does the festival one do?").
      const restQuestion = this.bot.read(rest.text, readLang).question;
      const again = this.comparedAgain(state, rest, restQuestion, readLang);
      if (again) return { text: again };
      if (fragment || this.isFragment(rest, restQuestion, readLang, state)) {
        return { text: this.recounted(state, rest, readLang) ?? this.happenedOn(state, rest, readLang) ?? this.substitute(state, rest, readLang) };
      }
      // "and how many Kazakh students stayed then?" asks about something of its own; "and how many members?" only
      // what was just talked about, and so does "and from how many countries are its members?" — unless what "its"
      // stands for does not answer it and the words alone do.
      // "And the library one, when?": another of the things talked about, named in part, is what it asks about.
      // A place it names may be the sibling's own ("and the *Marlinsk* one, when?"): it names the sibling, not the place.
      const named = this.named(restQuestion);
      const siblings = this.partialNames(rest, readLang, state.subjects);
      const sibling = siblings.filter((s) => named.every((e) => e.kind === 'place' && this.bot.entities.closure(s.id).has(e.id)));
      if (sibling.length === 1 && named.length > 0) return { text: rest.replace(sibling[0]!.positions, this.bot.entities.displayName(sibling[0]!.id, readLang)) };
      const referents = sibling.length === 1 ? [sibling[0]!.id] : this.referents(state, rest, readLang);
      const own = this.contentWords(rest.tokens, readLang).filter(
        (t) => !this.bot.lexicon.isConceptWord(t) && !referents.some((id) => this.bot.entities.namesWord(id, t, readLang)),
      );
      const standsAlone = own.length >= 2 && this.answers(rest.text, readLang);
      if (standsAlone && (this.pronounAt(rest, readLang) < 0 || restQuestion.entities.some((e) => !this.isKind(e.id)))) return { text: rest.text };
      const resolved = this.aboutLast(state, rest, this.withSubject(rest, readLang, referents, state.question, this.lastFact(state)), readLang, lang);
      return standsAlone && 'text' in resolved && !this.answers(resolved.text, readLang) ? { text: rest.text } : resolved;
    }
    // "Which countries took part?", naming nothing: which of them, in what was just talked about — unless the source
    // answers it alone with a fact that keeps to the conversation ("which universities teach Kazakh?" after students).
    const whichOfNothing = question.whichTarget !== null && question.entities.length === 0 && !this.keepsTo(state, this.bot.answerFact(message.text, readLang));
    if (pronoun && this.pointsAtSetting(state, message.tokens[pronounAt + 1], readLang)) return null;
    if (pronoun || whichOfNothing || this.isBare(message, readLang)) {
      // "When were they founded?", after two things weighed side by side: both again.
      const again = this.comparedAgain(state, pronoun ? new Message(message.without([pronounAt])) : message, question, readLang);
      if (again) return { text: again };
      const referents = this.referents(state, message, readLang);
      // "How many alliances were created?" after one or all of them: a count of their kind, not of one of them.
      if (!pronoun && question.asks.has('count') && this.countsTheirKind(message, readLang, referents) && this.answers(message.text, readLang)) return null;
      return this.aboutLast(state, message, this.withSubject(message, readLang, referents, state.question, this.lastFact(state)), readLang, lang);
    }
    return null;
  }

  /**
   * Whether the word after a pointing word (`next`) names what the sources are set in, and nothing the conversation
   * is about: «когда выдвинули *эту инициативу*» after talk of something else asks of the initiative itself.
   */
  private pointsAtSetting(state: ConversationState, next: string | undefined, lang: Lang): boolean {
    if (next === undefined) return false;
    const names = (id: string) => this.bot.entities.namesWord(id, next, lang);
    // Not a place: "which cities *of Veloria* joined it" points at what was talked about, in that country.
    const setting = [...this.bot.setting].some((id) => this.bot.entities.kind(id) !== 'place' && names(id));
    return setting && !state.subjects.some((id) => !this.bot.isSetting(id) && names(id));
  }

  /**
   * The one thing of the facts a reply of several told (a list, a timeline) that a message names by a word of its
   * name, and no other thing of them does; a word of its kind's names is no such word ("the *alliance*"). Named by its
   * kind alone, it is that one only when nothing is pointed at — or, `evenPointedAt`, when the pointing word goes with
   * the kind ("more about *that exhibition*"). A reply of one fact that told of several things (an exhibition and a
   * concert) tells them apart by kind alone, named in full and in the singular: "the concert" is its concert, "the
   * concerts" or a word shared with a kind's longer name are not.
   */
  private toldInPart(state: ConversationState, message: Message, lang: Lang, evenPointedAt = false): { id: string; positions: number[] } | undefined {
    const told = new Set(state.facts.flatMap((id) => this.bot.fact(id)?.answers.subjects ?? []));
    const content = new Set(this.contentWords(message.tokens, lang).filter((t) => !this.bot.lexicon.isConceptWord(t)));
    const found: Array<{ id: string; positions: number[] }> = [];
    const several = state.facts.length > 1;
    if (several) {
      // A word of a name that names a concept in some form tells no thing apart: «людей», of a show «Люди и степь».
      const own = new Set([...content].filter((t) => !this.bot.lexicon.namesConcept(t, lang)));
      for (const id of told) {
        const positions = this.ownWordsOf(id, message, own, lang);
        if (positions.length > 0) found.push({ id, positions });
      }
    }
    if (found.length === 0 && (evenPointedAt || this.pronounAt(message, lang) < 0)) {
      // Named by its kind ("the concert"), when it is the one thing of that kind told and nothing else is pointed at.
      const kinds = several ? undefined : this.kindsNamedInSingular(message, lang);
      for (const id of told) {
        const classes = this.bot.entities.byId.get(id)?.isA ?? [];
        const positions = kinds
          ? kinds.filter((k) => classes.includes(k.id)).flatMap((k) => k.positions)
          : message.tokens.flatMap((t, i) => (content.has(t) && classes.some((c) => this.bot.entities.namesWord(c, t, lang)) ? [i] : []));
        if (positions.length > 0) found.push({ id, positions });
      }
    }
    return found.length === 1 ? found[0] : undefined;
  }

  /** The kinds a message names by a whole name of theirs, not by their plural ("concerts", «концерттер»). */
  private kindsNamedInSingular(message: Message, lang: Lang): EntityMention[] {
    return this.bot.read(message.text, lang).question.entities.filter((mention) => {
      const kind = this.bot.entities.byId.get(mention.id);
      if (!kind || !this.isKind(mention.id)) return false;
      const singular = new Set(kind.names[lang].flatMap(words));
      const plural = words(kind.plural?.[lang] ?? '').filter((t) => !singular.has(t));
      return !mention.positions.some((p) => plural.includes(message.tokens[p]!));
    });
  }

  /** Whether a message counts, by a word, the kind that the things it would be asked of are instances of. */
  private countsTheirKind(message: Message, lang: Lang, referents: readonly string[]): boolean {
    const counted = this.countedIn(message.tokens, lang).flatMap((m) => range(m.start, m.end).map((i) => message.tokens[i]!));
    return this.bot
      .kinds()
      .some((kind) => referents.some((id) => this.bot.instancesOf(kind).includes(id)) && counted.some((t) => this.bot.entities.namesWord(kind, t, lang)));
  }

  /**
   * «А учебников в библиотеке?» after «сколько человек закончили курсы в институте?»: a fragment that names another
   * thing to count than the last question counted asks that count of what it asked about, not the last question with
   * more words. Null when it counts the same thing, or the last question counted nothing.
   */
  private recounted(state: ConversationState, fragment: Message, lang: Lang): string | null {
    // A word that names another of the things talked about («а в *фестивальном*?») names it, it counts nothing.
    const naming = new Set(this.partialNames(fragment, lang, state.subjects).flatMap((p) => p.positions));
    const counted = this.countedIn(fragment.tokens, lang)
      .filter((m) => !range(m.start, m.end).every((i) => naming.has(i)))
      .map((m) => m.value);
    if (counted.length === 0 || this.bot.lexicon.asks[lang].in(fragment.tokens)) return null;
    const earlier = this.reread(state.question!).question;
    const target = earlier.countTarget;
    if (!target || !('concept' in target) || counted.includes(target.concept)) return null;
    const asked = new Message(`${this.bot.lexicon.countPhrase(lang)} ${fragment.text}`);
    return this.withSubject(asked, lang, this.referents(state, fragment, lang), state.question!);
  }

  /**
   * "And on 13 December?", after a question that named no month: what happened that day, in the year of the fact just
   * given when the fragment names none. Null unless the fragment is a date and nothing else.
   */
  private happenedOn(state: ConversationState, fragment: Message, lang: Lang): string | null {
    const months = this.bot.lexicon.months[lang].find(fragment.tokens);
    if (months.length === 0 || this.bot.lexicon.months[this.bot.detect(state.question!)].in(new Message(state.question!).tokens)) return null;
    const dated = new Set(months.flatMap(span));
    const content = new Set(this.contentWords(fragment.tokens, lang));
    if (fragment.tokens.some((t, i) => !dated.has(i) && !/^\d/.test(t) && content.has(t))) return null;
    const year = fragment.tokens.some(isYear) ? '' : (this.lastFact(state)?.dates[0]?.slice(0, 4) ?? '');
    return `${this.bot.lexicon.timelinePhrase(lang)} ${fragment.text} ${year}`.trim();
  }

  /**
   * "And the countries?", after two things weighed side by side (a fact about each, asked as a comparison or as one
   * question of both): the same two compared by what the follow-up names. Null otherwise, or when the follow-up names
   * a thing of its own ("and the film one?").
   */
  private comparedAgain(state: ConversationState, rest: Message, restQuestion: Question, readLang: Lang): string | null {
    if (state.question === undefined || state.subjects.length !== 2 || state.facts.length !== 2) return null;
    if (this.named(restQuestion).length > 0 || this.partialNames(rest, readLang, state.subjects).length > 0) return null;
    // The two facts last told are of the two (a question declined since, naming two others, leaves them told).
    const told = state.facts.map((id) => this.bot.fact(id)?.answers.subjects[0]);
    if (!state.subjects.every((id) => told.includes(id))) return null;
    // The two were weighed by the last question, not by one before a question the source did not answer.
    const last = this.reread(state.question);
    if (this.comparisonAsked(last.message, last.lang).length === 0 && this.named(last.question).length < 2) return null;
    const [a, b] = state.subjects.map((id) => this.bot.entities.displayName(id, readLang)) as [string, string];
    return this.bot.lexicon.comparisonOf(readLang, rest.text, a, b);
  }

  /**
   * A question that only asks ("from how many countries?"), about what was just told: the fact just given answers
   * it first, when it does — the next best fact about the same thing would tell of something else.
   */
  private aboutLast(state: ConversationState, message: Message, text: string, readLang: Lang, lang: Lang): { text: string } | Handled {
    const last = state.facts.length === 1 ? this.bot.fact(state.facts[0]!) : undefined;
    if (last && this.isBare(message, readLang) && this.bot.accepts(text, readLang, last)) {
      return { result: this.bot.factResult(last, lang, readLang), question: text };
    }
    return { text };
  }

  /** Whether an ordinal stands before a thing counted ("the first *centre*", «бірінші орталық»). */
  private ordinalOfCounted(message: Message, lang: Lang): boolean {
    const counted = this.countedIn(message.tokens, lang);
    return this.bot.lexicon.ordinals[lang].find(message.tokens).some((o) => counted.some((c) => c.start === o.end));
  }

  /** Whether the word at `at` names the item, a thing that is part of it, or a kind of thing that is counted. */
  private namesItemOrCounted(item: string, word: string, message: Message, at: number, lang: Lang): boolean {
    if (this.countedIn(message.tokens, lang).some((c) => c.start === at)) return true;
    const parts = [...this.bot.entities.byId.keys()].filter((id) => this.bot.entities.wholes(id).includes(item));
    return [item, ...parts].some((id) => this.bot.entities.namesWord(id, word, lang));
  }

  /** Where words name things that are counted ("members", «стран», «орталық»). */
  private countedIn(tokens: readonly string[], lang: Lang): PhraseMatch<string>[] {
    return this.bot.lexicon.concepts[lang].find(tokens).filter((m) => this.bot.lexicon.conceptType(m.value) === 'countable');
  }

  /**
   * A message that points with an ordinal at one of the things the last reply named, in the order it named them
   * ("the second one" after the two universities), written out with that thing's name; undefined otherwise.
   */
  private itemNamed(state: ConversationState, message: Message, question: Question, readLang: Lang, lang: Lang): { text: string; items: string[] } | Handled | undefined {
    const last = this.lastFact(state);
    // A thing the last reply was about may be named beside the ordinal («екіншісінде қазақ тілі…»): no new topic.
    if (!last || this.named(question).some((e) => !last.answers.subjects.includes(e.id))) return undefined;
    const [ordinal] = this.bot.lexicon.ordinals[readLang].find(message.tokens);
    if (!ordinal) return undefined;
    // «Ол алғаш қай елде ұсынылды?», «где её впервые предложили?»: "for the first time" tells when, it picks no item.
    if (this.bot.lexicon.firstTime[readLang].find(message.tokens).some((m) => within(ordinal, m))) return undefined;
    // "What firsts did Veloria and Quornland achieve?" names the sources' setting and asks on its own: no item.
    if (question.entities.length > 0 && this.answers(message.text, readLang)) return undefined;
    // After a count of a kind ("12 sister cities"), "the first one" is the first of that kind the source names.
    const counted = last.answers.gives.includes('count') ? last.answers.of.find((kind) => this.bot.instancesOf(kind).length > 0) : undefined;
    // Else, after a reply of several facts (a timeline, a list), what the first of them is about.
    const told = state.facts.flatMap((id) => this.bot.fact(id)?.answers.subjects[0] ?? []);
    // "And the second?" after "the first one": among the same things.
    const items = state.items ?? (counted ? this.several.itemsOf(counted) : told.length > 1 ? told : this.itemsNamedIn(last, readLang));
    const item = items[ordinal.value - 1];
    // "The first quarter", «бірінші тоқсан»: an ordinal before a word that names no such item qualifies that word. A
    // word for what is counted ("the second *university*") or for a part of the item («екіншісінде *қазақ тілі*
    // мамандығы») does not.
    const next = this.contentWords(message.tokens.slice(ordinal.end, ordinal.end + 1), readLang)[0];
    if (item && next !== undefined && !this.namesItemOrCounted(item, next, message, ordinal.end, readLang)) return undefined;
    if (item) return { text: message.replace(range(ordinal.start, ordinal.end), this.bot.entities.displayName(item, readLang)), items };
    // "Which is the fifth?" when the source names four of the five: it does not say; the four it names are shown.
    return counted ? { result: this.several.list(counted, lang, readLang, { beyondNamed: true }) } : undefined;
  }

  /**
   * The things a fact's answer names, in order; when it names several of its subjects of one kind (two authors, and
   * the universities they work at), those are what "the first one" counts, even the sources' own setting.
   */
  private itemsNamedIn(fact: FactRecord, lang: Lang): string[] {
    const named = this.namedIn(fact, lang);
    const alike = this.alikeNamedIn(fact, lang, named);
    return alike.length > 0 ? alike : named.filter((e) => !this.bot.isSetting(e.id)).map((e) => e.id);
  }

  /** The subjects of a fact its answer names several of one kind of (two authors, four universities), in order. */
  private alikeNamedIn(fact: FactRecord, lang: Lang, named = this.namedIn(fact, lang)): string[] {
    const subjects = named.filter((e) => fact.answers.subjects.includes(e.id));
    return subjects.filter((e) => subjects.filter((o) => o.kind === e.kind).length >= 2).map((e) => e.id);
  }

  private namedIn(fact: FactRecord, lang: Lang) {
    return this.bot.entities.find(words(fact[lang].answer), lang).filter((e) => e.kind !== 'concept');
  }

  /**
   * "Where are the other four?", «қалғандары қайда?», after a count of more things than the source names, or after
   * one of those it names: the source does not say; those it names are shown. Undefined otherwise ("and the other
   * alliances?", when the source names them all, asks about them).
   */
  private othersUnnamed(state: ConversationState, message: Message, question: Question, readLang: Lang, lang: Lang): Handled | undefined {
    const last = this.lastFact(state);
    if (!last || !this.bot.lexicon.others[readLang].in(message.tokens) || this.named(question).some((e) => e.kind !== 'concept')) return undefined;
    const kinds = last.answers.gives.includes('count') ? last.answers.of : last.answers.subjects.flatMap((id) => this.bot.entities.byId.get(id)?.isA ?? []);
    // "The other *guy*": a word after "other" that neither counts them nor names the kind asks of something else
    // ("the other four", "the other centres" do not).
    const after = this.bot.lexicon.others[readLang].find(message.tokens).flatMap((m) => message.tokens.slice(m.end, m.end + 1));
    const ofKind = (kind: string) =>
      after.every((word) => /^\d/.test(word) || this.bot.lexicon.cardinals.has(word) || this.contentWords([word], readLang).length === 0 || this.bot.entities.namesWord(kind, word, readLang));
    const kind = kinds.find((k) => (question.othersOf === null || question.othersOf === k) && this.several.namesSome(k) && ofKind(k));
    return kind ? { result: this.several.list(kind, lang, readLang, { beyondNamed: true }) } : undefined;
  }

  /**
   * A follow-up that asks anew about the same thing, with the thing's name in place of its pronoun ("it", «он»,
   * «ол») — also beside a name of its own («выставка в *его* честь») — or added when it has neither ("and how many
   * members?"). The name goes last, not where the pronoun stood:
   * a name between "how many" and what it counts («сколько *там* было экспонатов») hides what is counted.
   */
  private withSubject(message: Message, lang: Lang, subjects: readonly string[], earlier: string, lastFact?: FactRecord): string {
    const at = this.pronounAt(message, lang);
    if (at < 0 && this.named(this.bot.read(message.text, lang).question).length > 0) return message.text;
    const about = (name: string) => (at >= 0 ? `${message.without([at])} ${name}` : `${message.text} ${name}`);
    if (!subjects[0]) {
      const text = about(this.subjectOf(earlier));
      if (at < 0 || !lastFact || this.bot.answerFact(text, lang)) return text;
      // "How many of them stayed?" after two years' students were compared: "them" are what the last fact told of,
      // asked as its own question asks, not what the comparison asked — when that finds something not just told.
      const told = about(this.subjectOf(lastFact[lang].questions[0]!));
      const found = this.bot.answerFact(told, lang);
      return found && found.id !== lastFact.id ? told : text;
    }
    const text = about(this.bot.entities.displayName(subjects[0], lang));
    if (at < 0 || this.bot.answerFact(text, lang)) return text;
    // "Its centre", said of a programme: the centre of the university the programme is part of, when it has one.
    const wholes = this.bot.entities.wholes(subjects[0]).filter((id) => !this.bot.isSetting(id));
    const kinds = this.bot.read(message.text, lang).question.entities.filter((e) => this.isKind(e.id));
    const theirs = kinds.flatMap((k) => this.bot.instancesOf(k.id).filter((id) => this.bot.entities.wholes(id).some((w) => wholes.includes(w))));
    if (theirs.length === 1) return about(this.bot.entities.displayName(theirs[0]!, lang));
    // "Who teaches *there*?" after the presentation of an institute: the institute, when the event cannot answer;
    // "what's *her* e-mail?" after the authors of a book: one of them, when the book cannot.
    const afterEvent = this.bot.entities.kind(subjects[0]) === 'event';
    const others = subjects.slice(1).filter((id) => afterEvent || this.bot.entities.kind(id) === 'person');
    return others.map((id) => about(this.bot.entities.displayName(id, lang))).find((other) => this.bot.answerFact(other, lang)) ?? text;
  }

  /**
   * What a follow-up points back to. A name in it may tell which of the things just talked about ("and in Semey,
   * when?" after two universities: the one in Semey), or a sibling of one ("and Aktobe?" after the centre at RSU:
   * the centre in Aktobe), or what one is part of ("this *university*" after a major it teaches). Else the things
   * the last reply was about.
   */
  private referents(state: ConversationState, message: Message, lang: Lang): string[] {
    // After a reply about several facts, with nothing in common, what they are about is what a follow-up can mean;
    // after one fact about nothing named ("15,000 students studied there"), what its question asked about.
    const pool =
      state.subjects.length > 0 ? state.subjects : state.facts.length === 1 ? [] : state.offered.flatMap((id) => this.bot.fact(id)?.answers.subjects ?? []);
    const candidates = [...new Set(pool)].filter((id) => !this.bot.isSetting(id));
    const mentions = this.bot.read(message.text, lang).question.entities.filter((e) => !this.bot.isSetting(e.id));
    const mentioned = (id: string) => mentions.some((m) => this.bot.entities.closure(id).has(m.id));
    const chosen = candidates.find(mentioned) ?? candidates.flatMap((id) => this.bot.siblingsOf(id)).find(mentioned);
    if (chosen) return [chosen];
    // People counted name no referent: "how many *people* came" is not about the People's Republic.
    const asksCount = this.bot.lexicon.asks[lang].find(message.tokens).some((m) => m.value === 'count');
    const counted = new Set(asksCount ? this.countedIn(message.tokens, lang).filter((m) => this.bot.lexicon.isPeople(m.value)).flatMap(span) : []);
    const content = this.contentWords(message.tokens.filter((_, i) => !counted.has(i)), lang);
    const names = (id: string) => content.some((t) => this.bot.entities.namesWord(id, t, lang));
    // "This institute" after the institute's presentation: a word that names both a thing and what is named after it
    // means the thing.
    const namedAll = candidates.filter(names);
    const named = namedAll.find((id) => !namedAll.some((other) => other !== id && this.bot.entities.namedAfter(id, other, lang))) ?? namedAll[0];
    if (named) return [named];
    for (const subject of candidates) {
      const wider = [...this.bot.entities.closure(subject)].find((id) => id !== subject && !this.bot.isSetting(id) && names(id));
      if (wider) return [wider];
    }
    const unset = state.subjects.filter((id) => !this.bot.isSetting(id));
    // "When was the initiative put forward?" — "and where was *it* first proposed?": the sources' setting is what "it"
    // means when the last question asked about it by name and the answer told of nothing else but its parts.
    const asked = state.subjects[0];
    const ofItsParts = (whole: string) => unset.every((id) => this.bot.entities.wholes(id).includes(whole));
    if (asked && this.bot.isSetting(asked) && ofItsParts(asked) && this.asksOf(state.question, asked)) return [asked];
    if (unset.length > 0) return unset;
    // A conversation about the setting itself ("the initiative… when was *it* proposed?") refers to it; "where do
    // *they* work?", after the source's two authors and the source, to the two.
    const plural = this.bot.lexicon.conversation[lang].plural;
    const kind = (id: string) => this.bot.entities.kind(id);
    const several = state.subjects.filter((id) => state.subjects.filter((other) => kind(other) === kind(id)).length >= 2);
    return message.tokens.some((t) => plural.has(t)) && several.length > 0 ? several : state.subjects;
  }

  /**
   * Whether a question asks about an entity of the setting by name, in full or by a word of its name ("the
   * initiative"), and about nothing else named.
   */
  private asksOf(question: string | undefined, id: string): boolean {
    if (question === undefined) return false;
    const { message, lang, question: read } = this.reread(question);
    if (read.entities.some((e) => !this.bot.isSetting(e.id))) return false;
    if (read.entities.some((e) => e.id === id)) return true;
    return this.contentWords(message.tokens, lang).some((t) => this.bot.entities.namesWord(id, t, lang));
  }

  /** The name of the first referent, or of what the last question asked about when no entity names it. */
  private nameOf(referents: readonly string[], state: ConversationState, lang: Lang): string {
    if (referents[0]) return this.bot.entities.displayName(referents[0], lang);
    return state.question ? this.subjectOf(state.question) : '';
  }

  /** The subject of an earlier question when no entity names it: the question without what it asked. */
  private subjectOf(earlier: string): string {
    const lang = this.bot.detect(earlier);
    const message = new Message(earlier);
    const { timeline, list, compare } = this.bot.lexicon.conversation[lang];
    // What it asked for and how ("…, step by step", "list…") are not what it was about.
    const asking = [...this.bot.lexicon.asks[lang].find(message.tokens), ...[timeline, list, compare].flatMap((phrases) => phrases.find(message.tokens))];
    return message.without(asking.flatMap(span));
  }

  /**
   * An ellipsis ("and in 2020?", «а в Павлодаре?», "what about the choir alliance?", "and Aktobe?") put into the
   * question it continues: its years, places and things replace those of that question; other words join it.
   * A thing named only in part ("and the film one?") is the sibling of the last one that the words name.
   */
  private substitute(state: ConversationState, fragment: Message, lang: Lang): string {
    const earlier = state.question!;
    const earlierLang = this.bot.detect(earlier);
    const before = new Message(earlier);
    const beforeQuestion = this.bot.read(earlier, earlierLang).question;
    const fragmentQuestion = this.bot.read(fragment.text, lang).question;
    const replaced = new Set<number>();
    const added: string[] = [];
    const used = new Set<number>();
    const years = fragment.tokens.flatMap((t, i) => (isYear(t) ? [i] : []));
    if (years.length > 0) {
      for (const i of years) used.add(i);
      for (const [i, t] of before.tokens.entries()) if (isYear(t)) replaced.add(i);
      added.push(...years.map((i) => fragment.tokens[i]!));
    }
    // "And in November?": a month replaces the question's.
    const months = this.bot.lexicon.months[lang].find(fragment.tokens);
    if (months.length > 0) {
      for (const i of months.flatMap(span)) used.add(i);
      for (const i of this.bot.lexicon.months[earlierLang].find(before.tokens).flatMap(span)) replaced.add(i);
      added.push(...months.map((m) => fragment.tokens.slice(m.start, m.end).join(' ')));
    }
    const isPlace = (e: EntityMention) => e.kind === 'place';
    const fresh = fragmentQuestion.entities.filter((e) => !this.bot.isSetting(e.id));
    const siblings = this.partialNames(fragment, lang, state.subjects).filter((p) => !fresh.some((e) => e.positions.some((x) => p.positions.includes(x))));
    for (const kind of ['place', 'thing'] as const) {
      const pick = (list: readonly EntityMention[]) => list.filter((e) => (kind === 'place') === isPlace(e) && !this.bot.isSetting(e.id));
      const names = [...pick(fresh).map((e) => ({ id: e.id, positions: e.positions })), ...(kind === 'thing' ? siblings : [])];
      if (names.length === 0) continue;
      for (const n of names) for (const p of n.positions) used.add(p);
      for (const e of pick(beforeQuestion.entities)) for (const p of e.positions) replaced.add(p);
      // A thing of the same place ("and Aktobe?" after the centre at RSU) is the sibling that place names.
      added.push(...names.map((n) => this.bot.entities.displayName(this.siblingIn(n.id, state.subjects) ?? n.id, earlierLang)));
      if (kind === 'place' && names.some((n) => this.siblingIn(n.id, state.subjects))) {
        for (const e of beforeQuestion.entities) for (const p of e.positions) replaced.add(p);
      }
    }
    // Words the fragment adds beyond years and names ("and the members?") join the question; words that only frame it
    // («жылы ше?» after a Russian question) do not, the question has its own.
    const framing = new Set(this.bot.lexicon.conversation[lang].ellipsis.find(fragment.tokens).flatMap(span));
    const content = fragment.tokens.flatMap((t, i) =>
      used.has(i) || framing.has(i) || this.bot.lexicon.stopwords.has(t) || this.bot.lexicon.isFraming(t, lang) ? [] : [i],
    );
    const extra = content.length > 0 ? new Message(fragment.without([...used])).text : '';
    return [before.without(replaced), ...added, extra].filter(Boolean).join(' ');
  }

  /** A sibling of a subject (of the same class) that is part of `place`: "Aktobe" names the centre in Aktobe. */
  private siblingIn(place: string, subjects: readonly string[]): string | undefined {
    for (const subject of subjects) {
      for (const sibling of this.bot.siblingsOf(subject)) {
        if (sibling !== subject && this.bot.entities.closure(sibling).has(place)) return sibling;
      }
    }
    return undefined;
  }

  /**
   * Things a message names only in part ("choir", "the film one") among the siblings of `near` (things of
   * the same class): a sibling is named when a word of the message is a word of its names that its class lacks.
   */
  private partialNames(message: Message, lang: Lang, near: readonly string[]): Array<{ id: string; positions: number[] }> {
    const content = new Set(this.contentWords(message.tokens, lang));
    const found: Array<{ id: string; positions: number[] }> = [];
    // Near a thing are the others of its kind; near a kind ("the five alliances"), its instances.
    for (const sibling of new Set(near.flatMap((id) => [...this.bot.siblingsOf(id), ...this.bot.instancesOf(id)]))) {
      const positions = this.ownWordsOf(sibling, message, content, lang);
      if (positions.length > 0) found.push({ id: sibling, positions });
    }
    // A word shared by several siblings names none of them.
    return found.filter((f) => !found.some((o) => o !== f && o.positions.some((p) => f.positions.includes(p))) || f.positions.length > 1);
  }

  /** Where the message names a thing by a content word of its own name: not a word of its kind's ("alliance"). */
  private ownWordsOf(id: string, message: Message, content: ReadonlySet<string>, lang: Lang): number[] {
    const classes = this.bot.entities.byId.get(id)?.isA ?? [];
    return message.tokens.flatMap((t, i) =>
      content.has(t) && this.bot.entities.namesWord(id, t, lang) && !classes.some((c) => this.bot.entities.namesWord(c, t, lang)) ? [i] : [],
    );
  }

  /**
   * Whether a message is only names, years and concepts ("2020?", «а в Павлодаре?», "and the film one?", "the
   * members?"): a fragment of a question, which the last one completes.
   */
  private isFragment(message: Message, question: Question, lang: Lang, state: ConversationState): boolean {
    const lexicon = this.bot.lexicon;
    const covered = new Set<number>([
      ...question.entities.flatMap((e) => e.positions),
      ...lexicon.concepts[lang].find(message.tokens).flatMap(span),
      ...lexicon.months[lang].find(message.tokens).flatMap(span),
      ...this.partialNames(message, lang, state.subjects).flatMap((p) => p.positions),
      ...message.tokens.flatMap((t, i) => (/^\d/.test(t) ? [i] : [])),
    ]);
    if (question.asks.size > 0) return false;
    const content = message.tokens.map((t, i) => ({ t, i })).filter(({ t, i }) => this.contentWords([t], lang).length > 0 || covered.has(i));
    return content.length > 0 && content.length <= 4 && content.every(({ i }) => covered.has(i));
  }

  /**
   * A follow-up that asks what the last question asked («сколько», "how many") of another year, and says nothing
   * else: the year, which the last question is asked again of. Undefined otherwise.
   */
  private askedAgain(state: ConversationState, rest: Message, lang: Lang): Message | undefined {
    const asks = this.bot.lexicon.asks[lang].find(rest.tokens);
    if (asks.length === 0) return undefined;
    const fragment = new Message(rest.without(asks.flatMap(span)));
    const months = new Set(this.bot.lexicon.months[lang].find(fragment.tokens).flatMap(span));
    const content = fragment.tokens.filter((t, i) => !months.has(i) && this.contentWords([t], lang).length > 0);
    if (content.length === 0 || !content.every(isYear)) return undefined;
    const earlier = this.reread(state.question!).question;
    return asks.every((a) => earlier.asks.has(a.value)) ? fragment : undefined;
  }

  /** Whether the sources answer a text, read in `lang`. */
  private answers(text: string, lang: Lang): boolean {
    return this.bot.answerFact(text, lang) !== undefined;
  }

  /** Where the message's first pronoun is ("it", «он», «ол»), or -1. */
  private pronounAt(message: Message, lang: Lang): number {
    const pronouns = this.bot.lexicon.conversation[lang].pronouns;
    return message.tokens.findIndex((t) => pronouns.has(t));
  }

  /**
   * What an answer is about, the people its question named first: "what do they claim?" after "who are Orlov and
   * Venn?", answered by a fact about their book and them, asks of the two. (Not the sources' own people: "this
   * article", after a question about its author, is still the article.)
   */
  private namedPeopleFirst(subjects: string[], named: readonly EntityMention[]): string[] {
    const people = named.filter((e) => e.kind === 'person').map((e) => e.id);
    return people.length > 0 ? this.namedThingFirst(subjects, people) : subjects;
  }

  /** Subjects with a thing a question named (not a kind of things) first, the rest in their order. */
  private namedThingFirst(subjects: readonly string[], named: readonly string[]): string[] {
    const thing = (id: string) => named.includes(id) && this.bot.instancesOf(id).length === 0;
    return [...subjects].sort((a, b) => Number(thing(b)) - Number(thing(a)));
  }

  /** Whether a fact keeps to what the conversation last told: of the same topic, or about the same thing. */
  private keepsTo(state: ConversationState, fact: FactRecord | undefined): boolean {
    if (!fact) return false;
    const last = state.facts.map((id) => this.bot.fact(id)).filter((f) => f !== undefined);
    return last.some((l) => l.topic === fact.topic || l.answers.subjects.some((s) => fact.answers.subjects.includes(s)));
  }

  /** The fact the conversation last gave first, if any: what "more", "the first one" and "the others" follow. */
  private lastFact(state: ConversationState): FactRecord | undefined {
    return state.facts[0] ? this.bot.fact(state.facts[0]) : undefined;
  }

  /** Whether an entity is a kind of thing, with things of its own ("the alliances"). */
  private isKind(id: string): boolean {
    return this.bot.instancesOf(id).length > 0;
  }

  /** What a question names that is not the setting of the sources (and not a place asked "in"). */
  private named(question: Question): EntityMention[] {
    return question.entities.filter((e) => !this.bot.isSetting(e.id) && !(e.kind === 'place' && question.places.has(e.id)));
  }

  /** Words that say something: not function words, not framing, not a phrase of conversation. */
  private contentWords(tokens: readonly string[], lang: Lang): string[] {
    const lexicon = this.bot.lexicon;
    const words = lexicon.conversation[lang];
    const phrases = new Set([...words.ellipsis.find(tokens), ...words.more.find(tokens)].flatMap(span));
    return tokens.filter((t, i) => !phrases.has(i) && !lexicon.stopwords.has(t) && !words.pronouns.has(t) && !lexicon.isFraming(t, lang));
  }
}

/** One side of a comparison. */
interface Side {
  kind: 'year' | 'place' | 'thing';
  key: string;
  positions: number[];
  /** How the side is written into its question, and shown in the reply. */
  text: (lang: Lang) => string;
  label: (lang: Lang) => string;
}

const shownInLines = (result: AskResult): boolean => result.status === 'timeline' || result.status === 'list';
/** The two facts a comparison's sides found, when each found one and not the same one. */
const twoFacts = (answers: ReadonlyArray<{ fact: FactRecord | undefined }>): [FactRecord, FactRecord] | undefined => {
  const [a, b] = answers.map((answer) => answer.fact);
  return a && b && a.id !== b.id ? [a, b] : undefined;
};
const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const dedupe = (sides: Side[]): Side[] => sides.filter((s, i) => sides.findIndex((o) => o.key === s.key) === i);
export type { PhraseSet };
