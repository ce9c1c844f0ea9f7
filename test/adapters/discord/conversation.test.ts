import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { componentsOf, embedOf } from '../../../src/adapters/discord/render.ts';
import { deployCommands } from '../../../src/adapters/discord/deploy.ts';
import { readConfig } from '../../../src/config.ts';
import { ChatService, decodeAction, encodeAction, MemoryStore, type Conversation, type Reply } from '../../../src/core/index.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { FakeDiscord, type FakeUser, type RecordedCall } from './fake-discord.ts';
import { factsBot, replyTo, startTestBot, type TestBot } from './harness.ts';

const EPHEMERAL = 64;
const t = factsBot().t;
const rendered = (reply: Reply) => ({ embeds: [embedOf(reply, t)], components: componentsOf(reply, t) });

const STUDENTS_2019 = 'how many Kazakh students studied in China in 2019?';
const AND_2020 = 'and in 2020?';
const CONFUCIUS = 'how many Confucius Institutes are there in Kazakhstan?';

describe('conversations with the Discord bot, against a fake Discord', () => {
  let fake: FakeDiscord;
  let dir: string;
  let bot: TestBot | undefined;
  let checked = 0;

  /** Starts the bot on the SQLite store in `dir`, stopping the one running (as a restart would). */
  async function restart(): Promise<TestBot> {
    if (bot) {
      await bot.running.stop();
      await bot.store.close();
    }
    bot = await startTestBot(fake, { store: SqliteStore.open(dir) });
    return bot;
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 1_000 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-discord-conversation-'));
    // The slash commands registered from the core's table, as `npm run discord:deploy` does; the fake checks them.
    await deployCommands(readConfig({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_ROOT: fake.apiRoot }), factsBot());
    await restart();
  });
  afterAll(async () => {
    await bot?.running.stop();
    await bot?.store.close();
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Discord rejected nothing the bot sent, and every interaction was answered exactly once.
  afterEach(() => {
    const calls = fake.calls.slice(checked);
    checked = fake.calls.length;
    expect(calls.filter((c) => c.status >= 400).map((c) => `${c.method} ${c.path} ${c.status} ${c.error}`)).toEqual([]);
    for (const interaction of fake.interactions.values()) expect(interaction.attempts.map((a) => a.status)).toEqual([204]);
  });

  const channelReplies = () => fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST');
  const mention = (text: string) => `<@${fake.botUser.id}> ${text}`;

  /** A message to the bot (a DM, or a mention in the server channel) and the bot's reply to it. */
  async function send(from: FakeUser, text: string, { dm = false } = {}): Promise<RecordedCall> {
    const before = channelReplies().length;
    const posted = fake.message({ content: dm ? text : mention(text), from, dm, ...(!dm && { mentions: [fake.botUser] }) });
    const call = await fake.until(() => channelReplies().slice(before).find((c) => c.body.message_reference?.message_id === posted.id), 'the reply');
    return call;
  }
  const description = (call: RecordedCall): string => call.body.embeds[0].description;

  /** The core on its own, one conversation per thread, to compute what each reply should be. */
  const mirror = new ChatService(factsBot(), new MemoryStore());
  const inServer = (user: FakeUser): Conversation => ({ platform: 'discord', scope: 'discord-user', id: user.id, thread: `${fake.channelId}:${user.id}` });
  const inDm = (user: FakeUser): Conversation => ({ platform: 'discord', scope: 'discord-user', id: user.id, thread: user.id });

  it('GIVEN questions in a DM and in a server channel, two users in one channel, and a restart THEN each follow-up continues its own thread', async () => {
    const dmUser = fake.newUser('dina');
    const dm = await send(dmUser, STUDENTS_2019, { dm: true });
    expect(dm.path).not.toContain(fake.channelId);
    expect(dm.body).toMatchObject(rendered(await mirror.question(inDm(dmUser), STUDENTS_2019)));
    const alice = await send(fake.alice, STUDENTS_2019);
    expect(description(alice)).toContain('15,000');
    await mirror.question(inServer(fake.alice), STUDENTS_2019);
    const bob = await send(fake.bob, CONFUCIUS);
    expect(bob.body).toMatchObject(rendered(await mirror.question(inServer(fake.bob), CONFUCIUS)));

    await restart();

    const dm2020 = await send(dmUser, AND_2020, { dm: true });
    expect(description(dm2020)).toContain('12,000');
    expect(dm2020.body).toMatchObject(rendered(await mirror.question(inDm(dmUser), AND_2020)));
    const alice2020 = await send(fake.alice, AND_2020);
    expect(description(alice2020)).toContain('12,000');
    expect(alice2020.body).toMatchObject(rendered(await mirror.question(inServer(fake.alice), AND_2020)));
    // Bob, in the same channel, was talking about something else: the same words continue his thread, not Alice's.
    const bob2020 = await send(fake.bob, AND_2020);
    expect(description(bob2020)).not.toContain('12,000');
    expect(bob2020.body).toMatchObject(rendered(await mirror.question(inServer(fake.bob), AND_2020)));
  });

  it('GIVEN /ask after a question THEN the slash command continues the same conversation', async () => {
    const user = fake.newUser('timur');
    await send(user, STUDENTS_2019);
    const response = await replyTo(fake, fake.slash('ask', { question: AND_2020 }, { from: user }));
    expect(response.data.embeds[0].description).toContain('12,000');
    expect(response.data.flags ?? 0).toBe(0);
  });

  it('GIVEN /lang language:kk, then /lang, then its automatic button THEN the current choice is shown, then forgotten', async () => {
    const user = fake.newUser('aruzhan');
    const registered = fake.commands.get('global')!.find((c) => c.name === 'lang')!;
    expect(registered.options[0].choices.map((c: { value: string }) => c.value)).toEqual(['en', 'ru', 'kk', 'auto']);
    await replyTo(fake, fake.slash('lang', { language: 'kk' }, { from: user }));
    const picker = await replyTo(fake, fake.slash('lang', {}, { from: user }));
    expect(picker.data.flags).toBe(EPHEMERAL);
    expect(picker.data.embeds[0].description.split('\n')[0]).toBe(t('kk', 'lang.current', { language: t('kk', 'languageNamesIn.kk') }));
    const ids: string[] = picker.data.components.flatMap((row: any) => row.components.map((c: any) => c.custom_id));
    expect(ids.map((id) => decodeAction(id))).toEqual([
      { type: 'set-lang', lang: 'en' },
      { type: 'set-lang', lang: 'ru' },
      { type: 'set-lang', lang: 'kk' },
      { type: 'auto-lang', lang: 'kk' },
    ]);
    const pressed = await replyTo(fake, fake.button(ids[3]!, { from: user }));
    expect(pressed.data.flags).toBe(EPHEMERAL);
    expect(pressed.data).toMatchObject(rendered(factsBot().message('kk', t('kk', 'lang.autoSet'))));
    expect(await bot!.store.getLanguage('discord-user', user.id)).toBeUndefined();
    const answer = await replyTo(fake, fake.slash('ask', { question: CONFUCIUS }, { from: user }));
    expect(answer.data).toMatchObject(rendered(factsBot().ask(CONFUCIUS).reply));
  });

  it('GIVEN /lang language:auto THEN the choice is forgotten, confirmed privately in the language the user was reading', async () => {
    const user = fake.newUser('ruslan');
    await replyTo(fake, fake.slash('lang', { language: 'ru' }, { from: user }));
    const done = await replyTo(fake, fake.slash('lang', { language: 'auto' }, { from: user, locale: 'en-US' }));
    expect(done.data.flags).toBe(EPHEMERAL);
    expect(done.data).toMatchObject(rendered(factsBot().message('ru', t('ru', 'lang.autoSet'))));
    expect(await bot!.store.getLanguage('discord-user', user.id)).toBeUndefined();
  });

  it('GIVEN /timeline about:2018 THEN the facts of 2018 in date order, visible to the channel, each a menu entry leading to its fact', async () => {
    const registered = fake.commands.get('global')!.find((c) => c.name === 'timeline')!;
    expect(registered.options).toEqual([expect.objectContaining({ name: 'about', type: 3, required: false })]);
    const user = fake.newUser('marat');
    const response = await replyTo(fake, fake.slash('timeline', { about: '2018' }, { from: user }));
    const want = await mirror.command(inServer(user), 'timeline', { about: '2018' });
    expect(response.data.flags ?? 0).toBe(0);
    expect(response.data).toMatchObject(rendered(want));
    const lines: string[] = response.data.embeds[0].description.split('\n');
    expect(lines[0]).toBe(t('en', 'conversation.timelineHeader', { name: '2018' }));
    // More facts than rows of buttons: a select menu, one entry a fact, in the order of the lines.
    const entries: string[] = response.data.components.flatMap((row: any) => row.components.flatMap((c: any) => c.options.map((o: any) => o.value)));
    expect(entries).toEqual(want.buttons.flat().map((b) => encodeAction(b.action)));
    expect(entries).toHaveLength(lines.length - 1);
    const chosen = decodeAction(entries[0]!) as { type: 'fact'; factId: string };
    const fact = await replyTo(fake, fake.select(response.data.components[0].components[0].custom_id, [entries[0]!], { from: user }));
    expect(fact.data).toMatchObject(rendered(factsBot().factById(chosen.factId, 'en')!));

    const years = await replyTo(fake, fake.slash('timeline', {}, { from: user }));
    expect(years.data.embeds[0].description.split('\n')[0]).toBe(t('en', 'conversation.timelineYears'));
  });
});
