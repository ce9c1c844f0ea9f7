import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChatService, COMMANDS, decodeAction, MemoryStore } from '../../../src/core/index.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { cleanupAfterEach } from '../../helpers/cleanup.ts';
import { FakeBotApi } from './fake-bot-api.ts';
import { buttonsOf, dataOf, expected, factsBot, press, privateChat, say, startHarness } from './harness.ts';

const bot = factsBot();
const t = bot.t;
const cleanup = cleanupAfterEach();

const STUDENTS_2019 = 'how many Kazakh students studied in China in 2019?';
const AND_2020 = 'and in 2020?';

/** A fake Bot API and a SQLite store in a temporary folder, both removed after the test. */
async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-tg-conversation-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const api = await new FakeBotApi().start();
  cleanup.push(() => api.close());
  return { dir, api };
}

/** The bot on the store in `dir`, stopped (and its store closed) after the test unless stopped before. */
async function botOn(api: FakeBotApi, dir: string) {
  const store = SqliteStore.open(dir);
  const h = await startHarness({ api, store });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await h.stop();
    await store.close();
  };
  cleanup.push(stop);
  return { h, store, stop };
}

describe('GIVEN a conversation in a private chat', () => {
  it('WHEN the bot restarts between a question and its follow-up THEN the follow-up continues it: the 2020 figure', async () => {
    const { dir, api } = await setup();
    const user = api.user('Aigerim', 'en');
    const stranger = api.user('Yerlan', 'en');
    const mirror = new ChatService(bot, new MemoryStore());

    const first = await botOn(api, dir);
    const answer2019 = await say(api, user, STUDENTS_2019);
    expect(answer2019.html).toBe(expected(await mirror.question(privateChat(user), STUDENTS_2019)).text);
    expect(answer2019.text).toContain('15,000');
    await first.stop();

    const second = await botOn(api, dir);
    const answer2020 = await say(api, user, AND_2020);
    expect(answer2020.text).toContain('12,000');
    expect(answer2020.html).toBe(expected(await mirror.question(privateChat(user), AND_2020)).text);
    // The same words with nothing before them in their chat continue nothing.
    expect((await say(api, stranger, AND_2020)).text).not.toContain('12,000');
    // `/ask` is the same conversation: it follows up the follow-up.
    const back = await say(api, user, '/ask and in 2019?');
    expect(back.text).toContain('15,000');
    expect(second.h.logs.filter((line) => / (WARN|ERROR) /.test(line))).toEqual([]);
  });
});

describe('GIVEN a group', () => {
  it('WHEN one member asks and another follows up by replying to the bot THEN the group is one conversation', async () => {
    const { dir, api } = await setup();
    const { h } = await botOn(api, dir);
    const group = api.group('Silk Road club');
    const asker = api.user('Aliya', 'en');
    const other = api.user('Boris', 'en');
    const first = await say(api, asker, `@${api.me.username} ${STUDENTS_2019}`, { chat: group });
    expect(first.text).toContain('15,000');
    const followUp = await say(api, other, AND_2020, { chat: group, replyTo: first });
    expect(followUp.text).toContain('12,000');
    expect(h.api.calls.filter((c) => c.status !== 200)).toEqual([]);
  });
});

describe('GIVEN /lang', () => {
  it('WHEN a choice was made THEN /lang shows it; the automatic button forgets it, and questions are answered in their own language again', async () => {
    const { dir, api } = await setup();
    const { h } = await botOn(api, dir);
    const user = api.user('Dana', 'en');
    await say(api, user, '/lang kk');
    expect((await say(api, user, STUDENTS_2019)).html).toBe(expected(bot.ask(STUDENTS_2019, { lang: 'kk' }).reply).text);

    const picker = await say(api, user, '/lang');
    expect(picker.text).toBe(`${t('kk', 'lang.current', { language: t('kk', 'languageNamesIn.kk') })}\n${t('kk', 'lang.choose')}`);
    expect(buttonsOf(picker)).toEqual([['English', 'Русский', 'Қазақша'], [t('kk', 'lang.autoButton')]]);
    const { reply } = await press(api, user, picker, dataOf(picker, t('kk', 'lang.autoButton')));
    // The picker turns into the confirmation, in the language it was shown in.
    expect(reply).toBe(picker);
    expect(picker.html).toBe(expected(bot.message('kk', t('kk', 'lang.autoSet'))).text);
    expect(picker.reply_markup).toBeUndefined();
    expect(await h.chat.chosenLanguage(privateChat(user))).toBeUndefined();
    expect((await say(api, user, 'Сколько институтов Конфуция в Казахстане?')).text).toContain(bot.ask('Сколько институтов Конфуция в Казахстане?').reply.body);
  });

  it('WHEN /lang auto is typed THEN the choice is forgotten, confirmed in the language the user was reading', async () => {
    const { dir, api } = await setup();
    const { h } = await botOn(api, dir);
    const user = api.user('Oleg', 'en');
    await say(api, user, '/lang ru');
    const done = await say(api, user, '/lang auto');
    expect(done.html).toBe(expected(bot.message('ru', t('ru', 'lang.autoSet'))).text);
    expect(await h.chat.chosenLanguage(privateChat(user))).toBeUndefined();
    const picker = await say(api, user, '/lang');
    expect(picker.text.split('\n')[0]).toBe(t('en', 'lang.currentAuto'));
  });
});

describe('GIVEN /timeline', () => {
  it('WHEN /timeline 2018 THEN the facts of 2018 in date order, each line a button to its fact, as Telegram accepts them', async () => {
    const { dir, api } = await setup();
    await botOn(api, dir);
    expect(api.commands.get('en')!.map((c) => c.command)).toEqual(COMMANDS.map((c) => c.name));
    expect(api.commands.get('en')!.find((c) => c.command === 'timeline')?.description).toBe(t('en', 'commands.timeline.description'));
    const user = api.user('Marat', 'en');
    const mirror = new ChatService(bot, new MemoryStore());
    const timeline = await say(api, user, '/timeline 2018');
    const want = expected(await mirror.command(privateChat(user), 'timeline', '2018'));
    expect(timeline.html).toBe(want.text);
    expect(buttonsOf(timeline)).toEqual(want.buttons);
    const lines = timeline.text.split('\n');
    expect(lines[0]).toBe(t('en', 'conversation.timelineHeader', { name: '2018' }));
    // One line a fact, each a button; then the sources of them all.
    expect(buttonsOf(timeline)).toHaveLength(lines.filter((line) => line.startsWith('• ')).length);
    expect(timeline.text).toContain(`${t('en', 'sourceLabel', { count: 2 })}:\n— `);
    const data = dataOf(timeline, buttonsOf(timeline)[2]![0]);
    const { reply } = await press(api, user, timeline, data);
    const action = decodeAction(data)!;
    expect(action.type).toBe('fact');
    expect(reply.html).toBe(expected(bot.factById((action as { factId: string }).factId, 'en')!).text);
    expect(bot.fact((action as { factId: string }).factId)!.dates.some((d) => d.startsWith('2018'))).toBe(true);

    const years = await say(api, user, '/timeline');
    expect(years.text.split('\n')[0]).toBe(t('en', 'conversation.timelineYears'));
    expect(api.calls.filter((c) => c.status !== 200)).toEqual([]);
  });
});
