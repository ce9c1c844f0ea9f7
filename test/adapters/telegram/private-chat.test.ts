import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../../src/adapters/telegram/render.ts';
import { ChatService, COMMANDS, decodeAction, LANGS, MemoryStore, type Lang } from '../../../src/core/index.ts';
import { buttonsOf, dataOf, expected, factsBot, press, privateChat, say, startHarness, type Harness } from './harness.ts';

let h: Harness;
/** The core on its own, to compute what each reply should be. */
let mirror: ChatService;
const bot = factsBot();
const t = bot.t;

/** A question the core answers with the fact it was written for. */
function answerable(lang: Lang, skip = 0) {
  const found = bot.facts
    .map((fact) => ({ fact, question: fact[lang].questions[0]! }))
    .filter(({ fact, question }) => {
      const result = bot.ask(question);
      return result.status === 'answered' && result.fact?.id === fact.id && result.lang === lang;
    });
  return found[skip]!;
}

const OFF_TOPIC = 'How do I bake sourdough bread?';

beforeAll(async () => {
  h = await startHarness();
  mirror = new ChatService(bot, new MemoryStore());
});
afterAll(() => h.stop());

describe('GIVEN the bot starts', () => {
  it('THEN the command menu is registered for en, ru, kk and a default, from the command table, with localized descriptions', () => {
    expect([...h.api.commands.keys()].sort()).toEqual(['', 'en', 'kk', 'ru']);
    for (const lang of LANGS) {
      expect(h.api.commands.get(lang)).toEqual(COMMANDS.map((c) => ({ command: c.name, description: t(lang, `commands.${c.name}.description`) })));
    }
    expect(h.api.commands.get('')).toEqual(h.api.commands.get('en'));
  });
});

