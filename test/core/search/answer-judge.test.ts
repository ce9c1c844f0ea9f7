import { describe, expect, it } from 'vitest';
import { FactsBot } from '../../../src/core/index.ts';
import { loadKnowledge, type Knowledge } from '../../../src/core/knowledge/load.ts';
import type { EntityRecord, FactRecord } from '../../../src/core/knowledge/schema.ts';
import { DATA_DIR } from '../../helpers/bot.ts';

/*
 * A small made-up world, so that each rule of the answer judge is seen apart from the real article: two
 * universities in two cities, a research centre at one of them, a festival, and the facts one source tells of them.
 * Only the lexicon is the real one: the judge knows languages, the world is data.
 */
const real = loadKnowledge(DATA_DIR);

const entity = (id: string, kind: EntityRecord['kind'], en: string[], ru: string[], kk: string[], more: Partial<EntityRecord> = {}): EntityRecord => ({
  id,
  kind,
  names: { en, ru, kk },
  ...more,
});

const ENTITIES: EntityRecord[] = [
  entity('veloria', 'place', ['Veloria'], ['Велория'], ['Велория'], { adjectives: { en: ['Velorian'], ru: ['велорийский'], kk: ['велориялық'] } }),
  entity('ostrava-city', 'place', ['Ostrovets'], ['Островец'], ['Островец'], { isA: ['city'], partOf: ['veloria'] }),
  entity('marlin-city', 'place', ['Marlinsk'], ['Марлинск'], ['Марлинск'], { isA: ['city'], partOf: ['veloria'] }),
  entity('quorn', 'place', ['Quornland'], ['Кворнландия'], ['Кворнландия'], { adjectives: { en: ['Quornish'], ru: ['кворнский'], kk: ['кворндық'] } }),
  entity('ann-ray', 'person', ['Ann Ray'], ['Энн Рэй'], ['Энн Рэй']),
  entity('bo-lin', 'person', ['Bo Lin'], ['Бо Лин'], ['Бо Лин']),
  entity('research-centre', 'concept', ['Centre for Lake Studies'], ['Центр озёрных исследований'], ['Көл зерттеулері орталығы']),
  entity('ostro-university', 'organisation', ['Ostrovets State University', 'OSU'], ['Островецкий государственный университет'], ['Островец мемлекеттік университеті'], { partOf: ['ostrava-city'] }),
  entity('osu-lake-centre', 'organisation', ['Centre for Lake Studies at OSU'], ['Центр озёрных исследований ОГУ'], ['ОМУ Көл зерттеулері орталығы'], { isA: ['research-centre'], partOf: ['ostro-university'] }),
  entity('reed-festival', 'event', ['Reed Flute Festival'], ['Фестиваль тростниковой флейты'], ['Қамыс сыбызғы фестивалі'], { partOf: ['marlin-city'] }),
  entity('lake-fever', 'event', ['Lake Fever-9', 'Lake Fever'], ['Озёрная лихорадка-9', 'Озёрная лихорадка'], ['Көл безгегі-9', 'Көл безгегі']),
];

const text = (title: string, answer: string) => ({ title, answer, questions: [title, `${title}?`, `about ${title}`], keywords: ['a', 'b', 'c'] });

function fact(id: string, answers: FactRecord['answers'], dates: string[], en: [string, string], ru: [string, string], kk: [string, string]): FactRecord {
  return { id, topic: real.topics[0]!.id, dates, sources: [{ source: 'world', refs: [] }], answers, en: text(...en), ru: text(...ru), kk: text(...kk) };
}

