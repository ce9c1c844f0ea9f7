import { franc } from 'franc-min';
import type { Lang } from '../types.ts';
import { words } from './normalize.ts';

export interface DetectedLanguage {
  lang: Lang;
  /** False when the text gave no clue (digits, emoji, a lone name): callers may prefer a locale hint. */
  confident: boolean;
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const KAZAKH_LATIN_LETTERS = /[äğñöūüış]/i;
// A word with Kazakh Latin q before a vowel or at its end ("qazaq", "halyqaralyq"); English q is followed by u.
const KAZAKH_LATIN_Q = /\p{L}{2,}q(?:[aeıioöūüyä]|\b)|\bq[aeıioöūüyä]\p{L}+/iu;
const CYRILLIC = /[а-яё]/i;
const LETTER_BY_DIGIT = /\p{L}\d|\d\p{L}/u;
const LATIN = /[a-z]/i;

// Endings typical of one language and rare in the other (folded form).
const KAZAKH_ENDING = /(dagi|degi|tagi|tegi|nin|din|tin|lar|ler|tar|ter|dar|der|dan|den|nan|nen|ga|ge|gan|gen|ldi|rdi|ndi|idi)$/;
const RUSSIAN_ENDING = /(ie|aia|oe|ogo|ego|omu|imi|oi|ii|ia|tsia|ost|ami|akh|iakh|ov|ev|ut|iut|it|at|iat|et)$/;

/** Words typical of each language, folded (the lexicon's `markers`), so they work in either script. */
export type LanguageMarkers = Record<Lang, ReadonlySet<string>>;

function markerScores(tokens: string[], markers: LanguageMarkers): Record<Lang, number> {
  const scores: Record<Lang, number> = { en: 0, ru: 0, kk: 0 };
  for (const token of tokens) {
    // Single letters ("v", "k", "i") are prepositions in Russian but noise elsewhere: they count half.
    for (const lang of ['en', 'ru', 'kk'] as const) if (markers[lang].has(token)) scores[lang] += token.length > 1 ? 1 : 0.5;
  }
  return scores;
}

function best(scores: Record<Lang, number>, candidates: readonly Lang[]): Lang | null {
  const sorted = [...candidates].sort((a, b) => scores[b] - scores[a]);
  const [first, second] = sorted;
  if (!first || scores[first] === 0) return null;
  return second && scores[second] === scores[first] ? null : first;
}

/** Whether a text is written in Cyrillic, which English never is. */
export function isCyrillic(text: string): boolean {
  return CYRILLIC.test(text) || KAZAKH_LETTERS.test(text);
}

/** Tells English, Russian and Kazakh apart in short chat text, in Cyrillic or Latin script. */
export function detectLanguage(text: string, markers: LanguageMarkers, fallback: Lang = 'en'): DetectedLanguage {
  if (KAZAKH_LETTERS.test(text)) return { lang: 'kk', confident: true };
  const cyrillic = (text.match(/[а-яё]/gi) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  if (cyrillic === 0 && latin === 0) return { lang: fallback, confident: false };
  // A letter glued to a digit ("q1", "5k") is an abbreviation, not a one-letter word like "в" or "a".
  const tokens = LETTER_BY_DIGIT.test(text)
    ? text.split(/\s+/).flatMap((piece) => {
        const folded = words(piece);
        return folded.length > 1 ? folded.filter((token) => token.length > 1) : folded;
      })
    : words(text);

  if (cyrillic >= latin && CYRILLIC.test(text)) {
    const marked = best(markerScores(tokens, markers), ['ru', 'kk']);
    if (marked) return { lang: marked, confident: true };
    // Endings are weaker evidence than whole words ("Жумабаев" ends like a Russian genitive): they decide, unsure.
    const endings: Record<Lang, number> = {
      en: 0,
      ru: tokens.filter((t) => t.length > 4 && RUSSIAN_ENDING.test(t)).length,
      kk: tokens.filter((t) => t.length > 4 && KAZAKH_ENDING.test(t)).length,
    };
    const ended = best(endings, ['ru', 'kk']);
    if (ended) return { lang: ended, confident: false };
    // The statistical guess is a last resort: on a word or two it is no better than the platform's locale, or the
    // language the conversation is in.
    if (tokens.length <= 2 && fallback !== 'en') return { lang: fallback, confident: false };
    const guess = franc(text, { only: ['rus', 'kaz'], minLength: 1 });
    return { lang: guess === 'kaz' ? 'kk' : 'ru', confident: false };
  }

  if (LATIN.test(text) && (KAZAKH_LATIN_LETTERS.test(text) || KAZAKH_LATIN_Q.test(text))) {
    return { lang: 'kk', confident: true };
  }
  const scores = markerScores(tokens, markers);
  const marked = best(scores, ['en', 'ru', 'kk']);
  if (marked) return { lang: marked, confident: true };
  return { lang: fallback, confident: false };
}
