import Fuse from 'fuse.js';

const MIN_WORD = 5;
const SHORTLIST = 12;
/** fuse.js scores 0 (exact) to 1; past this a "correction" is more often another word than a typo. */
const MAX_FUSE_SCORE = 0.34;

/** Letter trigrams with the word's ends marked: selective enough that few words share each one. */
const grams = (word: string): string[] => {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
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
export const allowedEdits = (length: number) => Math.max(1, Math.floor(length / 4));

export interface Correction {
  word: string;
  /** 1 for a perfect match, lower for worse ones. */
  confidence: number;
}

/**
 * Corrects misspelled words against a vocabulary. A shortlist of words sharing letter trigrams with the typo
 * (as Lucene's spellchecker does) keeps it fast at any vocabulary size; fuse.js ranks the shortlist.
 */
export class SpellingCorrector {
  private readonly words: string[];
  private readonly lengths: Int32Array;
  private readonly byGram = new Map<string, Int32Array>();
  /** Per-lookup counters, one per vocabulary word, reused (lookups run one at a time). */
  private readonly shared: Int32Array;
  private readonly touched: Int32Array;
  /** One fuse.js instance, given each shortlist in turn. */
  private readonly fuse = new Fuse<string>([], { includeScore: true, ignoreLocation: true, threshold: MAX_FUSE_SCORE });

  constructor(vocabulary: Iterable<string>) {
    this.words = [...new Set(vocabulary)].filter((w) => w.length >= MIN_WORD - 1 && !/\d/.test(w));
    this.lengths = Int32Array.from(this.words, (w) => w.length);
    const lists = new Map<string, number[]>();
    this.words.forEach((word, index) => {
      for (const gram of new Set(grams(word))) {
        const list = lists.get(gram);
        if (list) list.push(index);
        else lists.set(gram, [index]);
      }
    });
    for (const [gram, list] of lists) this.byGram.set(gram, Int32Array.from(list));
    this.shared = new Int32Array(this.words.length);
    this.touched = new Int32Array(this.words.length);
  }

  /** Vocabulary words sharing the most letter trigrams with `word`, of similar length. */
  private shortlist(word: string): string[] {
    const { shared, touched } = this;
    let count = 0;
    for (const gram of new Set(grams(word))) {
      const list = this.byGram.get(gram);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const index = list[i]!;
        if (Math.abs(this.lengths[index]! - word.length) > 2) continue;
        if (shared[index] === 0) touched[count++] = index;
        shared[index]! += 1;
      }
    }
    const best: number[] = [];
    for (let i = 0; i < count; i++) {
      const index = touched[i]!;
      if (best.length < SHORTLIST || shared[index]! > shared[best[best.length - 1]!]!) {
        let at = best.length;
        while (at > 0 && shared[best[at - 1]!]! < shared[index]!) at--;
        best.splice(at, 0, index);
        if (best.length > SHORTLIST) best.pop();
      }
    }
    for (let i = 0; i < count; i++) shared[touched[i]!] = 0;
    return best.map((index) => this.words[index]!);
  }

  /** The likely intended vocabulary word for a misspelled one, or null. */
  correct(word: string): Correction | null {
    if (word.length < MIN_WORD || /\d/.test(word)) return null;
    const shortlist = this.shortlist(word);
    if (shortlist.length === 0) return null;
    this.fuse.setCollection(shortlist);
    // Typos rarely hit the first letter; a different first letter is usually a different word
    // (and fuse.js finds "kalada" inside "makalada" with a perfect score, so the edit count is checked too).
    // The best candidate that passes both wins: fuse.js may rank a longer form first ("aliansi" for "alias").
    const best = this.fuse
      .search(word, { limit: 5 })
      .find(
        (match) =>
          match.score !== undefined &&
          match.score <= MAX_FUSE_SCORE &&
          match.item[0] === word[0] &&
          editDistance(match.item, word) <= allowedEdits(word.length),
      );
    return best ? { word: best.item, confidence: 1 - best.score! } : null;
  }
}
