import { describe, expect, it } from 'vitest';
import { Dialogue } from '../../../src/core/conversation/dialogue.ts';
import { EMPTY_STATE, type ConversationState } from '../../../src/core/conversation/state.ts';
import type { AskResult, Lang } from '../../../src/core/types.ts';
import { realBot } from '../../helpers/bot.ts';

const bot = realBot();
const dialogue = new Dialogue(bot);

/** Plays messages as one conversation; every reply, in order. */
function talk(...messages: string[]): AskResult[] {
  let state: ConversationState = EMPTY_STATE;
  return messages.map((message) => {
    const turn = dialogue.turn(state, message);
    state = turn.state;
    return turn.result;
  });
}

/** Expects a comparison that shows every one of the figures. */
function expectComparison(reply: AskResult | undefined, ...figures: string[]): void {
  expect(reply!.status).toBe('compare');
  for (const figure of figures) expect(reply!.text).toContain(figure);
}

const STUDENTS_2019 = 'how many kazakh students studied in china in 2019?';

describe('Dialogue: follow-ups', () => {
  it.each([
    ['when was the initiative first put forward', 'where was it first proposed?'],
    ['когда выдвинули инициативу пояс и путь?', 'где её впервые озвучили?'],
    ['бір белдеу бір жол бастамасын кім ұсынды?', 'ол алғаш қай елде жарияланды?'],
  ])('GIVEN %j, answered by a fact that also tells of its parts, then %j THEN "it" is what was asked about', (question, pronoun) => {
    const [launch, proposed] = talk(question, pronoun);
    expect(launch!.factIds).toEqual(['bri-launch-2013']);
    expect(proposed!.factIds).toEqual(['bri-first-proposed-in-kazakhstan']);
  });

  it.each([
    ['когда прошла официальная презентация института конфуция ЕНУ?', 'кто преподаёт в этом институте?'],
    ['when was the official presentation of the ENU Confucius Institute?', 'who teaches at this institute?'],
  ])('GIVEN %j, about an event named after an institute, then %j THEN "this institute" is the institute', (question, pronoun) => {
    const [presentation, teachers] = talk(question, pronoun);
    expect(presentation!.factIds).toEqual(['enu-ci-presentation-2007']);
    expect(teachers!.factIds).toEqual(['enu-ci-teachers-xisu']);
  });

  it.each([
    ['ok and the museum one, when?', 'silk-road-art-museum-alliance'],
    ['ok and the theatre one, when?', 'silk-road-theatre-alliance-members'],
    ['ну а библиотечный когда создали?', 'silk-road-library-alliance-founding'],
  ])('GIVEN the alliances listed, then an ellipsis after filler (%j) THEN the question of the one it names', (ellipsis, fact) => {
    const [, reply] = talk('list the cultural alliances created under the belt and road', ellipsis);
    expect(reply!.factIds).toEqual([fact]);
  });

  it('GIVEN a question that names a part of the setting, answered by a fact about the whole and it THEN "it" is still the part', () => {
    const replies = talk(
      'what does the world bank predict for the bri by 2030',
      'and how many jobs in kazakhstan specifically?',
      'diff q: what is the silk road cultural industry belt part of?',
      'who proposed it?',
    );
    expect(replies[2]!.factIds).toEqual(['bri-participation-spread-of-culture']);
    expect(replies[3]!.factIds).not.toEqual(['bri-launch-2013']);
  });

  it('GIVEN a figure for one year THEN "and in 2020?" asks the same of 2020, in each language', () => {
    const [, en] = talk(STUDENTS_2019, 'and in 2020?');
    expect(en!.text).toContain('12,000');
    const [, ru] = talk('сколько казахстанских студентов училось в Китае в 2019 году?', 'а в 2020?');
    expect(ru).toMatchObject({ lang: 'ru', answered: true });
    expect(ru!.text).toContain('12 000');
    const [, kk] = talk('2019 жылы Қытайда қанша қазақстандық студент оқыды?', 'ал 2020 жылы ше?');
    expect(kk).toMatchObject({ lang: 'kk', answered: true });
    expect(kk!.text).toContain('12 000');
  });

  it.each([
    [STUDENTS_2019, 'and the following year?', 'kazakh-students-in-china-2020'],
    ['how many kazakh students studied in china in 2020?', 'what about the year before?', 'kazakh-students-in-china-2019'],
    ['сколько казахстанских студентов училось в Китае в 2019 году?', 'а в следующем году?', 'kazakh-students-in-china-2020'],
    ['2020 жылы Қытайда қанша қазақстандық студент оқыды?', 'ал алдыңғы жылы?', 'kazakh-students-in-china-2019'],
  ])('GIVEN %j THEN %j is the year told from the one asked about', (first, relative, fact) => {
    expect(talk(first, relative)[1]!.fact?.id).toBe(fact);
  });

  it.each([
    ['when was the silk road international library alliance founded', 'and what happened in december that year'],
    ['когда основан международный библиотечный альянс шелкового пути', 'а что было в декабре того же года'],
    ['Жібек жолы халықаралық кітапханалар альянсы қашан құрылды', 'ал сол жылы желтоқсанда не болды'],
  ])('GIVEN a fact dated in a year (%j) THEN %j is of that year', (dated, sameYear) => {
    const [, timeline] = talk(dated, sameYear);
    expect(timeline!.status).toBe('timeline');
    expect(timeline!.factIds).toContain('national-trio-concert-beijing-2018');
  });

  it.each([
    ['who is nataliya kalashnikova', "what's her email"],
    ['Наталья Калашникова кім', 'оның email-ы қандай'],
  ])('GIVEN %j, answered by a fact about the article and its authors, THEN %j asks of one of them: the article has no e-mail', (who, email) => {
    expect(talk(who, email)[1]!.fact?.id).toBe('article-authors-emails');
  });

  it.each([
    ['Бір белдеу бір жол бастамасы қай жылы ұсынылды?', 'ол алғаш қай елде жарияланды?'],
    ['бастама қай жылы ұсынылды', 'ол алғаш қай елде ұсынылды'],
  ])('GIVEN %j THEN %j asks where it was first proposed: «алғаш» ("for the first time") picks none of the things just named', (first, where) => {
    expect(talk(first, where)[1]!.fact?.id).toBe('bri-first-proposed-in-kazakhstan');
  });

  it.each([
    ['сколько стран охватывает один пояс один путь?', 'а сколько из них стран африки?', 'когда выдвинули эту инициативу'],
    ['what global non-traditional security problems does the article mention', 'who proposed this initiative'],
  ])('GIVEN %j … THEN the last message asks of the initiative itself: the pointing word goes with what the source is set in', (...messages) => {
    expect(talk(...messages).at(-1)!.fact?.id).toBe('bri-launch-2013');
  });

  it('GIVEN a question on global security problems THEN "who wrote that belt and road countries…" is a question of its own: "that" goes with the initiative', () => {
    const [, who] = talk('what global non-traditional security problems does the article mention', "who wrote that belt and road countries don't know each other's cultures well");
    expect(who!.fact?.id).toBe('zannini-stuman-cultural-understanding');
  });

  it('GIVEN «по чьей оценке» after a figure THEN whose estimate it is: a question word the index does not hold still asks', () => {
    const [, whose] = talk('на сколько процентов инициатива увеличит ВВП Казахстана', 'по чьей оценке');
    expect(whose!.fact?.id).toBe('bri-kazakhstan-gdp-21-percent');
  });

  it('GIVEN a year as an ellipsis in another language («ал 2020 жылы ше?» after a Russian question) THEN the same question of that year', () => {
    const [, kk] = talk('сколько казахстанских студентов училось в Китае в 2019 году?', 'ал 2020 жылы ше?');
    expect(kk).toMatchObject({ lang: 'kk', answered: true });
    expect(kk!.fact?.id).toBe('kazakh-students-in-china-2020');
  });

  it.each([
    [STUDENTS_2019, 'compare 2019 and 2020', 'how many chinese students study in kazakhstan', 'which chinese universities teach kazakh'],
    ['сколько казахстанских студентов училось в Китае в 2019', 'сравни 2019 и 2020', 'сколько китайских студентов учится в Казахстане', 'какие китайские вузы преподают казахский'],
    ['2019 жылы Қытайда қанша қазақстандық студент оқыды', '2019 бен 2020 жылды салыстыр', 'Қазақстанда қанша қытайлық студент оқиды', 'қазақ тілін қытайдың қай университеттері оқытады'],
  ])('GIVEN two facts told, then a decline with suggestions THEN "which …" is a question of its own, not one of the suggestions', (...messages) => {
    expect(talk(...messages)[3]!.fact?.id).toBe('kazakh-language-majors-in-china');
  });

  it.each([
    ['what happened in december 2018', 'where was the concert held'],
    ['что происходило в декабре 2018', 'где проходил концерт'],
    ['2018 жылы желтоқсанда не болды', 'концерт қайда өтті'],
  ])('GIVEN a timeline that told of one concert among other things (%j) THEN %j asks about that one, named by its kind', (timeline, where) => {
    expect(talk(timeline, where)[1]!.fact?.id).toBe('national-trio-concert-beijing-2018');
  });

  it.each([
    ['who was xian xinghai', 'and the exhibition in his honour, where was it?'],
    ['кто такой сянь синхай', 'а выставка в его честь где была?'],
    ['tell me about xian xinghai and baikadamov', 'when was the concert in their memory held'],
    ['расскажи про сянь синхая и байкадамова', 'когда прошёл концерт в их честь'],
    ['Сянь Синхай мен Бақытжан Байқадамов туралы не айтылады?', 'оларға арналған концерт қашан өтті'],
  ])('GIVEN %j THEN %j, a kind with a pronoun, is the one of that kind for the person just talked about', (person, follow) => {
    expect(talk(person, follow)[1]!.fact?.id).toBe('xian-xinghai-events-almaty-2018');
  });

  it.each([
    ['who are zannini and stuman?', 'what do they claim?'],
    ['кто такие Заннини и Стуман', 'что они утверждают'],
    ['Заннини мен Стуман кімдер?', 'олар не дейді?'],
  ])('GIVEN people asked about, told of beside their work (%j) THEN %j asks of the people, not of the work', (who, claim) => {
    const [, reply] = talk(who, claim);
    expect(reply).toMatchObject({ answered: true, fact: { id: 'zannini-stuman-cultural-understanding' } });
  });

  it.each([
    ["when did xi'an international studies university start its kazakh program?", 'when did it open its kazakhstan studies center'],
    ['когда в Сианьском университете иностранных языков начали набор на казахский?', 'а когда он открыл свой центр казахстанских исследований'],
    ['Сиань шет тілдер университетінде қазақ тілі мамандығы қашан ашылды?', 'ол Қазақстанды зерттеу орталығын қашан ашты'],
  ])('GIVEN a programme (%j) THEN "its centre" (%j) is the centre of the university the programme is part of', (programme, centre) => {
    expect(talk(programme, centre)[1]!.fact?.id).toBe('xisu-center-for-kazakhstan-studies');
  });

  it('GIVEN "which ones" naming nothing, that the source does not answer alone THEN it asks about what the conversation is about', () => {
    const [exhibition, countries, run] = talk('what was the 2019 exhibition at the national museum of china about', 'which countries took part', 'how long did it run');
    expect(exhibition!.status).toBe('answered');
    expect(countries!.text).toContain('Mongolia');
    // Asked so, a date or a duration the source does not give is still declined.
    expect(run!.status).toBe('declined');
  });

  it('GIVEN a pronoun after a fact about nothing named THEN it stands for what that question asked about, not for a related fact', () => {
    const [, , stayed] = talk(STUDENTS_2019, 'and in 2020?', 'how many of them stayed in china because of the pandemic');
    expect(stayed!.text).toContain('700');
  });

  it('GIVEN a pronoun between "how many" and what it counts THEN the count of that, about the same thing', () => {
    const [, count] = talk('какая выставка открылась в национальном музее китая в апреле 2019?', 'сколько там было экспонатов?');
    expect(count!.text).toContain('234');
  });

  it('GIVEN "which ones exactly?" after a count THEN it asks which of what was counted', () => {
    const [count, which] = talk('сколько книг токаева издали на китайском?', 'какие именно?');
    expect(which!.answered).toBe(true);
    expect(bot.fact(which!.factIds[0]!)!.answers.subjects.some((s) => bot.fact(count!.factIds[0]!)!.answers.subjects.includes(s))).toBe(true);
  });

  it('GIVEN a question that only asks, answered by the fact just given THEN that fact, not another about the same thing', () => {
    const [, relics, countries] = talk('какая выставка открылась в национальном музее китая в апреле 2019?', 'сколько там было экспонатов?', 'а из скольких стран?');
    expect(countries!.factIds).toEqual(relics!.factIds);
    expect(countries!.text).toContain('13');
  });

  it('GIVEN "and …" asking in words of its own what the last subject does not answer THEN read on its own', () => {
    const [, institutions] = talk('Қытай мәдениет министрлігінің іс-қимыл жоспары қай жылдарға арналған?', 'and how many foreign institutions are in the cultural alliances?');
    expect(institutions!.answered).toBe(true);
    expect(institutions!.text).toContain('319');
  });

  it('GIVEN "the first one" in a follow-up the last subject does not answer THEN not read on its own', () => {
    const [, , , first] = talk('when were the abai readings in beijing', 'where was it', 'tell me more', 'who organised the first one?');
    expect(first!.answered).toBe(false);
  });

  it('GIVEN «а в каком городе?» THEN "в" stays with the question: a city the fact gives, or a decline', () => {
    const [, city] = talk('когда создан фестивальный альянс?', 'а в каком городе?');
    expect(city!.status).toBe('answered');
    expect(city!.text).toContain('Шанха');
    // The launch of the initiative is told with a country, no city.
    const [, , none] = talk('Бір белдеу бір жол бастамасы қашан және қай елде алғаш ұсынылды?', 'оның екі бөлігі қандай?', 'а в каком городе?');
    expect(none!.status).toBe('declined');
  });

  it.each([
    ['how many official languages does the belt and road have', 'which languages exactly?'],
    ['Сколько официальных языков в странах пояса и пути?', 'а какие именно это языки?'],
    ['Белдеу мен жол елдерінде қанша ресми тіл бар?', 'нақты қай тілдер?'],
  ])('GIVEN %j THEN %j, which ones exactly, is declined by a fact that counts them without naming them', (first, which) => {
    const [count, exactly] = talk(first, which);
    expect(count!.factIds).toEqual(['bri-official-languages']);
    expect(exactly!.status).toBe('declined');
  });

  it.each([
    ['ЕҰУ неше қытай университетімен меморандумға қол қойды?', 'олардың ішінде қайсысы жетекші?'],
    ['ENU nese qytai universitetimen memorandumga qol qoidy?', 'olardyn ishinde qaisysy jetekshi'],
  ])('GIVEN %j THEN %j, which of them leads, is the one the fact says takes the leading position, not a question of a director', (first, leading) => {
    const [count, which] = talk(first, leading);
    expect(count!.factIds).toEqual(['enu-memorandums-with-chinese-universities']);
    expect(which!.factIds).toEqual(['enu-memorandums-with-chinese-universities']);
    expect(which!.text).toMatch(/Сиань|Xi'an/);
  });

  it.each([
    ['when was the library alliance founded?', 'who funds it?'],
    ['когда основан библиотечный альянс?', 'кто его финансирует?'],
    ['кітапханалар альянсы қашан құрылды?', 'оны кім қаржыландырады?'],
  ])('GIVEN %j THEN %j, a question of its funding the source does not answer, is declined', (first, funding) => {
    expect(talk(first, funding)[1]!.status).toBe('declined');
  });

  it.each([
    ['how many graduates has the enu confucius institute had?', 'and textbooks in its library?'],
    ['сколько выпускников у института Конфуция при ЕНУ?', 'а учебников в библиотеке?'],
    ['ЕҰУ Конфуций институтын қанша адам бітірді?', 'ал кітапханадағы оқулықтар ше?'],
    ['how many relics did the 2019 museum exhibition show?', 'and countries?'],
  ])('GIVEN a count (%j), then a fragment naming another thing to count (%j) THEN that count of the same thing', (question, fragment) => {
    const [first, second] = talk(question, fragment);
    expect(second!.answered).toBe(true);
    expect(second!.factIds[0]).not.toBe(first!.factIds[0]);
    expect(bot.fact(second!.factIds[0]!)!.answers.subjects).toEqual(expect.arrayContaining(bot.fact(first!.factIds[0]!)!.answers.subjects.slice(0, 1)));
  });

  it('GIVEN a follow-up the source does not answer THEN it is declined like any question', () => {
    const [, reply] = talk(STUDENTS_2019, 'and in 2021?');
    expect(reply!.status).toBe('declined');
  });

  it('GIVEN a question declined about something named THEN a pronoun after it stands for that thing', () => {
    const [, declined, opening] = talk('when was the theatre alliance founded?', 'how many books does the library alliance have?', 'who came to its opening?');
    expect(declined!.status).toBe('declined');
    expect(opening!.factIds[0]).toBe('silk-road-library-alliance-founding');
  });

  it('GIVEN a pronoun beside a name of its own THEN the pronoun still stands for what the last answer was about', () => {
    // «Ол» is the Kazakh major just talked about; the university only says where.
    const [, started] = talk('Қытайдың қандай университеттері қазақ тілін оқытады?', 'Сиань университетінде ол қашан басталды?');
    expect(started!.status).toBe('answered');
    expect(started!.text).toContain('2017');
  });

  it('GIVEN a pronoun in an oblique case («об этом») THEN it points back as its other forms do', () => {
    const [concert, more] = talk('расскажи про концерт сянь синхая в алматы', 'ещё что-нибудь об этом');
    expect(concert!.status).toBe('answered');
    expect(more).toMatchObject({ status: 'answered', lang: 'ru' });
    expect(more!.fact!.id).not.toBe(concert!.fact!.id);
  });

  it.each([
    ['what exhibition opened at the national museum of china in april 2019?', 'which countries took part?'],
    ['какая выставка открылась в национальном музее китая 11 апреля 2019?', 'какие страны участвовали?'],
    ['2019 жылы Қытай ұлттық музейінде қандай көрме ашылды?', 'қандай елдер қатысты?'],
  ])('GIVEN %j, then %j naming nothing THEN which of them in what was just talked about', (question, which) => {
    const [first, reply] = talk(question, which);
    expect(reply!.factIds).toEqual(first!.factIds);
    // A "which" question the source answers alone, keeping to the conversation, stays a question of its own.
    const [, alone] = talk('how many kazakh students were in china in 2019', 'which universities teach kazakh?');
    expect(alone!.factIds).toEqual(talk('which universities teach kazakh?')[0]!.factIds);
  });

  it.each([
    ['who laid flowers at the abai monument in beijing?', 'when was it installed?'],
    ['кто возложил цветы к памятнику Абаю в Пекине?', 'когда его установили?'],
    ['Бейжіңдегі Абай ескерткішіне кім гүл қойды?', 'ол қашан орнатылды?'],
  ])('GIVEN %j, answered by a fact about an event at the thing it names, THEN %j is about that thing', (question, pronoun) => {
    const [, reply] = talk(question, pronoun);
    expect(reply!.text).toContain('2014');
  });

  it('GIVEN a pronoun THEN it stands for what the last answer was about', () => {
    const [first, where] = talk('abai eskertkishi beijingde qashan ornatyldy?', 'ол қай жерде тұр?');
    expect(first!.text).toContain('2014');
    expect(where).toMatchObject({ lang: 'kk', answered: true });
    expect(where!.text).toContain('Чаоян');
  });

  it('GIVEN small talk mid-conversation THEN it is answered in kind and the conversation goes on', () => {
    const [, thanks, next] = talk(STUDENTS_2019, 'thanks!', 'and in 2020?');
    expect(thanks!.status).toBe('smalltalk');
    expect(next!.text).toContain('12,000');
    // Misspelt, it is still small talk, and the conversation still goes on.
    const [, ack, after] = talk(STUDENTS_2019, 'туснкти', 'а в 2020?');
    expect(ack!.status).toBe('smalltalk');
    expect(after!.text).toContain('12');
    expect(after!.factIds).toEqual(['kazakh-students-in-china-2020']);
  });

  it('GIVEN a question that stands on its own THEN it is not bent into a follow-up', () => {
    const [, switched] = talk(STUDENTS_2019, 'when was the silk road library alliance founded?');
    expect(switched!.fact?.id).toBe('silk-road-library-alliance-founding');
  });

  it('GIVEN "how many of them…" after a count THEN a count of some of them, never the count just given', () => {
    for (const [first, partOf] of [
      ['2020 жылы Қытайда қанша қазақстандық студент оқыды?', 'олардың қаншасы Қытайда қалып қойды'],
      ['сколько казахстанских студентов училось в Китае в 2020 году?', 'а сколько из них осталось в Китае?'],
      ['how many kazakh students studied in china in 2020?', 'how many of them stayed in china?'],
    ] as const) {
      const [all, some] = talk(first, partOf);
      expect(all!.text).toContain('12');
      expect(some!.answered).toBe(true);
      expect(some!.text).toContain('700');
    }
  });

  it('GIVEN "how many of them" THEN the words next to it tell what became of them, not what is counted', () => {
    const of = (text: string, lang: Lang) => bot.read(text, lang).question;
    expect(of('олардың қаншасы Қытайда қалып қойды', 'kk')).toMatchObject({ partitive: true, countTarget: null });
    expect(of('how many of them stayed in china', 'en')).toMatchObject({ partitive: true, countTarget: null });
    expect(of('сколько из них осталось в китае', 'ru')).toMatchObject({ partitive: true, countTarget: null });
    expect(of('қаншасы қалды 2020 жылы қазақстандық студенттер', 'kk')).toMatchObject({ partitive: true, countTarget: { concept: 'student' } });
    expect(of('Қытайда қанша студент оқыды', 'kk')).toMatchObject({ partitive: false, countTarget: { concept: 'student' } });
  });

  it('GIVEN «список» in another case («из списка литературы») THEN it only names a list and asks for none', () => {
    expect(bot.read('кто автор книги из списка литературы?', 'ru').question.listed).toBe(false);
    expect(bot.read('дай список альянсов', 'ru').question.listed).toBe(true);
  });

  it.each([
    ['ол жерде канша Сиань шет тілдер университетіндегі қазақ тілі мамандығы студент окиды', 'kk'],
    ['сколько Сианьский университет иностранных языков студентов обучает', 'ru'],
    ['how many XISU Kazakh language major students are there', 'en'],
  ] as const)('GIVEN "how many", a name and a thing counted right after it (%j) THEN that thing is counted, not the name', (text, lang) => {
    expect(bot.read(text, lang).question.countTarget).toEqual({ concept: 'student' });
  });

  it.each([
    ['when was the silk road international theatre alliance founded?', 'another question: how many confucius institutes are in kazakhstan?', 'different question: when was it founded?'],
    ['когда основан Международный театральный альянс Шёлкового пути?', 'другой вопрос: сколько институтов Конфуция в Казахстане?', 'другой вопрос: когда его основали?'],
    ['Жібек жолы халықаралық театр альянсы қашан құрылды?', 'басқа сұрақ: Қазақстанда неше Конфуций институты бар?', 'басқа сұрақ: ол қашан құрылды?'],
  ])('GIVEN a conversation (%j) THEN "another question: …" (%j) is read on its own, with nothing carried over (%j)', (first, other, bare) => {
    const question = other.slice(other.indexOf(':') + 1).trim();
    const [, answered] = talk(first, other);
    expect(answered).toMatchObject({ answered: true, factIds: talk(question)[0]!.factIds });
    // Read as a conversation's first message, not as a follow-up of the first one.
    const alone = talk(bare.slice(bare.indexOf(':') + 1).trim())[0]!;
    const followUp = talk(first, bare.slice(bare.indexOf(':') + 1).trim())[1]!;
    expect(talk(first, bare)[1]).toMatchObject({ status: alone.status, factIds: alone.factIds });
    expect(followUp.factIds).not.toEqual(alone.factIds);
  });

  it.each([
    ["how many of tokayev's books were published in chinese?", 'which ones, eg?'],
    ['сколько книг токаева издали на китайском?', 'какие например?'],
    ['тоқаевтың қанша кітабы қытай тілінде шықты?', 'мысалы, қандай?'],
  ])('GIVEN a count (%j) THEN "which ones, for example?" (%j) asks which of them, not a question of its own', (count, which) => {
    const [counted, named] = talk(count, which);
    expect(named).toMatchObject({ answered: true, factIds: counted!.factIds });
  });

  it.each([
    'how many chinese cultural centres have been set up along the route and how many cooperation documents has china signed?',
    'сколько китайских культурных центров создано вдоль маршрута и сколько документов о сотрудничестве подписал китай',
    'жол бойында қанша қытай мәдени орталығы құрылды және қытай неше екіжақты мәдени және туристік құжатқа қол қойды?',
  ])('GIVEN a compound question (%j) whose second part names a thing of its own THEN each part is answered', (question) => {
    const [reply] = talk(question);
    expect(reply).toMatchObject({ status: 'compound', factIds: ['chinese-cultural-centres-along-route', 'culture-tourism-cooperation-documents-108'] });
  });

  it.each([
    ['how many chinese cultural centers were set up along the route and how many bilateral culture and tourism documents were signed?', ['chinese-cultural-centres-along-route', 'culture-tourism-cooperation-documents-108']],
    ['сколько китайских культурных центров создано вдоль маршрута и сколько двусторонних документов о сотрудничестве в сфере культуры и туризма подписано', ['chinese-cultural-centres-along-route', 'culture-tourism-cooperation-documents-108']],
    ['дипломатиялық қатынас орнағанына неше жыл болды және бастама қашан ұсынылды', ['china-kazakhstan-relations-firsts', 'bri-first-proposed-in-kazakhstan']],
  ])('GIVEN a compound question (%j) whose second part names nothing, about a thing of another kind than the first THEN each part is answered', (question, facts) => {
    const [reply] = talk(question);
    expect(reply).toMatchObject({ status: 'compound', factIds: facts });
  });

  it.each([
    ['who wrote this article?', 'which university are they from?', 'Gumilyov'],
    ['кто написал эту статью?', 'из какого они университета?', 'Гумил'],
    ['бұл мақаланы кім жазды', 'олар қай университеттен', 'Гумил'],
  ])('GIVEN the source\'s authors (%j) THEN "they" (%j) are the two authors, not the source', (authors, where, university) => {
    const [, reply] = talk(authors, where);
    expect(reply!.answered).toBe(true);
    expect(reply!.text).toContain(university);
  });

  it.each([
    ['what exam can you take at the enu confucius institute', 'since when?', '2008'],
    ['какой экзамен можно сдать в институте Конфуция ЕНУ', 'какого числа?', '2008'],
    ['ЕҰУ Конфуций институтында қандай емтихан тапсыруға болады', 'айдың нешесі?', '2008'],
  ])('GIVEN a fact (%j) THEN a phrase that only asks (%j) asks it of that fact', (question, asks, date) => {
    const [, reply] = talk(question, asks);
    expect(reply!.answered).toBe(true);
    expect(reply!.text).toContain(date);
  });

  it('GIVEN a switch of language THEN the reply follows the new language, a Cyrillic one never English', () => {
    const [, ru] = talk('Who wrote the article?', 'Каковы цели исследования?');
    expect(ru).toMatchObject({ lang: 'ru', answered: true });
  });
  it.each<[string, string, string]>([
    ['list the silk road alliances', 'which of them is the oldest?', 'and the newest?'],
    ['перечисли альянсы шелкового пути', 'какой из них самый ранний', 'а самый поздний?'],
    ['жібек жолы альянстарын атап бер', 'қайсысы ең ерте құрылды?', 'ал ең соңғысы?'],
  ])('GIVEN a list (%j) THEN the earliest of its things (%j), then the latest of the same kind (%j)', (list, earliest, latest) => {
    const [, first, last] = talk(list, earliest, latest);
    expect(first).toMatchObject({ status: 'answered', factIds: ['silk-road-theatre-alliance-members'] });
    expect(last).toMatchObject({ status: 'answered', factIds: ['silk-road-art-museum-alliance'] });
  });

  it('GIVEN a timeline THEN "which came last?" is the latest thing it told', () => {
    const [, last] = talk('what happened in december 2018', 'which came last?');
    expect(last).toMatchObject({ status: 'answered', factIds: ['kazakh-artists-exhibition-beijing-2018'] });
  });

  it.each<[string, string, string]>([
    ["when was the center for kazakhstan studies in xi'an opened?", 'and the dalian one, when?', 'dalian-center-for-kazakhstan-studies'],
    ['какой по счету сианьский центр?', 'а даляньский когда?', 'dalian-center-for-kazakhstan-studies'],
    ['Сиандағы Қазақстанды зерттеу орталығы қашан ашылды?', 'ал Шанхайдағысы қашан ашылды?', 'sisu-center-for-kazakhstan-studies'],
  ])('GIVEN one centre (%j) THEN an ellipsis naming another by its city (%j) asks of that centre, not of the city', (first, ellipsis, sibling) => {
    const [, reply] = talk(first, ellipsis);
    expect(reply).toMatchObject({ status: 'answered', factIds: [sibling] });
  });

  it.each<[string, string]>([
    ['list the silk road alliances', 'which one is in shanghai?'],
    ['перечисли альянсы шелкового пути', 'который из них в Шанхае?'],
    ['жібек жолы альянстарын атап бер', 'шанхайда құрылғаны қайсы?'],
  ])('GIVEN a list (%j) THEN "which one …" (%j) is one of the things it told, not another thing in that city', (list, which) => {
    const [, reply] = talk(list, which);
    expect(reply).toMatchObject({ status: 'answered', factIds: ['silk-road-arts-festivals-alliance'] });
  });

  it.each<[string, string]>([
    ['what is the one hundred cities on the silk road project?', 'who discussed it?'],
    ['что за проект «Сто городов на Шёлковом пути»?', 'кто это обсуждал'],
    ['жібек жолындағы жүз қала жобасы деген не', 'оны кім талқылады'],
  ])('GIVEN a project (%j) THEN who discussed it (%j) is the meeting where it was discussed', (project, who) => {
    const [, reply] = talk(project, who);
    expect(reply).toMatchObject({ status: 'answered', factIds: ['koishibaev-ma-rujun-meeting-2021'] });
  });

  it.each<[string, string]>([
    ['what happened in december 2018', 'where was the concert held?'],
    ['что происходило в декабре 2018', 'где проходил концерт'],
    ['2018 жылдың желтоқсанында не болды', 'концерт қайда өтті?'],
  ])('GIVEN a timeline that told of one concert (%j) THEN "the concert" (%j) is that one', (timeline, where) => {
    const [told, reply] = talk(timeline, where);
    expect(told!.status).toBe('timeline');
    expect(reply).toMatchObject({ status: 'answered', factIds: ['national-trio-concert-beijing-2018'] });
  });

  it.each<[string, string]>([
    ['what events were held in almaty in memory of xian xinghai', 'where exactly was the concert'],
    ['какие мероприятия прошли в алматы в память о сянь синхае', 'где был концерт'],
    ['алматыда сянь синхайды еске алуға қандай іс-шаралар өтті', 'концерт қай залда өтті'],
  ])('GIVEN one fact that told of an exhibition and a concert (%j) THEN "the concert" (%j) is its concert, not another', (told, where) => {
    const [first, reply] = talk(told, where);
    expect(first!.factIds).toEqual(['xian-xinghai-events-almaty-2018']);
    expect(reply).toMatchObject({ status: 'answered', factIds: ['xian-xinghai-events-almaty-2018'] });
  });

  it.each<[string, string, string]>([
    ["what is wang lulu's email and her phone number", 'phone number', 'The article gives'],
    ['какие у ван лулу email и телефон', 'телефон', 'В статье указаны'],
    ['ван лулудың поштасы мен телефоны қандай', 'телефоны', 'Мақалада'],
  ])('GIVEN two things asked of one by "and" (%j), one the source gives THEN that one is answered and the other (%j) said unknown', (message, unknown, answer) => {
    const [reply] = talk(message);
    expect(reply!.status).toBe('compound');
    expect(reply!.factIds).toEqual(['article-authors-emails']);
    expect(reply!.text).toContain('1933712797');
    expect(reply!.text).toContain(answer);
    expect(reply!.text.slice(reply!.text.indexOf('1933712797'))).toContain(unknown);
  });

  it('GIVEN two things asked of one by "and", the second unknown THEN that part is quoted as typed after "and", not with the name and the pronoun both', () => {
    const [reply] = talk("what is wang lulu's email and her phone number");
    expect(reply!.text).toContain("My source doesn't say: her phone number");
  });

  it.each<string>([
    'what was the trade volume between china and kazakhstan in dollars in the first quarter',
    'какой был товарооборот Китая и Казахстана в долларах за первый квартал',
  ])('GIVEN two such things with words of their own between them (%j) THEN it is one question, declined', (message) => {
    expect(talk(message)[0]!.status).toBe('declined');
  });

  it.each<[string, string]>([
    ['what exhibition opened at the national museum of china in 2019', 'exact date?'],
    ['что за выставка открылась в национальном музее китая в 2019', 'точная дата?'],
    ['что за выставка открылась в национальном музее китая в 2019', 'когда точно'],
  ])('GIVEN an exhibition dated by its year in the question (%j) THEN %j, "exactly" aside, asks its date', (told, exact) => {
    const [first, reply] = talk(told, exact);
    expect(first!.status).toBe('answered');
    expect(reply).toMatchObject({ status: 'answered', factIds: ['silk-road-museum-exhibition-2019'] });
    expect(reply!.text).toMatch(/11 (April|апреля)/);
  });

  it.each<[string, string]>([
    ['какая выставка открылась в национальном музее китая в 2019', 'сколько продлилась выставка'],
    ['какая выставка открылась в национальном музее китая в 2019', 'а сколько она продолжалась'],
  ])('GIVEN an exhibition whose length the source never gives (%j) THEN how long it lasted (%j) is declined', (told, asked) => {
    const [first, reply] = talk(told, asked);
    expect(first!.status).toBe('answered');
    expect(reply!.status).toBe('declined');
  });

  it.each<[string, string]>([
    ['what does the enu confucius institute have in its library', 'what competition do confucius institutes organise and with whom'],
    ['что есть в библиотеке института конфуция при ену', 'в каком международном конкурсе участвуют институты конфуция'],
    ['what do the aims of the silk road arts festivals alliance say', 'ok and what is the tea road thing'],
  ])('GIVEN one fact (%j) THEN a kind named in the plural or by a word of a longer name (%j) is read alone', (told, next) => {
    const [first, reply] = talk(told, next);
    expect(first!.status).toBe('answered');
    expect(reply!.factIds).toEqual(talk(next)[0]!.factIds);
  });

  it.each<[string, string]>([
    ['list the silk road alliances', 'how many alliances were created?'],
    ['when was the theatre alliance founded?', 'how many alliances were created in total?'],
    ['перечисли альянсы шелкового пути', 'сколько всего альянсов создали?'],
    ['жібек жолы альянстарын атап бер', 'қанша альянс құрылды'],
  ])('GIVEN one or all of a kind talked about (%j) THEN a question naming that kind (%j) is asked of the kind, not of one of them', (first, kind) => {
    const [, reply] = talk(first, kind);
    expect(reply).toMatchObject({ status: 'answered', factIds: ['five-international-cultural-alliances'] });
  });
});

describe('Dialogue: a pronoun after a question that named what it means in other words', () => {
  it.each([
    [[STUDENTS_2019, 'and in 2020?', 'what about 2021?', 'how many of them stayed in china during the pandemic?']],
    [['сколько казахстанских студентов училось в китае в 2019?', 'а в 2020?', 'это меньше чем в 2019?', 'сколько из них осталось в китае во время пандемии?']],
  ])('GIVEN %j THEN "them" are the students the last fact told of, not what the last question asked', (messages) => {
    const reply = talk(...messages).at(-1)!;
    expect(reply.answered).toBe(true);
    expect(reply.text).toContain('700');
  });
});

describe('Dialogue: a timeline of a kind of happening', () => {
  it.each([
    'list the meetings of kazakh ambassadors in beijing in order',
    'хронология встреч казахстанских послов',
    'елшілердің кездесулерін жылдар бойынша ретімен айтшы',
  ])('GIVEN %j THEN the dated facts that tell of such happenings, not the dates of a place or a topic', (request) => {
    const [reply] = talk(request);
    expect(reply!.status).toBe('timeline');
    expect(reply!.factIds).toEqual(expect.arrayContaining(['koishibaev-ma-rujun-meeting-2021', 'kazakhstan-china-mutual-cultural-centres']));
    for (const id of reply!.factIds) expect(bot.fact(id)!.answers.of).toContain('meeting');
  });
});

describe('Dialogue: a date alone', () => {
  it.each([
    ['when was the astana-beijing bridge of friendship concert', 'and on dec 13?'],
    ['когда прошёл концерт Астана–Пекин: мост дружбы', 'а 13 декабря?'],
    ['астана-бейжің достық көпірі концерті қашан өтті', 'ал 13 желтоқсанда ше'],
  ])('GIVEN a dated event (%j) THEN a day alone asks what happened that day, in the same year', (event, day) => {
    const [, happened] = talk(event, day);
    expect(happened!.status).toBe('timeline');
    expect(happened!.factIds).toContain('kazakh-artists-exhibition-beijing-2018');
    expect(happened!.factIds).not.toContain('national-trio-concert-beijing-2018');
  });
});

describe('Dialogue: people counted', () => {
  it.each([
    ['what concert was held in beijing on april 17 2017', 'why was it organized', 'how many people came'],
    ['какой концерт прошёл в Пекине 17 апреля 2017 года', 'зачем его организовали', 'сколько человек на нём было'],
    ['2017 жылы 17 сәуірде Бейжіңде қандай концерт өтті', 'ол не үшін ұйымдастырылды', 'оған қанша адам келді'],
  ])('GIVEN a concert (%j) THEN "how many people came" counts its audience: the people counted name nothing talked about (the People\'s Republic)', (concert, why, people) => {
    const [, , counted] = talk(concert, why, people);
    expect(counted!.factIds).toEqual(['bright-silk-road-concert-2017-audience']);
  });
});

describe('Dialogue: a question that names nothing, answered alone about another thing of the same kind', () => {
  it.each([
    ['что проводилось в алматы 2 ноября 2018', 'сколько человек пришло'],
    ['что за проект сто городов шелкового пути', 'сколько книг уже вышло'],
    ['Қазақстан мен Қытай арасындағы дипломатиялық қатынастарға неше жылдан асты', 'дипломатиялық қатынастарды кім бастады'],
  ])('GIVEN a conversation about one thing (%j) THEN %j is asked of it, and declined when the source does not tell, not answered about another thing of its kind', (about, asked) => {
    const [told, reply] = talk(about, asked);
    expect(told!.answered).toBe(true);
    expect(reply!.status).toBe('declined');
  });

  it.each([
    ['Who wrote “Research on the Belt and Road Strategic Concept and Its Practice”?', 'Who wrote the article?', 'article-authors'],
    ['How many performances has the Silk Road theatre alliance hosted?', '2030 жылға қарай қанша жаңа жұмыс орны ашылады?', 'bri-2030-poverty-jobs-forecast'],
  ])('GIVEN a conversation about one thing (%j) THEN %j, about the source itself or with a number of its own, is still answered alone', (about, asked, id) => {
    const [, reply] = talk(about, asked);
    expect(reply!.factIds).toEqual([id]);
  });

  it('GIVEN a conversation about a person, then an event in his honour THEN "how many people came" is asked of that event, not answered with another event\'s audience', () => {
    const [, , , reply] = talk('кто такой сянь синхай?', 'когда был концерт в их честь в алматы?', 'кто организовал?', 'сколько человек пришло?');
    expect(reply!.status).toBe('declined');
  });

  it('GIVEN a conversation about the Xi\'an events THEN a question naming another thing of their kind by a word of its name is still answered alone', () => {
    const [, , reply] = talk('what happened in almaty on 2 november 2018', 'who organised it', 'how many people came to the bright silk road concert');
    expect(reply!.factIds).toEqual(['bright-silk-road-concert-2017-audience']);
  });
});

describe('Dialogue: what the source does not tell', () => {
  it.each([
    ['how many books by Tokayev were published in Chinese', 'which publisher printed them', 'which publishing house did ambassador Koishibaev meet in 2021'],
    ['сколько книг Токаева издано на китайском', 'какое издательство их выпустило', 'какое издательство обсуждало с Казахстаном «Сто городов»'],
    ['Тоқаевтың қанша кітабы қытай тілінде шықты', 'оларды қай баспа шығарды', 'Қойшыбаев қай баспаның директорымен кездесті'],
  ])('GIVEN books said to be published (%j) THEN their publisher is not told; a fact that names a publisher tells it', (books, publisher, named) => {
    const [, asked] = talk(books, publisher);
    expect(asked!.status).toBe('declined');
    const [meeting] = talk(named);
    expect(meeting!.factIds).toEqual(['koishibaev-ma-rujun-meeting-2021']);
  });
});

describe('Dialogue: more', () => {
  it('GIVEN "tell me more" again and again THEN each reply is a fact not given before, until there is none', () => {
    const replies = talk('when was the silk road library alliance founded?', 'tell me more', 'tell me more', 'подробнее');
    const ids = replies.map((r) => r.fact?.id).filter((id): id is string => !!id);
    expect(ids.length).toBe(4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['what research methods did they use in this paper', 'tell me more about the comparative one', 'achievements and potential', 'literature interpretation'],
    ['какие методы исследования использовали авторы?', 'подробнее про сравнительный', 'достижений и потенциала', 'интерпретация литературы'],
    ['мақала авторлары қандай зерттеу әдістерін қолданды?', 'салыстырмалы әдіс туралы толығырақ', 'жетістіктері мен әлеуетін', 'әдебиеттерді интерпретациялау'],
  ])('GIVEN %j, then "more" about one part of that answer, which no other fact tells of THEN that part, as all the source says', (question, more, part, otherPart) => {
    const [list, reply] = talk(question, more);
    expect(reply).toMatchObject({ status: 'answered', factIds: list!.factIds });
    expect(reply!.text).toContain(bot.t(reply!.lang, 'conversation.onlyPart', { part: '' }).slice(0, 20));
    expect(reply!.text).toContain(part);
    expect(reply!.text).not.toContain(otherPart);
  });

  it('GIVEN "more" about the lead of a list in the last answer ("the methodology") THEN no one part of it is quoted', () => {
    const [, reply] = talk('what research methods were used in the study?', 'more on the methodology pls');
    expect(reply!.text).not.toContain(bot.t('en', 'conversation.onlyPart', { part: '' }).slice(0, 20));
  });

  it.each([
    ['what was the exhibition at the national museum of china in april 2019', 'so 12 or 13 countries?', 'en'],
    ['какая выставка открылась в национальном музее китая в 2019?', 'так 12 стран или 13?', 'ru'],
    ['2019 жылы Қытай ұлттық музейінде қандай көрме ашылды?', 'сонымен 12 ел ме, 13 ел ме?', 'kk'],
  ])('GIVEN %j, then two figures asked back (%j) THEN the facts of the conversation that give them', (question, figures, lang) => {
    const [, reply] = talk(question, figures);
    expect(reply).toMatchObject({ answered: true, lang });
    expect(reply!.factIds).toEqual(['silk-road-museum-exhibition-2019', 'silk-road-museum-exhibition-2019-relics']);
  });

  it('GIVEN two facts told, then a question declined that names two other things THEN a bare follow-up weighs nothing', () => {
    const replies = talk(
      'what was the exhibition at the national museum of china in april 2019',
      'so 12 or 13 countries?',
      'which kazakh theatres are in the theatre alliance?',
      'and the museum one, when?',
    );
    expect(replies[2]!.status).toBe('declined');
    expect(replies[3]!.status).not.toBe('compare');
  });

  it('GIVEN figures asked back that no fact of the conversation gives THEN no facts for them', () => {
    const [, reply] = talk('what was the exhibition at the national museum of china in april 2019', 'so 40 or 50 countries?');
    expect(reply!.answered).toBe(false);
  });

  it('GIVEN "tell me more" after dates THEN not a fact that mostly repeats them', () => {
    const [, , more] = talk('which was the first confucius institute in kazakhstan?', 'when was it set up?', 'tell me more');
    const said = ['2006', '2007'];
    expect(more!.answered).toBe(true);
    expect(said.every((year) => more!.text.includes(year))).toBe(false);
  });

  it.each([
    ['when was the art museum alliance founded', 'and the library one, when?'],
    ['когда создали международный альянс художественных музеев шелкового пути?', 'а библиотечный когда?'],
  ])('GIVEN %j, then %j naming another of its kind in part, with a question word THEN the question of that one', (question, ellipsis) => {
    const [, reply] = talk(question, ellipsis);
    expect(reply!.factIds).toEqual(['silk-road-library-alliance-founding']);
  });

  it('GIVEN a fragment naming another of the things talked about by an adjective of a countable word («в фестивальном») THEN the same question of it', () => {
    const [, members, festival] = talk('перечисли международные альянсы шелкового пути', 'сколько участников в театральном?', 'а в фестивальном?');
    expect(members!.text).toContain('138');
    expect(festival!.text).toContain('124');
  });

  it('GIVEN "more" beside a counted thing THEN it compares, it does not ask for more', () => {
    const [, reply] = talk('сколько участников в фестивальном альянсе шелкового пути?', 'а у театрального альянса стран больше?');
    expectComparison(reply, '44');
  });

  it('GIVEN "what else happened in 2016?" in a conversation THEN a timeline of 2016, not one more fact', () => {
    const [, timeline] = talk('when was the silk road international theatre alliance founded?', 'what else happened in 2016?');
    expect(timeline!.status).toBe('timeline');
  });

  it('GIVEN "more about that university" after a major it teaches THEN a fact about the university, not the major again', () => {
    const aboutWhole = (id: string | undefined) => bot.fact(id!)!.answers.subjects.some((s) => s === 'xisu' || bot.entities.wholes(s).includes('xisu'));
    for (const [first, more] of [
      ["when did the kazakh major at xi'an international studies university start?", 'tell me more about that university'],
      ['когда в Сианьском университете иностранных языков открыли казахский?', 'расскажи ещё про этот университет'],
    ] as const) {
      const [major, university] = talk(first, more);
      expect(major!.fact?.id).toBe('xisu-kazakh-major-launch');
      expect(university!.answered).toBe(true);
      expect(bot.fact(university!.fact!.id)!.answers.subjects).not.toContain('xisu-kazakh-language-major');
      expect(aboutWhole(university!.fact?.id)).toBe(true);
    }
  });

  it('GIVEN "more about this alliance" after one alliance THEN more about that one, not about the class it is one of', () => {
    const [, more] = talk('how many members does the silk road theatre alliance have?', 'what else about this alliance?');
    expect(bot.fact(more!.fact!.id)!.answers.subjects).toContain('silk-road-international-theatre-alliance');
  });

  it.each([
    ["how is chinese taught in kazakhstan's education?", 'anything else about the confucius institutes?'],
    ['как китайский язык внедряют в образование казахстана', 'подробнее про институты конфуция'],
  ])('GIVEN %j THEN %j is more about the one of its two subjects it names', (first, more) => {
    const [language, institutes] = talk(first, more);
    expect(bot.fact(language!.fact!.id)!.answers.subjects).toEqual(expect.arrayContaining(['chinese-language', 'confucius-institute']));
    expect(institutes!.fact?.id).not.toBe(language!.fact?.id);
    expect(bot.fact(institutes!.fact!.id)!.answers.subjects).toContain('confucius-institute');
  });

  it('GIVEN «что ещё известно про …» naming one of the authors THEN more about that author, «про» asking nothing of its own', () => {
    const [authors, more] = talk('кто авторы статьи?', 'что ещё известно про Калашникову?');
    expect(authors!.fact?.id).toBe('article-authors');
    expect(more!.fact?.id).not.toBe('article-authors');
    expect(bot.fact(more!.fact!.id)!.answers.subjects).toContain('nataliya-kalashnikova');
  });

  it.each([
    ['when was the first confucius institute in kazakhstan opened?', ['elaborate', 'keep going', 'say more']],
    ['когда открылся первый институт Конфуция в Казахстане?', ['больше информации', 'давай ещё', 'давай дальше']],
    ['Қазақстандағы алғашқы Конфуций институты қашан ашылды?', ['одан әрі', 'тағы ақпарат бер']],
  ])('GIVEN a fact after %j THEN each of %j is another fact about it, in the language of the conversation', (first, requests) => {
    for (const request of requests) {
      const [fact, more] = talk(first, request);
      expect(more, request).toMatchObject({ status: 'answered', lang: fact!.lang });
      expect(more!.fact?.id, request).not.toBe(fact!.fact?.id);
    }
  });

  it('GIVEN "tell me more" with nothing said yet THEN asks what about', () => {
    const [reply] = talk('tell me more');
    expect(reply!.status).toBe('clarify');
  });
});

describe('Dialogue: a kind pointed at, a decline about a thing told', () => {
  it('GIVEN facts about a university THEN «что ещё есть про этот вуз?» is more about that university, not a question about universities', () => {
    const [first, , declined, more] = talk(
      'в каких странах сианьский университет открыл институты конфуция',
      'а стипендию они какую-то запустили?',
      'сколько денег дают по этой стипендии',
      'что ещё есть про этот вуз?',
    );
    const university = bot.fact(first!.factIds[0]!)!.answers.subjects.find((id) => bot.entities.byId.get(id)!.kind === 'organisation')!;
    expect(declined!.status).toBe('declined');
    expect(more).toMatchObject({ status: 'answered', lang: 'ru' });
    const organisations = bot.fact(more!.factIds[0]!)!.answers.subjects.filter((id) => bot.entities.byId.get(id)!.kind === 'organisation');
    expect(organisations.length).toBeGreaterThan(0);
    expect(organisations.every((id) => id === university || bot.entities.wholes(id).includes(university))).toBe(true);
  });

  it.each([
    ['когда была официальная презентация института конфуция ЕНУ', 'кто там преподает', 'ru'],
    ['ЕҰУ Конфуций институтының ресми таныстырылымы қашан болды', 'онда кім сабақ береді', 'kk'],
  ])('GIVEN an event at an institution (%j) THEN %j, which the event cannot answer, asks it of the institution', (event, there, lang) => {
    const [first, reply] = talk(event, there);
    const [happening, ...others] = bot.fact(first!.factIds[0]!)!.answers.subjects;
    expect(bot.entities.byId.get(happening!)!.kind).toBe('event');
    expect(reply).toMatchObject({ status: 'answered', lang });
    expect(bot.fact(reply!.factIds[0]!)!.answers.subjects).toEqual(expect.arrayContaining([others[0]]));
  });

  it('GIVEN a question declined about one of the things a fact told of THEN "these cities" still points at the others', () => {
    const replies = talk(
      'whats the one hundred cities on the silk road project',
      'which kazakh cities are in it',
      'when was it discussed and by which ambassador',
      'who did he meet with',
      'when will the books be published',
      'which kazakh program helped get these cities included',
    );
    const series = bot.fact(replies[0]!.factIds[0]!)!.answers.subjects[0]!;
    expect(replies[4]!.status).toBe('declined');
    expect(replies[5]).toMatchObject({ status: 'answered', lang: 'en' });
    // Not the meeting told of last, as when the decline left only the person it was resolved with.
    expect(replies[5]!.factIds[0]).not.toBe(replies[3]!.factIds[0]);
    expect(bot.fact(replies[5]!.factIds[0]!)!.answers.subjects).toContain(series);
  });
});

describe('Dialogue: ordinals', () => {
  it.each([
    ['сколько институтов конфуция в казахстане', 'а первый где?'],
    ['konfusi instituty qazaqstanda neshe?', 'birinshisi qaida?'],
    // Bare, it is not the first of the related facts offered beside the count (as buttons).
    ['how many confucius institutes does kazakhstan have?', 'and the first one?'],
    ['сколько институтов конфуция в казахстане', 'а первый?'],
    ['Қазақстанда неше Конфуций институты бар?', 'біріншісі ше?'],
  ])('GIVEN a count of a kind (%j) THEN %j is about the first of that kind the source names', (count, ordinal) => {
    const [counted, first] = talk(count, ordinal);
    const kind = bot.fact(counted!.factIds[0]!)!.answers.of.find((k) => bot.instancesOf(k).length > 0)!;
    expect(first!.answered).toBe(true);
    expect(bot.fact(first!.factIds[0]!)!.answers.subjects).toContain(bot.instancesOf(kind)[0]);
  });

  it.each([
    ['which chinese universities have centres of kazakhstan studies', 'the first one?', 'second?', 'third?'],
    ['в каких китайских вузах есть центры казахстановедения', 'первый?', 'второй?', 'третий?'],
    ['Қытайдың қай университеттерінде Қазақстанды зерттеу орталықтары бар', 'біріншісі?', 'екіншісі?', 'үшіншісі?'],
  ])('GIVEN things counted (%j) THEN %j, %j, %j pick among them in the order they came about, to the day', (question, ...ordinals) => {
    const [, ...picked] = talk(question, ...ordinals);
    const dates = picked.map((reply) => bot.fact(reply.factIds[0]!)!.dates[0]!);
    // Two of them came about the same year: the month and day order them.
    expect(new Set(dates.map((d) => d.slice(0, 4))).size).toBeLessThan(3);
    expect(new Set(dates).size).toBe(3);
    expect(dates).toEqual([...dates].sort());
  });

  it.each([
    ['list the silk road alliances', 'when was the first of them founded?'],
    ['перечисли международные альянсы шелкового пути', 'когда был создан первый из них?'],
    ['Жібек жолы альянстарын атап бер', 'біріншісі қашан құрылды?'],
  ])('GIVEN a list (%j) THEN its things in the order they came about, and %j is the first shown', (request, first) => {
    const [list, answer] = talk(request, first);
    // The fact that counts them comes first, then one fact for each thing shown.
    const shown = list!.factIds.slice(1);
    const years = shown.map((id) => Math.min(...bot.facts.filter((f) => f.answers.subjects.some((s) => bot.fact(id)!.answers.subjects.includes(s))).flatMap((f) => f.dates.map((d) => Number(d.slice(0, 4))))));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(answer!.factIds[0]).toBe(shown[0]);
  });

  it('GIVEN "for the first time" as an adverb («впервые», «алғаш рет») THEN the first of the things, not the seventh', () => {
    for (const question of ['когда впервые прошли абайские чтения?', 'абай оқулары алғаш рет қашан өтті?']) expect(talk(question)[0]!.status).toBe('declined');
    expect(talk('жетінші абай оқулары қашан өтті?')[0]!.status).toBe('answered');
    expect(talk('бастама алғаш рет қай елде ұсынылды?')[0]!.status).toBe('answered');
  });

  it.each<[string, string, Lang]>([
    ['who wrote the article?', 'where does the second one work?', 'en'],
    ['кто написал статью?', 'а второй где работает?', 'ru'],
    ['мақаланы кім жазды?', 'екіншісі қайда жұмыс істейді?', 'kk'],
  ])('GIVEN %j, then %j THEN the second of the people it names, not of every thing its answer names', (question, second, lang) => {
    const [authors, where] = talk(question, second);
    const people = bot.fact(authors!.factIds[0]!)!.answers.subjects.filter((id) => bot.entities.byId.get(id)!.kind === 'person');
    expect(people).toHaveLength(2);
    expect(where!).toMatchObject({ answered: true, lang });
    expect(where!.text).toContain(bot.entities.displayName(people[1]!, lang));
  });

  it.each([
    ['what events do confucius institutes in kazakhstan hold?', 'what firsts did china and kazakhstan achieve?'],
    ['какие мероприятия проводят институты Конфуция в Казахстане?', 'какие «первые» достижения у Китая и Казахстана?'],
    ['Қазақстандағы Конфуций институттары қандай іс-шаралар өткізеді?', 'Қытай мен Қазақстан қандай «алғашқы» жетістіктерге жетті?'],
  ])('GIVEN a list (%j), then a question of its own with an ordinal\'s word (%j) THEN answered on its own, not as an item of the list', (list, question) => {
    const [, reply] = talk(list, question);
    expect(reply!.factIds).toEqual(talk(question)[0]!.factIds);
  });

  it('GIVEN an ordinal before a word that names none of the things just listed («в первом квартале») THEN it qualifies that word', () => {
    const [, quarter] = talk('насколько вырос товарооборот Китая и Казахстана за прошлый год?', 'а в первом квартале?');
    expect(quarter!.fact?.id).toBe('china-kazakhstan-trade-first-quarter');
    const [, second] = talk('мақаланы кім жазды және олар қайда жұмыс істейді', 'екінші автор кім');
    expect(second).toMatchObject({ status: 'answered', lang: 'kk' });
    expect(second!.text).toContain('Калашникова');
  });

  it.each([
    ['which chinese universities teach kazakh as a major?', 'when did the second university open its kazakh major?', 'en'],
    ['какие вузы китая преподают казахский язык', 'когда во втором вузе открыли казахский', 'ru'],
    ['қытайда қазақ тілін қай университеттер оқытады?', 'екіншісінде қазақ тілі мамандығы қашан бекітілді?', 'kk'],
  ] as const)('GIVEN two universities named (%j) THEN an ordinal before a word for what is counted or for a part of the second (%j) points at it', (list, second, lang) => {
    const [, reply] = talk(list, second);
    expect(reply).toMatchObject({ status: 'answered', lang });
    expect(reply!.text).toContain('2017');
  });

  it('GIVEN an ordinal past the things the source names THEN it does not say, and shows those it names', () => {
    const [count, fifth] = talk('сколько международных культурных альянсов создано?', 'а пятый какой?');
    const kind = bot.fact(count!.factIds[0]!)!.answers.of.find((k) => bot.instancesOf(k).length > 0)!;
    const named = bot.instancesOf(kind);
    expect(named.length).toBeLessThan(5);
    expect(fifth!).toMatchObject({ status: 'declined', answered: false });
    for (const id of named) expect(fifth!.text).toContain(bot.entities.displayName(id, 'ru'));
  });

  it.each<[string, string, Lang, string]>([
    ['how many international cultural alliances were created?', 'where are the rest?', 'en', 'silk-road-cultural-alliance'],
    ['сколько институтов Конфуция в Казахстане?', 'а где остальные?', 'ru', 'confucius-institute'],
    ['Қазақстанда неше Конфуций институты бар?', 'qalgandary qaida ornalasqan?', 'kk', 'confucius-institute'],
    ['where was the first confucius institute in kazakhstan opened?', 'which cities are the other four in?', 'en', 'confucius-institute'],
  ])('GIVEN %j, then "the others" (%j) past the things the source names THEN it does not say, and shows those it names', (question, others, lang, kind) => {
    const [, reply] = talk(question, others);
    expect(reply!).toMatchObject({ status: 'declined', answered: false, lang });
    const named = bot.instancesOf(kind);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(reply!.text).toContain(bot.entities.displayName(id, lang));
  });

  it.each<[string, Lang, string]>([
    ['list the concerts', 'en', 'My source names 3 concerts:'],
    ['list the confucius institutes', 'en', 'My source names 1 of the 5 Confucius Institutes:'],
    ['какие концерты упоминаются в статье?', 'ru', 'Мой источник называет 3 концерта:'],
    ['перечисли центры казахстановедения', 'ru', 'Мой источник называет 4 центра казахстанских исследований:'],
    ['какие институты Конфуция есть в Казахстане', 'ru', 'Мой источник называет 1 из 5 институтов Конфуция:'],
    ['қандай концерттер өтті?', 'kk', 'Дереккөзімде 3 концерт аталады:'],
    ['Қазақстандағы Конфуций институттарын атап бер', 'kk', 'Дереккөзімдегі 5 Конфуций институты ішінен аты аталғаны — 1:'],
  ])('GIVEN a list asked for (%j) THEN its heading says the name in the form its number takes', (question, lang, heading) => {
    const [reply] = talk(question);
    expect(reply).toMatchObject({ status: 'list', lang });
    expect(reply!.text.split('\n')[0]).toBe(heading);
  });

  it.each([
    ['who discussed the one hundred cities on the silk road project in 2021?', 'and what publishing house does the other guy run?'],
    ['кто обсуждал проект «Сто городов на Шёлковом пути» в 2021 году?', 'а какое издательство возглавляет другой участник?'],
    ['2021 жылы «Жібек жолындағы жүз қала» жобасын кім талқылады?', 'ал басқа кісі қай баспаны басқарады?'],
  ])('GIVEN a meeting about a project (%j) THEN "the other" followed by a word of no kind of it (%j) asks of the other person, not of other projects', (meeting, other) => {
    const [, reply] = talk(meeting, other);
    expect(reply).toMatchObject({ answered: true, fact: { id: 'koishibaev-ma-rujun-meeting-2021' } });
  });

  it('GIVEN figures for two years told before a decline THEN «сравни … ещё раз коротко» compares them: «коротко» only says how', () => {
    const turns = talk(
      'сколько казахстанских студентов училось в китае в 2019',
      'а в 2020?',
      'и сколько из них осталось в китае из за пандемии',
      'а в 2021 сколько было',
      'сравни 2019 и 2020 по студентам ещё раз коротко',
    );
    expectComparison(turns[4], '15 000', '12 000');
  });

  it('GIVEN "the first centre" after another centre THEN the first of all centres, not a part of the last one', () => {
    const [xian, first] = talk('когда сианьский университет открыл центр казахстановедения', 'ал бірінші орталық қайда ашылды?');
    expect(xian!.text).toContain('2016');
    expect(first!.answered).toBe(true);
    expect(first!.text).toContain('Шанхай');
  });
});

describe('Dialogue: several facts', () => {
  it.each([
    ["how many of tokayev's books came out in chinese", 'name some'],
    ["how many of tokayev's books came out in chinese", 'can you name a few?'],
    ['сколько книг токаева вышло на китайском', 'назови некоторые'],
  ])('GIVEN a count (%j), then %j THEN the things of it the fact names', (count, some) => {
    const [, reply] = talk(count, some);
    expect(reply!.answered).toBe(true);
    expect(reply!.text).toMatch(/Light and Shadow|Свет и тень/);
  });

  it.each([
    [
      [
        'how many foreign institutions are in the international cultural alliances',
        'from how many countries',
        'compare the number of foreign institutions in the alliances with the number of chinese cultural centers',
      ],
      ['319', '17'],
    ],
    [['сколько зарубежных учреждений в международных культурных альянсах?', 'сравни число зарубежных учреждений в альянсах с числом китайских культурных центров'], ['319', '17']],
  ])('GIVEN %j, a comparison whose two sides find no figure of one thing THEN each side asked as its own count', (messages, figures) => {
    expectComparison(talk(...messages).at(-1), ...figures);
  });

  it.each([
    [['what was the trade turnover back in 2010', 'how many people escape extreme poverty by 2030 and how many new jobs?', 'compare extreme vs moderate poverty figures'], ['7,600,000', '32']],
    [['what anniversary did the april 2017 concert in beijing mark', 'and the xian xinghai events in almaty?', 'compare the audience numbers: how many people came and how many ambassadors'], ['1,000', '20']],
  ])('GIVEN %j THEN the comparison, of two figures of one fact, gives that fact', (messages, figures) => {
    const reply = talk(...messages).at(-1)!;
    expect(reply.status).toBe('answered');
    for (const figure of figures) expect(reply.text).toContain(figure);
  });

  it.each([
    ['what international cultural alliances were created under the belt and road?', 'which of them has more members, theatre or festival?'],
    ['какие международные культурные альянсы созданы?', 'в каком из них больше членов, театральном или фестивальном?'],
    ['бір белдеу бір жол аясында қандай халықаралық мәдени альянстар құрылды', 'олардың қайсысында мүше көп, театр ма әлде фестиваль ме'],
  ])('GIVEN the kind just talked about (%s) THEN "which has more, theatre or festival?" compares two of its instances', (kind, which) => {
    const [, reply] = talk(kind, which);
    expectComparison(reply, '138', '124');
  });

  it.each([
    'which alliance has more members, theatre or arts festivals?',
    'у какого альянса больше участников: театрального или фестивального?',
    'театр альянсы мен фестивальдер альянсының қайсысында мүше көп?',
  ])('GIVEN %j, two things named by a word of their names beside a word of their kind THEN a comparison of the two', (question) => {
    const [compare] = talk(question);
    expect(compare!.status).toBe('compare');
    const about = compare!.factIds.flatMap((id) => bot.fact(id)!.answers.subjects);
    expect(about).toEqual(expect.arrayContaining(['silk-road-international-theatre-alliance', 'silk-road-international-arts-festivals-alliance']));
  });

  it.each([
    ['театр альянсында қанша мүше бар?', 'ал фестивальдер альянсында көбірек пе?'],
    ['2019 жылы Қытайда қанша қазақстандық студент оқыды?', 'ал 2020 жылы азырақ па?'],
  ])('GIVEN %j, then a Kazakh comparative with its question particle (%j) THEN a comparison', (question, comparative) => {
    expect(talk(question, comparative)[1]!.status).toBe('compare');
  });

  it.each([
    'which was founded first, the library alliance or the art museum alliance?',
    'какой центр открылся первым: шанхайский или пекинский?',
    'қайсысы бірінші ашылды: Шанхайдағы орталық па, әлде Бейжіңдегі ме?',
  ])('GIVEN %j, "first" beside "or" THEN a comparison of the two', (question) => {
    const [compare] = talk(question);
    expect(compare!.status).toBe('compare');
    expect(compare!.factIds).toHaveLength(2);
  });

  it.each([
    'which opened earlier: the centre at beijing foreign studies university or the one at dalian?',
    'какой центр открылся раньше: в пекинском университете иностранных языков или в даляньском?',
    'қайсысы бұрын ашылды: Бейжің шет тілдер университетіндегі орталық па, әлде Даляньдағы ма?',
  ])('GIVEN %j, one side named in full and the other by its place THEN the centres of the two universities are compared', (question) => {
    const [compare] = talk(question);
    expect(compare!.status).toBe('compare');
    expect(compare!.factIds).toEqual(['bfsu-center-for-kazakhstan-studies', 'dalian-center-for-kazakhstan-studies']);
  });

  it('GIVEN "which was the first …?", "first" beside "which" alone THEN one thing, no comparison', () => {
    const [first] = talk('which was the first centre for kazakhstan studies?');
    expect(first!.status).toBe('answered');
  });

  it('GIVEN a Kazakh "which of the two has more" THEN a comparison', () => {
    const [reply] = talk('театр альянсы мен фестиваль альянсының қайсысында мүше көп?');
    expectComparison(reply, '138', '124');
  });

  it.each([
    ['list the concerts', ['Bright Silk Road', 'Bridge of Friendship', 'Baikadamov']],
    ['какие выставки упоминаются в статье', ['художников', 'Сянь Синхаю', 'цивилизации']],
    ['концерттер тізімі', ['Жарқын Жібек жолы', 'достық көпірі', 'Байқадамов']],
  ])('GIVEN %j, a kind of event the data names THEN the events of that kind', (request, items) => {
    const [list] = talk(request);
    expect(list!.status).toBe('list');
    for (const item of items) expect(list!.text).toContain(item);
  });

  it.each<[string, string, string[]]>([
    ['when did xian international studies university open its center for kazakhstan studies', 'which ones came before it', ['sisu', 'bfsu', 'dalian']],
    ['когда сианьский университет иностранных языков открыл центр изучения казахстана', 'а какие были до него', ['sisu', 'bfsu', 'dalian']],
    ['сиань университетінде қазақстанды зерттеу орталығы қашан құрылды', 'одан бұрын қайда ашылған', ['sisu', 'bfsu', 'dalian']],
    ['when was the shanghai center for kazakhstan studies set up', 'which ones came after it', ['bfsu', 'dalian', 'xisu']],
  ])('GIVEN one thing of a kind (%j) THEN %j is the things of its kind dated before (or after) it, in date order', (one, relative, centres) => {
    const [, timeline] = talk(one, relative);
    expect(timeline!.status).toBe('timeline');
    expect(timeline!.factIds).toEqual(centres.map((c) => `${c}-center-for-kazakhstan-studies`));
  });

  it.each([
    ['when did xian international studies university open its center for kazakhstan studies', 'which ones came before it', 'give me their dates'],
    ['сиань университетінде қазақстанды зерттеу орталығы қашан құрылды', 'одан бұрын қайда ашылған', 'олардың ашылу күндерін айт'],
  ])('GIVEN the things of a kind told before one (%j, %j) THEN %j asks the dates of that kind, not of one of them', (one, relative, dates) => {
    const [, , reply] = talk(one, relative, dates);
    expect(reply!.answered).toBe(true);
    // The four centres' dates: a timeline of them, or the fact that dates all four.
    for (const date of ['2015', '2016']) expect(reply!.text).toContain(date);
    expect(reply!.factIds.every((id) => id.includes('kazakhstan-studies') || id.includes('center-for-kazakhstan-studies'))).toBe(true);
  });

  it.each([
    ['what international cultural alliances were created?', 'in what order were they created'],
    ['какие культурные альянсы шелкового пути создали', 'в каком порядке их создавали'],
    ['қандай халықаралық мәдени альянстар құрылды', 'олар қандай ретпен құрылды'],
  ])('GIVEN a fact about a kind (%j) THEN %j is the timeline of that kind', (kind, order) => {
    const [, timeline] = talk(kind, order);
    expect(timeline!.status).toBe('timeline');
    for (const year of ['2016', '2017', '2018']) expect(timeline!.text).toContain(year);
  });

  // Pointing back at the thing talked about, or naming a part of it with one date only.
  const universityDates = ['xisu-center-for-kazakhstan-studies', 'xisu-kazakh-major-launch'];
  const instituteDates = ['enu-ci-agreement-2006', 'enu-ci-presentation-2007', 'enu-ci-hsk-centre'];
  it.each([
    ["in which countries did Xi'an International Studies University open Confucius Institutes?", 'key dates of this university in order', universityDates],
    ['в каких странах сианьский университет иностранных языков открыл институты конфуция?', 'ключевые даты этого университета по порядку', universityDates],
    ['Сиань шет тілдер университеті қай елдерде Конфуций институттарын ашты?', 'осы университеттің негізгі даталарын ретімен айтшы', universityDates],
    ['when did the Confucius Institute at ENU open?', 'when did the HSK centre there open? give me all the dates in order', instituteDates],
    ['когда открыли Институт Конфуция при ЕНУ?', 'по порядку: соглашение, открытие, центр HSK — какие годы?', instituteDates],
    ['ЕҰУ-дағы Конфуций институты қашан ашылды?', 'онда HSK орталығы қашан ашылды, барлық даталарды ретімен айтып берші', instituteDates],
  ])('GIVEN a question about one thing (%j) THEN %j is the timeline of that thing', (about, inOrder, dated) => {
    const [, timeline] = talk(about, inOrder);
    expect(timeline!.status).toBe('timeline');
    for (const id of dated) expect(timeline!.factIds).toContain(id);
  });

  // More about the exhibition named, and plain "more", which tells in full the first fact the timeline showed only in part.
  it.each([
    ['what happened in 2019?', 'tell me more about that exhibition'],
    ['что было в 2019 году?', 'расскажи подробнее про эту выставку'],
    ['2019 жылы не болды?', 'сол көрме туралы толығырақ айтшы'],
    ['what happened in 2019?', 'tell me more'],
    ['что было в 2019 году?', 'подробнее'],
    ['2019 жылы не болды?', 'толығырақ'],
  ])('GIVEN a timeline that showed a line of an exhibition (%j) THEN %j is that exhibition, in full', (timeline, more) => {
    expect(talk(timeline, more)[1]!.fact?.id).toBe('silk-road-museum-exhibition-2019');
  });

  it.each([
    ['list the exhibitions', 'put them in date order'],
    ['перечисли выставки', 'расположи их по датам'],
    ['көрмелерді тізіп бер', 'оларды күн-айы бойынша орналастыр'],
  ])('GIVEN %j THEN %j orders the exhibitions told, not the concerts of their organisers', (list, inOrder) => {
    const [, timeline] = talk(list, inOrder);
    expect(timeline!.status).toBe('timeline');
    expect(timeline!.factIds).toContain('silk-road-museum-exhibition-2019');
    expect(timeline!.factIds.filter((id) => id.includes('concert'))).toEqual([]);
  });

  it.each([
    ['put the concerts in date order', 'Concerts, in date order:'],
    ['выставки по датам', 'Выставки — по датам:'],
  ])('GIVEN %j THEN the header starts with a capital, though data writes the kind as it reads inside a sentence', (request, header) => {
    expect(talk(request)[0]!.text.startsWith(header)).toBe(true);
  });

  it.each([
    ['when did shanghai international studies university start its kazakh course?', 'how many chinese unis teach kazakh vs how many confucius institutes are in kazakhstan?'],
    [
      'когда в Шанхайском университете иностранных языков начали преподавать казахский?',
      'сколько китайских вузов преподают казахский по сравнению с тем, сколько институтов Конфуция в Казахстане?',
    ],
  ])('GIVEN %j, then two counts, one of a kind named alone THEN the kind is no side of its own: both counts', (first, comparison) => {
    const [, reply] = talk(first, comparison);
    expect(reply!.status).toBe('compare');
    expect(reply!.factIds).toEqual(['kazakh-language-majors-in-china', 'ci-kazakhstan-count']);
  });

  it.each([
    ['compare the number of cooperation documents and the number of foreign institutions in the alliances', 'and countries?'],
    ['сравни число документов о сотрудничестве и число иностранных учреждений в альянсах', 'а стран?'],
    ['ынтымақтастық құжаттарының саны мен альянстардағы шетелдік мекемелер санын салыстыр', 'ал елдер ше?'],
  ])('GIVEN a comparison of two things, one named with years in its name (%j) THEN %j compares the two things again, not those years', (first, again) => {
    const [, reply] = talk(first, again);
    expect(reply!.status).toBe('compare');
    expect(reply!.text).not.toMatch(/^• 2016/m);
    expect(reply!.text).toContain('(2016–2020)');
  });

  it.each([
    'how many years between the abai monument and the 7th abai readings',
    'сколько лет прошло между установкой памятника Абаю и седьмыми Абаевскими чтениями',
    'Абай ескерткіші мен жетінші Абай оқулары арасында неше жыл өтті',
  ])('GIVEN %j, the time between a monument and an event, asking nothing else of them THEN both dates side by side', (question) => {
    const [reply] = talk(question);
    expectComparison(reply, '2014', '2022');
  });

  it.each([
    'compare how many students have completed courses at the enu confucius institute with how many textbooks its library holds',
    'сравни, сколько студентов окончили курсы института Конфуция ЕНУ, с тем, сколько учебников в его библиотеке',
  ])('GIVEN %j, a request that leads and "with" between two questions THEN both figures, each under its question', (question) => {
    const [reply] = talk(question);
    expect(reply!.status).toBe('compare');
    expect(reply!.factIds).toEqual(['enu-ci-graduates', 'enu-ci-library-textbooks']);
    // The label is the question, without the commas around the cut.
    expect(reply!.text).not.toMatch(/,:/);
  });

  it.each([
    'when did the hsk centre open and how many people completed the courses',
    'когда открыли центр HSK и сколько человек окончили курсы',
    'HSK орталығы қашан ашылды және қанша студент курсты бітірді',
  ])('GIVEN %j THEN the second part is about the institute the first answer is also about', (question) => {
    const [reply] = talk(question);
    expect(reply!.status).toBe('compound');
    expect(reply!.factIds).toEqual(['enu-ci-hsk-centre', 'enu-ci-graduates']);
  });

  it.each(['show all confucius institutes', 'all the centres for kazakhstan studies', 'покажи все институты Конфуция'])('GIVEN %j THEN a list', (request) => {
    expect(talk(request)[0]!.status).toBe('list');
  });

  it.each<[string, string, Lang]>([
    ['перечисли альянсы', '2', 'ru'],
    ['list the kazakhstan studies centres in china', 'the second one', 'en'],
    ['Қытайдағы Қазақстанды зерттеу орталықтарын тізіп бер', 'екіншісі', 'kk'],
  ])('GIVEN the list %j THEN %j picks the second item shown, not the count the list is of', (request, pick, lang) => {
    const [list, second] = talk(request, pick);
    expect(list!.status).toBe('list');
    const shown = list!.text.split('\n').filter((line) => line.startsWith('• ')).map((line) => line.slice(2));
    expect(shown.length).toBeGreaterThan(2);
    expect(second!.status).toBe('answered');
    const about = bot.fact(second!.fact!.id)!.answers.subjects.map((id) => bot.entities.displayName(id, lang));
    expect(about).toContain(shown[1]);
  });

  it.each([
    ['the kind named in full, with "all"', 'Перечисли все альянсы Шёлкового пути'],
    ['in Kazakh, with "all"', 'барлық альянстарды атап бер'],
  ])('GIVEN a request for a list naming %s THEN the same list as the short request', (_how, request) => {
    const [short] = talk('перечисли альянсы');
    const [list] = talk(request);
    expect(list!.status).toBe('list');
    expect(list!.factIds).toEqual(short!.factIds);
  });

  it.each([
    'list the events confucius institutes hold',
    'перечисли мероприятия, которые проводят институты конфуция',
    'конфуций институттары өткізетін іс-шараларды атап берші',
  ])('GIVEN a request to list the events of a kind (%j) THEN the events, not the things of that kind', (request) => {
    const [reply] = talk(request);
    expect(reply!.status).toBe('answered');
    expect(reply!.factIds).toEqual(['ci-kazakhstan-cultural-events']);
  });

  it('GIVEN a Kazakh request to list in the chat form «атап берші» THEN a list', () => {
    expect(talk('жібек жолы халықаралық альянстарын атап берші')[0]!.status).toBe('list');
  });

  it('GIVEN "which" before a kind of thing, asking nothing else of them THEN the things of that kind', () => {
    for (const question of [
      'which confucius institutes are there in kazakhstan?',
      'какие институты Конфуция есть в Казахстане?',
      'Қазақстанда қандай Конфуций институттары бар?',
    ]) {
      const [reply] = talk(question);
      expect(reply!.status).toBe('list');
      expect(reply!.factIds).toContain('enu-ci-first-in-kazakhstan');
    }
    // Asking something of them is a question: which one opened first.
    expect(talk('which confucius institute opened first in kazakhstan')[0]!.status).toBe('answered');
  });

  it('GIVEN a chatty request for the things of a kind in date order THEN a timeline of those things', () => {
    const [list] = talk('list the alliances');
    const [timeline] = talk('can u put all the alliances in order by date');
    expect(timeline!.status).toBe('timeline');
    const items = list!.factIds.slice(1);
    expect(items.every((id) => timeline!.factIds.includes(id))).toBe(true);
  });

  it.each(['перечисли по датам, когда создавались альянсы', 'альянстарды құрылған реті бойынша атап шықшы', 'alianstardyn qurylu retin jyl boiynsha aitshy'])(
    'GIVEN %j, the things of a kind asked for in the order of their dates, with words that ask beside the kind THEN a timeline of those things',
    (request) => {
      const [list] = talk('list the alliances');
      const [timeline] = talk(request);
      expect(timeline!.status).toBe('timeline');
      expect(list!.factIds.slice(1).every((id) => timeline!.factIds.includes(id))).toBe(true);
    },
  );

  it.each(['when were the kazakhstan studies centres in china opened', 'кытайдагы казакстантану орталыктары кашан ашылды'])(
    'GIVEN %j, the date asked of a kind of thing THEN each of them with its date, in date order',
    (question) => {
      const [list] = talk('list the kazakhstan studies centres');
      const [timeline] = talk(question);
      expect(timeline!.status).toBe('timeline');
      expect([...timeline!.factIds].sort()).toEqual(list!.factIds.slice(1).sort());
    },
  );

  it('GIVEN "what happened in 2018?" THEN a timeline of 2018, in date order', () => {
    const [timeline] = talk('what happened in 2018?');
    expect(timeline!.status).toBe('timeline');
    const dates = timeline!.factIds.map((id) => bot.fact(id)!.dates.find((d) => d.startsWith('2018'))!);
    expect(dates.every(Boolean)).toBe(true);
    expect([...dates].sort()).toEqual(dates);
  });

  it('GIVEN events on a date THEN the timeline of that date; one event named in the singular is a question about it', () => {
    for (const question of ['what kazakh cultural events took place in beijing in december 2018', '2018 жылы желтоқсанда бейжіңде қандай қазақ мәдени іс-шаралары болды']) {
      const [timeline] = talk(question);
      expect(timeline!.status, question).toBe('timeline');
      expect(timeline!.factIds, question).toEqual(expect.arrayContaining(['national-trio-concert-beijing-2018', 'kazakh-artists-exhibition-beijing-2018']));
    }
    const [one] = talk('what anniversary did the nov 2 2018 event in almaty commemorate');
    expect(one!.status).toBe('answered');
  });

  it.each(['which alliances were founded in 2018?', 'какие альянсы были созданы в 2018 году?', '2018 жылы қандай альянстар құрылды'])(
    'GIVEN %j, a kind and a year holding several of its things THEN a timeline of those things, not one of them',
    (question) => {
      const [timeline] = talk(question);
      expect(timeline!.status).toBe('timeline');
      expect(timeline!.factIds).toEqual(expect.arrayContaining(['silk-road-library-alliance-founding', 'silk-road-art-museum-alliance']));
      for (const id of timeline!.factIds) expect(bot.fact(id)!.dates.some((d) => d.startsWith('2018'))).toBe(true);
    },
  );

  it('GIVEN "which …" of a kind and a year holding one of its things THEN a question answered by its fact', () => {
    const [one] = talk('какие выставки прошли в 2019 году?');
    expect(one).toMatchObject({ status: 'answered', answered: true });
  });

  it.each([
    'key dates of the belt and road initiative',
    'events of the silk road alliances by year',
    'главные даты инициативы «Пояс и путь»',
    'чё было в 2018',
    'даты создания альянсов',
    'Бір белдеу бір жол негізгі даталары',
  ])('GIVEN a chat request for dates (%j) THEN a timeline', (request) => {
    expect(talk(request)[0]!.status).toBe('timeline');
  });

  it.each(['what events took place in beijing?', 'какие события прошли в Пекине?', 'Бейжіңде қандай іс-шаралар өтті?'])(
    'GIVEN %j, events asked of a place THEN a timeline of what the source places there',
    (question) => {
      const [timeline] = talk(question);
      expect(timeline!.status).toBe('timeline');
      expect(timeline!.factIds).toContain('national-trio-concert-beijing-2018');
    },
  );

  it.each(['give me a timeline', 'в хронологическом порядке, пожалуйста', 'хронологиялық ретпен айтшы'])(
    'GIVEN %j, a request for things in date order naming nothing, first in a conversation THEN the years the source dates, to choose from',
    (request) => {
      const [reply] = talk(request);
      expect(reply!.status).toBe('clarify');
      expect(reply!.text).toContain('2018');
    },
  );

  it.each(['when were the alliances founded', 'когда были основаны альянсы', 'альянстар қашан құрылды'])(
    'GIVEN %j, a kind named by a word of its name THEN the timeline of all its things',
    (question) => {
      const [timeline] = talk(question);
      expect(timeline!.status).toBe('timeline');
      const about = new Set(timeline!.factIds.flatMap((id) => bot.fact(id)!.answers.subjects));
      for (const alliance of bot.instancesOf('silk-road-cultural-alliance')) expect(about).toContain(alliance);
    },
  );

  it.each(['when did the exhibition at the national museum close?', 'когда закрылась выставка?', 'көрме қашан жабылды?'])(
    'GIVEN %j, an event none of the kind\'s facts dates THEN no timeline of the dates they do give: declined',
    (question) => {
      const [reply] = talk(question);
      expect(reply!.status).toBe('declined');
    },
  );

  it.each([
    ['when was the centre for kazakhstan studies in shanghai opened?', 'en'],
    ['когда открыли центр казахстановедения в Шанхае?', 'ru'],
    ['Шанхайдағы қазақстантану орталығы қашан ашылды?', 'kk'],
  ])('GIVEN %j, a kind put in a place of one of its things THEN the date of that one, not a timeline of all', (question) => {
    const [when] = talk(question);
    expect(when!.status).toBe('answered');
    expect(bot.fact(when!.factIds[0]!)!.answers.subjects).toContain('sisu-center-for-kazakhstan-studies');
  });

  it('GIVEN "when did …" of a country that a kind of thing is named after THEN no timeline of that kind', () => {
    const [when] = talk('when did kazakhstan become independent?');
    expect(when!.status).not.toBe('timeline');
  });

  it('GIVEN "when was the alliance founded" in a conversation about one alliance THEN that one, not a timeline of all', () => {
    const [theatre, when] = talk('what does the theatre alliance do', 'when was the alliance founded');
    expect(when!.status).toBe('answered');
    expect(bot.fact(when!.factIds[0]!)!.answers.subjects).toEqual(expect.arrayContaining(bot.fact(theatre!.factIds[0]!)!.answers.subjects));
  });

  it.each(['what was going on in 2018', 'what took place in 2018?', 'anything happen in 2018?'])('GIVEN %j THEN the timeline of 2018', (question) => {
    const [timeline] = talk(question);
    expect(timeline!.status).toBe('timeline');
    expect(timeline!.factIds).toContain('national-trio-concert-beijing-2018');
  });

  it('GIVEN a month as an ellipsis THEN it replaces the month of the question it continues', () => {
    const [, november] = talk('2018 жылы желтоқсанда қандай қазақ мәдени іс-шаралары болды', 'ал қарашада ше?');
    expect(november!.status).toBe('timeline');
    expect(november!.factIds.map((id) => bot.fact(id)!.dates.some((d) => d.startsWith('2018-11')))).not.toContain(false);
  });

  it.each([
    [STUDENTS_2019, 'how many of them stayed in china because of covid', 'so how do the 2019 and 2020 figures compare'],
    ['сколько казахстанских студентов училось в Китае в 2019', 'сколько из них осталось из-за ковида', 'сравни цифры 2019 и 2020'],
    ['2019 жылы Қытайда қанша қазақстандық студент оқыды', 'ал 2020 жылы ше', '2019 бен 2020 сандарын салыстыршы'],
  ])('GIVEN %j and a follow-up THEN %j, "figures" of two years, compares what was asked of them', (first, follow, comparison) => {
    const [, , reply] = talk(first, follow, comparison);
    expect(reply!.factIds).toEqual(['kazakh-students-in-china-2019', 'kazakh-students-in-china-2020']);
  });

  it('GIVEN "compare 2019 and 2020" after a figure THEN both figures side by side with the difference', () => {
    const [, compare] = talk(STUDENTS_2019, 'compare 2019 and 2020');
    expectComparison(compare, '15,000', '12,000', '-3,000');
  });

  it.each<[string[], string]>([
    [[STUDENTS_2019, 'and in 2020?', 'how many of them stayed in china?'], 'compare 2019 and 2020'],
    [['сколько казахстанских студентов учились в Китае в 2020 году?', 'сколько из них осталось там?'], 'а годом раньше больше было?'],
  ])('GIVEN a question that does not differ by year after figures for a year (%j) THEN %j weighs the question before it', (before, comparison) => {
    const compare = talk(...before, comparison).at(-1)!;
    expect(compare.status).toBe('compare');
    expect(new Set(compare.factIds)).toEqual(new Set(['kazakh-students-in-china-2019', 'kazakh-students-in-china-2020']));
  });

  it.each<[string[], string]>([
    [[STUDENTS_2019, 'and in 2020?', 'why did most of them go home?', 'how many stayed?', 'and in 2021?'], 'compare 2019 vs 2020 for me'],
    [['сколько казахстанских студентов училось в Китае в 2019', 'а в 2020?', 'почему большинство вернулось домой?', 'сколько осталось?', 'а в 2021?'], 'сравни 2019 и 2020'],
    [['2019 жылы Қытайда қанша қазақстандық студент оқыды', 'ал 2020 жылы ше?', 'көбі неге үйге қайтты?', 'қаншасы қалды?', 'ал 2021 жылы?'], '2019 бен 2020 ды салыстыр'],
  ])('GIVEN the figures of two years told earlier and questions since that differ by nothing (%j) THEN %j weighs the figures told', (before, comparison) => {
    const compare = talk(...before, comparison).at(-1)!;
    expect(compare.status).toBe('compare');
    expect(compare.factIds).toEqual(['kazakh-students-in-china-2019', 'kazakh-students-in-china-2020']);
  });

  it.each([
    ['when were the abai readings held in beijing', 'what number were they?'],
    ['когда прошли абаевские чтения в пекине', 'которые по счёту?'],
    ['абай оқулары бейжіңде қашан өтті', 'нешінші рет?'],
  ])('GIVEN %j THEN %j, asking its place in the series, is answered about the same readings', (first, rank) => {
    const [readings, reply] = talk(first, rank);
    expect(reply!.factIds[0]).toBe(readings!.factIds[0]);
    expect(reply!.text).toMatch(/7/);
  });

  it.each([
    ['how many kazakh students were in china in 2020', 'and how many were there in 2019?'],
    ['сколько казахстанских студентов было в Китае в 2020', 'а в 2019 сколько было?'],
    ['2020 жылы Қытайда қанша қазақ студенті болды', 'ал 2019 жылы қанша болды?'],
    ['how many kazakh students were in china in 2020', 'а в 2019 сколько было?'],
  ])('GIVEN %j THEN %j, the same question word asked of another year, asks the last question of that year', (first, again) => {
    const [, reply] = talk(first, again);
    expect(reply!.factIds).toEqual(['kazakh-students-in-china-2019']);
  });

  it('GIVEN Kazakh «одақ», the native word for the alliances, THEN a follow-up naming one by it asks about that one', () => {
    const [, museums, compare] = talk('кітапханалар одағы қашан құрылды', 'өнер мұражайлары одағы ше', 'кітапхана одағы мен мұражай одағының қайсысы бұрын құрылды');
    expect(museums!.factIds[0]).toBe('silk-road-art-museum-alliance');
    expect(compare!.status).toBe('compare');
    expect(compare!.factIds).toEqual(['silk-road-library-alliance-founding', 'silk-road-art-museum-alliance']);
  });

  it('GIVEN Kazakh "2019 бен 2020 ны" (a conjunction and a case ending written apart) THEN both years are what is compared, nothing else', () => {
    const [first, , , compare] = talk('2019 жылы Қытайда қанша қазақстандық студент оқыды?', 'ал 2020 ше?', 'олардың қаншасы Қытайда қалды?', '2019 бен 2020 ны салыстыр');
    expect(compare!.status).toBe('compare');
    expect(compare!.factIds[0]).toBe(first!.factIds[0]);
  });

  it('GIVEN a comparison of two years after a question naming none THEN what that question asked, for each year', () => {
    const [, ru] = talk('что статья говорит про студентов из казахстана в китае?', 'то есть в 2020 меньше чем в 2019? насколько?');
    expectComparison(ru, '15 000', '12 000');
  });

  it('GIVEN a Kazakh comparison in a chat spelling ("салыстыршы", "салыстырып бер") THEN both sides side by side', () => {
    const [, , festival] = talk('театр альянсы қашан құрылды', 'оның қанша мүшесі бар?', 'фестиваль альянсымен салыстыршы');
    expectComparison(festival, '124');
    const [, years] = talk('qansha student 2019 jyly qytaida oqydy', '2019 ben 2020 salystyryp ber');
    expectComparison(years, '12 000');
  });

  it('GIVEN "which of the two opened earlier" of two places THEN the dates, not a count', () => {
    const [, reply] = talk('Шанхайдағы Қазақстанды зерттеу орталығы қашан ашылды?', 'Шанхай мен Сиань орталықтарын салыстыр, қайсысы ерте ашылды?');
    expectComparison(reply, '2015', '2016');
  });

  it('GIVEN one question of two things joined by "and" THEN it is asked of each, the answers side by side', () => {
    const [en] = talk('how many members do the theatre alliance and the festival alliance have?');
    expectComparison(en, '138', '124', '-14');
    // «Саны қалай» (what is the number) asks a count: «қалай» (how) is no form of «қала» (a city).
    const [kk] = talk('театр альянсы мен фестиваль альянсының мүше саны қалай?');
    expectComparison(kk, '138', '124');
    // Names stay in the nominative: the Russian difference line needs no case of them («С … по …» would).
    const [ru] = talk('сколько членов у театрального альянса и у альянса фестивалей?');
    expectComparison(ru, '138', '124', '-14');
    expect(ru!.text).not.toMatch(/^С .+ по .+:/m);
    // Asked for dates, the figures of the two facts are no difference to show.
    const [dates] = talk('when were the library alliance and the theatre alliance founded?');
    expectComparison(dates, '2018', '2016');
    expect(dates!.text).not.toMatch(/From .+ to .+:/);
  });

  it.each([
    'how many kazakh students were in china in 2019 and in 2020?',
    'казахстанские студенты в Китае в 2019 и 2020',
    '2019 бен 2020 жылдардағы студенттер саны',
  ])('GIVEN one question of two years joined by "and" (%j) THEN it is asked of each year, the answers side by side', (question) => {
    const [reply] = talk(question);
    expectComparison(reply, '15', '12');
    expect(reply!.factIds).toEqual(['kazakh-students-in-china-2019', 'kazakh-students-in-china-2020']);
  });

  it.each<[string, string]>([
    ['compare kazakh students in china in 2019 and 2020', 'how many of them stayed in china?'],
    ['сравни число казахстанских студентов в Китае в 2019 и 2020', 'сколько из них остались в Китае?'],
    ['2019 бен 2020 жылы Қытайдағы қазақстандық студенттер саны қалай өзгерді?', 'солардың қаншасы Қытайда қалып қойды?'],
  ])('GIVEN the figures of two years (%j) THEN a follow-up asking something else of them (%j) never gives the same two figures again', (comparison, followUp) => {
    const [, reply] = talk(comparison, followUp);
    expect(reply!.factIds).not.toEqual(['kazakh-students-in-china-2019', 'kazakh-students-in-china-2020']);
  });

  it('GIVEN a comparison naming one thing in full and two more by a word each THEN the first two in the order the message names them', () => {
    // "Art" is left over beside "festival alliances" and names the art museum alliance too.
    const [reply] = talk('compare the theatre and art festival alliances');
    expect(reply!.factIds.map((id) => bot.fact(id)!.answers.subjects[0])).toEqual(['silk-road-international-arts-festivals-alliance', 'silk-road-international-theatre-alliance']);
  });

  it.each<[string, string, string]>([
    ['how far apart were the library alliance and the art museum alliance founded', '2018', 'June'],
    ['сколько лет прошло между созданием театрального альянса и альянса фестивалей', '2016', '2017'],
    ['театр альянсы мен фестиваль альянсының құрылуы арасында қанша уақыт өтті', '2016', '2017'],
  ])('GIVEN how much time passed between two things (%j) THEN both dates side by side', (question, ...dates) => {
    const [reply] = talk(question);
    expectComparison(reply, ...dates);
  });

  it('GIVEN a comparison that names nothing THEN the fact just given when it holds the figures, else a question back', () => {
    const [poverty, compare] = talk('how many people will escape extreme poverty by 2030 thanks to the belt and road?', 'so which is bigger, compare the two');
    expect(poverty!.status).toBe('answered');
    expect(compare!.factIds).toEqual(poverty!.factIds);
    // Read as a question, "compare" alone meets the fact about the article's comparative method.
    for (const [message, lang] of [['compare', 'en'], ['сравни', 'ru'], ['салыстыр', 'kk']] as const) {
      const [reply] = talk(message);
      expect.soft(reply!.status, message).toBe('clarify');
      expect.soft(reply!.text, message).toBe(bot.t(lang, 'conversation.compareWhat'));
    }
  });

  it.each<[string, string, string]>([
    ['compare the theatre alliance and the festival alliance by members', 'what happened in 2010?', 'and in 2018?'],
    ['сравни театральный альянс и альянс фестивалей по числу участников', 'а что было в 2010?', 'а в 2018?'],
    ['театр альянсы мен фестиваль альянсының мүше санын салыстыр', '2010 жылы не болды?', 'ал 2018 ше?'],
  ])('GIVEN a comparison, then a question the source does not answer (%j, %j) THEN an ellipsis (%j) completes that question, not the comparison', (comparison, declined, ellipsis) => {
    const [, no, reply] = talk(comparison, declined, ellipsis);
    expect(no!.status).toBe('declined');
    expect(reply!.status).toBe('timeline');
    expect(reply!.factIds).toContain('silk-road-library-alliance-founding');
  });

  it('GIVEN an ellipsis after two things weighed side by side THEN the same two compared again by what it names', () => {
    const [, countries] = talk('compare the number of members of the theatre alliance and the arts festivals alliance', 'and countries for each?');
    expectComparison(countries, '44', '32');
    const [, kk] = talk('театр альянсы мен фестиваль альянсының мүше санын салыстыр', 'ал елдер саны ше?');
    expectComparison(kk, '44', '32');
    // One question asked of two things is answered side by side: a comparison too.
    const [, ofEach] = talk('how many members do the theatre alliance and the festival alliance have', 'and countries?');
    expectComparison(ofEach, '44', '32');
    // "They" after two things: both again.
    const [, founded] = talk('театр альянсы мен фестиваль альянсында канша муше бар', 'олар қашан құрылды');
    expectComparison(founded, '2016', '2017');
    // A thing of its own is a new side: not the same two again.
    const [, xian] = talk('какой открылся раньше шанхайский или пекинский центр казахстановедения', 'а сианьский?');
    expect(xian!.factIds).not.toEqual(['sisu-center-for-kazakhstan-studies', 'bfsu-center-for-kazakhstan-studies']);
  });

  it('GIVEN a comparison one side of which the source does not give THEN the other side, and which is missing', () => {
    const [half] = talk('сравни число стран в театральном и библиотечном альянсах');
    expect(half).toMatchObject({ status: 'compare', answered: true, factIds: ['silk-road-theatre-alliance-members'] });
    expect(half!.text).toContain('44');
    expect(half!.text).toContain(bot.t('ru', 'conversation.compareMissing', { label: bot.entities.displayName('silk-road-international-library-alliance', 'ru') }));
    // What the message asked is the missing side: declined, though the other side is on record.
    const [, , later] = talk(STUDENTS_2019, 'compare 2019 and 2020', 'and 2021?');
    expect(later).toMatchObject({ status: 'declined', answered: false });
  });

  it.each([
    ['ЕҰУ Конфуций институтында қанша студент курсты бітірді?', 'студенттер мен оқулықтар санын салыстыр'],
    ['how many students completed courses at the ENU confucius institute?', 'compare the number of graduates and textbooks'],
    ['сколько студентов окончили курсы института Конфуция ЕНУ?', 'сравни число выпускников и учебников'],
  ])('GIVEN %j THEN %j weighs the two figures asked on either side of "and", each of what was talked about', (first, comparison) => {
    const [, compared] = talk(first, comparison);
    expect(compared!.status).toBe('compare');
    expect(compared!.factIds).toEqual(['enu-ci-graduates', 'enu-ci-library-textbooks']);
  });

  it.each([
    [STUDENTS_2019, 'did it go up or down in 2020?'],
    ['сколько казахстанских студентов училось в Китае в 2019 году?', 'а в 2020 выросло или уменьшилось?'],
  ])('GIVEN %j THEN %j weighs the two years', (first, comparison) => {
    expectComparison(talk(first, comparison)[1], '15', '12');
  });

  it('GIVEN a comparison naming no side THEN it weighs what the last two questions asked about', () => {
    const [, , years] = talk('сколько казахстанских студентов училось в Китае в 2019 году?', 'а в 2020?', 'сравни эти два года');
    expectComparison(years, '15 000', '12 000');
    const [, , things] = talk('how many members does the silk road theatre alliance have?', 'and the arts festivals alliance?', 'which has more?');
    expectComparison(things, '138', '124');
  });

  it('GIVEN a comparative beside "which" or "or", however far apart THEN a comparison of the two things', () => {
    const [, en] = talk('how many members does the silk road theatre alliance have?', 'which one is bigger, that or the arts festivals alliance');
    expectComparison(en, '138', '124');
    const [, kk] = talk('Жібек жолы халықаралық өнер мұражайлары альянсы қашан құрылды?', 'кітапхана альянсы одан ертерек құрылды ма әлде кейін бе?');
    expectComparison(kk, '2018');
    expect(kk!.factIds).toEqual(['silk-road-art-museum-alliance', 'silk-road-library-alliance-founding']);
    // A comparative with neither is no comparison: "more" asks for more.
    const [, more] = talk('how many members does the silk road theatre alliance have?', 'tell me more');
    expect(more!.status).toBe('answered');
  });

  it('GIVEN a comparative beside "than" naming the other side THEN a comparison of the two', () => {
    for (const question of [
      'does the theatre alliance have more members than the festivals alliance?',
      'у театрального альянса больше членов, чем у альянса фестивалей?',
      'театр альянсының мүшелері фестиваль альянсынан көп пе?',
    ]) {
      expectComparison(talk(question)[0], '138', '124');
    }
    expectComparison(talk('were there more kazakh students in china in 2019 than in 2020')[0], '15,000', '12,000');
    const [, earlier] = talk('when was the silk road library alliance founded', 'was it later than the art museums alliance?');
    expectComparison(earlier, '2018');
  });

  it.each([
    'how many chinese unis teach kazakh vs how many confucius institutes are in kazakhstan?',
    'сколько вузов китая преподают казахский против сколько институтов конфуция в казахстане',
  ])('GIVEN two questions of their own about different things, weighed (%j) THEN both answers side by side, no difference', (question) => {
    const [reply] = talk(question);
    expect(reply!.status).toBe('compare');
    expect(reply!.factIds).toEqual(['kazakh-language-majors-in-china', 'ci-kazakhstan-count']);
    expect(reply!.text).not.toMatch(/[−-]3\b/);
  });

  it.each([
    ['which was earlier, the trio concert or the xian xinghai concert?', 'November', 'December'],
    ['трио концерті мен Сянь Синхай концертінің қайсысы ертерек болды?', 'қараша', 'желтоқсан'],
    ['compare the dates of the trio concert and the painting exhibition', '5 December', '13 December'],
  ])('GIVEN things called as people call them (%j) THEN both compared', (question, a, b) => {
    expectComparison(talk(question)[0], a, b);
  });

  it('GIVEN a comparison in its own words of two figures the fact just given holds THEN that fact', () => {
    for (const [question, comparison] of [
      ['how much did china-kazakhstan trade grow last year?', 'compare that growth with the first quarter'],
      ['how many people will escape extreme poverty by 2030 thanks to the belt and road?', 'compare how many people it lifts out of extreme vs moderate poverty'],
    ]) {
      const [fact, compare] = talk(question!, comparison!);
      expect(fact!.status, question).toBe('answered');
      expect(compare!.factIds, comparison).toEqual(fact!.factIds);
    }
  });

  it('GIVEN two questions in one, the first pointing back, the second asking a few words after "and" THEN both parts about what was talked about', () => {
    const [, ru] = talk('какой институт конфуция в казахстане был первым?', 'сколько студентов там выучилось и сколько книг в библиотеке');
    expect(ru).toMatchObject({ status: 'compound', factIds: ['enu-ci-graduates', 'enu-ci-library-textbooks'] });
    const [, kk] = talk('Гумилев университетіндегі Конфуций институты қашан ашылды?', 'онда қанша студент оқып шықты және кітапханасында қанша кітап бар');
    expect(kk).toMatchObject({ status: 'compound', factIds: ['enu-ci-graduates', 'enu-ci-library-textbooks'] });
  });

  it.each([
    ['how many countries organised the exhibition at the National Museum of China and from how many countries did its relics come'],
    ['сколько стран организовали выставку в Национальном музее Китая и из скольких стран были её экспонаты'],
    ['Қытай ұлттық музейіндегі көрмені неше ел ұйымдастырды және оның жәдігерлері неше елден келді'],
  ])('GIVEN %j, two parts one fact answers and the second asking what another fact about the same thing declares THEN that fact answers the second', (question) => {
    const [reply] = talk(question);
    expect(reply).toMatchObject({ status: 'compound', factIds: ['silk-road-museum-exhibition-2019', 'silk-road-museum-exhibition-2019-relics'] });
  });

  it.each<[string, string]>([
    ['what kazakh cultural events took place in beijing in december 2018', 'where was the first one held exactly'],
    ['что было в декабре 2018 года в пекине', 'где прошло первое?'],
    ['2018 жылғы желтоқсанда Бейжіңде не болды', 'біріншісі қайда өтті'],
  ])('GIVEN a timeline (%j) THEN %j is the first happening it told of, not the first thing named inside it', (timeline, first) => {
    const [told, where] = talk(timeline, first);
    expect(told!.status).toBe('timeline');
    expect(where).toMatchObject({ status: 'answered', factIds: [told!.factIds[0]] });
  });

  it.each(['timeline of abai', 'хронология событий про Абая', 'Абайға қатысты даталарды ретімен айтшы'])(
    'GIVEN a timeline of a person (%j) THEN it tells of what is held in their honour: a monument to them, readings of their work',
    (question) => {
      const [timeline] = talk(question);
      expect(timeline!.status).toBe('timeline');
      expect(timeline!.factIds).toEqual(expect.arrayContaining(['abai-monument-beijing', 'abai-readings-beijing-2022']));
    },
  );

  it.each<[string, string, Lang]>([
    ['when was the library alliance founded and who is its director?', 'who is its director?', 'en'],
    ['когда основан библиотечный альянс и кто его директор?', 'кто его директор?', 'ru'],
    ['кітапханалар альянсы қашан құрылды және оның директоры кім?', 'оның директоры кім?', 'kk'],
  ])('GIVEN %j THEN the part the source does not answer is quoted as the user typed it', (question, part, lang) => {
    const [compound] = talk(question);
    expect(compound!.status).toBe('compound');
    expect(compound!.text).toContain(bot.t(lang, 'conversation.partUnknown', { question: part }));
  });

  it.each<[string, string]>([
    ['кітапханалар альянсы қашан құрылды және 2030 жылға дейінгі жоспары қандай', '2018'],
    ['тауар айналымы қанша өсті және 2030 жылға болжамы қандай', '23,06'],
  ])('GIVEN %j, the second question word closing its part as Kazakh puts it THEN each part is answered or declined on its own', (question, figure) => {
    const [compound] = talk(question);
    expect(compound!.status).toBe('compound');
    expect(compound!.text).toContain(figure);
    expect(compound!.text).toContain(bot.t('kk', 'conversation.partUnknown', { question: '' }).split(':')[0]!.trim());
  });

  it.each([
    'when was the CI at enu presented and who teaches there?',
    'когда представили институт конфуция в ЕНУ и кто там преподает?',
    'ЕҰУ-дағы конфуций институты қашан ашылды және онда кімдер сабақ береді?',
  ])('GIVEN %j THEN the second part asks of the thing the first named, not of the event that answered it', (question) => {
    const [reply] = talk(question);
    expect(reply!.factIds).toEqual(['enu-ci-presentation-2007', 'enu-ci-teachers-xisu']);
  });

  it('GIVEN two questions in one THEN each part is answered or declined on its own', () => {
    const [compound] = talk('when was the Library Alliance founded and how many members does it have');
    expect(compound!.status).toBe('compound');
    expect(compound!.factIds).toEqual(['silk-road-library-alliance-founding']);
    expect(compound!.text).toContain('2018');
    expect(compound!.text).toContain(bot.t('en', 'conversation.partUnknown', { question: '' }).split(':')[0]!.trim());
  });

  it.each<string[]>([
    ['what makes kazakhstan special for the belt and road, where and when was it first announced'],
    ['why does kazakhstan matter for the BRI - where and when was the initiative first proposed?'],
    ['куда си цзиньпин поехал с первым визитом после пандемии?', 'а когда и где впервые предложили саму инициативу?'],
  ])('GIVEN "and" between question words of one question (%j) THEN the message is answered whole, not split into a part the source does not answer', (...messages) => {
    const reply = talk(...messages).at(-1)!;
    expect(reply).toMatchObject({ status: 'answered', factIds: ['bri-first-proposed-in-kazakhstan'] });
  });

  it('GIVEN "and" with a question of its own words that points back ("а из скольких стран в нём участники") THEN asked of what was just talked about', () => {
    const [, countries, members] = talk('где и когда создали международный альянс фестивалей искусств шелкового пути', 'а из скольких стран в нем участники', 'а сколько в нем участников');
    expect(countries).toMatchObject({ status: 'answered', factIds: ['silk-road-arts-festivals-alliance'] });
    expect(countries!.text).toContain('32');
    expect(members!.text).toContain('124');
  });

  it('GIVEN a follow-up after a timeline that named nothing THEN it asks of the timeline\'s subject, not for another timeline', () => {
    const [, , timeline, subjects] = talk('в каких вузах китая преподают казахский', 'кого там готовят', 'как открывалась казахская программа в сиане, по порядку', 'ал онда кандай пандер окытылады');
    expect(timeline!.status).toBe('timeline');
    expect(subjects).toMatchObject({ status: 'answered', factIds: ['xisu-kazakh-major-courses'] });
  });

  it.each<[string, Lang]>([
    ['where and when was the arts festivals alliance founded', 'en'],
    ['где и когда создали международный альянс фестивалей искусств шелкового пути', 'ru'],
    ['қашан және қайда құрылды өнер фестивальдері альянсы', 'kk'],
  ])('GIVEN %j, two question words before what they ask about THEN both ask of it, and the fact giving both answers', (question, lang) => {
    const [compound] = talk(question);
    expect(compound).toMatchObject({ status: 'compound', lang, factIds: ['silk-road-arts-festivals-alliance'] });
    expect(compound!.text).not.toContain(bot.t(lang, 'conversation.partUnknown', { question: '' }).split(':')[0]!.trim());
  });

  it('GIVEN a reply of two facts about a thing whose name holds a common word («Люди …») THEN that word inflected («людей») names no thing told, and a question of it is asked as written', () => {
    const [, both, visitors] = talk(
      'когда в нацмузее китая открылась выставка артефактов стран шелкового пути',
      'сколько было стран-организаторов и сколько стран дали экспонаты',
      'сколько людей посетили выставку',
    );
    expect(both!.factIds).toHaveLength(2);
    expect(visitors!.status).toBe('declined');
  });

  it.each(['даляндағысы қашан ашылды?', 'даляндікі қашан ашылған?'])('GIVEN a list of centres WHEN %j asks of "the one in Dalian" THEN the centre there', (ellipsis) => {
    const [, , dalian] = talk('қытайда қазақстанды зерттеу орталықтары қанша', 'оларды атап берші', ellipsis);
    expect(dalian).toMatchObject({ status: 'answered', factIds: ['dalian-center-for-kazakhstan-studies'] });
  });

  it('GIVEN the universities that teach Kazakh WHEN "the xian one" is asked of THEN the one in Xi\'an', () => {
    const [, xian] = talk('which chinese universities teach kazakh', 'when did the xian one start?');
    expect(xian).toMatchObject({ status: 'answered', factIds: ['xisu-kazakh-major-launch'] });
  });
});
