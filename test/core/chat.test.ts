import { describe, expect, it } from 'vitest';
import {
  ChatService,
  COMMANDS,
  encodeAction,
  LANGS,
  MemoryStore,
  type Conversation,
  type DeclinedQuestion,
  type Lang,
} from '../../src/core/index.ts';
import { factOf, realBot, TOPIC_IDS } from '../helpers/bot.ts';

const bot = realBot();
const NOW = new Date('2024-05-01T12:00:00Z');

/** A MemoryStore that also keeps what was logged, platform included. */
class RecordingStore extends MemoryStore {
  readonly logged: DeclinedQuestion[] = [];
  override async logDeclined(question: DeclinedQuestion): Promise<void> {
    this.logged.push(question);
    await super.logDeclined(question);
  }
}

function setup(who: Partial<Conversation> = {}) {
  // The store expires conversations on the same clock as the service.
  const store = new RecordingStore(() => NOW.getTime());
  const chat = new ChatService(bot, store, { now: () => NOW });
  const conversation: Conversation = { platform: 'telegram', scope: 'telegram-chat', id: '42', thread: '42', ...who };
  return { store, chat, who: conversation };
}

const CI_EN = 'how many confucius institutes in kazakhstan';
const CI_RU = 'Сколько институтов Конфуция в Казахстане?';
const CI_ID = bot.ask(CI_EN).fact!.id;

describe('ChatService.question', () => {
  it('GIVEN no stored choice THEN replies in the question language', async () => {
    const { chat, who } = setup({ localeHint: 'kk' });
    expect(await chat.question(who, CI_RU)).toMatchObject({ lang: 'ru', fact: { id: CI_ID } });
    expect(await chat.question(who, CI_EN)).toMatchObject({ lang: 'en', fact: { id: CI_ID } });
  });

  it('GIVEN a stored /lang choice THEN it overrides the question language', async () => {
    const { chat, store, who } = setup();
    await store.setLanguage(who.scope, who.id, 'kk');
    const reply = await chat.question(who, CI_RU);
    expect(reply.lang).toBe('kk');
    expect(reply.fact?.id).toBe(CI_ID);
    expect(reply.body).toBe(factOf(bot, CI_ID).kk.answer);
  });

  it('GIVEN text with no clue to its language THEN the platform locale decides', async () => {
    const { chat, who } = setup({ localeHint: 'ru' });
    expect((await chat.question(who, 'Abai')).lang).toBe('ru');
    expect((await chat.question(who, '😀')).lang).toBe('ru');
  });

  it('GIVEN a choice stored for one chat THEN other chats and scopes keep their own language', async () => {
    const { chat, store, who } = setup();
    await store.setLanguage(who.scope, who.id, 'kk');
    expect((await chat.question({ ...who, id: '43' }, CI_RU)).lang).toBe('ru');
    expect((await chat.question({ ...who, scope: 'discord-user' }, CI_RU)).lang).toBe('ru');
  });

  it('GIVEN a declined question THEN logs its trimmed text, reply language and platform, with no user id', async () => {
    const { chat, store, who } = setup({ platform: 'discord', scope: 'discord-user', id: 'user-7' });
    await chat.question(who, '  what is the weather in almaty  ');
    await chat.question(who, 'какая погода в Алматы');
    expect(store.logged).toEqual([
      { text: 'what is the weather in almaty', lang: 'en', platform: 'discord', at: NOW },
      { text: 'какая погода в Алматы', lang: 'ru', platform: 'discord', at: NOW },
    ]);
    expect(JSON.stringify(store.logged)).not.toContain('user-7');
    expect((await store.topDeclined(10)).map((d) => d.text)).toEqual(['what is the weather in almaty', 'какая погода в Алматы']);
  });

  it('GIVEN answered, greeting, empty and too-long messages THEN logs nothing', async () => {
    const { chat, store, who } = setup();
    for (const text of [CI_EN, CI_RU, 'hello', '', '😀', 'a'.repeat(600)]) (await chat.question(who, text));
    expect(store.logged).toEqual([]);
  });

  it('GIVEN a declined question and a stored choice THEN logs the language it was answered in', async () => {
    const { chat, store, who } = setup();
    await store.setLanguage(who.scope, who.id, 'kk');
    await chat.question(who, 'what is the weather in almaty');
    expect(store.logged.map((q) => q.lang)).toEqual(['kk']);
  });
});

