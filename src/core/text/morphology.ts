import { LANGS, perLang, type Lang } from '../types.ts';

/**
 * Inflection of English, Russian and Kazakh over the folded normal form (see normalize.ts), so that a word given
 * once in a lexicon or a name ("member", «адрес», «мүше», "Pavlodar") is found in every form a question gives it
 * ("members", «адресов», «мүшелері», «Павлодарда»). A form is the base followed by endings of the question's
 * language: each language uses its own endings, since a Russian word read with Kazakh endings would meet unrelated
 * Kazakh words («жили» and «жылы»).
 */
interface Inflection {
  /** Endings, folded. */
  endings: readonly string[];
  /** Endings only a verb takes: a word of up to three letters («кім», «қай») is no verb stem, and takes none. */
  verbEndings?: readonly string[];
  /**
   * The endings a word given in its base form may be cut of, when not all of them: Kazakh words are given as
   * stems, but names carry the possessive of a compound («Мағжан оқулары», «Павлодар облыстық музейі») and plurals.
   */
  cut?: readonly string[];
  /** How many endings may follow one another (Kazakh stacks them: «студент-тер-і-нің»). */
  depth: number;
  /** The shortest word whose forms are looked for. */
  minBase: number;
}

const INFLECTIONS: Record<Lang, Inflection> = {
  en: {
    endings: ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ly', 'ship', 'ment', 'ments', 'ion', 'ions', 'e'],
    depth: 2,
    minBase: 3,
    cut: ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ly', 'ship', 'ment', 'ments', 'ion', 'ions', 'e'],
  },
  ru: {
    endings: [
      // Nouns and adjectives (folded: х→k, so «-ах» is "ak"; я→ia, ю→iu, ы/й→i).
      'a', 'ia', 'i', 'u', 'iu', 'o', 'e', 'ei', 'oi', 'ii', 'ie', 'ov', 'ev', 'am', 'iam', 'ami', 'iami', 'ak',
      'iak', 'om', 'em', 'im', 'ik', 'ogo', 'ego', 'omu', 'emu', 'aia', 'iaia', 'oe', 'ee', 'uiu', 'iuiu', 'imi',
      'ost', 'osti', 'ostiu', 'sk',
      // Adjectives made of a noun («фестиваль» → «фестивального», «театр» → «театрального»).
      'nii', 'nogo', 'nomu', 'nim', 'nom', 'naia', 'nuiu', 'noi', 'noe', 'nie', 'nik', 'nimi',
      // Verbs and participles, with the reflexive «-ся».
      'at', 'iat', 'it', 'et', 'ut', 'iut', 'al', 'ala', 'alo', 'ali', 'il', 'ila', 'ilo', 'ili', 'el', 'ela',
      'elo', 'eli', 'an', 'ian', 'ana', 'ano', 'ani', 'en', 'ena', 'eno', 'eni', 'anie', 'ania', 'anii', 'enie',
      'enia', 'atel', 'ti', 'sia',
    ],
    depth: 3,
    minBase: 3,
    cut: undefined,
  },
  kk: {
    endings: [
      // Plural, possessive and case endings (folded: ы/і→i, ғ→g, қ→k, ң→n, ә→a, ө→o, ұ/ү→u).
      'lar', 'ler', 'dar', 'der', 'tar', 'ter', 'im', 'in', 'i', 'si', 'imiz', 'iniz', 'miz', 'niz', 'nin', 'din',
      'tin', 'ga', 'ge', 'ka', 'ke', 'na', 'ne', 'ni', 'di', 'ti', 'n', 'da', 'de', 'ta', 'te', 'nda', 'nde', 'dan',
      'den', 'tan', 'ten', 'nan', 'nen', 'men', 'ben', 'pen', 'dagi', 'degi', 'tagi', 'tegi', 'ndagi', 'ndegi', 'gi',
      'ki', 'dik', 'tik', 'ma', 'me', 'ba', 'be', 'pa', 'pe',
    ],
    /** Verb endings: past, participles, converbs, the verbal noun, the passive, the present, the imperative's «-шы». */
    verbEndings: ['gan', 'gen', 'kan', 'ken', 'ip', 'ap', 'ep', 'adi', 'edi', 'idi', 'atin', 'etin', 'itin', 'u', 'uga', 'uge', 'il', 'mak', 'mek', 'shi'],
    depth: 4,
    minBase: 2,
    // A verb is given as its verbal noun («қаржыландыру»): cut of its «-у», its stem takes the verb endings.
    cut: ['si', 'i', 'lar', 'ler', 'dar', 'der', 'tar', 'ter', 'lari', 'leri', 'dari', 'deri', 'tari', 'teri', 'u'],
  },
};

