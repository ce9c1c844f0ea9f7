import { foldText, tokenize } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { STOPWORDS } from '../text/stopwords.ts';

/** Folded, tokenized words of a text, without stopwords (not yet stemmed). */
export function contentWords(text: string): string[] {
  return tokenize(foldText(text)).filter((word) => !STOPWORDS.has(word));
}

/** Index terms of a text: folded, stopword-free, stemmed. */
export function analyze(text: string): string[] {
  return contentWords(text).map(stem);
}