describe('ChatService.command', () => {
  it.each(COMMANDS.map((c) => c.name))('GIVEN /%s THEN replies in the user language', async (name) => {
    for (const lang of LANGS) {
      const { chat, who } = setup({ localeHint: lang });
      const reply = await chat.command(who, name, name === 'ask' ? CI_EN : '');
      expect(reply.body.trim().length + (reply.title?.length ?? 0)).toBeGreaterThan(0);
      // /ask answers in the question's language; every other command in the user's.
      expect(reply.lang).toBe(name === 'ask' ? 'en' : lang);
    }
  });

  it('GIVEN /help THEN lists every command with its localized description', async () => {
    const { chat, who } = setup({ localeHint: 'kk' });
    const { body } = await chat.command(who, 'help');
    for (const command of COMMANDS) {
      expect(body).toContain(`/${command.name}`);
      expect(body).toContain(bot.t('kk', `commands.${command.name}.description`));
    }
  });

  it('GIVEN /start THEN greets with example questions', async () => {
    const { chat, who } = setup();
    const reply = await chat.command(who, 'start');
    expect(reply.body).toContain(bot.t('en', 'greeting'));
    expect(reply.buttons.flat().length).toBeGreaterThan(0);
  });

  it('GIVEN /ask with a question THEN answers it; with a stored choice, in that language', async () => {
    const { chat, store, who } = setup();
    expect((await chat.command(who, 'ask', CI_RU)).fact?.id).toBe(CI_ID);
    await store.setLanguage(who.scope, who.id, 'en');
    expect(await chat.command(who, 'ask', CI_RU)).toMatchObject({ lang: 'en', fact: { id: CI_ID } });
  });

  it('GIVEN /ask with an out-of-scope question THEN declines and logs it, once', async () => {
    const { chat, store, who } = setup();
    const reply = await chat.command(who, 'ask', '  recipe for plov ');
    expect(reply.fact).toBeUndefined();
    expect(reply.outcome).toBe('declined');
    expect(store.logged).toEqual([{ text: 'recipe for plov', lang: 'en', platform: 'telegram', at: NOW }]);
  });

  it('GIVEN /ask, typed questions and /ask again THEN they are one conversation: a follow-up continues either', async () => {
    const { chat, who } = setup();
    expect((await chat.command(who, 'ask', 'how many Kazakh students studied in China in 2019?')).body).toContain('15,000');
    expect((await chat.question(who, 'and in 2020?')).body).toContain('12,000');
    await chat.question(who, 'how many Kazakh students studied in China in 2019?');
    expect((await chat.command(who, 'ask', 'and in 2020?')).body).toContain('12,000');
    // Another thread of the same chat's scope knows nothing of it.
    expect((await chat.command({ ...who, thread: 'other' }, 'ask', 'and in 2020?')).body).not.toContain('12,000');
  });

  it('GIVEN a conversation quiet for longer than its time to live THEN a follow-up continues nothing', async () => {
    let now = NOW.getTime();
    const store = new MemoryStore(() => now);
    const chat = new ChatService(bot, store, { now: () => new Date(now), conversationTtlMs: 5 * 60_000 });
    const who: Conversation = { platform: 'discord', scope: 'discord-user', id: '7', thread: '300:7' };
    await chat.question(who, 'how many Kazakh students studied in China in 2019?');
    now += 4 * 60_000;
    expect((await chat.question(who, 'and in 2020?')).body).toContain('12,000');
    // Each message starts the quiet period again.
    now += 4 * 60_000;
    expect((await chat.question(who, 'and in 2019?')).body).toContain('15,000');
    now += 5 * 60_000 + 1;
    expect((await chat.question(who, 'and in 2020?')).body).not.toContain('12,000');
  });

  it('GIVEN /timeline THEN the conversation remembers its facts: "the second one" and "tell me more" follow it', async () => {
    const { chat, who } = setup();
    const timeline = await chat.command(who, 'timeline', '2018');
    const listed = timeline.buttons.flat().flatMap((b) => (b.action.type === 'fact' ? [b.action.factId] : []));
    expect(listed.length).toBeGreaterThan(2);
    expect((await chat.question(who, 'the second one')).fact?.id).toBe(listed[1]);
    const more = await chat.question(who, 'tell me more');
    expect(more.outcome).toBe('answered');
    expect([listed[1]]).not.toContain(more.fact?.id);
  });

  it('GIVEN a conversation in English THEN a Cyrillic question it cannot tell apart is still answered in Cyrillic', async () => {
    const { chat, who } = setup();
    await chat.question(who, 'Who wrote the article?');
    const reply = await chat.question(who, 'Каковы цели исследования?');
    expect(reply.lang).toBe('ru');
    expect(reply.outcome).toBe('answered');
  });

  it('GIVEN named arguments (Discord options) THEN the command gets them as typed text would give them', async () => {
    const { chat, who } = setup();
    const named = await chat.command(who, 'fact', { topic: ' economy ' });
    expect(named.fact?.topic).toBe('economy');
    expect((await chat.command(who, 'ask', { question: CI_RU })).fact?.id).toBe(CI_ID);
  });

  it('GIVEN /topics THEN one button per topic', async () => {
    const { chat, who } = setup({ localeHint: 'ru' });
    const reply = await chat.command(who, 'topics');
    expect(reply.buttons.flat().map((b) => b.action)).toEqual(TOPIC_IDS.map((topic) => ({ type: 'topic', topic, lang: 'ru' })));
  });

  it('GIVEN /fact, with or without a topic THEN a fact (of that topic)', async () => {
    const { chat, who } = setup();
    expect((await chat.command(who, 'fact')).fact).toBeDefined();
    for (const arg of ['confucius-institutes', 'конфу', 'Confucius']) {
      const reply = await chat.command(who, 'fact', arg);
      expect(reply.fact?.topic, arg).toBe('confucius-institutes');
    }
  });

  it('GIVEN /fact with an unknown topic THEN the topic list with a hint', async () => {
    const { chat, who } = setup();
    const reply = await chat.command(who, 'fact', 'qwerty');
    expect(reply.body).toBe(bot.t('en', 'topics.unknown'));
    expect(reply.buttons.flat()).toHaveLength(TOPIC_IDS.length);
  });

  it('GIVEN /about THEN cites the article', async () => {
    const { chat, who } = setup();
    const reply = await chat.command(who, 'about');
    expect(reply.sources).toHaveLength(1);
    expect(reply.body).toContain(String(bot.facts.length));
  });

  it('GIVEN a command name in capitals THEN runs it', async () => {
    const { chat, who } = setup();
    expect((await chat.command(who, 'HELP')).body).toBe((await chat.command(who, 'help')).body);
  });

  it.each(['foo', 'toString', 'constructor', '__proto__', ''])('GIVEN the unknown command %j THEN a localized hint', async (name) => {
    for (const lang of LANGS) {
      const { chat, who } = setup({ localeHint: lang });
      const reply = await chat.command(who, name);
      expect(reply).toMatchObject({ lang, body: bot.t(lang, 'unknownCommand', { command: name }), buttons: [], sources: [] });
    }
  });
});

