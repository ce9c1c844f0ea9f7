import type { LexiconData } from '../knowledge/load.ts';
import { SMALLTALK, type AskKind, type ConceptType, type SmallTalk } from '../knowledge/schema.ts';
import { LANGS, perLang, type Lang } from '../types.ts';
import { WordForms } from './morphology.ts';
import { foldText, tokenize } from './normalize.ts';
import { PhraseSet } from './phrases.ts';

type PerLang<T> = Record<Lang, T>;

const folded = (list: readonly string[]): string[] => list.flatMap((item) => tokenize(foldText(item)));

/** Phrases that mark something by being there, each worth `true` (see `PhraseSet` for `asWritten` and `shadows`). */
const phraseSet = (lang: Lang, list: readonly string[], asWritten = false, shadows: readonly string[] = []): PhraseSet<true> =>
  new PhraseSet(lang, list.map((p) => [p, true] as const), asWritten, shadows);

// Russian and Kazakh order a short phrase's words freely: «кто вы» and «вы кто», «сен кімсің» and «кімсің сен».
const FREE_WORD_ORDER: ReadonlySet<Lang> = new Set(['ru', 'kk']);

/** A two-word phrase as written and, in a language of free word order, its words the other way round. */
function inEitherOrder(phrase: string, lang: Lang): string[] {
  const words = phrase.split(' ');
  return FREE_WORD_ORDER.has(lang) && words.length === 2 ? [phrase, `${words[1]} ${words[0]}`] : [phrase];
}

/**
 * The words the engine reads questions with (`data/lexicon/`), compiled once: every entry folded to the normal
 * form and found again in any inflected form of its language.
 */
export class Lexicon {
  /** Function words of all three languages, exact folded forms (facts mix the languages). */
  readonly stopwords: ReadonlySet<string>;
  readonly markers: PerLang<ReadonlySet<string>>;
  readonly locatives: PerLang<ReadonlySet<string>>;
  readonly placeOnes: PerLang<ReadonlySet<string>>;
  readonly listJoiners: ReadonlySet<string>;
  readonly asks: PerLang<PhraseSet<AskKind>>;
  readonly concepts: PerLang<PhraseSet<string>>;
  readonly future: PerLang<PhraseSet<true>>;
  readonly exactly: PerLang<PhraseSet<true>>;
  readonly byNow: PerLang<PhraseSet<true>>;
  readonly present: PerLang<PhraseSet<true>>;
  /** For each language, chat shorthand as a whole word, or null when it has none. */
  private readonly shorthandPattern: PerLang<{ pattern: RegExp; words: ReadonlyMap<string, string> } | null>;
  readonly which: PerLang<PhraseSet<true>>;
  readonly others: PerLang<PhraseSet<true>>;
  /** The words between a thing and its owner named after it ("of"; "" for right after it), folded. */
  readonly ownerAfter: PerLang<readonly string[]>;
  readonly partitive: PerLang<PhraseSet<true>>;
  readonly names: PerLang<PhraseSet<true>>;
  readonly attribution: PerLang<PhraseSet<true>>;
  readonly numberAfter: PerLang<PhraseSet<true>>;
  readonly condition: PerLang<PhraseSet<true>>;
  /** Each ordinal's number, from 1. */
  readonly ordinals: PerLang<PhraseSet<number>>;
  readonly firstTime: PerLang<PhraseSet<true>>;
  readonly superlatives: PerLang<PhraseSet<true>>;
  /** Each month's number, from 1. */
  readonly months: PerLang<PhraseSet<number>>;
  /** Number words of all three languages, exact folded forms, with their digits ("two" → "2"). */
  readonly cardinals: ReadonlyMap<string, string>;
  /** Every small-talk phrase of the three languages as its folded letters, spaces dropped ("sau bol" → "saubol"). */
  readonly smallTalkLetters: ReadonlyArray<{ lang: Lang; kind: SmallTalk; letters: string }>;
  /** How people talk around their questions (see `conversation` in the lexicon files). */
  readonly conversation: PerLang<{
    ellipsis: PhraseSet<true>;
    /** Words that point back, exact folded forms (they are short, and their forms are other words). */
    pronouns: ReadonlySet<string>;
    /** The pronouns that stand for several things. */
    plural: ReadonlySet<string>;
    more: PhraseSet<true>;
    list: PhraseSet<true>;
    /** Asking for a timeline in any way: what happened, or things in date order. */
    timeline: PhraseSet<true>;
    /** Asking for things in date order, which needs nothing named to be a timeline. */
    chronology: PhraseSet<true>;
    happenings: PhraseSet<true>;
    compare: PhraseSet<true>;
    comparedWith: PhraseSet<true>;
    newTopic: PhraseSet<true>;
    timeBetween: PhraseSet<true>;
    comparatives: PhraseSet<true>;
    precedence: PhraseSet<true>;
    /** Asking for the earliest or the latest of the things just told. */
    dateExtreme: PhraseSet<'earliest' | 'latest'>;
    alternatives: PhraseSet<true>;
    /** Words that bound a period, each with its meaning. */
    period: PhraseSet<'after' | 'before' | 'range'>;
    /** A year told from the conversation's, as the years it is away from it ("the following year": 1, "that year": 0). */
    relativeYear: PhraseSet<number>;
    smalltalk: PhraseSet<SmallTalk>;
  }>;
  private readonly framing = new WordForms<Lang>();
  /** Framing words exactly as listed, all languages. */
  private readonly framingWords: ReadonlySet<string>;
  /** Concept words exactly as listed, all languages. */
  private readonly conceptWords: ReadonlySet<string>;
  /** Concepts' one-word names exactly as listed, all languages. */
  private readonly conceptNames: ReadonlySet<string>;
  /** Every word of every list, all languages: what tells a message typed in the right keyboard layout. */
  private readonly allWords: ReadonlySet<string>;
  private readonly conceptTypes: ReadonlyMap<string, ConceptType>;
  private readonly people: ReadonlySet<string>;
  private readonly headcounts: ReadonlySet<string>;
  /** The first phrase of some lists, with which the conversation writes out what a follow-up asks. */
  private readonly firstPhrases: PerLang<{ count: string; date: string; timeline: string; compare: string; joiner: string }>;

