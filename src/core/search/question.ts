import type { AskKind } from '../knowledge/schema.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { isYear } from '../text/normalize.ts';
import { span, within, type PhraseMatch } from '../text/phrases.ts';
import type { Lang } from '../types.ts';
import type { EntityCatalog, EntityMention } from './entities.ts';
import type { QueryTerm } from './fact-index.ts';
import { askingWords, ownersIn, type Owners } from './owners.ts';
import { placesIn, type PlaceMention } from './places.ts';

/** What a count question counts: a concept of the lexicon, an entity, or a word neither knows. */
export type CountTarget = { concept: string } | { entity: string } | { word: string };

/** A question read into the terms facts declare what they answer in (see `answers` in the fact schema). */
export interface Question {
  lang: Lang;
  /** Its folded words, misspellings corrected where the knowledge base knows the word meant. */
  tokens: readonly string[];
  /** The kinds of information it asks for: a count, a date, a place, an agent, a reason. */
  asks: ReadonlySet<AskKind>;
  /** The concepts of the lexicon it names. */
  concepts: ReadonlySet<string>;
  countTarget: CountTarget | null;
  /** It counts some of what was said before it ("how many *of them* stayed?", «олардың *қаншасы*…»). */
  partitive: boolean;
  /**
   * The kind of things a "which" question asks for ("which *museums*", «қандай *мұражайлар*»): a countable concept
   * and the word that names it.
   */
  whichTarget: { concept: string; word: string } | null;
  entities: readonly EntityMention[];
  /** It weighs things against each other ("which one has more members", «больше или меньше», «ертерек»). */
  compares: boolean;
  /** The places it puts what it asks about in ("in Pavlodar"). */
  places: ReadonlyMap<string, PlaceMention>;
  /** Whose it says the things it names are ("the *Kazakh* ambassador", «*китайские* города»). */
  owners: Owners;
  /** It asks about the future ("when will…"). */
  future: boolean;
  /** It asks for the very things ("which festivals *exactly*?", «какие *именно* языки?»). */
  exactly: boolean;
  /** It asks how things stand by now ("have they opened *yet*?", «кто *уже* выбран?»). */
  byNow: boolean;
  /** It asks to list things ("list all…", «перечисли», «атап бер»). */
  listed: boolean;
  /** It asks how things stand at present ("who is the ambassador *now*?", «кто *сейчас* посол?»), in no year it names. */
  present: boolean;
  /** The kind it asks the rest of, setting aside what it names ("the other four lake centres, apart from OSU's"). */
  othersOf: string | null;
  /** The kinds of place it names ("in which *city*"): a place it asks for must be one. */
  placeKinds: ReadonlySet<string>;
  /** It asks which is the greatest or the least of something ("which has the most students"). */
  superlative: boolean;
  /** The ordinal it names ("the second…"), from 1. */
  ordinal: number | null;
  /** A word of it is unknown to the knowledge base, and no number anchors it. */
  unknownSubject: boolean;
}

/** How far from "how many" the counted thing may stand. */
const COUNT_REACH_AFTER = 4;
const COUNT_REACH_BEFORE = 3;
/** How far apart a word asking for names and the people it names may stand ("the names of the trio's musicians"). */
const NAMES_REACH = 4;

/** Reads questions with the lexicon and the entity catalogue. */
export class QuestionReader {
  constructor(
    private readonly lexicon: Lexicon,
    private readonly catalog: EntityCatalog,
  ) {}

