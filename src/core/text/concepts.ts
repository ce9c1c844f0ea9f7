import { foldedSet } from './normalize.ts';

/**
 * Currencies, each with its names in the three languages. "In dollars" says what form an answer takes,
 * not what it is about, so these are also framing words.
 */
export const CURRENCY_NAMES: readonly string[] = [
  'dollar dollars usd доллар доллара долларов долларах долларам долларами доллары долларға долларды доллардан доллардың',
  'tenge kzt тенге теңге теңгеге теңгемен',
  'yuan renminbi rmb юань юаня юаней юанях юанем юаньға юаньмен',
  'euro euros евро еуро',
  'ruble rubles rouble roubles рубль рубля рублей рублях рубльге',
];

/** Every currency name, folded. */
export const CURRENCY_WORDS = foldedSet(CURRENCY_NAMES.join(' '));

/** Russian ordinal adjectives: a stem and its endings ("втор" → "второй", "второго", "вторую"…). */
const russianOrdinal = (stem: string, endings = 'ой ый ого ому ым ом ая ую ое ые ых ыми'): string =>
  endings
    .split(' ')
    .map((ending) => stem + ending)
    .join(' ');

/**
 * Ordinals, first to tenth, in the three languages: "the *second* Confucius Institute" is not answered by a fact
 * about the first one. Only a fact that numbers its subject can be wrong that way: "the second author" is answered
 * by a fact that lists two. Beyond "first" ("first proposed"), they qualify a subject rather than name it, so
 * they are framing words too.
 */
export const ORDINAL_NAMES: readonly string[] = [
  `first 1st ${russianOrdinal('перв', 'ый ого ому ым ом ая ую ое ые ых ыми')} бірінші`,
  `second 2nd ${russianOrdinal('втор')} екінші`,
  `third 3rd третий третьего третьему третьим третьем третья третью третье третьи третьих үшінші`,
  `fourth 4th ${russianOrdinal('четвёрт')} төртінші`,
  `fifth 5th ${russianOrdinal('пят')} бесінші`,
  `sixth 6th ${russianOrdinal('шест')} алтыншы`,
  `seventh 7th ${russianOrdinal('седьм')} жетінші`,
  `eighth 8th ${russianOrdinal('восьм')} сегізінші`,
  `ninth 9th ${russianOrdinal('девят')} тоғызыншы`,
  `tenth 10th ${russianOrdinal('десят')} оныншы`,
];
export const ORDINALS = ORDINAL_NAMES.map(foldedSet);

/** Words of a founding ("founded", "основан", "құрылған"). */
const FOUNDING = `found founded founder founders founding establish established establishing establishment
  основан основана основано основаны основал основала основали основатель основателем основания основание
  учрежден учреждена учреждено учреждены учредил учредили
  құрылған құрылды құрды құрған құрылуы құрылғанына құру құруды`;

/** Words of an opening or a creation ("opened", "создан", "ашылған"), which a founding may be told as. */
const OPENING = `create created creation open opened opening opens launch launched
  создан создана создано созданы создал создала создали создание создания созданию открыт открыта открыто открыты
  открыл открыла открыли открытие открытия открылся открылась открылось открылись
  ашылған ашылды ашты ашқан ашылуы ашылуына ашылады`;

/** Words that ask when or by whom something was founded. */
export const FOUNDING_WORDS = foldedSet(FOUNDING);

/** A university, by name or acronym (folded). */
export const UNIVERSITY = /^(univers|vuz|(enu|eu|sisu|xisu|bfsu|dfsu)$)/;

/** What the article dates the founding of at a university: centres, institutes, majors, departments, libraries. */
export const FOUNDED_AT_UNIVERSITY =
  /^(centr|center|ortal|institu|major|special|mamand|depart|kafedr|bolim|fakul|klub|club|librar|bibliot|kitaphan)/;

/**
 * What a question can ask about that only a fact naming it can answer: "who *founded* the university" (not a fact
 * about its memorandums), a figure "in *dollars*", "the *director* of the museum", an *e-mail*. Each concept is its words in the
 * three languages, folded; the answer judge declines a fact that uses none of the words of a concept the question
 * asks about.
 */
export const REQUIRED_CONCEPTS: readonly ReadonlySet<string>[] = [
  `${FOUNDING} ${OPENING}`,
  `director directors head heads headed chairman chair president
   директор директора директором директоры глава главой главы президент президента президентом возглавляет
   возглавлял возглавляла председатель председателем
   директоры директорі президенті басшы басшысы басшылары басқарады басқарған төраға төрағасы`,
  `email mail contact contacts почта почты почту емейл имейл контакты связаться пошта поштасы байланыс байланысу`,
  ...CURRENCY_NAMES,
].map(foldedSet);
