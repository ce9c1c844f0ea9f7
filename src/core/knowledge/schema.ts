import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug').max(64, 'must be at most 64 characters');
const localizedString = z.strictObject({ en: text, ru: text, kk: text });

/** ISO date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
const isoDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** `data/topics.json`: the topics facts are browsed by, in menu order. */
export const topicFileSchema = z
  .array(z.strictObject({ id: slug, names: localizedString }))
  .min(1, 'needs at least one topic');

/** A publication facts are taken from, with its numbered references (`data/sources/<id>.json`). */
export const sourceSchema = z.strictObject({
  id: slug,
  authors: localizedString,
  title: localizedString,
  /** Where and when it appeared, as cited ("2023, No. 4"). */
  published: localizedString,
  year: z.number().int(),
  doi: text.optional(),
  url: z.url().optional(),
  /** Entities every fact of this source is set in (its countries): a question need not match them. */
  setting: z.array(slug),
  references: z.array(
    z.strictObject({
      number: z.number().int().positive(),
      title: text,
      url: z.url().optional(),
    }),
  ),
});

/** A name's forms after a number, by plural category: "other" always, the language's other categories as it has them. */
const countedForms = z.strictObject({ zero: text.optional(), one: text.optional(), two: text.optional(), few: text.optional(), many: text.optional(), other: text });

export const ENTITY_KINDS = ['place', 'organisation', 'person', 'event', 'document', 'programme', 'publication', 'concept'] as const;

/** Something facts talk about and questions name: a place, an institution, a person… (`data/entities/*.json`). */
export const entitySchema = z.strictObject({
  id: slug,
  kind: z.enum(ENTITY_KINDS),
  /** Names in each language, the display name first; nominative forms (the engine knows the inflections). */
  names: z.strictObject({
    en: z.array(text).min(1, 'needs a display name'),
    ru: z.array(text).min(1, 'needs a display name'),
    kk: z.array(text).min(1, 'needs a display name'),
  }),
  /** Other spellings in any script: Latin-script Kazakh, Russian in Latin letters, old names, misprints. */
  aliases: z.array(text).optional(),
  /** For a place: the adjectives that say a thing is of it ("Velorian", «велорийский», «велориялық»), nominative. */
  adjectives: z.strictObject({ en: z.array(text), ru: z.array(text), kk: z.array(text) }).optional(),
  /** For a class: its name in the plural, for lists ("Language Centres", «языковые центры»). */
  plural: z.strictObject({ en: text, ru: text, kk: text }).optional(),
  /**
   * For a class: its name after a number, by the number's plural category (`Intl.PluralRules`), as a list's heading
   * says it: "names 1 concert", «называет 3 концерта», «5 концертов», «3 концерт аталады». The "many" form, where a
   * language has one, is also the form after "of the N" («из 5 концертов»).
   */
  counted: z.strictObject({ en: countedForms, ru: countedForms, kk: countedForms }).optional(),
  /** The classes it is an instance of: ids of `concept` entities, or of the lexicon's concepts (a city). */
  isA: z.array(slug).optional(),
  /** What it belongs to or is located in (a host institution, a city, a country). */
  partOf: z.array(slug).optional(),
  /** Who or what it is held in honour of or stands for (readings of a poet's work, a monument to him). */
  honours: z.array(slug).optional(),
});
export const entityFileSchema = z.array(entitySchema);

/**
 * Kinds of information a fact gives, beyond describing its subject: what "how many", "when", "where", "who", "why",
 * "which" and «какой по счёту» (its place in a series: the 7th readings, the 4th centre) ask for.
 */
export const GIVES = ['count', 'date', 'place', 'agent', 'reason', 'list', 'rank'] as const;

const localizedFact = z.strictObject({
  title: text.max(80, 'must be at most 80 characters'),
  answer: text.max(600, 'must be at most 600 characters'),
  questions: z.array(text).min(3, 'needs at least 3 phrasings'),
  keywords: z.array(text).min(3, 'needs at least 3 keywords'),
});

