/**
 * One normal form for every way people type English, Russian and Kazakh: Cyrillic or Latin script,
 * with or without Kazakh letters, in chat transliteration. Both the index and the queries go through it,
 * so "Қостанай", "Костанай", "Qostanay" and "Kostanai" meet in one spelling ("kostanai").
 */

// Letters that must be mapped before NFKD, which would otherwise strip them to a different base.
const PRE_FOLD: Record<string, string> = {
  ş: 'sh', ç: 'ch', ı: 'i', 'ʼ': '', "'": '', '’': '', '`': '', 'ʻ': '',
};

const CYRILLIC: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i', і: 'i',
  й: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', ь: '',
  э: 'e', ю: 'iu', я: 'ia',
};

// Latin chat spellings folded onto the same letters as their Cyrillic originals; order matters (longest first).
const LATIN_DIGRAPHS: ReadonlyArray<[RegExp, string]> = [
  [/shch|sch/g, 'sh'],
  [/zh/g, 'j'],
  [/ts(?=[a-z])/g, 'c'],
  // Hard c as in "concert" is the Cyrillic к; c before e/i stays (ц).
  [/c(?![eihy])/g, 'k'],
  [/q/g, 'k'],
  // Russian writes х where Kazakh has қ (Тохтаров / Тоқтаров), so both fold to k.
  [/kh|(?<![cs])h/g, 'k'],
  [/y/g, 'i'],
  [/w/g, 'v'],
];

const COMBINING_MARKS = /\p{M}+/gu;
const CYRILLIC_RE = /[а-яёәғқңөұүһі]/g;
const NON_ASCII = /[^\x00-\x7f]/;
/** Every letter mapped before decomposition: the two tables hold different letters. */
const LETTERS = new Map<string, string>([...Object.entries(PRE_FOLD), ...Object.entries(CYRILLIC)]);

/** Maps the letters of `LETTERS` a character at a time: faster than a regular expression with a callback. */
function mapLetters(text: string): string {
  let out = '';
  for (const char of text) out += LETTERS.get(char) ?? char;
  return out;
}

const HAS_DIGIT = /\d/;
const DIGIT_GROUPS = /(?<!\d)\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?!\d)/g;

/** Writes numbers the one way: thousands separators dropped ("15 000", "15,000" → "15000"), decimal commas as points. */
export function normalizeNumbers(text: string): string {
  // Most text has no digits; the look-behind pattern is costly to run over it for nothing.
  if (!HAS_DIGIT.test(text)) return text;
  return text.replace(DIGIT_GROUPS, (n) => n.replace(/\D/g, '')).replace(/(\d),(?=\d)/g, '$1.');
}

/** Folds text into the project's single ASCII normal form (letters, digits, spaces and number punctuation). */
export function foldText(input: string): string {
  let text = input.toLowerCase();
  if (NON_ASCII.test(text) || text.includes("'") || text.includes('`')) text = mapLetters(text);
  if (NON_ASCII.test(text)) {
    // The combining-mark strip can leave Cyrillic letters that were written decomposed (й, ё).
    text = text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(CYRILLIC_RE, (c) => CYRILLIC[c] ?? c);
  }
  for (const [pattern, replacement] of LATIN_DIGRAPHS) text = text.replace(pattern, replacement);
  return normalizeNumbers(text).replace(/([a-z])\1+/g, '$1');
}

/** The folded words of a fixed list (stopwords, markers) as a set. */
export const foldedSet = (list: string): ReadonlySet<string> => new Set(tokenize(foldText(list)));

/** A fixed list of phrases, folded, found word for word in folded words ("how old" in "how old is the museum"). */
export class FoldedPhrases {
  // One expression for the whole list: a question is checked against dozens of phrases.
  private readonly pattern: RegExp;

  constructor(phrases: readonly string[]) {
    const folded = phrases.map((phrase) => tokenize(foldText(phrase)).join(' ').replace(/\./g, '\\.'));
    this.pattern = new RegExp(`(?:^| )(?:${folded.join('|')})(?= |$)`);
  }

  /** Whether the folded words hold one of the phrases. */
  in(words: readonly string[]): boolean {
    return this.pattern.test(words.join(' '));
  }
}

/** Splits folded text into word and number tokens; a percent sign is a token of its own ("23.06%" asks a share). */
export function tokenize(folded: string): string[] {
  return folded.match(/[a-z]+|\d+(?:\.\d+)?|%/g) ?? [];
}

const CACHE_LIMIT = 200_000;
const wordCache = new Map<string, string[]>();

/** The folded words of one whitespace-separated piece, through a cache: the same pieces recur across thousands of facts and questions. */
export function pieceWords(piece: string): string[] {
  let folded = wordCache.get(piece);
  if (!folded) {
    folded = tokenize(foldText(piece));
    if (wordCache.size >= CACHE_LIMIT) wordCache.clear();
    wordCache.set(piece, folded);
  }
  return folded;
}

/** The folded words of a text: `tokenize(foldText(text))`, computed a piece at a time (`pieceWords`). */
export function words(text: string): string[] {
  // Digit groups split by spaces ("15 000") must stay one piece.
  const pieces = normalizeNumbers(text).split(/\s+/);
  const out: string[] = [];
  for (const piece of pieces) {
    if (piece) for (const word of pieceWords(piece)) out.push(word);
  }
  return out;
}

/** Whether a folded word is a year ("2019"): four digits from 1800 to 2099. */
export function isYear(word: string): boolean {
  return /^(1[89]|20)\d\d$/.test(word);
}
