import Fuse from 'fuse.js';

const MIN_WORD = 5;
const SHORTLIST = 12;
/** fuse.js scores 0 (exact) to 1; past this a "correction" is more often another word than a typo. */
const MAX_FUSE_SCORE = 0.34;

const bigrams = (word: string): string[] => {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) grams.push(padded.slice(i, i + 2));
  return grams;
};

export interface Correction {
  word: string;
  /** 1 for a perfect match, lower for worse ones. */
  confidence: number;
}

/**
 * Corrects misspelled words against a vocabulary. A shortlist of words sharing letter pairs with the typo
 * (as Lucene's spellchecker does) keeps it fast at any vocabulary size; fuse.js ranks the shortlist.
 */
export class SpellingCorrector {
  private readonly words: string[];
  private readonly byBigram = new Map<string, number[]>();

  constructor(vocabulary: Iterable<string>) {
    this.words = [...new Set(vocabulary)].filter((w) => w.length >= MIN_WORD - 1 && !/\d/.test(w));
    this.words.forEach((word, index) => {
      for (const gram of new Set(bigrams(word))) {
        const list = this.byBigram.get(gram);
        if (list) list.push(index);
        else this.byBigram.set(gram, [index]);
      }
    });
  }

  correct(word: string): Correction | null {
    if (word.length < MIN_WORD || /\d/.test(word)) return null;
    const shared = new Map<number, number>();
    for (const gram of new Set(bigrams(word))) {
      for (const index of this.byBigram.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const shortlist = [...shared]
      .filter(([index]) => Math.abs(this.words[index]!.length - word.length) <= 2)
      .sort((a, b) => b[1] - a[1])
      .slice(0, SHORTLIST)
      .map(([index]) => this.words[index]!);
    if (shortlist.length === 0) return null;
    const [best] = new Fuse(shortlist, { includeScore: true, ignoreLocation: true, threshold: MAX_FUSE_SCORE }).search(word, {
      limit: 1,
    });
    if (!best || best.score === undefined || best.score > MAX_FUSE_SCORE) return null;
    // Typos rarely hit the first letter; a different first letter is usually a different word
    // (and fuse.js finds "kalada" inside "makalada" with a perfect score).
    if (best.item[0] !== word[0]) return null;
    return { word: best.item, confidence: 1 - best.score };
  }
}
