import { describe, expect, it } from 'vitest';
import { bases, isFormOf, WordForms } from '../../../src/core/text/morphology.ts';
import { foldText } from '../../../src/core/text/normalize.ts';
import { isWordForm, PhraseSet } from '../../../src/core/text/phrases.ts';
import { words } from '../../../src/core/text/normalize.ts';
import type { Lang } from '../../../src/core/types.ts';

const form = (token: string, word: string, lang: Lang, asWritten = false) => isWordForm(foldText(token), foldText(word), lang, asWritten);

describe('word forms', () => {
  it.each<[string, string, Lang]>([
    ['members', 'member', 'en'],
    ['membership', 'member', 'en'],
    ['founded', 'found', 'en'],
    ['countries', 'country', 'en'],
    ["Kazakhstan's", 'Kazakhstan', 'en'],
    ['адресов', 'адрес', 'ru'],
    ['членов', 'член', 'ru'],
    ['основана', 'основать', 'ru'],
    ['основатель', 'основать', 'ru'],
    ['Казахстане', 'Казахстан', 'ru'],
    ['казахстанских', 'Казахстан', 'ru'],
    ['годах', 'год', 'ru'],
    ['мүшелері', 'мүше', 'kk'],
    ['мүшесі', 'мүше', 'kk'],
    ['Қазақстандағы', 'Қазақстан', 'kk'],
    ['Қазақстанның', 'Қазақстан', 'kk'],
    ['Астанада', 'Астана', 'kk'],
    ['елдердің', 'ел', 'kk'],
    ['жылдары', 'жыл', 'kk'],
    ['Бейжіңде', 'Бейжің', 'kk'],
    ['институттарының', 'институт', 'kk'],
    // A name's word given with its possessive, its final қ/п voiced («орталығы»), still names the plain word.
    ['орталықтарын', 'орталығы', 'kk'],
    ['кітаптар', 'кітабы', 'kk'],
    // A Russian verb in «-овать» conjugates on «-у-»; a Kazakh verb is given as its verbal noun in «-у».
    ['финансирует', 'финансировать', 'ru'],
    ['организуют', 'организовать', 'ru'],
    ['қаржыландырады', 'қаржыландыру', 'kk'],
    ['ұйымдастырды', 'ұйымдастыру', 'kk'],
    // A Russian noun's last «о»/«е» drops before a case ending.
    ['послом', 'посол', 'ru'],
    ['посла', 'посол', 'ru'],
    ['рынка', 'рынок', 'ru'],
  ])('GIVEN %j THEN it is a form of %j in %s', (token, word, lang) => {
    expect(form(token, word, lang)).toBe(true);
  });

  it.each<[string, string, Lang, string]>([
    ['город', 'год', 'ru', 'another word that starts alike'],
    ['елші', 'ел', 'kk', '-ші makes a new word, it is no ending'],
    ['ас', 'Астана', 'kk', 'shorter than the word'],
    ['был', 'билет', 'ru', 'a word is never cut below five letters'],
    ['Кытай', 'кітап', 'kk', 'a word is never cut below five letters'],
    ['foundation', 'found', 'en', 'a derivation, not an inflection'],
    ['министрлігі', 'министр', 'kk', '-лік makes a new word (ministry), it is no ending'],
    ['айналу', 'айналым', 'kk', 'a Kazakh word is given as its stem and never cut'],
    ['умеренной', 'умер', 'ru', 'another word that starts alike'],
    ['оқиды', 'оқу', 'kk', 'a verbal noun is never cut below five letters'],
    ['после', 'посол', 'ru', 'the dropped vowel is never followed by «-е», whose form is a word of its own'],
  ])('GIVEN %j THEN it is not a form of %j in %s (%s)', (token, word, lang) => {
    expect(form(token, word, lang)).toBe(false);
  });

  it('GIVEN a doubled letter folded away THEN the ending may start with the base’s last letter («студенттер»)', () => {
    expect(foldText('студенттері')).toBe('studenteri');
    expect(isFormOf('studenteri', 'student', 'kk')).toBe(true);
  });

  it('GIVEN a Kazakh word THEN it is never cut: its ending may be a tense («ашылады», will open, is not «ашылды»)', () => {
    expect(form('ашылды', 'ашылады', 'kk')).toBe(false);
    expect(form('ашыладыма', 'ашылады', 'kk')).toBe(true);
  });

  it('GIVEN a word as written THEN it takes endings but is never cut', () => {
    expect(form('основан', 'основать', 'ru')).toBe(true);
    expect(form('основан', 'основать', 'ru', true)).toBe(false);
  });

  it('GIVEN a word of up to three letters THEN it takes no verb ending («кім» is not «қимыл»)', () => {
    expect(form('кімдер', 'кім', 'kk')).toBe(true);
    expect(form('қимыл', 'кім', 'kk')).toBe(false);
  });

  it('GIVEN a word with an ending THEN its bases are the word and the word without it, never shorter than five letters', () => {
    expect(bases(foldText('основать'), 'ru')).toEqual(expect.arrayContaining(['osnovat', 'osnov']));
    expect(bases(foldText('билет'), 'ru')).toEqual(['bilet']);
    expect(bases(foldText('айналым'), 'kk')).toEqual(['ainalim']);
  });

  it('GIVEN words registered for what they stand for THEN any form finds them, in the language asked', () => {
    const forms = new WordForms<string>();
    forms.add(foldText('мүше'), 'member');
    forms.add(foldText('member'), 'member');
    expect(forms.find(foldText('мүшелерінің'), 'kk')).toEqual(['member']);
    expect(forms.find(foldText('members'), 'en')).toEqual(['member']);
    expect(forms.find(foldText('мүшелерінің'), 'en')).toEqual([]);
  });
});