describe('GIVEN a private chat', () => {
  it('WHEN /start THEN a greeting in the user language with three example questions as buttons that answer them', async () => {
    const user = h.api.user('Aigerim', 'kk');
    const greeting = await say(h.api, user, '/start');
    const want = expected(await mirror.command(privateChat(user), 'start'));
    expect(greeting.html).toBe(want.text);
    expect(buttonsOf(greeting)).toEqual(want.buttons);
    expect(buttonsOf(greeting)).toHaveLength(3);
    const { reply, answer } = await press(h.api, user, greeting, dataOf(greeting));
    expect(answer.payload.text).toBeUndefined();
    const action = decodeAction(dataOf(greeting))!;
    expect(action).toMatchObject({ type: 'fact', lang: 'kk' });
    expect(reply.html).toBe(expected(bot.factById((action as { factId: string }).factId, 'kk')!).text);
  });

  it('WHEN /help THEN lists every command in the user language', async () => {
    const user = h.api.user('Ivan', 'ru');
    const help = await say(h.api, user, '/help');
    expect(help.html).toBe(expected(await mirror.command(privateChat(user), 'help')).text);
    for (const command of COMMANDS) expect(help.text).toContain(`/${command.name} — ${t('ru', `commands.${command.name}.description`)}`);
  });

  it('WHEN any text is sent THEN it is a question: the fact, its sources, related facts and the other two languages as buttons', async () => {
    const user = h.api.user('Alice', 'en');
    const { question, fact } = answerable('en');
    const answer = await say(h.api, user, question);
    const reply = await mirror.question(privateChat(user), question);
    expect(reply.fact?.id).toBe(fact.id);
    expect(answer.html).toBe(expected(reply).text);
    expect(answer.text).toContain(reply.sources[0]!.label);
    expect(answer.html).toContain(`<a href="${reply.sources[0]!.url}">`);
    const rows = buttonsOf(answer);
    expect(rows.at(-1)).toEqual(['Русский', 'Қазақша']);
    expect(rows.length).toBeGreaterThan(1);

    const { reply: russian } = await press(h.api, user, answer, dataOf(answer, 'Русский'));
    expect(russian.html).toBe(expected(bot.factById(fact.id, 'ru')!).text);
    expect(buttonsOf(russian).at(-1)).toEqual(['English', 'Қазақша']);

    const related = decodeAction(dataOf(answer))!;
    const { reply: relatedFact } = await press(h.api, user, answer, dataOf(answer));
    expect(relatedFact.html).toBe(expected(bot.factById((related as { factId: string }).factId, 'en')!).text);
  });

  it('WHEN /ask with a question THEN answers it; /ask alone asks for a question', async () => {
    const user = h.api.user('Bob');
    const { question } = answerable('ru', 1);
    const answer = await say(h.api, user, `/ask ${question}`);
    expect(answer.html).toBe(expected(await mirror.command(privateChat(user), 'ask', question)).text);
    const empty = await say(h.api, user, '/ask');
    expect(empty.html).toBe(expected(await mirror.command(privateChat(user), 'ask', '')).text);
  });

  it('WHEN a question is not in the sources THEN the localized decline with up to three suggestions as buttons, logged without user ids', async () => {
    const store = new MemoryStore();
    const local = await startHarness({ store });
    try {
      const user = local.api.user('Dana', 'ru');
      expect(bot.ask(OFF_TOPIC).status).toBe('declined');
      const decline = await say(local.api, user, OFF_TOPIC);
      expect(decline.html).toBe(expected(await mirror.question(privateChat(user), OFF_TOPIC)).text);
      expect(decline.text.startsWith(t('en', 'decline'))).toBe(true);
      const rows = buttonsOf(decline);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(3);
      const { reply } = await press(local.api, user, decline, dataOf(decline));
      expect(reply.html).toBe(expected(await mirror.action(privateChat(user), dataOf(decline))).text);
      expect(await store.topDeclined(5)).toEqual([expect.objectContaining({ text: OFF_TOPIC, lang: 'en', count: 1 })]);
    } finally {
      await local.stop();
    }
  });

  it('WHEN /lang THEN the current setting and three language buttons; pressing one stores the choice, turns the picker into the confirmation and answers in it', async () => {
    const user = h.api.user('Sam', 'en');
    const picker = await say(h.api, user, '/lang');
    expect(picker.text).toBe(`${t('en', 'lang.currentAuto')}\n${t('en', 'lang.choose')}`);
    expect(buttonsOf(picker)).toEqual([['English', 'Русский', 'Қазақша'], [t('en', 'lang.autoButton')]]);
    const { reply, answer } = await press(h.api, user, picker, dataOf(picker, 'Қазақша'));
    expect(answer.status).toBe(200);
    expect(reply).toBe(picker);
    expect(picker.edits).toBe(1);
    expect(picker.html).toBe(expected(bot.languageSet('kk')).text);
    expect(picker.reply_markup).toBeUndefined();
    expect(await h.chat.chosenLanguage(privateChat(user))).toBe('kk');

    const { question } = answerable('en', 2);
    const answer2 = await say(h.api, user, question);
    const want = bot.ask(question, { lang: 'kk' }).reply;
    expect(want.lang).toBe('kk');
    expect(answer2.html).toBe(expected(want).text);
    const help = await say(h.api, user, '/help');
    expect(help.text).toContain(t('kk', 'help.intro'));
  });

  it('WHEN /lang ru THEN switches directly', async () => {
    const user = h.api.user('Nurlan', 'kk');
    const done = await say(h.api, user, '/lang ru');
    expect(done.html).toBe(expected(bot.languageSet('ru')).text);
    expect(await h.chat.chosenLanguage(privateChat(user))).toBe('ru');
  });

  it('WHEN /topics THEN a button per topic, then the topic facts as buttons, then the fact', async () => {
    const user = h.api.user('Li', 'en');
    const topics = await say(h.api, user, '/topics');
    const want = expected(bot.topicsReply('en'));
    expect(topics.html).toBe(want.text);
    expect(buttonsOf(topics)).toEqual(want.buttons);
    expect(buttonsOf(topics)).toHaveLength(bot.topics('en').length);

    const topicData = dataOf(topics, buttonsOf(topics)[1]![0]);
    const topic = decodeAction(topicData) as { topic: Parameters<typeof bot.factsOfTopic>[0] };
    const { reply: list } = await press(h.api, user, topics, topicData);
    expect(list).not.toBe(topics);
    expect(list.html).toBe(expected(bot.topicReply(topic.topic, 'en')).text);
    expect(buttonsOf(list).flat()).toEqual(bot.factsOfTopic(topic.topic, 'en').map((f) => f.title.length > 64 ? expect.any(String) : f.title));

    const { reply: fact } = await press(h.api, user, list, dataOf(list));
    const factId = (decodeAction(dataOf(list)) as { factId: string }).factId;
    expect(fact.html).toBe(expected(bot.factById(factId, 'en')!).text);
  });

  it('WHEN /fact THEN a random fact with its sources; /fact with a topic picks from it', async () => {
    const user = h.api.user('Marat', 'ru');
    const fact = await say(h.api, user, '/fact');
    expect(fact.html).toBe(expected(await mirror.command(privateChat(user), 'fact')).text);
    expect(fact.html).toContain('<b>');
    const fromTopic = await say(h.api, user, '/fact events');
    expect(fromTopic.html).toBe(expected(await mirror.command(privateChat(user), 'fact', 'events')).text);
  });

  it('WHEN /about THEN what the bot knows and its source article', async () => {
    const user = h.api.user('Zhanna', 'kk');
    const about = await say(h.api, user, '/about');
    expect(about.html).toBe(expected(bot.about('kk')).text);
  });

  it('WHEN an unknown command THEN a localized hint', async () => {
    const user = h.api.user('Oleg', 'ru');
    const hint = await say(h.api, user, '/weather');
    expect(hint.html).toBe(expected(await mirror.command(privateChat(user), 'weather')).text);
  });

  it('WHEN a stale or forged button is pressed THEN the query is answered and the user gets the hint', async () => {
    const user = h.api.user('Eve', 'en');
    const picker = await say(h.api, user, '/lang');
    const { reply: stale } = await press(h.api, user, picker, 'f:en:no-such-fact');
    expect(stale.html).toBe(expected(bot.message('en', t('en', 'factNotFound'))).text);
    const { reply: forged } = await press(h.api, user, picker, 'garbage<>&');
    expect(forged.html).toBe(stale.html);
  });

  it('WHEN markup characters are in a question THEN every reply is accepted by Telegram', async () => {
    const user = h.api.user('Mark', 'en');
    const questions = [
      '_ * [ ] ( ) ~ ` > # + - = | { } . ! < &',
      '<b>How many</b> Confucius Institutes & <i>students</i>?',
      'What is <a href="x">this</a> &amp; &lt;that&gt;?',
      '/ask *bold* _italic_ [link](http://x) `code` <script>',
    ];
    for (const question of questions) {
      const reply = await say(h.api, user, question);
      expect(reply.text.length).toBeGreaterThan(0);
    }
    expect(h.api.calls.filter((c) => c.method === 'sendMessage' && c.status !== 200)).toEqual([]);
  });

  it('WHEN a sticker, a photo or a voice message arrives THEN a short hint in the user language', async () => {
    const user = h.api.user('Asel', 'kk');
    for (const kind of ['sticker', 'photo', 'voice'] as const) {
      const before = h.api.sentTo(user.id).length;
      h.api.sendMedia(user, kind);
      const [hint] = await h.api.replies(user.id, 1, before);
      expect(hint!.html).toBe(expected(bot.message('kk', t('kk', `telegram:media.${kind}`))).text);
    }
  });

  it('WHEN the user language is not en, ru or kk and the text gives no clue THEN English', async () => {
    const user = h.api.user('Hans', 'de');
    const help = await say(h.api, user, '/help');
    expect(help.text).toContain(t('en', 'help.intro'));
  });
});

