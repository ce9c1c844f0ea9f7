import type { FactRecord } from '../knowledge/schema.ts';
import { FOUNDED_AT_UNIVERSITY, FOUNDING_WORDS, ORDINALS, REQUIRED_CONCEPTS, UNIVERSITY } from '../text/concepts.ts';
import { words } from '../text/normalize.ts';
import { placeKey, placesIn, placesNamed } from '../text/places.ts';
import {
  CONDITION_WORDS,
  DATE_PHRASES,
  FUTURE_WORDS,
  WHEN_WORDS,
  WHERE_PHRASES,
  WHERE_WORDS,
} from '../text/question-words.ts';
import { UNCOVERED_ATTRIBUTES, UNCOVERED_PHRASES } from '../text/stopwords.ts';
import { LANGS } from '../types.ts';
import { CountEvidence, countedWord } from './count-check.ts';
import type { ScoredFact, SearchResult } from './fact-index.ts';
import type { Tuning } from './tuning.ts';

const YEAR = /\b(1[89]|20)\d\d\b/g;
/** The Kazakh possessive ending, folded: "мүсіншісі" is "мүсінші" ("its sculptor"). */
const KAZAKH_POSSESSIVE = /(?<=[a-z]{3})s?i$/;
/** The countries every fact is set in, by their keys in places.ts. */
const SETTING = new Set([placeKey('Kazakhstan'), placeKey('China')]);
/** How many of the best-ranked facts may be tried before declining. */
const MAX_CANDIDATES = 3;

/** What a question asks for beyond its subject, read once and checked against each candidate fact. */
interface AskedQuestion {
  /** The thing a count question counts ("members"), or null. */
  counted: string | null;
  /** The places it asks "in" ("in Argentina"). */
  places: string[];
  date: boolean;
  future: boolean;
  /** Concepts only a fact naming them can answer (a founding, a role, a currency, contacts). */
  concepts: ReadonlySet<string>[];
  ordinal: ReadonlySet<string> | undefined;
  /** A word of it is unknown to the knowledge base, and no number anchors it. */
  unknownSubject: boolean;
}

/**
 * Decides whether the best fact really answers the question, so that a decline beats a wrong fact. Each check
 * catches a kind of question that shares words with a fact but asks what the article does not say.
 */
export class AnswerJudge {
  /** Built on first use: only facts that win a question ever need them. */
  private readonly countEvidence = new Map<number, CountEvidence>();
  private readonly factWords = new Map<number, ReadonlySet<string>>();
  private readonly placeNames = new Map<number, ReadonlySet<string>>();
  private readonly hasTime: boolean[];
  private readonly hasFutureTime: boolean[];

  constructor(
    private readonly facts: readonly FactRecord[],
    private readonly tuning: Tuning,
    /** The year the article was written: a later year in a fact is a forecast or a plan. */
    writtenIn: number,
  ) {
    const years = facts.map((f) => [
      ...f.dates.map((date) => Number(date.slice(0, 4))),
      ...LANGS.flatMap((l) => (f[l].answer.match(YEAR) ?? []).map(Number)),
    ]);
    this.hasTime = years.map((list) => list.length > 0);
    this.hasFutureTime = years.map((list) => list.some((year) => year > writtenIn));
  }

  /** Every text of a fact, in every language. */
  private texts(position: number): string[] {
    const f = this.facts[position]!;
    return LANGS.flatMap((l) => [f[l].title, f[l].answer, ...f[l].questions, ...f[l].keywords]);
  }

  /** The folded words a fact uses anywhere, in any language. */
  private wordsOf(position: number): ReadonlySet<string> {
    return cached(this.factWords, position, () => new Set(this.texts(position).flatMap(words)));
  }

  private evidence(position: number): CountEvidence {
    const f = this.facts[position]!;
    return cached(this.countEvidence, position, () =>
      new CountEvidence(this.wordsOf(position), LANGS.map((l) => f[l].answer)),
    );
  }

  /** Whether a fact uses any of `names` (folded words) anywhere. */
  private mentions(position: number, names: ReadonlySet<string>): boolean {
    const own = this.wordsOf(position);
    for (const name of names) if (own.has(name)) return true;
    return false;
  }

  /** Whether a fact names a place anywhere, in any form. */
  private namesPlace(position: number, place: string): boolean {
    return cached(this.placeNames, position, () => placesNamed(this.texts(position).join(' \n '))).has(place);
  }

  /** Whether a fact's count is for the one place a question asks about: there alone, not in a list of places. */
  private countsIn(position: number, places: readonly string[]): boolean {
    if (places.length !== 1) return true;
    const [place] = places as [string];
    const fact = this.facts[position]!;
    const said = LANGS.map((l) => `${fact[l].title}. ${fact[l].answer}`);
    const mentions = said.map((text) => placesIn(text).get(place));
    if (mentions.includes('alone')) return true;
    // A city named otherwise ("in the Beijing Concert Hall"), and never as one of a list, is there too; the two
    // countries are named in every other fact ("Centers for Kazakhstan Studies") and need "in".
    if (SETTING.has(place) || mentions.includes('in-list')) return false;
    return said.some((text) => placesNamed(text).has(place));
  }

