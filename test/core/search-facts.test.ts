import { describe, expect, it } from 'vitest';
import { ChatService, MemoryStore, type Conversation } from '../../src/core/index.ts';
import { realBot } from '../helpers/bot.ts';

const who = (id: string, localeHint?: 'en' | 'ru' | 'kk'): Conversation => ({ platform: 'telegram', scope: 'telegram-chat', id, thread: id, ...(localeHint && { localeHint }) });

describe('ChatService.searchFacts (inline search)', () => {
  const bot = realBot();

  it('GIVEN a partial question THEN full fact replies, in the order of the suggestions, at most `limit`', async () => {
    const chat = new ChatService(bot, new MemoryStore());
    const replies = await chat.searchFacts(who('1'), 'Confucius Inst', 5);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.length).toBeLessThanOrEqual(5);
    expect(replies.map((r) => r.fact!.id)).toEqual(bot.suggest('Confucius Inst', 'en', 5).map((s) => s.factId));
    for (const reply of replies) {
      expect(reply.lang).toBe('en');
      expect(reply.sources.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN a stored /lang choice THEN replies in it whatever the query language; else the query language', async () => {
    const store = new MemoryStore();
    const chat = new ChatService(bot, store);
    expect((await chat.searchFacts(who('2'), 'Сколько институтов Конфуция в Казахстане?', 3)).every((r) => r.lang === 'ru')).toBe(true);
    await store.setLanguage('telegram-chat', '2', 'kk');
    expect((await chat.searchFacts(who('2'), 'Сколько институтов Конфуция в Казахстане?', 3)).every((r) => r.lang === 'kk')).toBe(true);
  });

  it('GIVEN an empty query THEN the locale decides and `limit` facts come back', async () => {
    const chat = new ChatService(bot, new MemoryStore());
    const replies = await chat.searchFacts(who('3', 'kk'), '', 10);
    expect(replies).toHaveLength(10);
    expect(replies.every((r) => r.lang === 'kk')).toBe(true);
  });
});