const FACTS: FactRecord[] = [
  fact(
    'centre-founded',
    { subjects: ['osu-lake-centre'], gives: ['place'], of: ['founding'] },
    ['2011-05'],
    ['Centre for Lake Studies at OSU founded', 'The Centre for Lake Studies at Ostrovets State University was founded in May 2011 in Ostrovets.'],
    ['Основание Центра озёрных исследований ОГУ', 'Центр озёрных исследований при Островецком государственном университете основан в мае 2011 года в Островце.'],
    ['ОМУ Көл зерттеулері орталығының құрылуы', 'Островец мемлекеттік университетінің Көл зерттеулері орталығы 2011 жылғы мамырда Островецте құрылды.'],
  ),
  fact(
    'festival-countries',
    { subjects: ['reed-festival'], gives: ['count', 'place'], of: ['country', 'holding'] },
    ['2019'],
    ['Reed Flute Festival 2019', 'The Reed Flute Festival was held in Marlinsk in 2019 with musicians from 14 countries.'],
    ['Фестиваль тростниковой флейты 2019', 'Фестиваль тростниковой флейты прошёл в Марлинске в 2019 году, в нём участвовали музыканты из 14 стран.'],
    ['Қамыс сыбызғы фестивалі 2019', 'Қамыс сыбызғы фестивалі 2019 жылы Марлинскіде өтті, оған 14 елден музыканттар қатысты.'],
  ),
  fact(
    'universities-in-three-countries',
    { subjects: ['ostro-university'], gives: ['count', 'place'], of: ['university'] },
    [],
    ['OSU partners in 3 countries', 'Ostrovets State University has 6 partner universities in Veloria, Quornland and Marlinsk.'],
    ['Партнёры ОГУ в 3 странах', 'У Островецкого государственного университета 6 университетов-партнёров в Велории, Кворнландии и Марлинске.'],
    ['ОМУ-дың 3 елдегі серіктестері', 'Островец мемлекеттік университетінің Велорияда, Кворнландияда және Марлинскіде 6 серіктес университеті бар.'],
  ),
  fact(
    'osu-exchange',
    { subjects: ['ostro-university'], gives: ['place'], of: ['student'] },
    [],
    ['OSU student exchange', 'Students of Ostrovets State University go on exchange to Quornland.'],
    ['Обмен студентами ОГУ', 'Студенты Островецкого государственного университета ездят по обмену в Кворнландию.'],
    ['ОМУ студенттерінің алмасуы', 'Островец мемлекеттік университетінің студенттері Кворнландияға алмасу бойынша барады.'],
  ),
  fact(
    'lake-fever-outbreak',
    { subjects: ['lake-fever'], gives: ['place'], of: ['founding'] },
    ['2019'],
    ['Lake Fever', 'The Lake Fever broke out in Marlinsk in 2019 and closed its schools for a month.'],
    ['Озёрная лихорадка', 'Озёрная лихорадка вспыхнула в Марлинске в 2019 году, и школы города закрылись на месяц.'],
    ['Көл безгегі', 'Көл безгегі 2019 жылы Марлинскіде басталып, қала мектептері бір айға жабылды.'],
  ),
];

// Told by a source set in both countries, so that naming either is no subject of its own.
const embassies = (record: FactRecord): FactRecord => ({ ...record, sources: [{ source: 'embassies', refs: [] }] });
FACTS.push(
  ...[
  fact(
    'velorian-ambassador',
    { subjects: ['ann-ray'], gives: ['agent'], of: ['ambassador'] },
    [],
    ['Ann Ray, ambassador', "Veloria's Ambassador to Quornland is Ann Ray."],
    ['Энн Рэй, посол', 'Посол Велории в Кворнландии — Энн Рэй.'],
    ['Энн Рэй, елші', 'Велорияның Кворнландиядағы елшісі — Энн Рэй.'],
  ),
  fact(
    'quornish-ambassador',
    { subjects: ['bo-lin'], gives: ['agent'], of: ['ambassador'] },
    [],
    ['Bo Lin, ambassador', "Quornland's Ambassador to Veloria is Bo Lin."],
    ['Бо Лин, посол', 'Посол Кворнландии в Велории — Бо Лин.'],
    ['Бо Лин, елші', 'Кворнландияның Велориядағы елшісі — Бо Лин.'],
  ),
  ].map(embassies),
);

