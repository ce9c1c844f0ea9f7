import type { FactRecord } from '../knowledge/schema.ts';
import { foldedSet, words } from '../text/normalize.ts';
import { UNCOVERED_ATTRIBUTES, UNCOVERED_PHRASES } from '../text/stopwords.ts';
import { LANGS } from '../types.ts';
import { CountEvidence, countedWord } from './count-check.ts';
import type { SearchResult } from './fact-index.ts';
import type { Tuning } from './tuning.ts';

/** Words that ask for a time ("when", "когда", "қашан", "what year"), folded. */
const WHEN_WORDS = foldedSet('when когда қашан кашан date дата датасы');
const YEAR = /\b(1[89]|20)\d\d\b/;

/**
 * Decides whether the best fact really answers the question, so that a decline beats a wrong fact. Each check
 * catches a kind of question that shares words with a fact but asks what the article does not say.
 */
export class AnswerJudge {
  /** Built on first use: only the facts that win count questions ever need it. */
  private readonly countEvidence = new Map<number, CountEvidence>();
  private readonly hasTime: boolean[];

  constructor(
    private readonly facts: readonly FactRecord[],
    private readonly tuning: Tuning,
  ) {
    this.hasTime = facts.map((f) => f.dates.length > 0 || LANGS.some((l) => YEAR.test(f[l].answer)));
  }

  private evidence(position: number): CountEvidence {
    let evidence = this.countEvidence.get(position);
    if (!evidence) {
      const f = this.facts[position]!;
      evidence = new CountEvidence(
        LANGS.flatMap((l) => [f[l].title, f[l].answer, ...f[l].questions, ...f[l].keywords]),
        LANGS.map((l) => f[l].answer),
      );
      this.countEvidence.set(position, evidence);
    }
    return evidence;
  }

  answers(question: string, search: SearchResult): boolean {
    const top = search.ranked[0];
    if (!top) return false;
    // A number the fact does not hold ("the trade turnover in 2015"), or nothing but numbers and framing.
    if (top.missingNumbers > 0 || top.matchedSubjectWords === 0) return false;
    // Prices, contacts, birth dates, weather…: the article records none of them.
    const folded = words(question).join(' ');
    if (search.terms.some((t) => UNCOVERED_ATTRIBUTES.has(t.word))) return false;
    if (UNCOVERED_PHRASES.some((phrase) => ` ${folded} `.includes(` ${phrase} `))) return false;
    // "How many members does the library alliance have?": the fact must count that very thing.
    const resolved = new Map(search.terms.map((t) => [t.word, t.term]));
    const counted = countedWord(question, (word) => resolved.get(word) ?? null);
    if (counted && !this.evidence(top.fact).has(counted)) return false;
    // "When did Xi Jinping arrive?": a fact with no date cannot say when.
    if (search.terms.some((t) => WHEN_WORDS.has(t.word)) && !this.hasTime[top.fact]) return false;
    return top.coverage >= this.tuning.minCoverage;
  }
}
