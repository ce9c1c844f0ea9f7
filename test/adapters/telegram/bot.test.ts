import type { UserFromGetMe } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { findMention, localeOf, parseCommand } from '../../../src/adapters/telegram/bot.ts';
import { FakeBotApi } from './fake-bot-api.ts';

const me = { id: 1, is_bot: true, first_name: 'Bot', username: 'SilkRoad_bot' } as UserFromGetMe;

describe('parseCommand', () => {
  it('GIVEN commands with and without the bot name THEN parses name, argument and addressee', () => {
    expect(parseCommand('/ask  How many?', 'SilkRoad_bot')).toEqual({ name: 'ask', arg: 'How many?', forUs: true });
    expect(parseCommand('/ASK@silkroad_BOT what', 'SilkRoad_bot')).toEqual({ name: 'ask', arg: 'what', forUs: true });
    expect(parseCommand('/help@other_bot', 'SilkRoad_bot')).toMatchObject({ name: 'help', forUs: false });
    expect(parseCommand('/lang\nkk', 'SilkRoad_bot')).toEqual({ name: 'lang', arg: 'kk', forUs: true });
  });

  it('GIVEN text that is not a command THEN null', () => {
    expect(parseCommand('how many /ask', 'b')).toBeNull();
    expect(parseCommand('/ask-me', 'b')).toBeNull();
    expect(parseCommand('/', 'b')).toBeNull();
  });
});

describe('localeOf', () => {
  it('GIVEN Telegram language codes THEN maps en, ru, kk (with regions) and nothing else', () => {
    expect(localeOf('ru')).toBe('ru');
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('kk')).toBe('kk');
    expect(localeOf('de')).toBeUndefined();
    expect(localeOf(undefined)).toBeUndefined();
  });
});

describe('findMention', () => {
  it('GIVEN a mention of the bot in any case THEN finds it; other mentions do not count', () => {
    const text = 'hi @someone and @silkroad_bot, how many?';
    expect(findMention(text, FakeBotApi.entities(text), me)).toMatchObject({ type: 'mention', offset: 16 });
    expect(findMention('hi @someone', FakeBotApi.entities('hi @someone'), me)).toBeUndefined();
    expect(findMention('x', [{ type: 'text_mention', offset: 0, length: 1, user: { id: 1, is_bot: true, first_name: 'B' } }], me)).toBeDefined();
  });
});
