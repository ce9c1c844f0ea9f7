import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, tokenize } from '../../../src/core/text/normalize.ts';

const words = (text: string) => tokenize(foldText(text));

describe('foldText', () => {
  it.each([
    ['Kazakh Cyrillic, Russian, Latin-script Kazakh and English spellings of Kazakhstan', ['Қазақстан', 'Казакстан', 'Казахстан', 'Qazaqstan', 'Kazakhstan', 'Kazakstan', 'KAZAKHSTAN']],
    ['Kazakh letters typed with their Russian bases', ['Қытайдағы', 'Кытайдагы', 'Qytaidağy']],
    ['Latin-script Kazakh with the 2021 letters ä ğ q ñ ö ū ü ı ş', ['мәдениет', 'mädeniet', 'мадениет']],
    ['ş and ç of the 2021 alphabet', ['Шымкент', 'Şymkent', 'Shymkent']],
    ['ü and ū', ['Нұр-Сұлтан', 'Nūr-Sūltan', 'Nur-Sultan', 'Нур-Султан']],
    ['ö and ı', ['өнер', 'öner', 'онер']],
    ['ё folded onto е', ['Шёлковый', 'Шелковый', 'shelkovyi']],
    ['Russian chat transliteration of ж, х, ч, щ, я', ['Жанры', 'Zhanry', 'Janry']],
    ['Russian chat transliteration of kh', ['Хорошо', 'Khorosho']],
    ['apostrophes in names', ["Xi'an", 'Xian', 'Xi’an']],
    ['Gumilyov and Gumilev', ['Гумилев', 'Gumilev']],
  ])('GIVEN %s THEN all fold to one normal form', (_name, spellings) => {
    const forms = new Set(spellings.map(foldText));
    expect([...forms]).toHaveLength(1);
  });

  it('GIVEN Russian in Latin transliteration THEN meets the Cyrillic spelling', () => {
    expect(words('skolko institutov')).toEqual(words('сколько институтов'));
    expect(words('kogda')).toEqual(words('когда'));
    expect(words('Schuka')).toEqual(words('щука'));
  });

  it.each([
    ['15,000', '15000'],
    ['15 000', '15000'],
    ['15\u00a0000', '15000'],
    ['15\u202f000', '15000'],
    ['1,234,567', '1234567'],
    ['15000', '15000'],
  ])('GIVEN the number %j THEN drops its thousands separators', (input, expected) => {
    expect(words(input)).toEqual([expected]);
  });

  it.each([
    ['23,06%', ['23.06', '%']],
    ['23.06%', ['23.06', '%']],
    ['2,5', ['2.5']],
  ])('GIVEN the decimal %j THEN reads the comma as a point (a percent sign is a word of its own)', (input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  it('GIVEN separate numbers in a list THEN keeps them apart', () => {
    expect(words('2016, 2017 and 2018')).toEqual(['2016', '2017', 'and', '2018']);
    expect(words('in 2019 nearly 15,000 students').filter((w) => /\d/.test(w))).toEqual(['2019', '15000']);
  });

  it('GIVEN punctuation, emoji and markup THEN tokenize keeps only words and numbers', () => {
    expect(words('«Бір белдеу, бір жол» — 2013! 😀 <b>*x*</b>')).toEqual(['bir', 'beldeu', 'bir', 'jol', '2013', 'b', 'x', 'b']);
    expect(words('😀 ❤️ 🇰🇿')).toEqual([]);
    expect(words('')).toEqual([]);
  });

  it('GIVEN any text THEN upper case folds like lower case', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіäğñöūüışç -';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), maxLength: 40 }), (text) => {
        expect(foldText(text.toUpperCase())).toBe(foldText(text));
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN any Unicode THEN never throws and tokens are ASCII words or numbers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const token of tokenize(foldText(text))) expect(token).toMatch(/^(?:[a-z]+|\d+(?:\.\d+)?)$/);
      }),
      { numRuns: 200 },
    );
  });
});