const knowledge: Knowledge = {
  ...real,
  sources: new Map([
    ['world', { id: 'world', authors: { en: 'A', ru: 'A', kk: 'A' }, title: { en: 'W', ru: 'W', kk: 'W' }, published: { en: '2020', ru: '2020', kk: '2020' }, year: 2020, setting: ['veloria'], references: [] }],
    ['embassies', { id: 'embassies', authors: { en: 'B', ru: 'B', kk: 'B' }, title: { en: 'E', ru: 'E', kk: 'E' }, published: { en: '2021', ru: '2021', kk: '2021' }, year: 2021, setting: ['veloria', 'quorn'], references: [] }],
  ]),
  entities: ENTITIES,
  facts: FACTS,
};
const bot = new FactsBot({ knowledge });
/** The same world with a few facts more, for rules that need a fact the others would get in the way of. */
const botWith = (...extra: FactRecord[]) => new FactsBot({ knowledge: { ...knowledge, facts: [...FACTS, ...extra] } });
/** The same world with things and facts more. */
const botIn = (entities: EntityRecord[], facts: FactRecord[]) =>
  new FactsBot({ knowledge: { ...knowledge, entities: [...ENTITIES, ...entities], facts: [...FACTS, ...facts] } });
const answerOf = (question: string) => bot.ask(question).fact?.id ?? 'declined';

