import { foldText, tokenize, words } from './normalize.ts';

/**
 * Countries and cities people ask about, each with its names in the three languages. A question's place is
 * compared by its base (folded, trailing vowels dropped), which absorbs the inflection of "в Аргентине", "во Франции"
 * and "в Шанхае".
 */
const PLACE_NAMES: readonly string[] = [
  'Kazakhstan Казахстан Қазақстан',
  'China Китай Қытай',
  'Argentina Аргентина',
  'France Франция',
  'Russia Россия Ресей',
  'America Америка',
  'Japan Япония Жапония',
  'Korea Корея',
  'Turkey Турция Түркия',
  'India Индия Үндістан',
  'Mongolia Монголия Моңғолия',
  'Uzbekistan Узбекистан Өзбекстан',
  'Kyrgyzstan Кыргызстан Киргизия Қырғызстан',
  'Tajikistan Таджикистан Тәжікстан',
  'Turkmenistan Туркменистан Түрікменстан',
  'Pakistan Пакистан',
  'Iran Иран',
  'Italy Италия',
  'Spain Испания',
  'Britain England Великобритания Англия Ұлыбритания',
  'Egypt Египет Мысыр',
  'Europe Европа Еуропа',
  'Beijing Пекин Бейжің',
  'Shanghai Шанхай',
  "Xi'an Сиань",
  'Almaty Алматы',
  'Astana Астана',
  'Taraz Тараз',
  'Turkestan Туркестан Түркістан',
  'Chengdu Чэнду',
  'Dalian Далянь',
  'Urumqi Урумчи Үрімжі',
  'Moscow Москва',
  'Tashkent Ташкент',
  'Shymkent Шымкент',
];

const base = (word: string): string => word.replace(/[aeiou]+$/, '');

/** Every base of every name, mapped to its place (the place's first name, folded). */
const PLACES = new Map<string, string>(
  PLACE_NAMES.flatMap((names) => {
    const folded = tokenize(foldText(names));
    return folded.map((name) => [base(name), folded[0]!] as [string, string]);
  }),
);

/** The key a place goes by: its first name, folded ("Kazakhstan" → "kazakstan"). */
export const placeKey = (name: string): string => foldText(name);

const placeOf = (word: string): string | undefined => PLACES.get(base(word)) ?? PLACES.get(base(word.replace(/s$/, '')));

/** The place a word names once an ending is cut off; an н before the ending may belong to either. */
const placeOfStem = (stem: string): string | undefined =>
  placeOf(stem) ?? (stem.endsWith('n') ? placeOf(stem.slice(0, -1)) : undefined);

/** Words that put the next word in place: "in", "at", "в", "во" (folded). */
const LOCATIVE_PREPOSITIONS = new Set(['in', 'at', 'v', 'vo']);
/**
 * The Kazakh locative ending ("Қазақстанда", "Бейжіңде", "Қытайдағы"), folded; after a possessive an н comes
 * before it ("қаласында"), which a stem ending in н ("Қазақстан") cannot be told from, so both are tried.
 */
const KAZAKH_LOCATIVE = /(?<=[a-z]{3})[dt][ae](gi)?$/;
const LIST_JOINERS = new Set(['and', 'or', 'i', 'jane', 'men']);
/** Words after a city that make it part of a name: "Shanghai International Studies University" is not Shanghai. */
const NAME_WORDS = new Set(['international', 'foreign', 'national', 'state', 'university', 'studies']);

/** How a text says something happens in a place: there alone, or there among others ("in Kazakhstan, Argentina and France"). */
export type PlaceMention = 'alone' | 'in-list';

interface NamedPlace {
  place: string;
  /** Whether the word itself says "in": "в Казахстане", "in China", "Қытайда". */
  locative: boolean;
}

function placeAt(tokens: readonly string[], i: number): NamedPlace | undefined {
  const word = tokens[i];
  if (word === undefined) return undefined;
  if (NAME_WORDS.has(tokens[i + 1] ?? '')) return undefined;
  if (LOCATIVE_PREPOSITIONS.has(tokens[i - 1] ?? '')) {
    const place = placeOf(word);
    return place === undefined ? undefined : { place, locative: true };
  }
  const bare = placeOf(word);
  if (bare !== undefined) return { place: bare, locative: false };
  if (!KAZAKH_LOCATIVE.test(word)) return undefined;
  const place = placeOfStem(word.replace(KAZAKH_LOCATIVE, ''));
  return place === undefined ? undefined : { place, locative: true };
}

/**
 * The places a text puts something in ("in Argentina", "в Казахстане", "Қытайда"), each with how it is named.
 * A place named otherwise ("Centers for Kazakhstan Studies", "from China") is not one of them.
 */
export function placesIn(text: string): Map<string, PlaceMention> {
  const tokens = words(text);
  const found = new Map<string, PlaceMention>();
  // A run of places is a list ("Kazakhstan, Argentina and France": the commas are gone from the words);
  // the whole list is in a place when one of its members says so.
  let run: NamedPlace[] = [];
  const closeRun = () => {
    if (run.some((member) => member.locative)) {
      for (const { place } of run) {
        if (run.length === 1) found.set(place, 'alone');
        else if (!found.has(place)) found.set(place, 'in-list');
      }
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const named = placeAt(tokens, i);
    if (named) run.push(named);
    else if (!(run.length > 0 && LIST_JOINERS.has(tokens[i]!) && placeAt(tokens, i + 1))) closeRun();
  }
  closeRun();
  return found;
}

/** Case endings a place name takes, folded: Kazakh ("Францияның", "Қытайға") and Russian ("Казахстаном"). */
const CASE_ENDINGS = [
  /(?<=[a-z]{3})(n?[dt][ae](gi)?|[ndt]in|[gk][ae]|n[ae]|[ndt]i|[ndt][ae]n)$/,
  /(?<=[a-z]{3})(om|em|oi|ei|ami|am|ak)$/,
];

/** The place an inflected word names. Folding merges doubled letters, so "Қазақстаннан" has lost an н. */
function placeOfInflected(word: string): string | undefined {
  for (const stem of [word, ...CASE_ENDINGS.map((ending) => word.replace(ending, ''))]) {
    const place = placeOfStem(stem) ?? placeOf(`${stem}n`);
    if (place !== undefined) return place;
  }
  return undefined;
}

/** Every place a text names, in any case or construction. */
export function placesNamed(text: string): Set<string> {
  const named = new Set<string>();
  for (const word of words(text)) {
    const place = placeOfInflected(word);
    if (place !== undefined) named.add(place);
  }
  return named;
}