  /** Reads a question in `lang`, given its folded words and how the index resolved them. */
  read(words: readonly string[], lang: Lang, terms: readonly QueryTerm[]): Question {
    const corrections = new Map(terms.flatMap((t) => (t.corrected ? [[t.word, t.corrected] as const] : [])));
    // Names are found in the words as the knowledge base spells them; the lexicon's words, which the knowledge base
    // need not hold («добраться»), as typed.
    const tokens = words.map((w) => corrections.get(w) ?? w);
    const lexicon = this.lexicon;
    const askMatches = lexicon.asks[lang].find(words);
    const whichMatches = lexicon.which[lang].find(words);
    const asks = new Set(askMatches.map((m) => m.value));
    const askWords = new Set(askMatches.flatMap((m) => words.slice(m.start, m.end)));
    // "When is culture most needed" asks for a circumstance, not a date.
    if (asks.has('date') && lexicon.condition[lang].in(words)) asks.delete('date');
    const entities = this.catalog.find(tokens, lang);
    const named = new Set(entities.flatMap((e) => e.positions));
    // A concept's word inside a name ("*Meeting* on the Green Valley") names the thing, not the concept — a phrase
    // that only ends in a name («*автор* памятника …») still asks it; and a function word is not a form of a
    // concept's word it resembles («қалай», how, is not «қала», a city).
    const allConcepts = lexicon.concepts[lang].find(words);
    const conceptMatches = allConcepts.filter((m) => {
      if (named.has(m.start)) return false;
      return !(m.end - m.start === 1 && lexicon.isFunctionWord(words[m.start]!) && !lexicon.isConceptName(words[m.start]!));
    });
    // "How big was the audience", «насколько большой была аудитория»: the size of a kind of people is their number.
    const people = conceptMatches.filter((m) => lexicon.isPeople(m.value));
    const headcount = people.length > 0 && conceptMatches.find((m) => lexicon.isHeadcount(m.value));
    if (headcount) {
      asks.add('count');
      conceptMatches.splice(conceptMatches.indexOf(headcount), 1);
    }
    // "The names of the musicians", «имена участников», «қатысушылардың есімдері»: names of people ask who they are.
    if (this.asksNamesOf(words, lang, people)) asks.add('agent');
    const ordinals = lexicon.ordinals[lang].find(words);
    const count = askMatches.find((m) => m.value === 'count');
    const partitive = !!count && lexicon.partitive[lang].find(words).some((m) => m.start <= count.end && m.end >= count.start);
    return {
      lang,
      tokens,
      asks,
      concepts: new Set(conceptMatches.map((m) => m.value)),
      // A kind of place named where a place is asked («қай *қалада*») is one, though framing words there weigh little.
      placeKinds: new Set(
        allConcepts
          .filter((m) => this.catalog.isPlaceClass(m.value))
          .filter((m) => conceptMatches.includes(m) || askMatches.some((a) => a.value === 'place' && a.start <= m.start && m.start < a.end))
          .map((m) => m.value),
      ),
      countTarget: count ? this.countTarget(tokens, count, partitive, conceptMatches, entities, lang) : headcount ? { concept: people[0]!.value } : null,
      partitive,
      // "Which city" asks a place, not which cities.
      whichTarget: this.whichTarget(
        words,
        lang,
        whichMatches,
        asks.has('agent'),
        conceptMatches.filter((c) => !askMatches.some((a) => c.start >= a.start && c.start < a.end)),
        named,
      ),
      entities,
      compares: lexicon.conversation[lang].compare.in(tokens) || lexicon.conversation[lang].comparatives.in(tokens),
      places: placesIn(entities, tokens, lang, this.catalog, lexicon),
      owners: ownersIn(tokens, lang, conceptMatches, askingWords(whichMatches, askMatches), this.catalog, lexicon),
      future: (asks.has('date') || asks.has('place')) && lexicon.future[lang].in(words),
      exactly: lexicon.exactly[lang].in(words),
      byNow: lexicon.byNow[lang].in(words),
      listed: lexicon.conversation[lang].list.in(tokens),
      present: !asks.has('date') && lexicon.present[lang].in(words) && !words.some(isYear),
      othersOf: this.othersOf(words, lang, entities),
      superlative: lexicon.superlatives[lang].in(words),
      ordinal: ordinals[0]?.value ?? null,
      // An entity the catalogue knows, or a number, anchors a question even when a word of it is unknown.
      // A question word the index does not hold («скока», «чьей») asks, and is understood.
      unknownSubject:
        terms.some((t) => t.term === null && !askWords.has(t.word)) && !terms.some((t) => /^\d/.test(t.word)) && entities.every((e) => e.kind === 'place'),
    };
  }

  /** Whether a word asking for names stands beside one of the kinds of people a question names, a few words either side. */
  private asksNamesOf(words: readonly string[], lang: Lang, people: ReadonlyArray<{ start: number; end: number }>): boolean {
    if (people.length === 0) return false;
    return this.lexicon.names[lang].find(words).some((n) => people.some((p) => p.start - n.end < NAMES_REACH && n.start - p.end < NAMES_REACH));
  }

  /**
   * The kind named beside "other" or "apart from": in full ("the other four *lake centres*") or by a word of the
   * name of the kind of something the question names ("*centres* apart from the Lake Studies Centre").
   */
  private othersOf(words: readonly string[], lang: Lang, entities: readonly EntityMention[]): string | null {
    const kindsNamed = entities.flatMap((e) => this.catalog.identities(e.id).slice(1));
    for (const other of this.lexicon.others[lang].find(words)) {
      const near = (at: number) => (at >= other.start - 2 && at < other.start) || (at >= other.end && at <= other.end + 2);
      const kind = entities.find((e) => e.kind === 'concept' && e.positions.some(near));
      if (kind) return kind.id;
      for (let at = Math.max(0, other.start - 2); at < Math.min(words.length, other.end + 3); at++) {
        const named = near(at) && kindsNamed.find((k) => this.catalog.namesWord(k, words[at]!, lang));
        if (named) return named;
      }
    }
    return null;
  }