describe('ChatService — choosing a language', () => {
  it('GIVEN /lang kk THEN confirms in Kazakh and persists the choice', async () => {
    const { chat, store, who } = setup();
    const reply = await chat.command(who, 'lang', 'kk');
    expect(reply.body).toBe(bot.t('kk', 'lang.set'));
    expect(await store.getLanguage(who.scope, who.id)).toBe('kk');
    expect(await chat.language(who)).toBe('kk');
    expect((await chat.question(who, CI_EN)).lang).toBe('kk');
  });

  it('GIVEN /lang in capitals and spaces THEN still sets it', async () => {
    const { chat, who } = setup();
    await chat.command(who, 'lang', '  RU ');
    expect(await chat.chosenLanguage(who)).toBe('ru');
  });

  it.each(['', 'xx', 'english', 'de'])('GIVEN /lang %j THEN offers the three languages and automatic choice as buttons and stores nothing', async (arg) => {
    const { chat, store, who } = setup({ localeHint: 'ru' });
    const reply = await chat.command(who, 'lang', arg);
    expect(reply.lang).toBe('ru');
    expect(reply.body).toBe(arg ? bot.t('ru', 'lang.unknown') : `${bot.t('ru', 'lang.currentAuto')}\n${bot.t('ru', 'lang.choose')}`);
    expect(reply.buttons.flat().map((b) => b.action)).toEqual([...LANGS.map((lang) => ({ type: 'set-lang', lang })), { type: 'auto-lang', lang: 'ru' }]);
    expect(await store.getLanguage(who.scope, who.id)).toBeUndefined();
  });

  it('GIVEN /lang with no argument after a choice THEN shows the current setting', async () => {
    const { chat, who } = setup({ localeHint: 'ru' });
    await chat.command(who, 'lang', 'en');
    const reply = await chat.command(who, 'lang');
    expect(reply.body.split('\n')[0]).toBe(bot.t('en', 'lang.current', { language: bot.t('en', 'languageNamesIn.en') }));
  });

  it('GIVEN /lang auto after a choice THEN the choice is forgotten: questions are answered in their own language again', async () => {
    const { chat, store, who } = setup({ localeHint: 'ru' });
    await chat.command(who, 'lang', 'kk');
    expect((await chat.question(who, CI_EN)).lang).toBe('kk');
    const reply = await chat.command(who, 'lang', 'auto');
    expect(reply).toMatchObject({ lang: 'kk', body: bot.t('kk', 'lang.autoSet'), outcome: 'command' });
    expect(await store.getLanguage(who.scope, who.id)).toBeUndefined();
    expect((await chat.question(who, CI_EN)).lang).toBe('en');
    expect((await chat.command(who, 'help')).lang).toBe('ru');
    // Nothing to forget is no error.
    expect((await chat.command(who, 'lang', 'auto')).body).toBe(bot.t('ru', 'lang.autoSet'));
  });

  it('GIVEN the automatic-choice button THEN the choice is forgotten, confirmed in the picker language', async () => {
    const { chat, store, who } = setup();
    await chat.command(who, 'lang', 'ru');
    const reply = await chat.action(who, encodeAction({ type: 'auto-lang', lang: 'ru' }));
    expect(reply).toMatchObject({ lang: 'ru', body: bot.t('ru', 'lang.autoSet') });
    expect(await store.getLanguage(who.scope, who.id)).toBeUndefined();
  });
});

