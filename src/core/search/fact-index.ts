import type { FactRecord } from '../knowledge/schema.ts';
import { LANGS } from '../types.ts';
import { contentWords } from './analyze.ts';
import { stem } from '../text/stem.ts';
import { SpellingCorrector } from './spelling.ts';
import { FRAMING_WORDS } from '../text/stopwords.ts';
import { DEFAULT_TUNING, type Tuning } from './tuning.ts';

/** Letter trigrams of a word, with its start marked so that stems line up ("^ka", "kaz", …). */
function trigrams(word: string): string[] {
  const padded = `^${word}`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

interface Posting {
  fact: number;
  weight: number;
}

/** One word of the question as the index understood it. */
export interface QueryTerm {
  word: string;
  /** The index term it matched, or null when nothing in the knowledge base resembles it. */
  term: string | null;
  idf: number;
  weight: number;
  /** How much of the question this word stands for, before idf (framing and phrasing words less). */
  share: number;
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
  terms: QueryTerm[];
  ranked: ScoredFact[];
}

/** A BM25F index over every fact's titles, keywords, questions and answers in all three languages. */
export class FactIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly gramPostings = new Map<string, Posting[]>();
  private readonly surfaceToTerm = new Map<string, string>();
  private readonly corrector: SpellingCorrector;
  private readonly factCount: number;
  private readonly unknownIdf: number;
  /** Terms that appear in some title, keyword or answer (the rest only in question phrasings). */
  private readonly subjectTerms = new Set<string>();
  /** Per fact: BM25's length normalisation factor. */
  private readonly lengthNorm: number[];

  constructor(
    facts: readonly FactRecord[],
    private readonly tuning: Tuning = DEFAULT_TUNING,
  ) {
    this.factCount = facts.length;
    const lengths: number[] = [];
    facts.forEach((fact, index) => {
      const weights = new Map<string, number>();
      const grams = new Map<string, number>();
      const add = (text: string, field: keyof Tuning['fieldWeights']) => {
        for (const word of contentWords(text)) {
          if (tuning.trigramWeight > 0 && field !== 'answer') {
            for (const gram of new Set(trigrams(word))) grams.set(gram, (grams.get(gram) ?? 0) + tuning.fieldWeights[field]);
          }
          const term = stem(word);
          this.surfaceToTerm.set(word, term);
          if (field !== 'questions') this.subjectTerms.add(term);
          weights.set(term, (weights.get(term) ?? 0) + tuning.fieldWeights[field]);
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
      lengths.push([...weights.values()].reduce((a, b) => a + b, 0));
      for (const [gram, weight] of grams) {
        const list = this.gramPostings.get(gram);
        if (list) list.push({ fact: index, weight });
        else this.gramPostings.set(gram, [{ fact: index, weight }]);
      }
      for (const [term, weight] of weights) {
        const list = this.postings.get(term);
        const posting = { fact: index, weight };
        if (list) list.push(posting);
        else this.postings.set(term, [posting]);
      }
    });
    const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    this.lengthNorm = lengths.map((length) => 1 - tuning.b + (tuning.b * length) / average);
    this.corrector = new SpellingCorrector(this.surfaceToTerm.keys());
    this.unknownIdf = this.idf(0);
  }

  /** Whether any fact contains this index term. */
  knows(term: string): boolean {
    return this.postings.has(term);
  }

  private idf(df: number): number {
    return Math.log(1 + (this.factCount - df + 0.5) / (df + 0.5));
  }

  /** Resolves each word of a question to an index term: exactly, by stem, or by spelling correction. */
  resolve(text: string): QueryTerm[] {
    const seen = new Set<string>();
    const terms: QueryTerm[] = [];
    for (const word of contentWords(text)) {
      let term: string | null = this.surfaceToTerm.get(word) ?? stem(word);
      let weight = 1;
      if (!this.postings.has(term)) {
        const correction = this.corrector.correct(word);
        term = correction ? (this.surfaceToTerm.get(correction.word) ?? null) : null;
        weight = correction ? this.tuning.correctionWeight * correction.confidence : 0;
      }
      if (FRAMING_WORDS.has(word)) weight *= this.tuning.framingWeight;
      const share = FRAMING_WORDS.has(word)
        ? this.tuning.framingWeight
        : !term
          ? this.corrector.resembles(word)
            ? this.tuning.typoWordWeight
            : this.tuning.unknownWordWeight
          : this.subjectTerms.has(term)
            ? 1
            : this.tuning.phrasingWordWeight;
      const key = term ?? `?${word}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const df = term ? (this.postings.get(term)?.length ?? 0) : 0;
      terms.push({ word, term, idf: term ? this.idf(df) : this.unknownIdf, weight, share });
    }
    return terms;
  }

  /** Ranks facts for a question, best first. */
  search(text: string, limit = 10): SearchResult {
    const terms = this.resolve(text);
    const scores = new Map<number, { score: number; explained: number; numbers: number; subject: number }>();
    let totalIdf = 0;
    for (const query of terms) {
      totalIdf += query.idf * query.share;
      if (!query.term) continue;
      for (const { fact, weight } of this.postings.get(query.term) ?? []) {
        const entry = scores.get(fact) ?? { score: 0, explained: 0, numbers: 0, subject: 0 };
        if (/^\d/.test(query.term)) entry.numbers += 1;
        else if (!FRAMING_WORDS.has(query.word)) entry.subject += 1;
        const { k1 } = this.tuning;
        const tf = weight / this.lengthNorm[fact]!;
        entry.score += query.weight * query.idf * ((tf * (k1 + 1)) / (tf + k1));
        const matchQuality = query.weight / (FRAMING_WORDS.has(query.word) ? this.tuning.framingWeight : 1);
        entry.explained += query.idf * query.share * matchQuality * Math.min(1, weight / this.tuning.salientWeight);
        scores.set(fact, entry);
      }
    }
    if (this.tuning.trigramWeight > 0) {
      const { k1 } = this.tuning;
      const queryGrams = new Set(terms.filter((t) => !FRAMING_WORDS.has(t.word)).flatMap((t) => trigrams(t.word)));
      for (const gram of queryGrams) {
        const list = this.gramPostings.get(gram);
        if (!list) continue;
        const idf = this.idf(list.length);
        for (const { fact, weight } of list) {
          const entry = scores.get(fact) ?? { score: 0, explained: 0, numbers: 0, subject: 0 };
          entry.score += (this.tuning.trigramWeight * idf * ((weight * (k1 + 1)) / (weight + k1))) / Math.max(1, queryGrams.size / 4);
          scores.set(fact, entry);
        }
      }
    }
    const numbers = terms.filter((t) => /^\d/.test(t.word)).length;
    const ranked = [...scores]
      .map(([fact, { score, explained, numbers: found, subject }]) => ({
        fact,
        score,
        coverage: totalIdf > 0 ? explained / totalIdf : 0,
        missingNumbers: numbers - found,
        matchedSubjectWords: subject,
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    return { terms, ranked };
  }
}
