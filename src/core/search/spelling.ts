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

/** Optimal-string-alignment distance: edits, with a swap of two neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** Edits a word of this length may carry and still count as a typo: one per four letters. */
const allowedEdits = (length: number) => Math.max(1, Math.floor(length / 4));

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

  /** Vocabulary words sharing the most letter pairs with `word`, of similar length. */
  private shortlist(word: string): string[] {
    const shared = new Map<number, number>();
    for (const gram of new Set(bigrams(word))) {
      for (const index of this.byBigram.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    return [...shared]
      .filter(([index]) => Math.abs(this.words[index]!.length - word.length) <= 2)
      .sort((a, b) => b[1] - a[1])
      .slice(0, SHORTLIST)
      .map(([index]) => this.words[index]!);
  }

  /** The likely intended vocabulary word for a misspelled one, or null. */
  correct(word: string): Correction | null {
    if (word.length < MIN_WORD || /\d/.test(word)) return null;
    const shortlist = this.shortlist(word);
    if (shortlist.length === 0) return null;
    const [best] = new Fuse(shortlist, { includeScore: true, ignoreLocation: true, threshold: MAX_FUSE_SCORE }).search(word, {
      limit: 1,
    });
    if (!best || best.score === undefined || best.score > MAX_FUSE_SCORE) return null;
    // Typos rarely hit the first letter; a different first letter is usually a different word
    // (and fuse.js finds "kalada" inside "makalada" with a perfect score, so the edit count is checked too).
    if (best.item[0] !== word[0] || editDistance(best.item, word) > allowedEdits(word.length)) return null;
    return { word: best.item, confidence: 1 - best.score };
  }

  /** Whether the word is within a few edits of the vocabulary: likely a bad typo rather than a new word. */
  resembles(word: string): boolean {
    if (word.length < MIN_WORD - 1 || /\d/.test(word)) return false;
    return this.shortlist(word).some((candidate) => editDistance(candidate, word) <= allowedEdits(word.length) + 1);
  }
}