export const factSchema = z.strictObject({
  id: slug,
  topic: slug,
  dates: z.array(isoDate),
  /** The sources the fact comes from, each with the numbers of its references that back the fact. */
  sources: z
    .array(z.strictObject({ source: slug, refs: z.array(z.number().int().positive()) }))
    .min(1, 'needs at least one source'),
  /** What a question must be asking for this fact to be its answer. */
  answers: z.strictObject({
    /** The entities the fact is about: a question naming other entities (not its setting) is not about it. */
    subjects: z.array(slug),
    /** The kinds of information it gives. */
    gives: z.array(z.enum(GIVES)),
    /** What its figures, dates and names are of: concepts of the lexicon ("member", "founding") or entities. */
    of: z.array(slug),
    /**
     * It tells of what was planned, proposed or forecast, not of what was done: it cannot say whether that has
     * happened since ("have the centres opened yet?").
     */
    planned: z.literal(true).optional(),
  }),
  en: localizedFact,
  ru: localizedFact,
  kk: localizedFact,
});
export const factFileSchema = z.array(factSchema);

/** The kinds of small talk the bot answers in kind. */
export const SMALLTALK = ['greeting', 'thanks', 'ack', 'bye', 'who', 'abilities', 'howAreYou'] as const;
export type SmallTalk = (typeof SMALLTALK)[number];

export const CONCEPT_TYPES = ['attribute', 'event', 'countable'] as const;
/** `data/lexicon/concepts.json`: every concept a question may ask about, by type. */
export const conceptFileSchema = z.strictObject({
  $comment: z.string().optional(),
  concepts: z.record(slug, z.enum(CONCEPT_TYPES)),
  /** The countable concepts that are kinds of people: "who" asks which of them ("who were its *members*?"). */
  people: z.array(slug).optional(),
  /** Attributes that, said of a kind of people, ask how many they are ("how big was the *audience*"). */
  headcounts: z.array(slug).optional(),
});

const phrases = z.array(text);

