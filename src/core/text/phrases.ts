import type { Lang } from '../types.ts';
import { bases, isFormOf, WordForms } from './morphology.ts';
import { foldText, tokenize } from './normalize.ts';

/** Where a phrase was found among a text's folded words: `[start, end)`. */
export interface PhraseMatch<T> {
  value: T;
  start: number;
  end: number;
}

const formCache = new Map<string, boolean>();

/**
 * Whether a folded word is `word` in some form of the language ("members" of "member", «жылдары» of «жыл»). With
 * `asWritten`, only endings added to the word as written count: «ашылады» (will open) must not meet «ашылды».
 */
export function isWordForm(token: string, word: string, lang: Lang, asWritten = false): boolean {
  if (token === word) return true;
  const key = `${lang} ${asWritten ? '=' : ''}${word} ${token}`;
  let answer = formCache.get(key);
  if (answer === undefined) {
    answer = (asWritten ? [word] : bases(word, lang)).some((base) => isFormOf(token, base, lang));
    if (formCache.size >= 200_000) formCache.clear();
    formCache.set(key, answer);
  }
  return answer;
}

interface Entry<T> {
  words: readonly string[];
  value: T;
}

/**
 * Phrases of one language, each standing for a value ("how many" → a count, «в каком году» → a date), found word
 * for word in any inflected form. Written once, in their base forms: the morphology finds the rest.
 */
export class PhraseSet<T> {
  private readonly firstWords: WordForms<Entry<T>>;
  private readonly empty: boolean;

  /** With `asWritten`, a phrase's words take endings but are never cut: their endings carry a tense or a mood. */
  constructor(
    readonly lang: Lang,
    phrases: Iterable<readonly [phrase: string, value: T]>,
    private readonly asWritten = false,
  ) {
    this.firstWords = new WordForms(asWritten);
    let count = 0;
    for (const [phrase, value] of phrases) {
      const words = tokenize(foldText(phrase));
      if (words.length === 0) continue;
      this.firstWords.add(words[0]!, { words, value });
      count++;
    }
    this.empty = count === 0;
  }

  /** Every phrase found in the folded words, longest first where two overlap (those are dropped). */
  find(tokens: readonly string[]): PhraseMatch<T>[] {
    if (this.empty) return [];
    const found: Array<PhraseMatch<T> & { length: number }> = [];
    for (let start = 0; start < tokens.length; start++) {
      for (const entry of this.firstWords.find(tokens[start]!, this.lang)) {
        const end = start + entry.words.length;
        if (end > tokens.length) continue;
        let matches = true;
        for (let k = 1; k < entry.words.length && matches; k++) matches = isWordForm(tokens[start + k]!, entry.words[k]!, this.lang, this.asWritten);
        if (matches) found.push({ value: entry.value, start, end, length: entry.words.join('').length });
      }
    }
    // Where two phrases overlap, the one of more words wins, then the one of more letters («нешесінде», a day, over «неше»).
    const letters = (m: PhraseMatch<T> & { length: number }) => m.length;
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || letters(b) - letters(a) || a.start - b.start);
    const taken = new Uint8Array(tokens.length);
    return found
      .filter((match) => {
        for (let i = match.start; i < match.end; i++) if (taken[i]) return false;
        for (let i = match.start; i < match.end; i++) taken[i] = 1;
        return true;
      })
      .map(({ value, start, end }) => ({ value, start, end }));
  }

  /** Whether any phrase occurs in the folded words. */
  in(tokens: readonly string[]): boolean {
    return this.find(tokens).length > 0;
  }
}