  constructor(data: LexiconData) {
    const { languages } = data;
    this.conceptTypes = data.concepts;
    this.people = data.people;
    this.headcounts = data.headcounts;
    this.firstPhrases = perLang((l) => ({
      count: languages[l].asks.count[0] ?? '',
      date: languages[l].asks.date[0] ?? '',
      timeline: languages[l].conversation.timeline[0] ?? '',
      compare: languages[l].conversation.compare[0] ?? '',
      joiner: languages[l].listJoiners[0] ?? '',
    }));
    this.stopwords = new Set(LANGS.flatMap((l) => folded(languages[l].stopwords)));
    this.markers = perLang((l) => new Set(folded(languages[l].markers)));
    this.locatives = perLang((l) => new Set(folded(languages[l].locatives)));
    this.placeOnes = perLang((l) => new Set(folded(languages[l].placeOnes)));
    this.listJoiners = new Set(LANGS.flatMap((l) => folded(languages[l].listJoiners)));
    this.asks = perLang(
      (l) => new PhraseSet(l, Object.entries(languages[l].asks).flatMap(([kind, list]) => list.map((p) => [p, kind as AskKind] as const))),
    );
    this.concepts = perLang(
      (l) => new PhraseSet(l, Object.entries(languages[l].concepts).flatMap(([id, list]) => list.map((p) => [p, id] as const))),
    );
    this.future = perLang((l) => phraseSet(l, languages[l].future, true));
    this.exactly = perLang((l) => phraseSet(l, languages[l].exactly));
    this.byNow = perLang((l) => phraseSet(l, languages[l].byNow));
    this.present = perLang((l) => phraseSet(l, languages[l].present));
    this.shorthandPattern = perLang((l) => {
      const entries = Object.entries(languages[l].shorthand).map(([short, full]) => [short.toLowerCase(), full] as const);
      if (entries.length === 0) return null;
      const alternatives = entries.map(([short]) => short.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).sort((a, b) => b.length - a.length);
      return { pattern: new RegExp(`(?<![\\p{L}\\p{N}'’])(${alternatives.join('|')})(?![\\p{L}\\p{N}'’])`, 'giu'), words: new Map(entries) };
    });
    this.condition = perLang((l) => phraseSet(l, languages[l].condition));
    // A date asked with "which" ("which year", «қай күні») picks no thing among others.
    this.which = perLang((l) => phraseSet(l, languages[l].which, false, languages[l].asks.date));
    this.firstTime = perLang((l) => phraseSet(l, languages[l].firstTime));
    this.superlatives = perLang((l) => phraseSet(l, languages[l].superlatives));
    this.ownerAfter = perLang((l) => languages[l].ownerAfter.map((word) => (word === '' ? '' : foldText(word))));
    this.others = perLang((l) => phraseSet(l, languages[l].others, false, languages[l].reciprocal));
    // As written: «қаншасы» (how many of them) is «қанша» (how many) with an ending that carries the "of them".
    this.partitive = perLang((l) => phraseSet(l, languages[l].partitive, true));
    // As written: «имени» (named after, «университет имени …») is no form of «имена».
    this.names = perLang((l) => phraseSet(l, languages[l].names, true));
    this.attribution = perLang((l) => phraseSet(l, languages[l].attribution));
    this.numberAfter = perLang((l) => phraseSet(l, languages[l].numberAfter));
    this.ordinals = perLang(
      (l) => new PhraseSet(l, languages[l].ordinals.flatMap((variants, i) => variants.map((p) => [p, i + 1] as const))),
    );
    this.months = perLang(
      (l) => new PhraseSet(l, languages[l].months.flatMap((variants, i) => variants.map((p) => [p, i + 1] as const)), true),
    );
    this.smallTalkLetters = LANGS.flatMap((lang) =>
      SMALLTALK.flatMap((kind) => languages[lang].conversation.smalltalk[kind].map((phrase) => ({ lang, kind, letters: folded([phrase]).join('') }))),
    );
    this.cardinals = new Map(LANGS.flatMap((l) => Object.entries(languages[l].cardinals).flatMap(([digits, forms]) => folded(forms).map((form) => [form, digits] as const))));
    this.conversation = perLang((l) => {
      const words = languages[l].conversation;
      const set = (list: readonly string[]) => phraseSet(l, list);
      return {
        ellipsis: set(words.ellipsis),
        pronouns: new Set(folded(words.pronouns)),
        plural: new Set(folded(words.plural)),
        more: set(words.more),
        // As written: what asks for a list is a command or the noun as such («дай список»); «из списка литературы»
        // only names a list.
        list: phraseSet(l, words.list, true),
        timeline: set([...words.timeline, ...words.chronology]),
        chronology: set(words.chronology),
        // As written: the plural is what asks for several («мероприятие» alone is one event asked about).
        happenings: phraseSet(l, words.happenings, true),
        compare: set([...words.compare, ...words.timeBetween]),
        comparedWith: set(words.comparedWith),
        newTopic: set(words.newTopic),
        timeBetween: set(words.timeBetween),
        comparatives: set(words.comparatives),
        precedence: set(words.precedence),
        dateExtreme: new PhraseSet(l, [...words.earliest.map((p) => [p, 'earliest'] as const), ...words.latest.map((p) => [p, 'latest'] as const)]),
        alternatives: set(words.alternatives),
        period: new PhraseSet(l, (['after', 'before', 'range'] as const).flatMap((kind) => words[kind].map((p) => [p, kind] as const))),
        relativeYear: new PhraseSet(l, [
          ...words.yearAfter.map((p) => [p, 1] as const),
          ...words.yearBefore.map((p) => [p, -1] as const),
          ...words.yearSame.map((p) => [p, 0] as const),
        ]),
        smalltalk: new PhraseSet(
          l,
          SMALLTALK.flatMap((kind) => words.smalltalk[kind].flatMap((p) => inEitherOrder(p, l).map((q) => [q, kind] as const))),
          true,
        ),
      };
    });
    // Ordinals past the first qualify what a question names ("the second author") rather than name it.
    for (const lang of LANGS) for (const word of folded([...languages[lang].framing, ...languages[lang].ordinals.slice(1).flat()])) this.framing.add(word, lang);
    this.framingWords = new Set(LANGS.flatMap((l) => folded(languages[l].framing)));
    this.conceptWords = new Set(LANGS.flatMap((l) => Object.values(languages[l].concepts).flatMap(folded)));
    this.conceptNames = new Set(
      LANGS.flatMap((l) => Object.values(languages[l].concepts).flatMap((names) => names.map((name) => tokenize(foldText(name))).filter((w) => w.length === 1).flat())),
    );
    this.allWords = new Set(
      LANGS.flatMap((l) => {
        const { conversation, asks, concepts, ordinals, months } = languages[l];
        const lists = [...Object.values(asks), ...Object.values(concepts), ...ordinals, ...months, ...Object.values(conversation.smalltalk)];
        const phrases = [conversation.ellipsis, conversation.pronouns, conversation.more, conversation.list, conversation.timeline, conversation.happenings, conversation.compare, conversation.timeBetween, conversation.newTopic, conversation.comparatives, conversation.alternatives, conversation.earliest, conversation.latest];
        return [...lists, ...phrases].flatMap(folded);
      }),
    );
  }