/** `data/lexicon/<lang>.json`: the words of one language the engine reads questions with. */
export const lexiconSchema = z.strictObject({
  /** Function words and chat filler, exact forms. */
  stopwords: phrases,
  /** Words that frame a question rather than name its subject ("when", "сколько", "қай жылы"). */
  framing: phrases,
  /** Words that tell the language apart, exact folded forms. */
  markers: phrases,
  /** Chat shorthand and the words it stands for ("intl": "international", "univ": "university"), read as those words. */
  shorthand: z.record(text, text),
  /** Phrases that ask for each kind of information. */
  asks: z.strictObject({ count: phrases, date: phrases, place: phrases, agent: phrases, reason: phrases, rank: phrases }),
  /** Words that ask which things of a kind ("which museums", «какие университеты», «қандай мұражайлар»). */
  which: phrases,
  /** Words that set aside what a question names, to ask about the rest of its kind ("the *other* four centres, *apart from* the one at OSU"). */
  others: phrases,
  /** Reciprocal pronouns, which hold a word of `others` but set nothing aside ("each other", «друг друга»). */
  reciprocal: phrases,
  /**
   * The words that stand between a thing and its owner when the owner is named after it: "of" ("the ambassador of
   * Veloria"); "" where the owner stands right after it, in the genitive («посол Велории»). Empty where owners are
   * only named before (Kazakh).
   */
  ownerAfter: z.array(z.string()),
  /** Words that count some of what was said before ("how many *of them*", «сколько *из них*», «*қаншасы*»). */
  partitive: phrases,
  /** Words that ask for names: beside a kind of people they ask who ("the *names* of the musicians", «их *имена*»). */
  names: phrases,
  /** Words for "the number" that follow what they count (Kazakh «студенттер *саны*»; none in English or Russian). */
  numberAfter: phrases,
  /** Words that tell whose view a statement is ("*according to* the experts", «*по мнению* экспертов», «сарапшылардың *пікірінше*»). */
  attribution: phrases,
  /** Words that put a question in the future ("will", «будет», «болады»). */
  future: phrases,
  /** Words that ask for the very things, not a word about them ("which festivals *exactly*", «какие *именно*», «*нақты* қай»). */
  exactly: phrases,
  /** Words that ask how things stand by now ("already", "yet", «уже», «әлі»): what a plan cannot tell. */
  byNow: phrases,
  /** Words that ask how things stand at present ("now", «сейчас», «қазір»): what a fact of past years cannot tell. */
  present: phrases,
  /** Words that make "when" ask for a circumstance ("when is culture most *needed*"). */
  condition: phrases,
  /** Prepositions that put the next word in a place ("in", «в»). */
  locatives: phrases,
  /** Words after a place's name that stand for the thing there ("the Pavlodar *one*"), which is asked of in that place. */
  placeOnes: phrases,
  /** Words that join the members of a list ("and", «и», «және»). */
  listJoiners: phrases,
  /** Ordinals from "first" up, each with its variants. */
  ordinals: z.array(phrases.min(1)),
  /** Words for "for the first time" («впервые», «алғаш рет»): an ordinal in them tells when, it picks no item. */
  firstTime: phrases,
  /** Superlatives of size and degree ("the most", «больше всего», «ең үлкен»): only a fact that ranks things answers one. */
  superlatives: phrases,
  /** Numbers that facts and questions write in words as often as in digits ("two components"), by their digits. */
  cardinals: z.record(z.string().regex(/^\d+$/, 'a number in digits'), phrases.min(1)),
  /** The twelve months, from January, each with its variants. */
  months: z.array(phrases.min(1)).length(12, 'needs the twelve months'),
  /** How people talk around their questions: follow-ups, requests for lists and timelines, small talk. */
  conversation: z.strictObject({
    /** Words a follow-up starts with: "and in 2020?", «а в Павлодаре?», «ал Павлодарда ше?». */
    ellipsis: phrases,
    /** Words that point back: "who founded it?", «где он находится?», «ол қашан ашылды?». */
    pronouns: phrases,
    /** The pronouns that stand for several things ("they", «они», «олар»). */
    plural: phrases,
    /** Asking for more about the same thing: "tell me more", «подробнее», «толығырақ». */
    more: phrases,
    list: phrases,
    /** Asking what happened ("what happened in 2018?", «что было дальше», «не болды»): a timeline, when it names when or what of. */
    timeline: phrases,
    /** Asking for things in date order ("timeline", "in chronological order", «хронология», «ретімен»): a timeline, even of nothing named. */
    chronology: phrases,
    /**
     * Things happening, in the plural ("events", «мероприятия», «іс-шаралар»): beside a date they ask for a timeline
     * ("what events took place in 2022?"); one event named in the singular is a question about it.
     */
    happenings: phrases,
    compare: phrases,
    /** The word that brings in the second thing after a request to compare: "compare A *with* B", «сравни A *с* B». */
    comparedWith: phrases,
    /** Words that open a new topic before the question: "another question: …", «другой вопрос: …». */
    newTopic: phrases,
    /** Asking how much time passed between two things ("years between", «лет прошло между», «арасында қанша уақыт»): their dates. */
    timeBetween: phrases,
    /**
     * Words that weigh one thing against another ("bigger", «раньше», «ертерек»): beside "which" or "or" they ask for a
     * comparison ("which one is bigger, that or the other one?"), however far apart the words stand.
     */
    comparatives: phrases,
    /**
     * Words that put things in order ("first", «первым», «бірінші»): beside "or" they ask for a comparison ("which opened
     * first, the lake centre or the river one?"); beside "which" alone they ask for one thing ("which was the first?").
     */
    precedence: phrases,
    /** Asking for the earliest or the latest of the things just told ("which of them is the oldest?", «самый поздний?»). */
    earliest: phrases,
    latest: phrases,
    /** Words that offer a choice between two things: "or", «или», «әлде». */
    alternatives: phrases,
    /** A year told from the conversation's: "the following year", «годом раньше», «келесі жылы». */
    yearAfter: phrases,
    yearBefore: phrases,
    /** The conversation's own year: "that year", «в том же году», «сол жылы». */
    yearSame: phrases,
    /** Words that bound a period: "after 2019", «до 2018», "from 2017 to 2019". */
    after: phrases,
    before: phrases,
    range: phrases,
    smalltalk: z.strictObject(Object.fromEntries(SMALLTALK.map((kind) => [kind, phrases])) as Record<SmallTalk, typeof phrases>),
  }),
  /** Each concept's words and phrases in this language. */
  concepts: z.record(slug, phrases.min(1, 'needs at least one word')),
});

export type TopicFile = z.infer<typeof topicFileSchema>;
export type SourceRecord = z.infer<typeof sourceSchema>;
export type EntityRecord = z.infer<typeof entitySchema>;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export type FactRecord = z.infer<typeof factSchema>;
export type LocalizedFact = z.infer<typeof localizedFact>;
export type Gives = (typeof GIVES)[number];
export type AskKind = Exclude<Gives, 'list'>;
export type ConceptType = (typeof CONCEPT_TYPES)[number];
export type LexiconRecord = z.infer<typeof lexiconSchema>;