describe('GIVEN inline mode', () => {
  it('WHEN a user types a query THEN up to 10 facts in the user language, each sent with its source', async () => {
    const user = h.api.user('Inkar', 'ru');
    const { question } = answerable('ru');
    const id = h.api.inlineQuery(user, question.slice(0, 25));
    const call = await h.api.inlineAnswer(id);
    const results = call.payload.results as Array<{ id: string; title: string; input_message_content: { message_text: string } }>;
    const want = await mirror.searchFacts(privateChat(user), question.slice(0, 25), 10);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(10);
    expect(results.map((r) => r.input_message_content.message_text)).toEqual(want.map((r) => renderText(r, t)));
    for (const reply of want) expect(reply.lang).toBe('ru');
    for (const result of results) {
      expect(result.input_message_content.message_text).toMatch(new RegExp(`<b>(${t('ru', 'sourceLabel', { count: 1 })}|${t('ru', 'sourceLabel', { count: 2 })}):</b>\n— <a href=`));
    }
    expect(call.payload).toMatchObject({ is_personal: true });
  });

  it('WHEN the query is empty THEN still 10 facts; a stored /lang choice wins over the query language', async () => {
    const user = h.api.user('Tom', 'en');
    await press(h.api, user, await say(h.api, user, '/lang'), 'l:kk');
    const empty = await h.api.inlineAnswer(h.api.inlineQuery(user, ''));
    expect(empty.payload.results).toHaveLength(10);
    const call = await h.api.inlineAnswer(h.api.inlineQuery(user, 'Confucius Institutes'));
    const results = call.payload.results as Array<{ id: string }>;
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.id.endsWith(':kk')).toBe(true);
  });
});

describe('GIVEN everything above', () => {
  it('THEN every callback query was answered exactly once and Telegram rejected nothing', () => {
    const pressed = h.api.calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(new Set(pressed.map((c) => c.payload.callback_query_id)).size).toBe(pressed.length);
    expect(h.api.calls.filter((c) => c.status !== 200)).toEqual([]);
    expect(h.logs.filter((line) => / (WARN|ERROR) /.test(line))).toEqual([]);
  });
});
