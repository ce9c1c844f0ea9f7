import { describe, expect, it } from 'vitest';
import { answer } from '../../src/cli/answer.ts';
import { realBot, smallBot } from '../helpers/bot.ts';

// The record's shape does not depend on retrieval quality: a small base is enough.
const bot = smallBot();

describe('answer', () => {
  it('GIVEN an answered question THEN the record mirrors the ask result', () => {
    const question = 'how many confucius institutes in kazakhstan';
    const result = bot.ask(question);
    expect(answer(bot, question)).toEqual({
      question,
      lang: result.lang,
      detectedLang: result.detectedLang,
      status: 'answered',
      answered: true,
      factId: result.fact!.id,
      factIds: [result.fact!.id],
      text: result.text,
      sources: result.sources,
      related: result.related.map((r) => r.id),
      suggestions: [],
    });
  });

  it('GIVEN a declined question THEN factId is null and suggestions are listed', () => {
    const record = answer(bot, 'what is the weather in almaty');
    expect(record).toMatchObject({ answered: false, status: 'declined', factId: null, sources: [], related: [] });
    expect(record.suggestions.length).toBeGreaterThan(0);
  });

  it('GIVEN a forced language THEN the record is in it and keeps the detected one', () => {
    const record = answer(bot, 'Сколько институтов Конфуция в Казахстане?', { lang: 'kk' });
    expect(record).toMatchObject({ lang: 'kk', detectedLang: 'ru', answered: true });
  });

  it('GIVEN the question as typed THEN the record keeps it verbatim, spaces included', () => {
    expect(answer(bot, '  hello  ').question).toBe('  hello  ');
  });

  it('GIVEN a request about several facts THEN answered as the first message of a chat is: a comparison, a list', () => {
    const real = realBot();
    expect(answer(real, 'Kazakh students in China - numbers for 2019 vs 2020?')).toMatchObject({ status: 'compare', answered: true });
    expect(answer(real, 'перечисли альянсы')).toMatchObject({ status: 'list', answered: true });
  });

  it('GIVEN a question that says "what happened" but names no year THEN it is answered as a question, not a timeline', () => {
    expect(answer(realBot(), 'Что случилось с казахстанскими студентами в Китае во время пандемии?')).toMatchObject({ status: 'answered' });
  });

  it('GIVEN any record THEN it survives a JSON round trip unchanged (the --json output)', () => {
    for (const question of ['how many confucius institutes in kazakhstan', '', 'hello', 'what is 17 times 23']) {
      const record = answer(bot, question);
      expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    }
  });
});