const VOWEL = /[aeiou]/;
/**
 * A word is cut to a base no shorter than this: shorter bases meet unrelated words («билет» cut to «бил» would
 * meet «был», «кітап» cut to «кіта» would meet «қытымыр»).
 */
const MIN_CUT_BASE = 5;

const NOUN_ENDINGS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(INFLECTIONS.en.endings),
  ru: new Set(INFLECTIONS.ru.endings),
  kk: new Set(INFLECTIONS.kk.endings),
};
const ALL_ENDINGS: Record<Lang, ReadonlySet<string>> = {
  en: NOUN_ENDINGS.en,
  ru: NOUN_ENDINGS.ru,
  kk: new Set([...INFLECTIONS.kk.endings, ...(INFLECTIONS.kk.verbEndings ?? [])]),
};
/** The endings a word given in its base form may be cut of, by language. */
const CUT_ENDINGS: Record<Lang, readonly string[]> = {
  en: INFLECTIONS.en.cut ?? [...ALL_ENDINGS.en],
  ru: INFLECTIONS.ru.cut ?? [...ALL_ENDINGS.ru],
  kk: INFLECTIONS.kk.cut ?? [...ALL_ENDINGS.kk],
};

const LONGEST_ENDING = Math.max(...LANGS.flatMap((l) => [...ALL_ENDINGS[l]].map((e) => e.length)));
/** The longest word that takes no verb ending. */
const SHORT_WORD = 3;
/** In English and Russian, a word this short takes one ending at most: «умер» is not in «умеренной». */
const SHORT_FUSIONAL_WORD = 4;

/** Whether `rest` is a run of at most `depth` endings of the language. */
function isEndings(rest: string, endings: ReadonlySet<string>, depth: number): boolean {
  if (rest === '') return true;
  if (depth === 0) return false;
  for (let length = Math.min(LONGEST_ENDING, rest.length); length > 0; length--) {
    if (endings.has(rest.slice(0, length)) && isEndings(rest.slice(length), endings, depth - 1)) return true;
  }
  return false;
}

/**
 * The bases a folded word is given by: the word itself and, when it ends in an ending of the language, the word
 * without it (so that «основать» also stands for «основан», and «жылы» for «жыл»).
 */
export function bases(word: string, lang: Lang): readonly string[] {
  const known = BASES[lang];
  let found = known.get(word);
  if (!found) {
    found = cutBases(word, lang);
    if (known.size >= MAX_REMEMBERED_BASES) known.clear();
    known.set(word, found);
  }
  return found;
}

const MAX_REMEMBERED_BASES = 50_000;
const BASES: Record<Lang, Map<string, readonly string[]>> = perLang(() => new Map());

/**
 * Whether a folded word may be a form of `word` at all: every base of a word begins with its first letters (up
 * to the shortest base a cut may leave, and short of the last two, which a dropped vowel changes: «посол»,
 * «послом»), so a word that does not is none of its forms.
 */
export function mayBeFormOf(token: string, word: string): boolean {
  const shared = Math.min(word.length - 2, MIN_CUT_BASE - 1);
  for (let i = 0; i < shared; i++) if (token.charCodeAt(i) !== word.charCodeAt(i)) return false;
  return true;
}

function cutBases(word: string, lang: Lang): string[] {
  const found = [word];
  if (/\d/.test(word)) return found;
  for (const ending of CUT_ENDINGS[lang]) {
    if (!word.endsWith(ending)) continue;
    const base = word.slice(0, -ending.length);
    // In Russian a final vowel alone may leave four letters: «книга» stands for «книг», as in «сколько книг»; so may
    // the adjective's «-ой»: «второй» stands for «втор-», as «первый» for «перв-» («вторая», «во втором»).
    const shortEnough =
      base.length >= MIN_CUT_BASE || (lang === 'ru' && ((ending.length === 1 && VOWEL.test(ending)) || ending === 'oi') && base.length === MIN_CUT_BASE - 1);
    if (!shortEnough || !VOWEL.test(base)) continue;
    found.push(base);
    // A Kazakh final қ/к and п voice before a vowel ending: «орталығы» is «орталық», «кітабы» is «кітап».
    const voiced = lang === 'kk' && VOWEL.test(ending[0]!) ? VOICED[base[base.length - 1]!] : undefined;
    if (voiced) found.push(base.slice(0, -1) + voiced);
  }
  // The «о»/«е» of a Russian noun's last «-ок», «-ец», «-ол» may drop before a case ending: «рынок» is «рынка»,
  // «певец» «певца», «посол» «послом». Not before «-е», whose form would be a word of its own («после», after).
  const fleeting = lang === 'ru' ? /^(.{2,}[^aeiou])[oe]([kl])$/.exec(word) : null;
  if (fleeting) found.push(...FLEETING_VOWEL_ENDINGS.map((ending) => fleeting[1]! + fleeting[2]! + ending));
  // A Russian verb in «-овать»/«-евать» conjugates on «-у-»/«-ю-»: «финансировать» is «финансирует», «организуют».
  const conjugated = lang === 'ru' ? /^(.{4,})(ov|ev)at$/.exec(word) : null;
  if (conjugated) found.push(conjugated[1] + (conjugated[2] === 'ov' ? 'u' : 'iu'));
  return found;
}