  /**
   * The countable concept right after "which" (function words and names aside), if any; "who" asks which ones too, of
   * the countable concept it stands beside ("who *performed*" asks which performers).
   */
  private whichTarget(
    words: readonly string[],
    lang: Lang,
    whichMatches: ReadonlyArray<PhraseMatch<true>>,
    asksWho: boolean,
    concepts: ReadonlyArray<{ value: string; start: number; end: number }>,
    named: ReadonlySet<number>,
  ): Question['whichTarget'] {
    // Read only when a word stands between "which" and a concept: most questions have none.
    let adjectives: ReadonlySet<number> | undefined;
    const isAdjective = (i: number) => (adjectives ??= new Set(this.catalog.placeAdjectives(lang).find(words).flatMap(span))).has(i);
    for (const which of whichMatches) {
      for (let i = which.end; i < Math.min(words.length, which.end + 3); i++) {
        const concept = concepts.find((c) => c.start === i && this.lexicon.conceptType(c.value) === 'countable');
        if (concept) return { concept: concept.value, word: words[i]! };
        // "Which *Kazakh* city": a name or a place's adjective may stand between.
        if (!this.lexicon.stopwords.has(words[i]!) && !named.has(i) && !isAdjective(i)) break;
      }
    }
    // "Who were the trio's *members*?", «трио *құрамында* кімдер бар?»: a kind of people anywhere beside "who" — but
    // not the people whose view the question reports ("who, *according to the experts*, …", «эксперттердің пікірінше»).
    if (!asksWho) return null;
    const attributions = this.lexicon.attribution[lang].find(words);
    const between = (from: number, to: number) => to >= from && to - from <= 1 && words.slice(from, to).every((w) => this.lexicon.stopwords.has(w));
    const concept = concepts.find(
      (c) => this.lexicon.isPeople(c.value) && !attributions.some((a) => between(a.end, c.start) || between(c.end, a.start)),
    );
    return concept ? { concept: concept.value, word: words[concept.start]! } : null;
  }

  /**
   * The thing a count question counts: a concept near "how many" («сколько студентов», «қанша студент»,
   * «студенттер саны қанша»), else an entity named there ("how many Language Centres"); failing both, the
   * first word that names anything.
   */
  private countTarget(
    tokens: readonly string[],
    count: { start: number; end: number },
    partitive: boolean,
    conceptMatches: ReadonlyArray<{ value: string; start: number; end: number }>,
    entities: readonly EntityMention[],
    lang: Lang,
  ): CountTarget | null {
    // A concept phrase that holds the count word ("how many years", «сколько лет») is what is counted.
    const holding = conceptMatches.find((m) => within(count, m));
    if (holding) return { concept: holding.value };
    // "How many <a name> students", «қанша <a programme's name> студент»: what stands right after the name is counted.
    const namedNext = entities.find((e) => e.positions[0] === count.end);
    const after = namedNext && conceptMatches.find((m) => m.start === namedNext.positions.at(-1)! + 1 && this.lexicon.conceptType(m.value) === 'countable');
    if (after) return { concept: after.value };
    // "How many of them stayed?", «олардың қаншасы қалды?»: what is counted was said apart from the count, before it
    // or, in a follow-up read with what it follows, after it; the words next to the count tell what became of them.
    // «Мұғалімдер саны қанша?»: a word for "the number" that follows what it counts looks before it first, whatever
    // a follow-up adds after the question.
    const [numberAfter] = this.lexicon.numberAfter[lang].find(tokens);
    const before = numberAfter?.start ?? count.start;
    const following = { from: count.end, to: partitive ? tokens.length : count.end + COUNT_REACH_AFTER, forward: true };
    const preceding = { from: partitive ? 0 : before - COUNT_REACH_BEFORE, to: before, forward: false };
    for (const { from, to, forward } of numberAfter ? [preceding, following] : [following, preceding]) {
      const inside = (p: number) => p >= from && p < to;
      // After "how many", the first thing named is counted; before «саны», the last («мүшелерінің саны»).
      const nearest = <T>(list: T[], at: (item: T) => number) => list.sort((a, b) => (forward ? at(a) - at(b) : at(b) - at(a)))[0];
      // «2019 жылы»: a year's word is the date, not the thing counted.
      // Events are no things to count («өткен жылы», last year, is a date).
      const counted = conceptMatches.filter(
        (m) => inside(m.start) && this.lexicon.conceptType(m.value) !== 'event' && !isYear(tokens[m.start - 1] ?? ''),
      );
      const concept = nearest(counted, (m) => m.start);
      const entity = nearest(entities.filter((e) => e.kind !== 'place' && e.positions.some(inside)), (e) => e.positions[0]!);
      // A thing counted beside a thing named is counted in it: "how many relics (did) the exhibition (show)".
      if (concept) return { concept: concept.value };
      if (entity) return { entity: entity.id };
    }
    if (partitive) return null;
    const inNames = new Set(entities.flatMap((e) => e.positions));
    for (let i = count.end; i < Math.min(tokens.length, count.end + COUNT_REACH_AFTER); i++) {
      const word = tokens[i]!;
      if (inNames.has(i) || /^\d/.test(word) || this.lexicon.stopwords.has(word) || this.lexicon.isFraming(word, lang)) continue;
      return { word };
    }
    return null;
  }
}