  /** Whether a folded word frames a question in `lang` (in any language when it is not known). */
  isFraming(word: string, lang?: Lang): boolean {
    return (lang ? [lang] : LANGS).some((l) => this.framing.find(word, l).includes(l));
  }

  /** Whether a folded word is, exactly, a function word or a framing word of some language («қалай», "how"). */
  isFunctionWord(word: string): boolean {
    return this.stopwords.has(word) || this.framingWords.has(word);
  }

  /** The first phrase that asks for a count in a language ("how many"): what a comparison of figures asks. */
  countPhrase(lang: Lang): string {
    return this.firstPhrases[lang].count;
  }

  /** The language's first way of asking for a date ("when", «когда», «қашан»). */
  datePhrase(lang: Lang): string {
    return this.firstPhrases[lang].date;
  }

  /** The language's first way of asking what happened ("what happened", «что произошло», «не болды»). */
  timelinePhrase(lang: Lang): string {
    return this.firstPhrases[lang].timeline;
  }

  /** A request to compare two things in a language, written with its first phrases ("compare … A and B"). */
  comparisonOf(lang: Lang, what: string, a: string, b: string): string {
    const { compare, joiner } = this.firstPhrases[lang];
    return `${compare} ${what} ${a} ${joiner} ${b}`;
  }