describe('ChatService.action', () => {
  it('GIVEN a fact button THEN that fact in the button language', async () => {
    const { chat, who } = setup();
    const reply = await chat.action(who, encodeAction({ type: 'fact', factId: CI_ID, lang: 'kk' }));
    expect(reply).toMatchObject({ lang: 'kk', fact: { id: CI_ID } });
  });

  it('GIVEN a topic button THEN the facts of that topic', async () => {
    const { chat, who } = setup();
    const reply = await chat.action(who, encodeAction({ type: 'topic', topic: 'economy', lang: 'ru' }));
    expect(reply.lang).toBe('ru');
    expect(reply.buttons.flat().map((b) => b.action)).toEqual(
      bot.factsOfTopic('economy', 'ru').map((f) => ({ type: 'fact', factId: f.id, lang: 'ru' })),
    );
  });

  it('GIVEN the topics button THEN the topic list', async () => {
    const { chat, who } = setup();
    expect((await chat.action(who, encodeAction({ type: 'topics', lang: 'kk' }))).buttons.flat()).toHaveLength(TOPIC_IDS.length);
  });

  it('GIVEN the random button THEN a fact in its language', async () => {
    const { chat, who } = setup();
    const reply = await chat.action(who, encodeAction({ type: 'random', lang: 'ru' }));
    expect(reply.lang).toBe('ru');
    expect(reply.fact).toBeDefined();
  });

  it.each(LANGS)('GIVEN the set-lang button for %s THEN persists the choice and confirms in it', async (lang: Lang) => {
    const { chat, store, who } = setup();
    const reply = await chat.action(who, encodeAction({ type: 'set-lang', lang }));
    expect(reply.body).toBe(bot.t(lang, 'lang.set'));
    expect(await store.getLanguage(who.scope, who.id)).toBe(lang);
    expect((await chat.question(who, 'what is the weather in almaty')).lang).toBe(lang);
  });

  it('GIVEN a stale fact button THEN "fact not found" in the button language', async () => {
    const { chat, who } = setup();
    const reply = await chat.action(who, encodeAction({ type: 'fact', factId: 'removed-fact', lang: 'kk' }));
    expect(reply.body).toBe(bot.t('kk', 'factNotFound'));
    expect(reply.fact).toBeUndefined();
  });

  it.each(['', 'garbage', 'f:xx:whatever', 't:en:Not A Topic', 'l:de'])('GIVEN forged data %j THEN "fact not found" in the user language', async (data) => {
    const { chat, store, who } = setup({ localeHint: 'ru' });
    const reply = await chat.action(who, data);
    expect(reply).toMatchObject({ lang: 'ru', body: bot.t('ru', 'factNotFound') });
    expect(await store.getLanguage(who.scope, who.id)).toBeUndefined();
  });

  it('GIVEN a stale button for a topic that no longer exists THEN says there is no such topic, in the button language', async () => {
    const { chat, who } = setup({ localeHint: 'ru' });
    expect(await chat.action(who, 't:kk:no-such-topic')).toMatchObject({ lang: 'kk', body: bot.t('kk', 'topics.unknown') });
  });
});

describe('ChatService.suggest', () => {
  it('GIVEN no stored choice THEN suggests in the language of the partial text', async () => {
    const { chat, who } = setup({ localeHint: 'en' });
    const suggestions = await chat.suggest(who, 'Сколько институтов Конфу', 5);
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(factOf(bot, s.factId).ru.questions).toContain(s.question);
  });

  it('GIVEN a stored choice THEN suggests in it, within the limit', async () => {
    const { chat, store, who } = setup();
    await store.setLanguage(who.scope, who.id, 'kk');
    const suggestions = await chat.suggest(who, 'confucius', 3);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    for (const s of suggestions) expect(factOf(bot, s.factId).kk.questions).toContain(s.question);
  });
});
