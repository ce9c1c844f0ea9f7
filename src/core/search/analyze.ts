import { words } from '../text/normalize.ts';
import { STOPWORDS } from '../text/stopwords.ts';

/** Folded, tokenized words of a text, without stopwords (not yet stemmed). */
export function contentWords(text: string): string[] {
  return words(text).filter((word) => !STOPWORDS.has(word));
}