  /** A text with the chat shorthand of `lang` written out ("xian intl studies univ" → "xian international studies university"). */
  writtenOut(text: string, lang: Lang): string {
    const shorthand = this.shorthandPattern[lang];
    return shorthand ? text.replace(shorthand.pattern, (short) => shorthand.words.get(short.toLowerCase())!) : text;
  }

  /** Whether a folded word is a word of the lexicon, as listed, in any language. */
  knows(word: string): boolean {
    return this.allWords.has(word) || this.isFunctionWord(word);
  }

  /** Whether a folded word is, exactly, a word of some concept («қала», a city). */
  isConceptWord(word: string): boolean {
    return this.conceptWords.has(word);
  }

  /** Whether a folded word names a concept in any of its forms («людей», «студентов»: the concepts' words are nominative). */
  namesConcept(word: string, lang: Lang): boolean {
    return this.conceptWords.has(word) || this.concepts[lang].find([word]).length > 0;
  }

  /** Whether a folded word alone names a concept, exactly as listed («қала»; not «қалай», which only begins a phrase). */
  isConceptName(word: string): boolean {
    return this.conceptNames.has(word);
  }

  /** Whether a concept is a kind of people ("members", «студенттер»). */
  isPeople(id: string): boolean {
    return this.people.has(id);
  }

  /** Whether an attribute, said of a kind of people, asks how many they are ("the *size* of the audience"). */
  isHeadcount(id: string): boolean {
    return this.headcounts.has(id);
  }

  conceptType(id: string): ConceptType | undefined {
    return this.conceptTypes.get(id);
  }
}
