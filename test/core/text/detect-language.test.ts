import { describe, expect, it } from 'vitest';
import { detectLanguage as detect } from '../../../src/core/text/detect-language.ts';
import type { Lang } from '../../../src/core/types.ts';
import { realBot } from '../../helpers/bot.ts';

const { markers } = realBot().lexicon;
const detectLanguage = (text: string, fallback?: Lang) => detect(text, markers, fallback);

const cases: Array<[string, Lang, string[]]> = [
  ['English', 'en', ['How many Confucius Institutes are there in Kazakhstan?', 'when was the abai monument installed', 'who wrote the article', 'TELL ME ABOUT THE THEATRE ALLIANCE', 'so 12 or 13 countries?', 'but not more than 50']],
  ['Russian', 'ru', ['Сколько институтов Конфуция в Казахстане?', 'Когда открылась выставка?', 'кто написал статью', 'ГДЕ НАХОДИТСЯ ПАМЯТНИК АБАЮ']],
  ['Russian in Latin transliteration', 'ru', ['skolko studentov v kitae', 'kogda otkrylsya institut konfuciya', 'gde nahoditsya pamyatnik abayu']],
  ['Kazakh', 'kk', ['Қазақстанда қанша Конфуций институты бар?', 'Мақаланың авторлары кімдер?', 'Абай ескерткіші қашан орнатылды?']],
  ['Kazakh typed without Kazakh letters', 'kk', ['Казакстанда канша Конфуций институты бар?', 'Абай ескерткиши кашан орнатылды', 'Макаланын авторлары кимдер?']],
  ['Latin-script Kazakh (2021 alphabet)', 'kk', ['Qazaqstanda qanşa Konfuci instituty bar?', 'Abai eskertkışı qaşan ornatyldy?', 'Maqalanyñ avtorlary kımder?']],
  ['Latin-script Kazakh typed without its special letters', 'kk', ['Kazakstanda kansha Konfuci instituty bar', 'Abai eskertkishi kashan ornatildi']],
];

describe('detectLanguage', () => {
  for (const [name, lang, texts] of cases) {
    it.each(texts)(`GIVEN ${name}: %j THEN ${lang}, confidently`, (text) => {
      expect(detectLanguage(text)).toEqual({ lang, confident: true });
    });
  }

  it.each(['😀😀', '12345', '!!! ???', '', '   ', 'asdkjh qwpoeiru', 'xyzzy'])(
    'GIVEN %j, which says nothing about its language, THEN not confident and the fallback',
    (text) => {
      for (const fallback of ['en', 'ru', 'kk'] as const) expect(detectLanguage(text, fallback)).toEqual({ lang: fallback, confident: false });
    },
  );

  it('GIVEN any Kazakh-specific letter THEN kk whatever the rest', () => {
    for (const letter of 'әғқңөұүһіӘҒҚҢӨҰҮҺІ') expect(detectLanguage(`сколько ${letter}`).lang).toBe('kk');
  });

  it.each<[string, Lang]>([
    ['kto takoi Ma Zhuczyun', 'ru'],
    ['zdravstvuite', 'ru'],
    ['q1 trade growth china kazakhstan percent', 'en'],
  ])('GIVEN %j THEN %s (translit markers; a letter glued to a digit is no one-letter word)', (text, lang) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('GIVEN two Cyrillic words with nothing of either language («давай дальше») THEN the fallback, ru or kk, not a statistical guess', () => {
    for (const fallback of ['ru', 'kk'] as const) expect(detectLanguage('давай дальше', fallback)).toEqual({ lang: fallback, confident: false });
  });

  it.each<[string, Lang]>([
    ['подробнее про бренды', 'ru'],
    ['расскажи подробней про бренды', 'ru'],
    ['a eshe?', 'ru'],
    ['стипендия ше?', 'kk'],
  ])('GIVEN the follow-up %j THEN %s: its asking words tell the language, though a plural in -ы ends like a Kazakh past tense', (text, lang) => {
    for (const fallback of ['en', 'ru', 'kk'] as const) expect(detectLanguage(text, fallback)).toEqual({ lang, confident: true });
  });

  it('GIVEN an English greeting THEN en', () => {
    // "good" folds to the same letters as the Russian «год»; the greeting is still English.
    expect(detectLanguage('Good morning')).toEqual({ lang: 'en', confident: true });
    expect(detectLanguage('Good evening!')).toEqual({ lang: 'en', confident: true });
  });
});
