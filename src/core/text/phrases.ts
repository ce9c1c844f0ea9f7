import { perLang, type Lang } from '../types.ts';
import { bases, isFormOf, mayBeFormOf, WordForms } from './morphology.ts';
import { foldText, tokenize } from './normalize.ts';

/** Where a phrase was found among a text's folded words: `[start, end)`. */
export interface PhraseMatch<T> {
  value: T;
  start: number;
  end: number;
}

/** The positions of the words a match covers. */
export function span(match: { start: number; end: number }): number[] {
  return Array.from({ length: Math.max(0, match.end - match.start) }, (_, i) => match.start + i);
}

/** Whether the words of `inner` all lie among the words of `outer`. */
export function within(inner: { start: number; end: number }, outer: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Answers remembered by language, then by whether words are read as written, then by word and folded word. */
const formCache: Record<Lang, [Map<string, Map<string, boolean>>, Map<string, Map<string, boolean>>]> = perLang(() => [new Map(), new Map()]);
let remembered = 0;

/**
 * Whether a folded word is `word` in some form of the language ("members" of "member", «жылдары» of «жыл»). With
 * `asWritten`, only endings added to the word as written count: «ашылады» (will open) must not meet «ашылды».
 */
export function isWordForm(token: string, word: string, lang: Lang, asWritten = false): boolean {
  if (token === word) return true;
  if (!mayBeFormOf(token, word)) return false;
  const byWord = formCache[lang][asWritten ? 1 : 0];
  let forms = byWord.get(word);
  if (!forms) byWord.set(word, (forms = new Map()));
  let answer = forms.get(token);
  if (answer === undefined) {
    answer = asWritten ? isFormOf(token, word, lang) : isFormOfAnyBase(token, word, lang);
    if (++remembered > 200_000) {
      for (const pair of Object.values(formCache)) for (const map of pair) map.clear();
      remembered = 0;
    }
    forms.set(token, answer);
  }
  return answer;
}

function isFormOfAnyBase(token: string, word: string, lang: Lang): boolean {
  return bases(word, lang).some((base) => isFormOf(token, base, lang));
}

/** The value of a shadow: a phrase found only to hide those it overlaps. */
const SHADOW: unique symbol = Symbol('shadow');

interface Entry<T> {
  words: readonly string[];
  value: T;
  /** How many letters its words have. */
  letters: number;
}

const byPrecedence = (a: { start: number; end: number; letters: number }, b: { start: number; end: number; letters: number }) =>
  b.end - b.start - (a.end - a.start) || b.letters - a.letters || a.start - b.start;

/**
 * Phrases of one language, each standing for a value ("how many" → a count, «в каком году» → a date), found word
 * for word in any inflected form. Written once, in their base forms: the morphology finds the rest.
 */
export class PhraseSet<T> {
  private readonly firstWords: WordForms<Entry<T | typeof SHADOW>>;
  private readonly empty: boolean;

  /**
   * With `asWritten`, a phrase's words take endings but are never cut: their endings carry a tense or a mood.
   * `shadows` are phrases that hide the phrases they overlap, and are never found themselves: "each other" is no
   * "other", «друг друга» no «другой».
   */
  constructor(
    readonly lang: Lang,
    phrases: Iterable<readonly [phrase: string, value: T]>,
    private readonly asWritten = false,
    shadows: Iterable<string> = [],
  ) {
    this.firstWords = new WordForms(asWritten);
    let count = 0;
    const entries: Array<readonly [string, T | typeof SHADOW]> = [...phrases, ...[...shadows].map((p) => [p, SHADOW] as const)];
    for (const [phrase, value] of entries) {
      const words = tokenize(foldText(phrase));
      if (words.length === 0) continue;
      this.firstWords.add(words[0]!, { words, value, letters: words.join('').length });
      count++;
    }
    this.empty = count === 0;
  }

  /** Every phrase found in the folded words, longest first where two overlap (those are dropped). */
  find(tokens: readonly string[]): PhraseMatch<T>[] {
    const found = this.all(tokens);
    if (found.length < 2) return found.flatMap(({ value, start, end }) => (value === SHADOW ? [] : [{ value, start, end }]));
    // Where two phrases overlap, the one of more words wins, then the one of more letters («нешесінде», a day, over «неше»).
    found.sort(byPrecedence);
    const taken = new Uint8Array(tokens.length);
    const kept: PhraseMatch<T>[] = [];
    for (const { value, start, end } of found) {
      let free = true;
      for (let i = start; i < end && free; i++) free = taken[i] === 0;
      if (!free) continue;
      taken.fill(1, start, end);
      if (value !== SHADOW) kept.push({ value, start, end });
    }
    return kept;
  }

  /** Every occurrence of every phrase in the folded words, overlapping ones included (shadows are not phrases). */
  occurrences(tokens: readonly string[]): Array<PhraseMatch<T> & { letters: number }> {
    return this.all(tokens).filter((m): m is PhraseMatch<T> & { letters: number } => m.value !== SHADOW);
  }

  private all(tokens: readonly string[]): Array<PhraseMatch<T | typeof SHADOW> & { letters: number }> {
    if (this.empty) return [];
    const found: Array<PhraseMatch<T | typeof SHADOW> & { letters: number }> = [];
    for (let start = 0; start < tokens.length; start++) {
      for (const entry of this.firstWords.find(tokens[start]!, this.lang)) {
        const end = start + entry.words.length;
        if (end > tokens.length || !this.followsAt(tokens, start, entry.words)) continue;
        found.push({ value: entry.value, start, end, letters: entry.letters });
      }
    }
    return found;
  }

  /** Whether the words after a phrase's first stand in the folded words from `start` on. */
  private followsAt(tokens: readonly string[], start: number, words: readonly string[]): boolean {
    for (let k = 1; k < words.length; k++) if (!isWordForm(tokens[start + k]!, words[k]!, this.lang, this.asWritten)) return false;
    return true;
  }

  /** Whether any phrase occurs in the folded words. */
  in(tokens: readonly string[]): boolean {
    return this.find(tokens).length > 0;
  }
}
