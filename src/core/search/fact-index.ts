import type { FactRecord } from '../knowledge/schema.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { words } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { LANGS, type Lang } from '../types.ts';
import { SpellingCorrector } from './spelling.ts';
import { DEFAULT_TUNING, type Tuning } from './tuning.ts';

/** How many words of questions are remembered resolved before they are forgotten all at once. */
const MAX_REMEMBERED_WORDS = 20_000;

/** A word of questions resolved to an index term, whatever the question's language. */
interface WordTerm {
  term: string | null;
  corrected?: string;
  /** Less than 1 for a corrected word, by the correction's doubt; 0 for an unknown one. */
  weight: number;
  idf: number;
  /** Its letter trigrams, for matching by letters. */
  grams: readonly string[];
}

/** Trigrams found in more than this share of facts are skipped. */
const COMMON_GRAM_SHARE = 0.6;

/** Letter trigrams of a word, with its start marked so that stems line up ("^ka", "kaz", …). */
function trigrams(word: string): string[] {
  const padded = `^${word}`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

/** The facts containing a term and the term's field weight in each, as parallel typed arrays. */
interface Postings {
  facts: Int32Array;
  weights: Float32Array;
}

/** Postings while the index is being built. */
type Growing = Map<string, { facts: number[]; weights: number[] }>;

function post(lists: Growing, key: string, fact: number, weight: number): void {
  const list = lists.get(key);
  if (list) {
    list.facts.push(fact);
    list.weights.push(weight);
  } else lists.set(key, { facts: [fact], weights: [weight] });
}

function freeze(lists: Growing): Map<string, Postings> {
  const frozen = new Map<string, Postings>();
  for (const [key, list] of lists) frozen.set(key, { facts: Int32Array.from(list.facts), weights: Float32Array.from(list.weights) });
  return frozen;
}

/** One word of the question as the index understood it. */
export interface QueryTerm {
  word: string;
  /** The word of the knowledge base a misspelled word was corrected to. */
  corrected?: string;
  /** The index term it matched, or null when nothing in the knowledge base resembles it. */
  term: string | null;
  idf: number;
  /** How much the word counts in scoring: its share, less any doubt from spelling correction. */
  weight: number;
  /** How much of the question this word stands for, before idf (framing words less). */
  share: number;
  /** It frames the question ("when", «сколько») rather than names its subject. */
  framing: boolean;
}

export interface ScoredFact {
  fact: number;
  score: number;
  /** Share of the question's weight (idf) that this fact explains, 0..1. */
  coverage: number;
  /** Numbers in the question that this fact does not contain ("the trade turnover in 2015"). */
  missingNumbers: number;
  /** Subject words (not framing, not numbers) of the question that this fact contains. */
  matchedSubjectWords: number;
}

export interface SearchResult {
  readonly terms: readonly QueryTerm[];
  /** The best facts, best first. */
  readonly ranked: readonly ScoredFact[];
}

/** A BM25F index over every fact's titles, keywords, questions and answers in all three languages. */
export class FactIndex {
  private readonly postings: Map<string, Postings>;
  private readonly gramPostings: Map<string, Postings>;
  /** Per-search accumulators, one slot per fact, reused between searches (JavaScript runs one search at a time). */
  private readonly acc: {
    score: Float64Array;
    explained: Float64Array;
    numbers: Int32Array;
    subject: Int32Array;
    touched: Int32Array;
    /** Which search last wrote each slot: slots from older searches count as zero. */
    stamp: Int32Array;
  };
  private generation = 0;
  private readonly surfaceToTerm = new Map<string, string>();
  /** Words of questions resolved so far (see `termOf`). */
  private readonly terms = new Map<string, WordTerm>();
  /** Built at the first word the index does not know: most questions need none, and start-up stays short. */
  private correctorBuilt?: SpellingCorrector;
  private readonly factCount: number;
  /** Per fact: BM25's length normalisation factor. */
  private readonly lengthNorm: number[];

  constructor(
    facts: readonly FactRecord[],
    private readonly lexicon: Lexicon,
    private readonly tuning: Tuning = DEFAULT_TUNING,
  ) {
    this.factCount = facts.length;
    const lengths: number[] = [];
    const postings: Growing = new Map();
    const gramPostings: Growing = new Map();
    const gramsOf = new Map<string, string[]>();
    facts.forEach((fact, index) => {
      const weights = new Map<string, number>();
      // Letter trigrams are counted per word, not per occurrence: a fact's questions repeat its words many times.
      const lettered = new Map<string, number>();
      const add = (text: string, field: keyof Tuning['fieldWeights']) => {
        const weight = tuning.fieldWeights[field];
        for (const word of this.contentWords(text)) {
          if (tuning.trigramWeight > 0 && field !== 'answer') lettered.set(word, (lettered.get(word) ?? 0) + weight);
          const term = stem(word);
          this.surfaceToTerm.set(word, term);
          weights.set(term, (weights.get(term) ?? 0) + weight);
          // "Two components" holds the number a question may write in digits ("the 2 components").
          const digits = lexicon.cardinals.get(word);
          if (digits !== undefined) weights.set(digits, (weights.get(digits) ?? 0) + weight);
        }
      };
      for (const lang of LANGS) {
        const local = fact[lang];
        add(local.title, 'title');
        add(local.answer, 'answer');
        for (const question of local.questions) add(question, 'questions');
        for (const keyword of local.keywords) add(keyword, 'keywords');
      }
      for (const date of fact.dates) add(date.slice(0, 4), 'keywords');
      const grams = new Map<string, number>();
      for (const [word, weight] of lettered) {
        let unique = gramsOf.get(word);
        if (!unique) gramsOf.set(word, (unique = [...new Set(trigrams(word))]));
        for (const gram of unique) grams.set(gram, (grams.get(gram) ?? 0) + weight);
      }
      lengths.push([...weights.values()].reduce((a, b) => a + b, 0));
      for (const [gram, weight] of grams) post(gramPostings, gram, index, weight);
      for (const [term, weight] of weights) post(postings, term, index, weight);
    });
    this.postings = freeze(postings);
    this.gramPostings = freeze(gramPostings);
    const n = facts.length;
    this.acc = {
      score: new Float64Array(n),
      explained: new Float64Array(n),
      numbers: new Int32Array(n),
      subject: new Int32Array(n),
      touched: new Int32Array(n),
      stamp: new Int32Array(n),
    };
    const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    this.lengthNorm = lengths.map((length) => 1 - tuning.b + (tuning.b * length) / average);
  }

  private corrector(): SpellingCorrector {
    return (this.correctorBuilt ??= new SpellingCorrector(this.surfaceToTerm.keys()));
  }

  /** Folded words of a text without function words (not yet stemmed). */
  private contentWords(text: string): string[] {
    return words(text).filter((word) => !this.lexicon.stopwords.has(word));
  }

  /** Whether the knowledge base uses a folded word, as written or by its stem (no spelling correction). */
  knows(word: string): boolean {
    return this.surfaceToTerm.has(word) || this.postings.has(stem(word));
  }

  /** How many facts contain this index term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.facts.length ?? 0;
  }

  private idf(df: number): number {
    return Math.log(1 + (this.factCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Resolves each word of a question to an index term: exactly, by stem, or by spelling correction. Framing words
   * are read in `lang`, the question's language, when it is known.
   */
  resolve(text: string, lang?: Lang): QueryTerm[] {
    const seen = new Set<string>();
    const terms: QueryTerm[] = [];
    for (const word of this.contentWords(text)) {
      const { term, corrected, weight: found, idf } = this.termOf(word);
      const framing = this.lexicon.isFraming(word, lang);
      const weight = framing ? found * this.tuning.framingWeight : found;
      const share = framing ? this.tuning.framingWeight : 1;
      const key = term ?? `?${word}`;
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push({ word, ...(corrected && { corrected }), term, idf, weight, share, framing });
    }
    return terms;
  }

  /** The index term of a word, as written, by stem or corrected; remembered, since chats repeat their words. */
  private termOf(word: string): WordTerm {
    let known = this.terms.get(word);
    if (!known) {
      let term: string | null = this.surfaceToTerm.get(word) ?? stem(word);
      let weight = 1;
      let corrected: string | undefined;
      if (!this.postings.has(term)) {
        const correction = this.corrector().correct(word);
        term = correction ? (this.surfaceToTerm.get(correction.word) ?? null) : null;
        weight = correction ? this.tuning.correctionWeight * correction.confidence : 0;
        corrected = correction?.word;
      }
      // An unknown word weighs as much as the rarest known one: it may be what the question is really about.
      known = { term, ...(corrected && { corrected }), weight, idf: this.idf(term ? this.documentFrequency(term) : 0), grams: trigrams(word) };
      if (this.terms.size >= MAX_REMEMBERED_WORDS) this.terms.clear();
      this.terms.set(word, known);
    }
    return known;
  }

  /** Ranks facts for a question, best first; `letters: false` skips trigram matching (for long internal queries). */
  search(text: string, limit = 10, { letters = true, lang }: { letters?: boolean; lang?: Lang } = {}): SearchResult {
    const terms = this.resolve(text, lang);
    const { score, explained, numbers, subject, touched, stamp } = this.acc;
    const { k1, trigramWeight } = this.tuning;
    const generation = ++this.generation;
    let touchedCount = 0;
    const touch = (fact: number) => {
      if (stamp[fact] === generation) return;
      stamp[fact] = generation;
      score[fact] = 0;
      explained[fact] = 0;
      numbers[fact] = 0;
      subject[fact] = 0;
      touched[touchedCount++] = fact;
    };
    let totalIdf = 0;
    for (const query of terms) {
      totalIdf += query.idf * query.share;
      const list = query.term ? this.postings.get(query.term) : undefined;
      if (!list) continue;
      const isNumber = /^\d/.test(query.term!);
      const isFraming = query.framing;
      for (let i = 0; i < list.facts.length; i++) {
        const fact = list.facts[i]!;
        const weight = list.weights[i]!;
        touch(fact);
        if (isNumber) numbers[fact]! += 1;
        else if (!isFraming) subject[fact]! += 1;
        const tf = weight / this.lengthNorm[fact]!;
        score[fact]! += query.weight * query.idf * ((tf * (k1 + 1)) / (tf + k1));
        // `weight` is the share a found word stands for, less any doubt from spelling correction.
        explained[fact]! += query.idf * query.weight;
      }
    }
    if (letters && trigramWeight > 0) {
      const queryGrams = new Set(terms.filter((t) => !t.framing).flatMap((t) => this.termOf(t.word).grams));
      const scale = trigramWeight / Math.max(1, queryGrams.size / 4);
      for (const gram of queryGrams) {
        const list = this.gramPostings.get(gram);
        // A trigram in most facts tells nothing and costs the most.
        if (!list || list.facts.length > this.factCount * COMMON_GRAM_SHARE) continue;
        const idf = this.idf(list.facts.length) * scale;
        for (let i = 0; i < list.facts.length; i++) {
          const fact = list.facts[i]!;
          const weight = list.weights[i]!;
          touch(fact);
          score[fact]! += (idf * (weight * (k1 + 1))) / (weight + k1);
        }
      }
    }
    // Keep the best `limit` without sorting every fact touched.
    const best: number[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const fact = touched[i]!;
      if (best.length === limit && score[fact]! <= score[best[limit - 1]!]!) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && score[best[at - 1]!]! < score[fact]!) at--;
      best.splice(at, 0, fact);
      if (best.length > limit) best.pop();
    }
    const queryNumbers = terms.filter((t) => /^\d/.test(t.word)).length;
    const ranked = best.map((fact) => ({
      fact,
      score: score[fact]!,
      coverage: totalIdf > 0 ? explained[fact]! / totalIdf : 0,
      missingNumbers: queryNumbers - numbers[fact]!,
      matchedSubjectWords: subject[fact]!,
    }));
    return { terms, ranked };
  }
}
