import { describe, expect, it } from 'vitest';
import { foldText, tokenize } from '../../../src/core/text/normalize.ts';
import { stem } from '../../../src/core/text/stem.ts';

const stemOf = (word: string) => tokenize(foldText(word)).map(stem).join(' ');
const distinctStems = (forms: string[]) => [...new Set(forms.map(stemOf))];

describe('stem', () => {
  it.each([
    ['institute', ['институт', 'институтов', 'институты', 'институтында', 'институттарын', 'институттары', 'institute', 'institutes', 'Institutes']],
    ['Kazakhstan', ['Казахстан', 'Казахстане', 'Казахстана', 'Қазақстанда', 'Қазақстанның', 'Kazakhstan', 'Qazaqstannyñ']],
    ['Gumilyov', ['Гумилёв', 'Гумилёва', 'Гумилев', 'Gumilyov', 'Gumilev']],
    ['alliance (Russian and Kazakh)', ['альянсы', 'альянсов', 'альянстары', 'альянсының']],
    ['conference', ['конференция', 'конференции']],
    ['culture', ['культура', 'культурный', 'cultural']],
    ['student (Russian and English)', ['студентов', 'студентами', 'students', 'student']],
  ])('GIVEN inflected forms of %s THEN they share one stem', (_name, forms) => {
    expect(distinctStems(forms)).toHaveLength(1);
  });

  it('GIVEN Russian case forms and Kazakh plurals of a noun ending in т or к THEN they share one stem', () => {
    // Among the commonest forms in questions: "дата концерта", "на выставке", "посетить выставку", "студенттер".
    expect.soft(distinctStems(['концерт', 'концерта', 'концерте', 'концерты', 'концерттер'])).toHaveLength(1);
    expect.soft(distinctStems(['выставка', 'выставки', 'выставке', 'выставку'])).toHaveLength(1);
    expect.soft(distinctStems(['студент', 'студенттер', 'студенттердің'])).toHaveLength(1);
  });

  it('GIVEN a Kazakh root of three letters and its plural THEN they share one stem', () => {
    // «халықаралық ұйымдар» must meet «32 халықаралық ұйым»: six letters of the plural would keep the ending.
    expect.soft(distinctStems(['ұйым', 'ұйымдар'])).toHaveLength(1);
    expect.soft(distinctStems(['тіл', 'тілдер'])).toHaveLength(1);
    expect.soft(distinctStems(['жыл', 'жылдар'])).toHaveLength(1);
  });

  it('GIVEN a Kazakh plural of a short root with case endings stacked on it THEN every form shares one stem', () => {
    // «әлем елдерінің үштен екісі» must meet «әлемдегі елдердің қанша бөлігі»: six letters cut «елдердің» apart.
    expect.soft(distinctStems(['елдер', 'елдердің', 'елдерге', 'елдерінің', 'елдерде'])).toHaveLength(1);
    expect.soft(distinctStems(['тілдер', 'тілдердің', 'тілдерге'])).toHaveLength(1);
    // Not every word that begins like one: an English word has no Kazakh endings after the look-alike.
    expect(stemOf('international')).not.toBe(stemOf('interest'));
  });

  it('GIVEN different words THEN keeps them apart', () => {
    expect(stemOf('институт')).not.toBe(stemOf('университет'));
    expect(stemOf('альянс')).not.toBe(stemOf('Абай'));
  });

  it('GIVEN numbers and short words THEN leaves them unchanged', () => {
    for (const word of ['2019', '15000', '23.06', 'a', 'abai', 'kazak']) expect(stem(word)).toBe(word);
  });
});
