import type { Chat } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService, MemoryStore } from '../../../src/core/index.ts';
import type { FakeUser } from './fake-bot-api.ts';
import { buttonsOf, dataOf, expected, factsBot, press, privateChat, say, startHarness, type Harness } from './harness.ts';

let h: Harness;
let mirror: ChatService;
const bot = factsBot();
const t = bot.t;
const QUESTION = bot.facts.find((f) => bot.ask(f.en.questions[0]!).fact?.id === f.id)!.en.questions[0]!;

const groupChat = (chat: Chat, user?: FakeUser) => ({
  platform: 'telegram' as const,
  scope: 'telegram-chat' as const,
  id: String(chat.id),
  thread: String(chat.id),
  ...(user?.language_code === 'ru' && { localeHint: 'ru' as const }),
});

beforeAll(async () => {
  h = await startHarness();
  mirror = new ChatService(bot, new MemoryStore());
});
afterAll(() => h.stop());

describe('GIVEN a group', () => {
  it('WHEN members chat among themselves THEN the bot stays silent; WHEN mentioned THEN it answers, quoting the question', async () => {
    const group = h.api.group('Silk Road club');
    const user = h.api.user('Aliya', 'en');
    h.api.sendText(user, QUESTION, { chat: group });
    h.api.sendText(user, 'hello everyone, @someone_else look at this', { chat: group });
    h.api.sendMedia(user, 'sticker', { chat: group });
    const question = h.api.sendText(user, `@${h.api.me.username} ${QUESTION}`, { chat: group });
    const [answer] = await h.api.replies(group.id, 1);
    // Updates of one chat are handled in order, so the chatter before the mention was already passed over.
    expect(h.api.sentTo(group.id)).toHaveLength(1);
    expect(answer!.html).toBe(expected(await mirror.question(groupChat(group), QUESTION)).text);
    expect(answer!.reply_to).toBe(question.message_id);
  });

  it('WHEN the mention is in the middle or in another case THEN the mention is removed from the question', async () => {
    const group = h.api.group('Students');
    const user = h.api.user('Pavel', 'en');
    const answer = await say(h.api, user, `${QUESTION.slice(0, -1)} @${h.api.me.username.toUpperCase()}?`, { chat: group });
    expect(answer.html).toBe(expected(await mirror.question(groupChat(group), `${QUESTION.slice(0, -1)} ?`)).text);
  });

  it('WHEN someone replies to a bot message THEN it is a question for the bot', async () => {
    const group = h.api.group('Researchers');
    const user = h.api.user('Gulnara', 'en');
    const first = await say(h.api, user, `/ask@${h.api.me.username} ${QUESTION}`, { chat: group });
    const followUp = await say(h.api, user, 'How do I bake sourdough bread?', { chat: group, replyTo: first });
    expect(followUp.html).toBe(expected(await mirror.question(groupChat(group), 'How do I bake sourdough bread?')).text);
  });

  it('WHEN /ask is used, with or without the bot name THEN answers; commands for other bots and unknown commands are ignored', async () => {
    const group = h.api.group('Mixed bots');
    const user = h.api.user('Timur', 'ru');
    h.api.sendText(user, '/help@another_bot', { chat: group });
    h.api.sendText(user, '/roll 20', { chat: group });
    const plain = await say(h.api, user, `/ask ${QUESTION}`, { chat: group });
    expect(plain.html).toBe(expected(await mirror.command(groupChat(group, user), 'ask', QUESTION)).text);
    expect(h.api.sentTo(group.id)).toHaveLength(1);
    const help = await say(h.api, user, `/help@${h.api.me.username}`, { chat: group });
    expect(help.text).toContain(t('ru', 'help.intro'));
  });

  it('WHEN /lang is chosen in a group THEN it applies to that group only, not to other groups or private chats', async () => {
    const group = h.api.group('Kazakh speakers');
    const other = h.api.group('English speakers');
    const user = h.api.user('Erlan', 'en');
    const picker = await say(h.api, user, '/lang', { chat: group });
    await press(h.api, user, picker, dataOf(picker, 'Қазақша'));
    expect(await h.chat.chosenLanguage(groupChat(group))).toBe('kk');

    const inGroup = await say(h.api, user, `/ask ${QUESTION}`, { chat: group });
    expect(inGroup.html).toBe(expected(bot.ask(QUESTION, { lang: 'kk' }).reply).text);
    const inOther = await say(h.api, user, `/ask ${QUESTION}`, { chat: other });
    expect(inOther.html).toBe(expected(bot.ask(QUESTION).reply).text);
    const inPrivate = await say(h.api, user, QUESTION);
    expect(inPrivate.html).toBe(expected(await mirror.question(privateChat(user), QUESTION)).text);
  });

  it('WHEN buttons of a group answer are pressed THEN the reply goes to the group', async () => {
    const group = h.api.group('Button pressers');
    const user = h.api.user('Madi', 'en');
    const answer = await say(h.api, user, `/ask ${QUESTION}`, { chat: group });
    const other = h.api.user('Someone', 'en');
    const { reply } = await press(h.api, other, answer, dataOf(answer, 'Қазақша'));
    expect(reply.chat_id).toBe(group.id);
    expect(buttonsOf(reply).at(-1)).toEqual(['English', 'Русский']);
  });

  it('WHEN a photo with a caption mentioning the bot or a voice reply to the bot arrives THEN a hint', async () => {
    const group = h.api.group('Media');
    const user = h.api.user('Saule', 'ru');
    const first = await say(h.api, user, `/ask ${QUESTION}`, { chat: group });
    h.api.sendMedia(user, 'photo', { chat: group, caption: `look @${h.api.me.username}` });
    h.api.sendMedia(user, 'voice', { chat: group, replyTo: first });
    const [photo, voice] = await h.api.replies(group.id, 2, 1);
    expect(photo!.text).toBe(t('ru', 'telegram:media.photo'));
    expect(voice!.text).toBe(t('ru', 'telegram:media.voice'));
  });
});
