import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentsOf, embedOf } from '../../../src/adapters/discord/render.ts';
import { ChatService, encodeAction, MemoryStore, type Reply } from '../../../src/core/index.ts';
import { SqliteStore } from '../../../src/store/sqlite-store.ts';
import { FakeDiscord } from './fake-discord.ts';
import { factsBot, replyTo, startTestBot, type TestBot } from './harness.ts';

const t = factsBot().t;
const rendered = (reply: Reply) => ({ embeds: [embedOf(reply, t)], components: componentsOf(reply, t) });
const about = () => rendered(factsBot().about('en'));

describe('faults: rate limits and gateway trouble', () => {
  let fake: FakeDiscord;
  let bot: TestBot;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 400 });
    bot = await startTestBot(fake);
  });
  afterAll(async () => {
    await bot.running.stop();
    await fake.close();
  });

  it('GIVEN a 429 on a message reply THEN discord.js waits retry_after and sends it once', async () => {
    fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 1);
    const before = fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST').length;
    fake.message({ content: `<@${fake.botUser.id}> ${factsBot().facts[0]!.en.questions[0]}`, mentions: [fake.botUser] });
    await fake.until(() => fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST').slice(before).find((c) => c.status === 200), 'the retried reply');
    const attempts = fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST').slice(before);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(bot.logs.some((line) => line.includes('rate limited'))).toBe(true);
  });

  it('GIVEN a reply whose response is lost (502 after Discord posted it) THEN the retry does not post it twice', async () => {
    fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 502, afterHandling: true });
    const before = fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST').length;
    const posted = fake.message({ content: factsBot().facts[2]!.en.questions[0]!, dm: true });
    await fake.until(() => fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST').slice(before).find((c) => c.status === 200), 'the retried reply');
    expect(fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST').slice(before).map((c) => c.status)).toEqual([502, 200]);
    expect(fake.messages.filter((m) => m.nonce === posted.id)).toHaveLength(1);
  });

  it('GIVEN a 429 on an interaction response THEN it is retried and the interaction acknowledged exactly once', async () => {
    fake.rateLimitNext('POST', /\/callback$/, 1);
    const interaction = fake.slash('about');
    expect((await replyTo(fake, interaction)).data).toMatchObject(about());
    expect(interaction.attempts.map((a) => a.status)).toEqual([429, 204]);
  });

  it('GIVEN heartbeats THEN the fake acknowledges them', async () => {
    await fake.until(() => fake.gateway.heartbeats > 0, 'a heartbeat');
  });

  it('GIVEN the gateway connection drops THEN the client resumes, gets the events it missed, and answers them', async () => {
    const { resumes, identifies } = { resumes: fake.gateway.resumes, identifies: fake.gateway.identifies.length };
    fake.dropConnections();
    const missed = fake.slash('about');
    expect((await replyTo(fake, missed)).data).toMatchObject(about());
    expect(fake.gateway.resumes).toBe(resumes + 1);
    expect(fake.gateway.identifies).toHaveLength(identifies);
    expect((await replyTo(fake, fake.slash('about'))).data).toMatchObject(about());
  });

  it('GIVEN Discord asks for a reconnect (op 7) THEN the client resumes and keeps answering', async () => {
    const resumes = fake.gateway.resumes;
    fake.requestReconnect();
    await fake.until(() => fake.gateway.resumes > resumes, 'a resume');
    expect((await replyTo(fake, fake.slash('about'))).data).toMatchObject(about());
  });

  it('GIVEN heartbeats stop being acknowledged (a zombie connection) THEN the client reconnects by itself', async () => {
    const resumes = fake.gateway.resumes;
    fake.ackHeartbeats = false;
    await fake.until(() => fake.gateway.resumes > resumes, 'a resume after a zombie connection');
    fake.ackHeartbeats = true;
    expect((await replyTo(fake, fake.slash('about'))).data).toMatchObject(about());
  });

  it('GIVEN the session is gone when resuming (INVALID_SESSION) THEN the client identifies anew and keeps answering', async () => {
    const identifies = fake.gateway.identifies.length;
    fake.forgetSessions();
    fake.dropConnections();
    await fake.until(() => fake.gateway.identifies.length > identifies, 'a new IDENTIFY', 15_000);
    await fake.ready();
    expect((await replyTo(fake, fake.slash('about'))).data).toMatchObject(about());
  });

  it('GIVEN all of the above THEN Discord never rejected a call and no handler failed', () => {
    expect(fake.calls.filter((c) => c.status >= 400 && c.status !== 429 && c.status !== 502)).toEqual([]);
    expect(bot.logs.filter((line) => line.includes(' ERROR '))).toEqual([]);
  });
});

describe('restart and shutdown', () => {
  let fake: FakeDiscord;
  let dir: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'discord-store-'));
  });
  afterAll(async () => {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN a /lang choice and a restart THEN the choice and the buttons of old messages still work', async () => {
    const user = fake.newUser('dana');
    const first = await startTestBot(fake, { store: SqliteStore.open(dir) });
    await fake.slash('lang', { language: 'kk' }, { from: user }).acknowledged;
    const question = factsBot().facts[0]!.en.questions[0]!;
    const oldAnswer = await replyTo(fake, fake.slash('ask', { question }, { from: user }));
    await first.running.stop();
    await first.store.close();

    const store = SqliteStore.open(dir);
    const second = await startTestBot(fake, { store });
    try {
      expect(await store.getLanguage('discord-user', user.id)).toBe('kk');
      const expected = new ChatService(factsBot(), new MemoryStore());
      const who = { platform: 'discord', scope: 'discord-user', id: user.id, thread: `${fake.channelId}:${user.id}` } as const;
      await expected.command(who, 'lang', 'kk');
      const reply = await expected.command({ ...who, localeHint: 'en' }, 'ask', question);
      expect(reply.lang).toBe('kk');
      const answer = await replyTo(fake, fake.slash('ask', { question }, { from: user }));
      expect(answer.data).toMatchObject(rendered(reply));

      // A button under the answer the first process sent.
      const buttonId: string = oldAnswer.data.components.at(-1).components[0].custom_id;
      const pressed = await replyTo(fake, fake.button(buttonId, { from: user }));
      expect(buttonId).toBe(encodeAction(reply.buttons.at(-1)![0]!.action));
      expect(pressed.data.embeds[0].title.length).toBeGreaterThan(0);
    } finally {
      await second.running.stop();
      await store.close();
    }
  });

  it('GIVEN a reply in flight at shutdown THEN stop() lets it finish, then disconnects', async () => {
    const bot = await startTestBot(fake);
    fake.delayNext('POST', /^\/channels\/\d+\/messages$/, 500);
    const before = fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST').length;
    fake.message({ content: factsBot().facts[1]!.en.questions[0]!, dm: true });
    await fake.until(() => fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST').length > before, 'the reply to start');
    await bot.running.stop();
    const reply = fake.callsTo(/^\/channels\/\d+\/messages$/, 'POST')[before]!;
    expect(reply.status).toBe(200);
    await fake.until(() => fake.gateway.closes.includes(1000), 'a normal close');
    expect(bot.logs.at(-1)).toContain('discord: stopped');
  });
});
