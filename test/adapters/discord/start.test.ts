import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { componentsOf, embedOf } from '../../../src/adapters/discord/render.ts';
import { DEFER_AFTER_MS } from '../../../src/adapters/discord/respond.ts';
import {
  ChatService,
  COMMANDS,
  decodeAction,
  encodeAction,
  MemoryStore,
  type Conversation,
  type Lang,
  type ChatReply,
  type Reply,
  type Suggestion,
} from '../../../src/core/index.ts';
import { FakeDiscord, INTENTS, type FakeInteraction, type FakeUser, type RecordedCall } from './fake-discord.ts';
import { factsBot, replyTo, startTestBot, type TestBot } from './harness.ts';

const EPHEMERAL = 64;
const t = factsBot().t;

/** The core with its own store: what the bot should answer, computed without hard-coding any text from data/. */
const expectedChat = () => new ChatService(factsBot(), new MemoryStore());
/** The fake's one server channel. */
const CHANNEL_ID = '300000000000000003';
/** A user as the core sees them: in the server channel, or (`dm`) in their direct messages with the bot. */
const who = (user: FakeUser, localeHint?: Lang, { dm = false } = {}): Conversation => ({
  platform: 'discord',
  scope: 'discord-user',
  id: user.id,
  thread: dm ? user.id : `${CHANNEL_ID}:${user.id}`,
  ...(localeHint && { localeHint }),
});
const rendered = (reply: Reply) => ({ embeds: [embedOf(reply, t)], components: componentsOf(reply, t) });

/** A ChatService that fails on request, to exercise the error boundary; and returns an oversized reply on request. */
class FlakyChat extends ChatService {
  /** Every free-text question that reached the core, in order. */
  readonly asked: string[] = [];
  constructor(private readonly secret: string) {
    super(factsBot(), new MemoryStore());
  }
  private check(text: string): void {
    if (text.includes('trigger-failure')) throw new Error(`database exploded near ${this.secret}`);
  }
  override question(who: Conversation, text: string): Promise<ChatReply> {
    this.asked.push(text);
    this.check(text);
    return super.question(who, text);
  }
  override async command(who: Conversation, name: string, args: Parameters<ChatService['command']>[2] = ''): Promise<ChatReply> {
    const arg = typeof args === 'string' ? args : Object.values(args).join(' ');
    this.check(arg);
    if (arg === 'trigger-huge') return { outcome: 'command', lang: 'en', title: 'T'.repeat(1000), body: '@everyone '.repeat(2000), sources: [{ label: 'S'.repeat(5000), url: 'https://example.org' }], buttons: [] };
    return super.command(who, name, args);
  }
  override suggest(who: Conversation, partial: string, limit: number): Promise<Suggestion[]> {
    this.check(partial);
    return super.suggest(who, partial, limit);
  }
}

