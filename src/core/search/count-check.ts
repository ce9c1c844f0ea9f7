import { CURRENCY_WORDS } from '../text/concepts.ts';
import { foldedSet, words } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { FRAMING_WORDS, STOPWORDS } from '../text/stopwords.ts';

/** Words that ask for a count ("how many", "сколько", "қанша"), folded. */
const COUNT_WORDS = foldedSet('many much сколько скольких скока скоко қанша неше количество саны number');
/**
 * Percent signs, percent words and shares meet in one token, so "на сколько процентов" finds "23.06%" and "what
 * share of the world's countries" finds "two-thirds, 63%".
 */
const PERCENT = foldedSet(
  'percent percentage share proportion процент процентов процента доля долю часть пайыз пайызға пайызын пайызы бөлігі бөлігін үлесі',
);
/** Counts written as words ("three distinctive features", "үш қала"). */
const NUMBER_WORDS = foldedSet(
  'two three four five six seven eight nine ten twenty hundred thousand million два две три четыре пять шесть семь восемь девять десять сто тысяч миллион екі үш төрт бес алты жеті сегіз тоғыз жүз мың миллион',
);
/** Month names: a number beside one is a day, not a count. */
const MONTH = /^(januar|februar|march|april|mai|june|juli|august|september|oktober|november|december|ianvar|fevral|mart|aprel|iiun|iiul|avgust|sentiabr|noiabr|dekabr|kantar|akpan|nauriz|sauir|mamir|mausim|shilde|tamiz|kirkuiek|kazan|karasha|jeltoksan|iiune|iiule|mae|maia)/;

const tokens = (text: string): string[] =>
  [...words(text).map((t) => (PERCENT.has(t) ? '%' : t)), ...(text.includes('%') ? ['%'] : [])];

const related = (a: string, b: string) => a === b || (a.length >= 2 && b.length >= 2 && (a.startsWith(b) || b.startsWith(a)));

/**
 * The thing a count question counts: the first subject word after "how many" ("how many *members* …",
 * "сколько *зрителей* …", "қанша *студент* …"), or null when the question does not ask for a count.
 */
export function countedWord(question: string, resolve: (word: string) => string | null): string | null {
  const asked = tokens(question);
  const at = asked.findIndex((w) => COUNT_WORDS.has(w));
  if (at < 0) return null;
  for (const word of asked.slice(at + 1, at + 4)) {
    // "How many dollars": an amount of money is counted in its currency, a framing word elsewhere.
    if (word === '%' || CURRENCY_WORDS.has(word)) return word;
    if (STOPWORDS.has(word) || FRAMING_WORDS.has(word) || /^\d/.test(word)) continue;
    const term = resolve(word);
    if (term) return term;
  }
  return null;
}

/** What one fact could count: its words (all fields, all languages) and whether its answers hold a count. */
export class CountEvidence {
  private readonly words: ReadonlySet<string>;
  private readonly hasCount: boolean;
  private readonly hasPercent: boolean;

  /** `factWords`: the fact's folded words, from every field and language. */
  constructor(factWords: Iterable<string>, answers: readonly string[]) {
    this.words = new Set(Array.from(factWords, stem));
    const answerTokens = answers.map((answer) => words(answer));
    this.hasPercent = answers.some((answer) => answer.includes('%'));
    // A count is a number that is not a year and not a day beside a month name.
    this.hasCount = answerTokens.some((words) =>
      words.some(
        (w, i) =>
          NUMBER_WORDS.has(w) ||
          (/^\d/.test(w) && !/^(19|20)\d\d$/.test(w) && !MONTH.test(words[i + 1] ?? '') && !MONTH.test(words[i - 1] ?? '')),
      ),
    );
  }

  /** Whether the fact mentions `counted` at all and gives some count: "how many seats" finds neither in a concert fact. */
  has(counted: string): boolean {
    if (counted === '%') return this.hasPercent;
    if (!this.hasCount) return false;
    for (const word of this.words) if (related(word, counted)) return true;
    return false;
  }
}
