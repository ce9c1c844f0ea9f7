import { isFormOf } from './morphology.ts';

/**
 * A light stemmer over the folded normal form (see normalize.ts), shared by English, Russian and Kazakh:
 * one suffix list serves all three because folding already put them in one alphabet. Kazakh has no stemmer
 * on npm, and Snowball's Russian stemmer needs Cyrillic input, which Latin-typed Russian never is.
 */

// Folded inflectional endings; longest first is enforced below.
const SUFFIXES = [
  // English
  'ing', 'ed', 'es', 's', 'ly',
  // Russian: nouns, adjectives, verbs (folded: я→ia, ю→iu, й/ы→i)
  'iami', 'iah', 'ami', 'ah', 'ov', 'ev', 'ei', 'oi', 'ii', 'ia', 'iu', 'om', 'em', 'im', 'ih', 'ie', 'ogo', 'ego',
  'omu', 'emu', 'aia', 'oe', 'ee', 'uiu', 'iuiu', 'imi', 'ali', 'ili', 'ila', 'ilo', 'ala', 'alo', 'al', 'il',
  'et', 'ut', 'iut', 'at', 'iat', 'it', 'li', 'la', 'lo', 'a', 'i', 'u', 'e', 'o',
  // Kazakh: plural, case, possessive and derivational endings (folded: ы/і→i, ғ→g, қ→k, ң→n)
  'lar', 'ler', 'tar', 'ter', 'dar', 'der', 'nin', 'din', 'tin', 'ga', 'ge', 'ka', 'ke', 'na', 'ne', 'ni', 'di',
  'ti', 'da', 'de', 'ta', 'te', 'nda', 'nde', 'dan', 'den', 'tan', 'ten', 'nan', 'nen', 'men', 'ben', 'pen',
  'si', 'in', 'imiz', 'iniz', 'dagi', 'degi', 'tagi', 'tegi', 'ndagi', 'ndegi', 'lik', 'dik', 'tik', 'gan', 'gen',
  'kan', 'ken', 'ip', 'ap', 'ep', 'iga', 'ige', 'mak', 'mek',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 5;
const PREFIX = 6;
const VOWEL = /[aeiou]/;

/**
 * Reduces a folded word to its stem: its first six letters, less one inflectional ending if at least five
 * letters remain, or less a plural ending after a root of three («ұйымдар» is «ұйым»). Cutting first makes
 * the result independent of how many endings were stacked ("концерта", "концерттер", "концерттердің" all become
 * "koncer").
 */
export function stem(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  let cached = cache.get(word);
  if (cached === undefined) {
    cached = stemUncached(word);
    if (cache.size >= 200_000) cache.clear();
    cache.set(word, cached);
  }
  return cached;
}

const cache = new Map<string, string>();

/**
 * Six letters that are a three-letter root with a vowel and a Kazakh plural ending («ұйымдар»): kept whole, they would
 * stem apart from the root.
 */
const SHORT_ROOT_PLURAL = /^(?=.{0,2}[aeiou])(.{3})[ldt][ae]r$/;

/** A root of two or three letters with a vowel and a Kazakh plural ending, at the start of a longer word («елдердің»). */
const SHORT_ROOT_AND_PLURAL = /^(?=.{0,1}[aeiou])(.{2,3}[ldt][ae]r)/;

function stemUncached(word: string): string {
  const head = word.slice(0, PREFIX);
  const plural = SHORT_ROOT_PLURAL.exec(head);
  if (plural) return plural[1]!;
  // Kazakh stacks case endings on a plural: «елдердің», «елдерге» and «елдері» are all forms of «елдер», which six
  // letters would cut apart.
  const stacked = SHORT_ROOT_AND_PLURAL.exec(word);
  if (stacked && word.length > stacked[1]!.length && isFormOf(word, stacked[1]!, 'kk')) return stacked[1]!;
  const suffix = SUFFIXES.find((s) => head.endsWith(s) && head.length - s.length >= MIN_STEM && VOWEL.test(head.slice(0, -s.length)));
  return suffix ? head.slice(0, -suffix.length) : head;
}
