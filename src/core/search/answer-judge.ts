import type { FactRecord } from '../knowledge/schema.ts';
import { FOUNDED_AT_UNIVERSITY, FOUNDING_WORDS, ORDINALS, REQUIRED_CONCEPTS, UNIVERSITY } from '../text/concepts.ts';
import { words } from '../text/normalize.ts';
import { placesIn } from '../text/places.ts';
import {
  CONDITION_WORDS,
  FUTURE_WORDS,
  hasPhrase,
  WHEN_WORDS,
  WHERE_PHRASES,
  WHERE_WORDS,
  YEAR_PHRASES,
} from '../text/question-words.ts';
import { UNCOVERED_ATTRIBUTES, UNCOVERED_PHRASES } from '../text/stopwords.ts';
import { LANGS } from '../types.ts';
import { CountEvidence, countedWord } from './count-check.ts';
import type { SearchResult } from './fact-index.ts';
import type { Tuning } from './tuning.ts';

const YEAR = /\b(1[89]|20)\d\d\b/g;
/** The Kazakh possessive ending, folded: "мүсіншісі" is "мүсінші" ("its sculptor"). */
const KAZAKH_POSSESSIVE = /(?<=[a-z]{3})s?i$/;

/**
 * Decides whether the best fact really answers the question, so that a decline beats a wrong fact. Each check
 * catches a kind of question that shares words with a fact but asks what the article does not say.
 */
export class AnswerJudge {
  /** Built on first use: only facts that win a question ever need them. */
  private readonly countEvidence = new Map<number, CountEvidence>();
  private readonly factWords = new Map<number, ReadonlySet<string>>();
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

  private evidence(position: number): CountEvidence {
    let evidence = this.countEvidence.get(position);
    if (!evidence) {
      const f = this.facts[position]!;
      evidence = new CountEvidence(this.texts(position), LANGS.map((l) => f[l].answer));
      this.countEvidence.set(position, evidence);
    }
    return evidence;
  }

  /** Whether a fact uses any of `names` (folded words) anywhere. */
  private mentions(position: number, names: ReadonlySet<string>): boolean {
    let own = this.factWords.get(position);
    if (!own) {
      own = new Set(this.texts(position).flatMap(words));
      this.factWords.set(position, own);
    }
    for (const name of names) if (own.has(name)) return true;
    return false;
  }

  private countsIn(position: number, places: readonly string[]): boolean {
    if (places.length !== 1) return true;
    const fact = this.facts[position]!;
    return LANGS.some((l) => placesIn(`${fact[l].title}. ${fact[l].answer}`).get(places[0]!) === 'alone');
  }

  answers(question: string, search: SearchResult): boolean {
    const top = search.ranked[0];
    if (!top) return false;
    const asked = words(question);
    const asks = (names: ReadonlySet<string>) => search.terms.some((t) => names.has(t.word));
    const mentions = (names: ReadonlySet<string>) => this.mentions(top.fact, names);

    // A number the fact does not hold ("the trade turnover in 2015"), or nothing but numbers and framing.
    if (top.missingNumbers > 0 || top.matchedSubjectWords === 0) return false;
    // Prices, contacts, birth dates, weather…: the article records none of them.
    if (asksUncovered(asked)) return false;

    // "How many members does the library alliance have?": the fact must count that very thing…
    const resolved = new Map(search.terms.map((t) => [t.word, t.term]));
    const counted = countedWord(question, (word) => resolved.get(word) ?? null);
    if (counted && !this.evidence(top.fact).has(counted)) return false;
    // …and "how many Confucius Institutes are there in Argentina?" is not answered by a count for "Kazakhstan,
    // Argentina and France", or for somewhere else.
    if (counted && !this.countsIn(top.fact, [...placesIn(question).keys()])) return false;

    // "When did Xi Jinping arrive?": a fact with no date cannot say when ("when is culture most needed" asks for a
    // circumstance, not a date). "When (or where) will the centres open?": the article is dated, and only a forecast or
    // a plan tells of the future ("will" is a stopword, so every word of the question counts).
    const asksWhen = asks(WHEN_WORDS) || hasPhrase(asked, YEAR_PHRASES);
    const asksWhere = asked.some((w) => WHERE_WORDS.has(w)) || hasPhrase(asked, WHERE_PHRASES);
    const asksDate = asksWhen && !asked.some((w) => CONDITION_WORDS.has(w));
    if (asksDate && !this.hasTime[top.fact]) return false;
    const future = asked.some((w) => FUTURE_WORDS.has(w));
    if ((asksWhen || asksWhere) && future && !this.hasFutureTime[top.fact]) return false;

    // "When was SISU founded?": the article dates centres and institutes at universities, never a university itself.
    const ofUniversity = asked.some((w) => UNIVERSITY.test(w)) && !asked.some((w) => FOUNDED_AT_UNIVERSITY.test(w));
    if (asks(FOUNDING_WORDS) && ofUniversity) return false;
    // "Who founded the university?", "its GDP in dollars": a fact that never names a founding, or dollars, cannot say.
    if (REQUIRED_CONCEPTS.some((concept) => asks(concept) && !mentions(concept))) return false;
    // "When did the second Confucius Institute open?": a fact about the first one cannot say.
    const ordinal = ORDINALS.find(asks);
    if (ordinal && !mentions(ordinal) && ORDINALS.some(mentions)) return false;

    return top.coverage >= this.tuning.minCoverage;
  }
}

function asksUncovered(asked: readonly string[]): boolean {
  const uncovered = (word: string) =>
    UNCOVERED_ATTRIBUTES.has(word) || UNCOVERED_ATTRIBUTES.has(word.replace(KAZAKH_POSSESSIVE, ''));
  return asked.some(uncovered) || hasPhrase(asked, UNCOVERED_PHRASES);
}