describe('the Discord bot against a fake Discord', () => {
  let fake: FakeDiscord;
  let bot: TestBot;
  let chat: FlakyChat;
  let checkedCalls = 0;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 1_000 });
    expect(fake.channelId).toBe(CHANNEL_ID);
    chat = new FlakyChat(fake.token);
    bot = await startTestBot(fake, { chat });
  });
  afterAll(async () => {
    await bot.running.stop();
    await fake.close();
  });

  // Invariants over every test: Discord rejected nothing, every interaction was answered exactly once,
  // and every message pinged nobody.
  afterEach(() => {
    const calls = fake.calls.slice(checkedCalls);
    checkedCalls = fake.calls.length;
    expect(calls.filter((c) => c.status >= 400).map((c) => `${c.method} ${c.path} ${c.status} ${c.error}`)).toEqual([]);
    for (const interaction of fake.interactions.values()) {
      expect(interaction.attempts.map((a) => a.status), `interaction ${interaction.payload.data.name ?? interaction.payload.data.custom_id}`).toEqual([204]);
    }
    for (const call of calls.filter((c) => fake.sentMessages().includes(c))) {
      const body = call.body.data ?? call.body;
      expect(body.allowed_mentions).toMatchObject({ parse: [] });
      if (call.path.startsWith('/channels/')) expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });

  const answer = (interaction: FakeInteraction) => replyTo(fake, interaction);
  const channelReplies = () => fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST');

  it('GIVEN the bot starts THEN it identifies with Guilds, GuildMessages and DirectMessages only', () => {
    expect(fake.gateway.identifies[0]!.intents).toBe(INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.DirectMessages);
  });

  describe('/ask', () => {
    it('GIVEN a question in a server THEN the answer is an embed with related and language buttons, visible to the channel', async () => {
      const question = factsBot().facts[0]!.en.questions[0]!;
      const response = await answer(fake.slash('ask', { question }));
      const expected = await expectedChat().command(who(fake.alice, 'en'), 'ask', question);
      expect(response.type).toBe(4);
      expect(response.data.flags ?? 0).toBe(0);
      expect(response.data).toMatchObject(rendered(expected));
      expect(response.data.components.flatMap((r: any) => r.components.map((c: any) => c.custom_id))).toEqual(
        expected.buttons.flat().map((b) => encodeAction(b.action)),
      );
    });

    it('GIVEN a question the source does not cover THEN the decline comes with at most three suggestion buttons', async () => {
      const question = 'What is the weather like on Mars tomorrow?';
      const response = await answer(fake.slash('ask', { question }));
      const expected = await expectedChat().command(who(fake.alice, 'en'), 'ask', question);
      expect(response.data).toMatchObject(rendered(expected));
      const actions = response.data.components.flatMap((r: any) => r.components.map((c: any) => decodeAction(c.custom_id)));
      expect(actions.length).toBeLessThanOrEqual(3);
      for (const action of actions) expect(action).toMatchObject({ type: 'fact', lang: 'en' });
    });

    it('GIVEN a Kazakh question from an English-locale user THEN the answer is in Kazakh (the question wins over the locale)', async () => {
      const question = factsBot().facts[1]!.kk.questions[0]!;
      const response = await answer(fake.slash('ask', { question }, { locale: 'en-US' }));
      const expected = await expectedChat().command(who(fake.alice, 'en'), 'ask', question);
      expect(expected.lang).toBe('kk');
      expect(response.data).toMatchObject(rendered(expected));
    });

    it('GIVEN a question in a direct message THEN it is answered like in a server', async () => {
      const question = factsBot().facts[2]!.ru.questions[0]!;
      const response = await answer(fake.slash('ask', { question }, { dm: true }));
      expect(response.data).toMatchObject(rendered(await expectedChat().command(who(fake.alice, 'en'), 'ask', question)));
    });

    it('GIVEN a question full of mentions THEN nobody is pinged', async () => {
      const response = await answer(fake.slash('ask', { question: `@everyone @here <@${fake.bob.id}> <@&${fake.guildId}> Confucius?` }));
      expect(response.data.allowed_mentions).toEqual({ parse: [] });
    });
  });

  describe('autocomplete', () => {
    it('GIVEN a partial question THEN up to 25 suggestions in the typed language come back, names and values within 100', async () => {
      for (const [typed, locale] of [['Confucius', 'en-US'], ['Конфуций', 'ru'], ['', 'de']] as const) {
        const response = await answer(fake.autocomplete('ask', 'question', typed, { locale }));
        const expected = await expectedChat().suggest(who(fake.alice, locale === 'ru' ? 'ru' : 'en'), typed, 25);
        expect(response.type).toBe(8);
        expect(response.data.choices.length).toBeGreaterThan(0);
        expect(response.data.choices.length).toBeLessThanOrEqual(25);
        expect(response.data.choices.map((c: { name: string }) => c.name)).toEqual(
          [...new Set(expected.map((s) => s.question))].map((q) => (q.length > 100 ? `${q.slice(0, 99)}…` : q)),
        );
      }
    });

    it('GIVEN a suggestion is chosen THEN /ask gets its text and answers it like a typed question', async () => {
      const suggestion = (await answer(fake.autocomplete('ask', 'question', 'Confucius'))).data.choices[0];
      expect(suggestion).toBeDefined();
      const response = await answer(fake.slash('ask', { question: suggestion.value }));
      expect(response.data).toMatchObject(rendered(await expectedChat().command(who(fake.alice, 'en'), 'ask', suggestion.value)));
    });

    it('GIVEN an over-long partial question THEN the response still respects the limits', async () => {
      const response = await answer(fake.autocomplete('ask', 'question', 'Confucius Institute '.repeat(30)));
      expect(response.data.choices.length).toBeLessThanOrEqual(25);
    });

    it('GIVEN /fact topic autocomplete THEN topic names in the user language come back, filtered by what was typed', async () => {
      const all = await answer(fake.autocomplete('fact', 'topic', '', { locale: 'ru' }));
      expect(all.data.choices).toEqual(factsBot().topics('ru').map((topic) => ({ name: topic.name, value: topic.id })));
      const some = await answer(fake.autocomplete('fact', 'topic', 'конф', { locale: 'ru' }));
      expect(some.data.choices.map((c: { value: string }) => c.value)).toContain('confucius-institutes');
      expect(some.data.choices.length).toBeLessThan(all.data.choices.length);
    });
  });

  describe('/fact, /topics, /about, /help, /start', () => {
    it('GIVEN /fact THEN a fact embed with sources and language buttons, visible to the channel', async () => {
      const response = await answer(fake.slash('fact'));
      const embed = response.data.embeds[0];
      expect(factsBot().facts.map((f) => f.en.title)).toContain(embed.title.replace(/\\(.)/g, '$1'));
      expect(embed.footer.text.length).toBeGreaterThan(0);
      const languages = response.data.components.at(-1).components.map((c: any) => decodeAction(c.custom_id));
      expect(languages.map((a: any) => a.lang).sort()).toEqual(['kk', 'ru']);
      expect(response.data.flags ?? 0).toBe(0);
    });

    it('GIVEN /fact with a topic THEN the fact comes from that topic', async () => {
      const response = await answer(fake.slash('fact', { topic: 'confucius-institutes' }));
      const titles = factsBot().factsOfTopic('confucius-institutes', 'en').map((f) => f.title);
      expect(titles).toContain(response.data.embeds[0].title.replace(/\\(.)/g, '$1'));
    });

    it('GIVEN /topics THEN a private menu of topics; choosing one lists its facts; choosing a fact shows it', async () => {
      const topics = await answer(fake.slash('topics'));
      expect(topics.data.flags).toBe(EPHEMERAL);
      expect(topics.data).toMatchObject(rendered(factsBot().topicsReply('en')));
      const menu = topics.data.components[0].components[0];
      const topicValue = menu.options.find((o: any) => decodeAction(o.value)?.type === 'topic').value;

      const list = await answer(fake.select(menu.custom_id, [topicValue]));
      const topic = decodeAction(topicValue) as { topic: Parameters<ReturnType<typeof factsBot>['topicReply']>[0] };
      expect(list.data).toMatchObject(rendered(factsBot().topicReply(topic.topic, 'en')));
      expect(list.data.flags).toBe(EPHEMERAL);

      const factValue = list.data.components[0].components[0].options[0].value;
      const fact = await answer(fake.select(list.data.components[0].components[0].custom_id, [factValue]));
      const action = decodeAction(factValue) as { factId: string };
      expect(fact.data).toMatchObject(rendered(factsBot().factById(action.factId, 'en')!));
    });

    it('GIVEN /about THEN what the bot knows and the source article, visible to the channel', async () => {
      const response = await answer(fake.slash('about'));
      expect(response.data).toMatchObject(rendered(factsBot().about('en')));
      expect(response.data.flags ?? 0).toBe(0);
    });

    it('GIVEN /help from a Russian-locale user THEN the Russian command list, privately', async () => {
      const response = await answer(fake.slash('help', {}, { locale: 'ru' }));
      expect(response.data.flags).toBe(EPHEMERAL);
      expect(response.data).toMatchObject(rendered(await expectedChat().command(who(fake.alice, 'ru'), 'help')));
      for (const command of COMMANDS) expect(response.data.embeds[0].description).toContain(`/${command.name}`);
    });

    it('GIVEN /help from a German-locale user THEN English (every locale but ru means English)', async () => {
      const response = await answer(fake.slash('help', {}, { locale: 'de' }));
      expect(response.data).toMatchObject(rendered(await expectedChat().command(who(fake.alice, 'en'), 'help')));
    });

    it('GIVEN /start THEN the greeting with three example questions as buttons', async () => {
      const response = await answer(fake.slash('start'));
      const expected = factsBot().greeting('en');
      expect(response.data).toMatchObject(rendered(expected));
      expect(response.data.components).toHaveLength(3);
    });
  });

  describe('/lang', () => {
    it('GIVEN /lang language:ru THEN a private Russian confirmation, and later answers are in Russian', async () => {
      const user = fake.newUser('ruslan');
      const confirmation = await answer(fake.slash('lang', { language: 'ru' }, { from: user }));
      expect(confirmation.data.flags).toBe(EPHEMERAL);
      expect(confirmation.data).toMatchObject(rendered(factsBot().languageSet('ru')));
      expect(await bot.chat.chosenLanguage(who(user))).toBe('ru');

      const question = factsBot().facts[0]!.en.questions[0]!;
      const response = await answer(fake.slash('ask', { question }, { from: user }));
      const core = expectedChat();
      await core.command(who(user), 'lang', 'ru');
      expect(response.data).toMatchObject(rendered(await core.command(who(user), 'ask', question)));
      expect((await core.command(who(user), 'ask', question)).lang).toBe('ru');
    });

    it('GIVEN /lang without a language THEN three language buttons; pressing one stores it and confirms privately', async () => {
      const user = fake.newUser('kairat');
      const chooser = await answer(fake.slash('lang', {}, { from: user }));
      const ids = chooser.data.components[0].components.map((c: any) => c.custom_id);
      expect(ids.map((id: string) => decodeAction(id))).toEqual([
        { type: 'set-lang', lang: 'en' },
        { type: 'set-lang', lang: 'ru' },
        { type: 'set-lang', lang: 'kk' },
      ]);
      const pressed = await answer(fake.button(ids[2], { from: user }));
      expect(pressed.data.flags).toBe(EPHEMERAL);
      expect(pressed.data).toMatchObject(rendered(factsBot().languageSet('kk')));
      expect(await bot.chat.chosenLanguage(who(user))).toBe('kk');
    });
  });

  describe('buttons', () => {
    it('GIVEN a language button under an answer THEN the same fact in that language, shown to whoever pressed it', async () => {
      const fact = factsBot().facts[3]!;
      const response = await answer(fake.button(encodeAction({ type: 'fact', factId: fact.id, lang: 'kk' }), { from: fake.bob }));
      expect(response.type).toBe(4);
      expect(response.data.flags).toBe(EPHEMERAL);
      expect(response.data).toMatchObject(rendered(factsBot().factReply(fact, 'kk')));
    });

    it('GIVEN a button in a direct message THEN the reply is an ordinary message', async () => {
      const fact = factsBot().facts[4]!;
      const response = await answer(fake.button(encodeAction({ type: 'fact', factId: fact.id, lang: 'ru' }), { dm: true }));
      expect(response.data.flags ?? 0).toBe(0);
      expect(response.data).toMatchObject(rendered(factsBot().factReply(fact, 'ru')));
    });

    it('GIVEN a stale or forged custom id THEN a polite "fact not found", not an error', async () => {
      for (const id of ['f:en:no-such-fact', 'garbage', 'x'.repeat(100)]) {
        const response = await answer(fake.button(id));
        expect(response.data).toMatchObject(rendered(factsBot().message('en', t('en', 'factNotFound'))));
      }
    });
  });

  describe('messages', () => {
    const mention = () => `<@${fake.botUser.id}>`;

    it('GIVEN a mention with a question in a server THEN a reply to that message, pinging nobody', async () => {
      const question = factsBot().facts[5]!.en.questions[0]!;
      const before = channelReplies().length;
      const posted = fake.message({ content: `${mention()} ${question}`, mentions: [fake.botUser] });
      const call = await fake.until(() => channelReplies()[before], 'the reply');
      expect(call.body.message_reference.message_id).toBe(posted.id);
      expect(call.body).toMatchObject(rendered(await expectedChat().question(who(fake.alice), question)));
      expect(call.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    });

    it('GIVEN the nickname mention form THEN it is stripped too', async () => {
      const question = factsBot().facts[6]!.ru.questions[0]!;
      const before = channelReplies().length;
      fake.message({ content: `<@!${fake.botUser.id}> ${question}`, mentions: [fake.botUser] });
      const call = await fake.until(() => channelReplies()[before], 'the reply');
      expect(call.body).toMatchObject(rendered(await expectedChat().question(who(fake.alice), question)));
    });

    it('GIVEN a direct message THEN it is answered without a mention', async () => {
      const question = factsBot().facts[7]!.kk.questions[0]!;
      const before = channelReplies().length;
      fake.message({ content: question, dm: true, from: fake.bob });
      const call = await fake.until(() => channelReplies()[before], 'the reply');
      expect(call.path).not.toContain(fake.channelId);
      expect(call.body).toMatchObject(rendered(await expectedChat().question(who(fake.bob, undefined, { dm: true }), question)));
    });

    it('GIVEN messages from bots, webhooks or without a mention THEN they are ignored', async () => {
      const before = channelReplies().length;
      const asked = chat.asked.length;
      fake.message({ content: `${mention()} hello from a bot`, from: fake.otherBot, mentions: [fake.botUser] });
      fake.message({ content: `${mention()} hello from a webhook`, mentions: [fake.botUser], webhookId: '900000000000000009' });
      fake.message({ content: 'just chatting about Confucius Institutes' });
      fake.message({ content: 'a DM from a bot', dm: true, from: fake.otherBot });
      // A message that is answered, sent last: events are handled in order, so by its reply the others were seen.
      const question = factsBot().facts[0]!.en.questions[0]!;
      const sentinel = fake.message({ content: `${mention()} ${question}`, mentions: [fake.botUser] });
      const call = await fake.until(() => channelReplies()[before], 'the sentinel reply');
      expect(call.body.message_reference.message_id).toBe(sentinel.id);
      expect(chat.asked.slice(asked)).toEqual([question]);
      expect(channelReplies()).toHaveLength(before + 1);
    });
  });

  describe('an interaction that waited in a backlog', () => {
    const edits = (interaction: FakeInteraction) => fake.callsTo(new RegExp(`^/webhooks/\\d+/${interaction.token}/messages/@original$`), 'PATCH');

    it('GIVEN /ask older than the threshold THEN it is acknowledged at once with a deferral and the answer edited in', async () => {
      const question = factsBot().facts[8]!.en.questions[0]!;
      const interaction = fake.slash('ask', { question }, { ageMs: DEFER_AFTER_MS + 300 });
      expect(await interaction.acknowledged).toMatchObject({ type: 5, data: { flags: 0 } });
      const edit = await fake.until(() => edits(interaction).find((c) => c.status === 200), 'the edit');
      expect(edit.body).toMatchObject(rendered(await expectedChat().command(who(fake.alice, 'en'), 'ask', question)));
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    });

    it('GIVEN a private command or a button that waited THEN the deferral is already private', async () => {
      const help = fake.slash('help', {}, { ageMs: DEFER_AFTER_MS + 300 });
      expect(await help.acknowledged).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
      await fake.until(() => edits(help).find((c) => c.status === 200), 'the edit');
      const button = fake.button(encodeAction({ type: 'topics', lang: 'ru' }), { ageMs: DEFER_AFTER_MS + 300 });
      expect(await button.acknowledged).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
      const edit = await fake.until(() => edits(button).find((c) => c.status === 200), 'the edit');
      expect(edit.body).toMatchObject(rendered(factsBot().topicsReply('ru')));
    });

    it('GIVEN a deferred interaction whose handler fails THEN the error notice is edited in', async () => {
      const interaction = fake.slash('ask', { question: 'trigger-failure' }, { ageMs: DEFER_AFTER_MS + 300 });
      expect(await interaction.acknowledged).toMatchObject({ type: 5 });
      const edit = await fake.until(() => edits(interaction).find((c) => c.status === 200), 'the notice');
      expect(edit.body).toMatchObject(rendered(factsBot().message('en', t('en', 'discord:error'))));
    });
  });

  describe('the error boundary', () => {
    it('GIVEN a handler that throws THEN the error is logged without the token, the user gets a private notice, and the bot keeps answering', async () => {
      const failed = await answer(fake.slash('ask', { question: 'trigger-failure' }, { locale: 'ru' }));
      expect(failed.data.flags).toBe(EPHEMERAL);
      expect(failed.data).toMatchObject(rendered(factsBot().message('ru', t('ru', 'discord:error'))));
      const logged = bot.logs.filter((line) => line.includes('database exploded'));
      expect(logged.length).toBeGreaterThanOrEqual(1);
      expect(logged[0]).not.toContain(fake.token);
      expect(logged[0]).toContain('***');

      const autocomplete = await answer(fake.autocomplete('ask', 'question', 'trigger-failure'));
      expect(autocomplete.data.choices).toEqual([]);

      const before = channelReplies().length;
      fake.message({ content: 'trigger-failure', dm: true });
      const notice = await fake.until(() => channelReplies()[before], 'the notice');
      expect(notice.body).toMatchObject(rendered(factsBot().message('en', t('en', 'discord:error'))));

      const after = await answer(fake.slash('about'));
      expect(after.data).toMatchObject(rendered(factsBot().about('en')));
    });

    it('GIVEN a reply far over Discord limits THEN it is cut to fit and accepted', async () => {
      const response = await answer(fake.slash('ask', { question: 'trigger-huge' }));
      const embed = response.data.embeds[0];
      expect(embed.description.endsWith('…')).toBe(true);
      expect(embed.title.length + embed.description.length + embed.footer.text.length).toBeLessThanOrEqual(6000);
    });
  });

  it('GIVEN every reply the bot sent in this file THEN none used content over 2000 characters', () => {
    const sent = fake.sentMessages() as RecordedCall[];
    expect(sent.length).toBeGreaterThan(20);
    for (const call of sent) expect(((call.body.data ?? call.body).content ?? '').length).toBeLessThanOrEqual(2000);
  });
});