describe('PhraseSet', () => {
  const phrases = new PhraseSet('ru', [
    ['в каком году', 'date'],
    ['когда', 'date'],
    ['сколько', 'count'],
    ['какого числа', 'date'],
    ['число', 'count'],
  ]);

  it('GIVEN a question THEN finds each phrase in any form, with where it stands', () => {
    expect(phrases.find(words('В каком году и сколько?'))).toEqual([
      { value: 'date', start: 0, end: 3 },
      { value: 'count', start: 4, end: 5 },
    ]);
  });

  it('GIVEN two phrases over the same words THEN the longer wins («какого числа» is a date, not a count)', () => {
    expect(phrases.find(words('какого числа это было')).map((m) => m.value)).toEqual(['date']);
    expect(phrases.find(words('число студентов')).map((m) => m.value)).toEqual(['count']);
  });

  it('GIVEN no phrase THEN nothing', () => {
    expect(phrases.in(words('где это'))).toBe(false);
  });

  it.each<[string, string, Lang]>([
    ['вторая', 'второй', 'ru'],
    ['во втором вузе', 'второй', 'ru'],
    ['седьмого', 'седьмой', 'ru'],
    ['первая', 'первый', 'ru'],
  ])('GIVEN an adjective in «-ой» or «-ый» with a four-letter stem THEN %j holds a form of %j, as «книг» is of «книга»', (text, word, lang) => {
    expect(new PhraseSet(lang, [[word, true]]).in(words(text))).toBe(true);
  });

  it.each<[string, Lang, boolean]>([
    ['do they learn each other’s languages', 'en', false],
    ['the other alliances', 'en', true],
    ['изучают языки друг друга', 'ru', false],
    ['помогают друг другу', 'ru', false],
    ['работают друг с другом', 'ru', false],
    ['а другая библиотека', 'ru', true],
  ])('GIVEN shadows (reciprocal pronouns) THEN %j holds a phrase they overlap only outside them (%s: %s)', (text, lang, found) => {
    const others = new PhraseSet(lang, [['other', true], ['другой', true]], false, ['each other', 'друг друга', 'друг с другом']);
    expect(others.in(words(text))).toBe(found);
  });
});