describe('AnswerJudge, in a world it has never seen', () => {
  it('GIVEN questions the facts answer, in three languages THEN answers them', () => {
    expect(answerOf('When was the Centre for Lake Studies at OSU founded?')).toBe('centre-founded');
    expect(answerOf('Когда основан центр озёрных исследований ОГУ?')).toBe('centre-founded');
    expect(answerOf('ОМУ көл зерттеулері орталығы қашан құрылды?')).toBe('centre-founded');
    expect(answerOf('How many countries took part in the Reed Flute Festival?')).toBe('festival-countries');
    expect(answerOf('where was the reed flute festival held')).toBe('festival-countries');
  });

  it.each([
    ['Who is the Velorian ambassador to Quornland?', 'velorian-ambassador'],
    ['who is quornlands ambassador', 'quornish-ambassador'],
    ['Кто посол Кворнландии в Велории?', 'quornish-ambassador'],
    ['кто велорийский посол', 'velorian-ambassador'],
    ['Велорияның Кворнландиядағы елшісі кім?', 'velorian-ambassador'],
    ['Кворнландияның елшісі кім?', 'quornish-ambassador'],
    ['who is the ambassador of Quornland?', 'quornish-ambassador'],
  ])('GIVEN %j, whose the thing asked about is THEN the fact about that country’s, not the other’s', (question, id) => {
    expect(answerOf(question)).toBe(id);
  });

  it.each([
    ['In which city was the Centre for Lake Studies at OSU founded?', 'centre-founded'],
    ['В каком городе основан Центр озёрных исследований ОГУ?', 'centre-founded'],
    ['ОМУ Көл зерттеулері орталығы қай қалада құрылды?', 'centre-founded'],
    ['Where do OSU students go on exchange?', 'osu-exchange'],
    ['In which city do OSU students go on exchange?', 'declined'],
    ['В какой город ездят по обмену студенты ОГУ?', 'declined'],
    ['ОМУ студенттері алмасу бойынша қай қалада оқиды?', 'declined'],
  ])('GIVEN %j, a place of a kind (a city) THEN only a fact that names a place of that kind answers', (question, id) => {
    expect(answerOf(question)).toBe(id);
  });

  it.each([
    ['Which Quornish city do OSU students go to on exchange?', 'declined'],
    ['В какой кворнский город ездят по обмену студенты ОГУ?', 'declined'],
    ['ОМУ студенттері алмасу бойынша қандай кворндық қалаға барады?', 'declined'],
    ['Which Velorian city hosted the Reed Flute Festival?', 'festival-countries'],
  ])('GIVEN %j, "which" and a kind of place with a place\'s adjective between THEN a fact that names no such place does not answer', (question, id) => {
    expect(answerOf(question)).toBe(id);
  });

  it.each([
    'Where were the other Centres for Lake Studies founded?',
    'Где основаны остальные центры озёрных исследований?',
    'Басқа көл зерттеулері орталықтары қайда құрылды?',
  ])('GIVEN %j, "the others" with none set aside named THEN declines: the one the source tells of is not among them', (question) => {
    expect(answerOf(question)).toBe('declined');
  });

  it.each([
    ['How many theatres took part in the Reed Flute Festival?', 'festival-theatres'],
    ['How many theatres from Quornland took part in the Reed Flute Festival?', 'declined'],
    ['Сколько театров участвовало в фестивале тростниковой флейты?', 'festival-theatres'],
    ['Сколько театров из Кворнландии участвовало в фестивале тростниковой флейты?', 'declined'],
    ['Қамыс сыбызғы фестиваліне неше театр қатысты?', 'festival-theatres'],
    ['Қамыс сыбызғы фестиваліне Кворнландиядан неше театр қатысты?', 'declined'],
    ['Қамыс сыбызғы фестиваліне Кворнландияның неше театры қатысты?', 'declined'],
  ])('GIVEN %j, whose the things are said by where they come from or across a question word THEN a fact that never names that country does not answer, though the country is the source’s own', (question, id) => {
    const festivalTheatres = embassies(fact(
      'festival-theatres',
      { subjects: ['reed-festival'], gives: ['count'], of: ['theatre'] },
      ['2019'],
      ['Theatres at the Reed Flute Festival', '40 theatres took part in the Reed Flute Festival.'],
      ['Театры на фестивале тростниковой флейты', 'В фестивале тростниковой флейты участвовали 40 театров.'],
      ['Қамыс сыбызғы фестиваліндегі театрлар', 'Қамыс сыбызғы фестиваліне 40 театр қатысты.'],
    ));
    expect(botWith(festivalTheatres).ask(question).fact?.id ?? 'declined').toBe(id);
  });

  it.each([
    ['Мұғалімдер саны қанша, ОМУ Көл зерттеулері орталығында?', 'declined'],
    ['Студенттер саны қанша, ОМУ Көл зерттеулері орталығында?', 'centre-students'],
    ['ОМУ Көл зерттеулері орталығында мұғалімдер саны қанша?', 'declined'],
  ])('GIVEN %j, the Kazakh word for "the number" after what it counts THEN that is counted, not a thing named after the question word', (question, id) => {
    const students = fact(
      'centre-students',
      { subjects: ['osu-lake-centre'], gives: ['count'], of: ['student'] },
      [],
      ['Students of the Centre for Lake Studies', '120 students study at the Centre for Lake Studies at OSU.'],
      ['Студенты Центра озёрных исследований', 'В Центре озёрных исследований ОГУ учатся 120 студентов.'],
      ['Көл зерттеулері орталығының студенттері', 'ОМУ Көл зерттеулері орталығында 120 студент оқиды.'],
    );
    expect(botWith(students).ask(question).fact?.id ?? 'declined').toBe(id);
  });

  describe('GIVEN a lake atlas whose publishing the source tells, and maybe who wrote it', () => {
    const atlas = entity('lake-atlas', 'publication', ['Lake Atlas'], ['Озёрный атлас'], ['Көл атласы']);
    const published = fact(
      'atlas-published',
      { subjects: ['lake-atlas', 'osu-lake-centre'], gives: ['agent'], of: ['publishing'] },
      [],
      ['Lake Atlas published', 'The Lake Atlas was published with the help of the Centre for Lake Studies at OSU.'],
      ['Издание Озёрного атласа', 'Озёрный атлас издан при содействии Центра озёрных исследований ОГУ.'],
      ['Көл атласының басылуы', 'Көл атласы ОМУ Көл зерттеулері орталығының көмегімен басылып шықты.'],
    );
    const written = fact(
      'atlas-authors',
      { subjects: ['lake-atlas', 'bo-lin'], gives: ['agent'], of: ['author'] },
      [],
      ['Authors of the Lake Atlas', 'The Lake Atlas was written by Bo Lin.'],
      ['Авторы Озёрного атласа', 'Озёрный атлас написал Бо Лин.'],
      ['Көл атласының авторлары', 'Көл атласын Бо Лин жазды.'],
    );
    it.each(['Who is the author of the Lake Atlas?', 'Кто автор Озёрного атласа?', 'Көл атласының авторы кім?'])(
      'WHEN asked %j THEN only a fact that tells who wrote it answers, not who helped publish it',
      (question) => {
        expect(botIn([atlas], [published]).ask(question).fact?.id ?? 'declined').toBe('declined');
        expect(botIn([atlas], [published, written]).ask(question).fact?.id ?? 'declined').toBe('atlas-authors');
      },
    );

    it.each([
      'Who, according to the authors, helped publish the Lake Atlas?',
      'При чьём содействии, по мнению авторов, издан Озёрный атлас?',
      'Авторлардың пікірінше, Көл атласы кімнің көмегімен басылып шықты?',
    ])('WHEN asked %j, with the people whose view it reports THEN they are not whom it asks about', (question) => {
      expect(botIn([atlas], [published]).ask(question).fact?.id ?? 'declined').toBe('atlas-published');
    });
  });

  it('GIVEN the host named without the subject THEN declines ("when was OSU founded" is not its centre’s founding)', () => {
    expect(answerOf('When was Ostrovets State University founded?')).toBe('declined');
  });

  it('GIVEN the host and a word of the subject’s name THEN answers ("the centre at OSU")', () => {
    expect(answerOf('when was the centre at Ostrovets State University founded')).toBe('centre-founded');
  });

  it('GIVEN a number written inside a name the fact does not write THEN it is the name, no figure the fact lacks', () => {
    expect(answerOf('when did lake fever-9 break out?')).toBe('lake-fever-outbreak');
    expect(answerOf('где вспыхнула озёрная лихорадка-9?')).toBe('lake-fever-outbreak');
    expect(answerOf('көл безгегі-9 қай қалада басталды?')).toBe('lake-fever-outbreak');
    // A number outside the name is still one the fact must hold.
    expect(answerOf('where did lake fever-9 break out in 2021?')).toBe('declined');
  });

  it('GIVEN a count of something the fact does not count THEN declines', () => {
    expect(answerOf('How many members does the Reed Flute Festival have?')).toBe('declined');
    expect(answerOf('How many visitors came to the Reed Flute Festival?')).toBe('declined');
  });

  it('GIVEN an attribute no fact gives THEN declines', () => {
    expect(answerOf('How much is a ticket to the Reed Flute Festival?')).toBe('declined');
    expect(answerOf('Who is the director of the Centre for Lake Studies at OSU?')).toBe('declined');
  });

  it('GIVEN a kind of information the fact does not give THEN declines', () => {
    expect(answerOf('Who founded the Centre for Lake Studies at OSU?')).toBe('declined');
    expect(answerOf('Why was the Centre for Lake Studies at OSU founded?')).toBe('declined');
  });

  it('GIVEN "which ones" of things the fact counts without naming them THEN declines; asked how many, answers', () => {
    expect(answerOf('Какие страны участвовали в фестивале тростниковой флейты?')).toBe('declined');
    expect(answerOf('Қамыс сыбызғы фестиваліне қандай елдер қатысты?')).toBe('declined');
    expect(answerOf('How many countries took part in the Reed Flute Festival?')).toBe('festival-countries');
  });

  it('GIVEN an event the fact does not date THEN declines (a founding is not the date it was held)', () => {
    expect(answerOf('When was the Reed Flute Festival founded?')).toBe('declined');
    expect(answerOf('When was the Reed Flute Festival held?')).toBe('festival-countries');
  });

  it('GIVEN a count asked in one place of a list the fact counts in THEN declines', () => {
    expect(answerOf('How many partner universities does Ostrovets State University have in Quornland?')).toBe('declined');
    expect(answerOf('How many partner universities does Ostrovets State University have?')).toBe('universities-in-three-countries');
  });

  it('GIVEN a place or an entity the fact never names THEN declines', () => {
    expect(answerOf('How many countries took part in the Reed Flute Festival in Ostrovets?')).toBe('declined');
  });

  it.each([
    ['How big was the audience at the Reed Flute Festival?', 'festival-audience'],
    ['Насколько большой была аудитория фестиваля тростниковой флейты?', 'festival-audience'],
    ['Қамыс сыбызғы фестивалінің аудиториясы қаншалықты үлкен болды?', 'festival-audience'],
    // A size of no people is still a size: the audience's count does not give it.
    ['How big was the Reed Flute Festival?', 'declined'],
  ])('GIVEN %j, the size of a kind of people THEN it asks how many they are', (question, id) => {
    const audience = fact(
      'festival-audience',
      { subjects: ['reed-festival'], gives: ['count'], of: ['visitor'] },
      ['2019'],
      ['Reed Flute Festival audience', 'The audience of the Reed Flute Festival in 2019 was about 2,000 people.'],
      ['Аудитория фестиваля тростниковой флейты', 'Аудитория фестиваля тростниковой флейты в 2019 году — около 2 000 зрителей.'],
      ['Қамыс сыбызғы фестивалінің аудиториясы', 'Қамыс сыбызғы фестивалінің 2019 жылғы аудиториясы — 2 000-ға жуық көрермен.'],
    );
    expect(botWith(audience).ask(question).fact?.id ?? 'declined').toBe(id);
  });

  it.each([
    'What are the names of the musicians at the Reed Flute Festival?',
    'Каковы имена музыкантов фестиваля тростниковой флейты?',
    'Қамыс сыбызғы фестиваліндегі музыканттардың есімдері қандай?',
  ])('GIVEN %j, the names of a kind of people THEN only a fact that names them answers, not one that only mentions them', (question) => {
    expect(answerOf(question)).toBe('declined');
    const performers = fact(
      'festival-performers',
      { subjects: ['reed-festival'], gives: ['agent', 'list'], of: ['performer'] },
      ['2019'],
      ['Reed Flute Festival performers', 'The musicians of the Reed Flute Festival in 2019 included Ann Ray and Bo Lin.'],
      ['Музыканты фестиваля тростниковой флейты', 'Среди музыкантов фестиваля тростниковой флейты в 2019 году были Энн Рэй и Бо Лин.'],
      ['Қамыс сыбызғы фестивалінің музыканттары', '2019 жылғы Қамыс сыбызғы фестивалінің музыканттары арасында Энн Рэй мен Бо Лин болды.'],
    );
    expect(botWith(performers).ask(question).fact?.id).toBe('festival-performers');
  });

  it.each([
    'What number was the 2019 Reed Flute Festival?',
    'Какой по счёту фестиваль тростниковой флейты прошёл в 2019 году?',
    '2019 жылғы Қамыс сыбызғы фестивалі нешінші болды?',
  ])('GIVEN %j, its place in a series THEN only a fact that gives that place answers', (question) => {
    expect(answerOf(question)).toBe('declined');
    const edition = fact(
      'festival-edition',
      { subjects: ['reed-festival'], gives: ['rank'], of: [] },
      ['2019'],
      ['Reed Flute Festival of 2019', 'The Reed Flute Festival of 2019 was the 3rd of its kind.'],
      ['Фестиваль тростниковой флейты 2019 года', 'Фестиваль тростниковой флейты 2019 года стал 3-м по счёту.'],
      ['2019 жылғы Қамыс сыбызғы фестивалі', '2019 жылғы Қамыс сыбызғы фестивалі 3-рет өтті.'],
    );
    expect(botWith(edition).ask(question).fact?.id).toBe('festival-edition');
  });

  // A second centre of the same kind, at Marlinsk University, which its fact ranks second.
  const MARLINSK_CENTRE_ENTITIES = [
    entity('marlin-university', 'organisation', ['Marlinsk University'], ['Марлинский университет'], ['Марлинск университеті'], { partOf: ['marlin-city'] }),
    entity('marlin-lake-centre', 'organisation', ['Centre for Lake Studies at Marlinsk University'], ['Центр озёрных исследований Марлинского университета'], ['Марлинск университетінің Көл зерттеулері орталығы'], {
      isA: ['research-centre'],
      partOf: ['marlin-university'],
    }),
  ];
  const MARLINSK_CENTRE_FOUNDED = fact(
    'marlinsk-centre-founded',
    { subjects: ['marlin-lake-centre'], gives: ['place', 'rank'], of: ['founding'] },
    ['2014-03'],
    ['Centre for Lake Studies at Marlinsk University', 'The Centre for Lake Studies at Marlinsk University was set up in March 2014, the second of its kind.'],
    ['Центр озёрных исследований Марлинского университета', 'Центр озёрных исследований Марлинского университета создан в марте 2014 года, вторым по счёту.'],
    ['Марлинск университетінің Көл зерттеулері орталығы', 'Марлинск университетінің Көл зерттеулері орталығы 2014 жылғы наурызда екінші болып құрылды.'],
  );

  it.each([
    ['When did the lake studies centre in Marlinsk appear?', 'marlinsk-centre-founded'],
    ['Когда появился центр озёрных исследований в Марлинске?', 'marlinsk-centre-founded'],
    ['Марлинскідегі көл зерттеулері орталығы қашан пайда болды?', 'marlinsk-centre-founded'],
  ])('GIVEN %j, a thing put in a place THEN the fact about the one there, not one that names that place beside another', (question, id) => {
    // The first centre's fact names the Marlinsk one too and shares the question's verb ("appeared"), so it ranks
    // first; but the question puts the centre it asks about in Marlinsk.
    const world = botIn(MARLINSK_CENTRE_ENTITIES, [
      fact(
        'first-centre',
        { subjects: ['osu-lake-centre'], gives: ['place', 'rank'], of: ['founding'] },
        ['2011-05'],
        ['The first centre for lake studies', 'The Centre for Lake Studies at OSU opened in May 2011 and appeared first, before the one at Marlinsk University.'],
        ['Первый центр озёрных исследований', 'Центр озёрных исследований ОГУ открылся в мае 2011 года и появился первым — раньше центра Марлинского университета.'],
        ['Алғашқы көл зерттеулері орталығы', 'ОМУ Көл зерттеулері орталығы 2011 жылғы мамырда ашылып, алғашқы болып пайда болды — Марлинск университетінің орталығынан бұрын.'],
      ),
      MARLINSK_CENTRE_FOUNDED,
    ]);
    expect(world.ask(question).fact?.id ?? 'declined').toBe(id);
  });

  it.each([
    ['Was the Centre for Lake Studies at Marlinsk University the first one?', 'marlinsk-centre-founded'],
    ['Центр озёрных исследований Марлинского университета был первым?', 'marlinsk-centre-founded'],
    ['Марлинск университетінің Көл зерттеулері орталығы алғашқысы ма?', 'marlinsk-centre-founded'],
    ['When was the third Centre for Lake Studies at Marlinsk University founded?', 'declined'],
  ])('GIVEN %j, whether a thing the fact ranks came first THEN its rank answers; a date of another in line does not', (question, id) => {
    const world = botIn(MARLINSK_CENTRE_ENTITIES, [MARLINSK_CENTRE_FOUNDED]);
    expect(world.ask(question).fact?.id ?? 'declined').toBe(id);
  });

  it.each([
    'Which organisation supports the Reed Flute Festival?',
    'Какая организация поддерживает фестиваль тростниковой флейты?',
    'Қамыс сыбызғы фестивалін қандай ұйым қолдайды?',
  ])('GIVEN %j, "which" and a kind of thing THEN a fact that names a thing of that kind can say which', (question) => {
    const council = entity('lake-council', 'organisation', ['Lake Council'], ['Озёрный совет'], ['Көл кеңесі']);
    const backed = fact(
      'festival-backed',
      { subjects: ['reed-festival'], gives: ['agent'], of: ['support'] },
      [],
      ['Reed Flute Festival support', 'The Lake Council supports the Reed Flute Festival every year.'],
      ['Поддержка фестиваля тростниковой флейты', 'Озёрный совет каждый год поддерживает фестиваль тростниковой флейты.'],
      ['Қамыс сыбызғы фестиваліне қолдау', 'Көл кеңесі Қамыс сыбызғы фестивалін жыл сайын қолдайды.'],
    );
    expect(botIn([council], [backed]).ask(question).fact?.id ?? 'declined').toBe('festival-backed');
  });

  it('GIVEN the future THEN declines a fact that tells only of the past', () => {
    expect(answerOf('When will the next Reed Flute Festival be held?')).toBe('declined');
  });

  it('GIVEN a reply THEN it cites the source the fact comes from', () => {
    expect(bot.ask('When was the Centre for Lake Studies at OSU founded?').text).toContain('W');
  });
});
