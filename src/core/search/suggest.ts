import type { FactRecord } from '../knowledge/schema.ts';
import { words as foldedWords } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { LANGS, type Lang, type Suggestion } from '../types.ts';
import type { FactIndex } from './fact-index.ts';

interface Phrasing {
  question: string;
  stems: string[];
}

/** Autocomplete: finds facts for a partial question whose last word may be unfinished, and picks the best phrasing. */
export class Suggester {
  /** phrasings[lang][factPosition]: the fact's questions in that language. */
  private readonly phrasings: Record<Lang, Phrasing[][]>;
  private readonly vocabulary: string[];

  constructor(
    private readonly facts: readonly FactRecord[],
    private readonly index: FactIndex,
  ) {
    const words = new Set<string>();
    const build = (lang: Lang) =>
      facts.map((fact) =>
        fact[lang].questions.map((question) => {
          const tokens = foldedWords(question);
          for (const token of tokens) words.add(token);
          return { question, stems: tokens.map(stem) };
        }),
      );
    this.phrasings = Object.fromEntries(LANGS.map((lang) => [lang, build(lang)])) as Record<Lang, Phrasing[][]>;
    this.vocabulary = [...words].sort();
  }

  /** Vocabulary words starting with `prefix` (binary search over the sorted list). */
  private completions(prefix: string, limit = 12): string[] {
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.vocabulary[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < this.vocabulary.length && found.length < limit && this.vocabulary[i]!.startsWith(prefix); i++) {
      found.push(this.vocabulary[i]!);
    }
    return found;
  }

  suggest(partial: string, lang: Lang, limit: number): Suggestion[] {
    const words = foldedWords(partial.slice(0, 200));
    if (words.length === 0) {
      return this.facts.slice(0, limit).map((fact, i) => ({ factId: fact.id, question: this.phrasings[lang][i]![0]!.question }));
    }
    const finished = words.slice(0, -1);
    const last = words[words.length - 1]!;
    // An unfinished word folds without its next letter: "produc" ends in k, though "producing" keeps its c.
    const prefixes = last.endsWith('k') ? [last, `${last.slice(0, -1)}c`] : [last];
    // The commonest completions are the likeliest: "prod" more often means "production" than "prodigy".
    const completions = prefixes
      .flatMap((p) => this.completions(p, 40))
      .sort((a, b) => this.index.documentFrequency(stem(b)) - this.index.documentFrequency(stem(a)))
      .slice(0, 4);
    const lastOptions = last.length >= 2 ? [last, ...completions] : [last];
    const wanted = new Set([...finished, ...lastOptions].map(stem));
    return this.index.search([...finished, ...lastOptions].join(' '), limit).ranked.map(({ fact }) => {
      let best = this.phrasings[lang][fact]![0]!;
      let bestScore = -1;
      for (const phrasing of this.phrasings[lang][fact]!) {
        const score = phrasing.stems.filter((s) => wanted.has(s)).length;
        if (score > bestScore) [best, bestScore] = [phrasing, score];
      }
      return { factId: this.facts[fact]!.id, question: best.question };
    });
  }
}
