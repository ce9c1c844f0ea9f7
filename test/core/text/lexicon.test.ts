import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/core/knowledge/load.ts';
import { Lexicon } from '../../../src/core/text/lexicon.ts';
import { foldText, tokenize } from '../../../src/core/text/normalize.ts';
import { LANGS } from '../../../src/core/types.ts';
import { DATA_DIR } from '../../helpers/bot.ts';

const data = loadKnowledge(DATA_DIR).lexicon;
const lexicon = new Lexicon(data);

describe('Lexicon.knows', () => {
  // A message made of these words is read as typed in the right keyboard layout, and as saying something known.
  const lists = ['ellipsis', 'more', 'list', 'timeline', 'happenings', 'compare', 'timeBetween', 'comparatives', 'alternatives', 'earliest', 'latest'] as const;

  it.each(LANGS)('GIVEN the phrases people talk around questions with, in %s THEN the lexicon knows every word of them', (lang) => {
    const words = lists.flatMap((list) => data.languages[lang].conversation[list].flatMap((phrase) => tokenize(foldText(phrase))));
    expect(words.filter((word) => !lexicon.knows(word))).toEqual([]);
  });
});

describe('Lexicon.which', () => {
  const asksWhich = (text: string, lang: 'en' | 'ru' | 'kk') => lexicon.which[lang].in(tokenize(foldText(text)));

  it.each([
    ['қай театрлар кірді', 'kk'],
    ['which theatres joined', 'en'],
    ['какие театры вошли', 'ru'],
  ] as const)('GIVEN %j THEN it asks which ones', (text, lang) => {
    expect(asksWhich(text, lang)).toBe(true);
  });

  it.each([
    ['қай жылы ашылды', 'kk'],
    ['нақты қай күні құрылды', 'kk'],
  ] as const)('GIVEN %j, a date asked with "which" THEN it picks no thing among others', (text, lang) => {
    expect(asksWhich(text, lang)).toBe(false);
  });
});