/** The case endings after a Russian noun's dropped vowel (folded: «-ы» is "i", «-ах» is "ak"), «-е» aside. */
const FLEETING_VOWEL_ENDINGS = ['a', 'u', 'i', 'om', 'ov', 'am', 'ami', 'ak'];

/** Folded voiced consonants and the voiceless ones Kazakh writes at the end of a base («ғ» → «қ», «б» → «п»). */
const VOICED: Record<string, string> = { g: 'k', b: 'p' };

/**
 * Whether a folded word is a form of a base in a language: the base followed by endings. Folding merges a doubled
 * letter («студенттер» is "studenter"), so an ending may also begin with the base's last letter.
 */
export function isFormOf(word: string, base: string, lang: Lang): boolean {
  if (!word.startsWith(base)) return false;
  const rest = word.slice(base.length);
  const endings = base.length <= SHORT_WORD ? NOUN_ENDINGS[lang] : ALL_ENDINGS[lang];
  const depth = lang !== 'kk' && base.length <= SHORT_FUSIONAL_WORD ? 1 : INFLECTIONS[lang].depth;
  if (isEndings(rest, endings, depth)) return true;
  const last = base[base.length - 1]!;
  return !VOWEL.test(last) && rest !== '' && isEndings(last + rest, endings, depth);
}

/** Words of a lexicon or of names, each with what it stands for, found again in any of their forms. */
export class WordForms<T> {
  private readonly byBase: Record<Lang, Map<string, T[]>> = perLang(() => new Map());
  private readonly cache: Record<Lang, Map<string, readonly T[]>> = perLang(() => new Map());

  /** With `asWritten`, words are never cut to a base: only endings added to them count. */
  constructor(private readonly asWritten = false) {}

  /** Registers a folded word for every language's forms. */
  add(word: string, value: T): void {
    for (const lang of LANGS) {
      for (const base of this.asWritten ? [word] : bases(word, lang)) {
        const list = this.byBase[lang].get(base);
        if (list) {
          if (!list.includes(value)) list.push(value);
        } else this.byBase[lang].set(base, [value]);
      }
    }
  }

  /** What a folded word stands for, read as a word of `lang`. */
  find(word: string, lang: Lang): readonly T[] {
    const cache = this.cache[lang];
    let found = cache.get(word);
    if (found === undefined) {
      found = this.lookUp(word, lang);
      if (cache.size >= 50_000) cache.clear();
      cache.set(word, found);
    }
    return found;
  }

  private lookUp(word: string, lang: Lang): readonly T[] {
    const byBase = this.byBase[lang];
    const exact = byBase.get(word);
    if (/\d/.test(word)) return exact ?? [];
    const found = new Set<T>(exact);
    for (let length = INFLECTIONS[lang].minBase; length < word.length; length++) {
      const base = word.slice(0, length);
      const values = byBase.get(base);
      if (values && isFormOf(word, base, lang)) for (const value of values) found.add(value);
    }
    return [...found];
  }
}

/**
 * The Kazakh locative ending, folded, after a base: «Павлодар-да», «Семей-де», «Ақтөбе-дегі», «қала-сы-нда»; and
 * the one there, «Павлодар-дағы-сы», «Семей-дікі»: "the one in Pavlodar" puts what it asks about there.
 */
const KAZAKH_LOCATIVE = /(n?[dt][ae](gi(si)?)?|[dnt]iki)$/;

/**
 * Whether a word puts its base in a place by its own ending. Only Kazakh does (English and Russian use a
 * preposition, which the lexicon lists).
 */
export function isLocativeForm(word: string, base: string, lang: Lang): boolean {
  return lang === 'kk' && word.length > base.length && KAZAKH_LOCATIVE.test(word.slice(Math.max(0, base.length - 1)));
}