  /**
   * The fact that answers the question: the best-ranked one that passes every check, among those scoring close
   * to the best ("when was the theatre alliance set up?" is answered by the alliance's own fact, which has the
   * date, rather than the list of alliances, which ranks a little higher and has none). Null to decline.
   */
  choose(question: string, search: SearchResult): ScoredFact | null {
    const top = search.ranked[0];
    if (!top) return null;
    const asked = this.read(question, search);
    if (!asked) return null;
    if (this.answers(asked, top)) return top;
    // Only a missing date sends the question on: the next fact may be the very event, dated.
    if (!asked.date || this.hasTime[top.fact]) return null;
    const close = search.ranked.slice(1, MAX_CANDIDATES).filter((c) => c.score >= top.score * this.tuning.candidateScoreShare);
    return close.find((candidate) => this.answers(asked, candidate)) ?? null;
  }

  /** What a question asks beyond its words; null when it asks what the article never records. */
  private read(question: string, search: SearchResult): AskedQuestion | null {
    const said = words(question);
    // Prices, contacts, birth dates, weather…: the article records none of them.
    if (asksUncovered(said)) return null;
    const has = (names: ReadonlySet<string>) => said.some((w) => names.has(w));
    const asksTerm = (names: ReadonlySet<string>) => search.terms.some((t) => names.has(t.word));
    const resolved = new Map(search.terms.map((t) => [t.word, t.term]));
    const asksWhen = asksTerm(WHEN_WORDS) || DATE_PHRASES.in(said);
    const asksWhere = has(WHERE_WORDS) || WHERE_PHRASES.in(said);
    // "When was SISU founded?": the article dates centres and institutes at universities, never a university itself.
    const ofUniversity = said.some((w) => UNIVERSITY.test(w)) && !said.some((w) => FOUNDED_AT_UNIVERSITY.test(w));
    if (asksTerm(FOUNDING_WORDS) && ofUniversity) return null;
    return {
      counted: countedWord(question, (word) => resolved.get(word) ?? null),
      places: [...placesIn(question).keys()],
      // "When is culture most needed" asks for a circumstance, not a date.
      date: asksWhen && !has(CONDITION_WORDS),
      // "will" is a stopword, so every word of the question counts.
      future: (asksWhen || asksWhere) && has(FUTURE_WORDS),
      concepts: REQUIRED_CONCEPTS.filter(asksTerm),
      ordinal: ORDINALS.find(asksTerm),
      // A date or a figure anchors a question even when a word of it is unknown ("what happened on 11 April 2019").
      unknownSubject: search.terms.some((t) => t.term === null) && !search.terms.some((t) => /^\d/.test(t.word)),
    };
  }

  private answers(asked: AskedQuestion, candidate: ScoredFact): boolean {
    const { fact } = candidate;
    const mentions = (names: ReadonlySet<string>) => this.mentions(fact, names);
    // A number the fact does not hold ("the trade turnover in 2015"), or nothing but numbers and framing.
    if (candidate.missingNumbers > 0 || candidate.matchedSubjectWords === 0) return false;
    // "How many members does the library alliance have?": the fact must count that very thing…
    if (asked.counted && !this.evidence(fact).has(asked.counted)) return false;
    // …and "how many Confucius Institutes are there in Argentina?" is not answered by a count for "Kazakhstan,
    // Argentina and France", or for somewhere else.
    if (asked.counted && !this.countsIn(fact, asked.places)) return false;
    // "Which museums are there in Almaty?": a fact that never names Almaty cannot say. (Kazakhstan and China are the
    // article's setting: a fact need not name them.)
    if (asked.places.some((place) => !SETTING.has(place) && !this.namesPlace(fact, place))) return false;
    // "When did Xi Jinping arrive?": a fact with no date cannot say when. "When (or where) will the centres open?":
    // the article is dated, and only a forecast or a plan tells of the future.
    if (asked.date && !this.hasTime[fact]) return false;
    if (asked.future && !this.hasFutureTime[fact]) return false;
    // "Who founded the university?", "its GDP in dollars": a fact that never names a founding, or dollars, cannot say.
    if (asked.concepts.some((concept) => !mentions(concept))) return false;
    // "When did the second Confucius Institute open?": a fact about the first one cannot say.
    if (asked.ordinal && !mentions(asked.ordinal) && ORDINALS.some(mentions)) return false;
    // "Палау қалай дайындалады?" (how is pilaf made): one word in common, and the subject unknown to the article.
    if (candidate.matchedSubjectWords === 1 && asked.unknownSubject) return false;
    return candidate.coverage >= this.tuning.minCoverage;
  }
}

/** The value kept for `key`, built on first use. */
function cached<V>(map: Map<number, V>, key: number, build: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = build();
    map.set(key, value);
  }
  return value;
}

function asksUncovered(asked: readonly string[]): boolean {
  const uncovered = (word: string) =>
    UNCOVERED_ATTRIBUTES.has(word) || UNCOVERED_ATTRIBUTES.has(word.replace(KAZAKH_POSSESSIVE, ''));
  return asked.some(uncovered) || UNCOVERED_PHRASES.in(asked);
}
