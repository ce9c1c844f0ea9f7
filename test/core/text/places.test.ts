import { describe, expect, it } from 'vitest';
import { placeKey, placesIn, placesNamed } from '../../../src/core/text/places.ts';

const place = placeKey;
const asMap = (entries: Record<string, 'alone' | 'in-list'>) =>
  new Map(Object.entries(entries).map(([name, mention]) => [place(name), mention]));

describe('placesIn', () => {
  it.each([
    ['English', 'How many Confucius Institutes are there in Argentina?', 'Argentina'],
    ['Russian, prepositional case', 'Сколько институтов Конфуция в Аргентине?', 'Argentina'],
    ['Russian "во"', 'Сколько институтов во Франции?', 'France'],
    ['Russian, -ае ending', 'Сколько студентов в Шанхае?', 'Shanghai'],
    ['Russian in Latin letters', 'skolko kazahskih studentov v Kitae', 'China'],
    ['Kazakh locative', 'Қазақстанда неше Конфуций институты бар?', 'Kazakhstan'],
    ['Kazakh locative after ң', 'Бейжіңде қандай көрме өтті?', 'Beijing'],
    ['Kazakh locative adjective', 'Қытайдағы қазақ студенттері', 'China'],
    ['Kazakh without Kazakh letters', 'Кытайда канша студент бар', 'China'],
    ['Latin-script Kazakh', 'Qazaqstanda qanşa institut bar?', 'Kazakhstan'],
  ])('GIVEN a place asked with "in" (%s) THEN finds it alone', (_kind, text, name) => {
    expect(placesIn(text)).toEqual(asMap({ [name]: 'alone' }));
  });

  it.each([
    ['English', 'established 3 Confucius Institutes abroad: in Kazakhstan, Argentina and France.'],
    ['Russian', 'создал 3 Института Конфуция за рубежом — в Казахстане, Аргентине и Франции.'],
    ['Kazakh', 'шетелде 3 Конфуций институтын ашты: Қазақстанда, Аргентинада және Францияда.'],
  ])('GIVEN a list of places (%s) THEN each is in a list', (_lang, text) => {
    expect(placesIn(text)).toEqual(asMap({ Kazakhstan: 'in-list', Argentina: 'in-list', France: 'in-list' }));
  });

  it('GIVEN a list joiner as the last word THEN the list simply ends', () => {
    expect(placesIn('в Казахстане и')).toEqual(asMap({ Kazakhstan: 'alone' }));
  });

  it('GIVEN a place named alone elsewhere in the text THEN alone wins over the list', () => {
    expect(placesIn('Centres in Kazakhstan and China. In China, 4 centres.').get(place('China'))).toBe('alone');
  });

  it.each([
    ['a place in a name', 'Centers for Kazakhstan Studies were set up'],
    ['a place after "from"', 'students from China and experts'],
    ['a city starting a university name', 'How many students study at Shanghai International Studies University?'],
    ['an adjective, not a place', 'в китайских университетах'],
    ['a language, not a country', 'books published in Kazakh and Chinese'],
  ])('GIVEN %s THEN finds no place', (_kind, text) => {
    expect(placesIn(text)).toEqual(new Map());
  });
});

describe('placesNamed', () => {
  it.each([
    ['English', "Xi'an International Studies University opened centres in Kazakhstan, Argentina and France", ['Xi\'an', 'Kazakhstan', 'Argentina', 'France']],
    ['Russian cases', 'из Франции в Аргентину, с Казахстаном', ['France', 'Argentina', 'Kazakhstan']],
    ['Kazakh cases', 'Францияның, Қытайға, Қазақстаннан, Алматыда', ['France', 'China', 'Kazakhstan', 'Almaty']],
    ['no place', 'Centers for studies at universities', []],
  ])('GIVEN %s THEN names every place in any form', (_kind, text, names) => {
    expect([...placesNamed(text)].sort()).toEqual(names.map(place).sort());
  });
});
