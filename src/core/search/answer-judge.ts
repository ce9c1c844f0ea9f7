import type { FactRecord } from '../knowledge/schema.ts';
import { foldedSet, words } from '../text/normalize.ts';
import { placesIn } from '../text/places.ts';
import { CURRENCY_NAMES, UNCOVERED_ATTRIBUTES, UNCOVERED_PHRASES } from '../text/stopwords.ts';
import { LANGS } from '../types.ts';
import { CountEvidence, countedWord } from './count-check.ts';
import type { SearchResult } from './fact-index.ts';
import type { Tuning } from './tuning.ts';

/** Words that ask for a time ("when", "когда", "қашан", "what year"), folded. */
const WHEN_WORDS = foldedSet('when когда қашан кашан date дата датасы');
const YEAR = /\b(1[89]|20)\d\d\b/;
const CURRENCIES = CURRENCY_NAMES.map(foldedSet);

/** Words that ask about a founding or an opening ("founded", "основал", "құрылған"), folded. */
const FOUNDING_WORDS = foldedSet(`
  found founded founder founders founding establish established establishing establishment create created creation
  open opened opening opens launch launched
  основан основана основано основаны основал основала основали основатель основателем основания основание
  создан создана создано созданы создал создала создали создание создания созданию учрежден учреждена учреждено
  учреждены учредил учредили открыт открыта открыто открыты открыл открыла открыли открытие открытия открылся
  открылась открылось открылись
  құрылған құрылды құрды құрған құрылуы құрылғанына құру құруды ашылған ашылды ашты ашқан ашылуы ашылуына ашылады
`);

/**
 * Decides whether the best fact really answers the question, so that a decline beats a wrong fact. Each check
 * catches a kind of question that shares words with a fact but asks what the article does not say.
 */
export class AnswerJudge {
  /** Built on first use: only facts that win a question ever need them. */
  private readonly countEvidence = new Map<number, CountEvidence>();
  private readonly factWords = new Map<number, ReadonlySet<string>>();
  private readonly hasTime: boolean[];

  constructor(
    private readonly facts: readonly FactRecord[],
    private readonly tuning: Tuning,
  ) {
    this.hasTime = facts.map((f) => f.dates.length > 0 || LANGS.some((l) => YEAR.test(f[l].answer)));
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
    // A number the fact does not hold ("the trade turnover in 2015"), or nothing but numbers and framing.
    if (top.missingNumbers > 0 || top.matchedSubjectWords === 0) return false;
    const asks = (names: ReadonlySet<string>) => search.terms.some((t) => names.has(t.word));
    // Prices, contacts, birth dates, weather…: the article records none of them.
    const folded = words(question).join(' ');
    if (asks(UNCOVERED_ATTRIBUTES)) return false;
    if (UNCOVERED_PHRASES.some((phrase) => ` ${folded} `.includes(` ${phrase} `))) return false;
    // "How many members does the library alliance have?": the fact must count that very thing.
    const resolved = new Map(search.terms.map((t) => [t.word, t.term]));
    const counted = countedWord(question, (word) => resolved.get(word) ?? null);
    if (counted && !this.evidence(top.fact).has(counted)) return false;
    // "How many Confucius Institutes are there in Argentina?": a count for "Kazakhstan, Argentina and France",
    // or for somewhere else, is not a count for Argentina.
    if (counted && !this.countsIn(top.fact, [...placesIn(question).keys()])) return false;
    // "When did Xi Jinping arrive?": a fact with no date cannot say when.
    if (asks(WHEN_WORDS) && !this.hasTime[top.fact]) return false;
    // "What is Kazakhstan's GDP in dollars?": a figure in dollars is only in a fact that gives one.
    if (CURRENCIES.some((names) => asks(names) && !this.mentions(top.fact, names))) return false;
    // "Who founded the university?": a fact about its memorandums says nothing of its founding.
    if (asks(FOUNDING_WORDS) && !this.mentions(top.fact, FOUNDING_WORDS)) return false;
    return top.coverage >= this.tuning.minCoverage;
  }
}
