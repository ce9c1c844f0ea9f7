import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord, INTENTS } from './fake-discord.ts';

/** A bare gateway client: the fake must hold up against the protocol itself, not only against discord.js. */
class RawGateway {
  private readonly queue: any[] = [];
  private readonly wanted: ((payload: any) => void)[] = [];
  closeCode: Promise<number>;
  readonly socket: WebSocket;

  constructor(url: string) {
    this.socket = new WebSocket(`${url}/?v=10&encoding=json`);
    this.socket.on('message', (raw) => {
      const payload = JSON.parse(raw.toString());
      const waiting = this.wanted.shift();
      if (waiting) waiting(payload);
      else this.queue.push(payload);
    });
    this.closeCode = new Promise((resolve) => this.socket.on('close', (code) => resolve(code)));
  }

  next(): Promise<any> {
    const queued = this.queue.shift();
    return queued ? Promise.resolve(queued) : new Promise((resolve) => this.wanted.push(resolve));
  }

  send(payload: unknown): void {
    this.socket.send(JSON.stringify(payload));
  }
}

const WANTED = INTENTS.Guilds | INTENTS.GuildMessages | INTENTS.DirectMessages;

describe('the fake Discord', () => {
  let fake: FakeDiscord;
  let api: (method: string, path: string, body?: unknown, auth?: boolean) => Promise<{ status: number; body: any; headers: Headers }>;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 45_000, interactionTimeoutMs: 200 });
    api = async (method, path, body, auth = true) => {
      const res = await fetch(`${fake.apiRoot}/v10${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(auth && { authorization: `Bot ${fake.token}` }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    };
  });
  afterAll(() => fake.close());

  async function identified(): Promise<{ gateway: RawGateway; ready: any }> {
    const gateway = new RawGateway(fake.gatewayUrl);
    expect(await gateway.next()).toMatchObject({ op: 10, d: { heartbeat_interval: 45_000 } });
    gateway.send({ op: 2, d: { token: fake.token, intents: WANTED, properties: {} } });
    const ready = await gateway.next();
    return { gateway, ready };
  }

  it('GIVEN GET /gateway/bot THEN it needs the bot token and points at the fake gateway', async () => {
    expect((await api('GET', '/gateway/bot', undefined, false)).status).toBe(401);
    const { status, body } = await api('GET', '/gateway/bot');
    expect(status).toBe(200);
    expect(body).toMatchObject({ url: fake.gatewayUrl, shards: 1, session_start_limit: { max_concurrency: 1 } });
  });

  it('GIVEN IDENTIFY THEN READY and GUILD_CREATE follow, and heartbeats are acknowledged', async () => {
    const { gateway, ready } = await identified();
    expect(ready).toMatchObject({ op: 0, t: 'READY', s: 1, d: { user: { id: fake.botUser.id, bot: true }, guilds: [{ id: fake.guildId, unavailable: true }] } });
    expect(ready.d.resume_gateway_url).toBe(fake.gatewayUrl);
    expect(await gateway.next()).toMatchObject({ op: 0, t: 'GUILD_CREATE', s: 2, d: { id: fake.guildId, channels: [{ id: fake.channelId }] } });
    gateway.send({ op: 1, d: 2 });
    expect(await gateway.next()).toMatchObject({ op: 11 });
    gateway.socket.close();
  });

  it('GIVEN a privileged intent or a wrong token THEN the gateway closes with 4014 or 4004', async () => {
    const privileged = new RawGateway(fake.gatewayUrl);
    await privileged.next();
    privileged.send({ op: 2, d: { token: fake.token, intents: WANTED | INTENTS.MessageContent, properties: {} } });
    expect(await privileged.closeCode).toBe(4014);
    const wrong = new RawGateway(fake.gatewayUrl);
    await wrong.next();
    wrong.send({ op: 2, d: { token: 'x.y.z', intents: WANTED, properties: {} } });
    expect(await wrong.closeCode).toBe(4004);
  });

  it('GIVEN a dropped connection THEN RESUME replays the missed events; an unknown session gets INVALID_SESSION', async () => {
    const { gateway, ready } = await identified();
    await gateway.next(); // GUILD_CREATE
    gateway.socket.terminate();
    await gateway.closeCode;
    const missed = fake.slash('about');
    const again = new RawGateway(fake.gatewayUrl);
    await again.next();
    again.send({ op: 6, d: { token: fake.token, session_id: ready.d.session_id, seq: 2 } });
    expect(await again.next()).toMatchObject({ t: 'INTERACTION_CREATE', s: 3, d: { id: missed.id } });
    expect(await again.next()).toMatchObject({ t: 'RESUMED', s: 4 });
    again.socket.close();

    const stranger = new RawGateway(fake.gatewayUrl);
    await stranger.next();
    stranger.send({ op: 6, d: { token: fake.token, session_id: 'nope', seq: 1 } });
    expect(await stranger.next()).toMatchObject({ op: 9, d: false });
    stranger.socket.close();
  });

  describe('interaction responses', () => {
    let gateway: RawGateway;
    beforeAll(async () => {
      ({ gateway } = await identified());
    });
    afterAll(() => gateway.socket.close());

    const callback = (i: { id: string; token: string }, body: unknown) => api('POST', `/interactions/${i.id}/${i.token}/callback`, body, false);
    const message = (data: unknown) => ({ type: 4, data });

    it('GIVEN a second response to one interaction THEN 400 "already acknowledged"', async () => {
      const interaction = fake.slash('about');
      expect((await callback(interaction, message({ content: 'one' }))).status).toBe(204);
      expect(await callback(interaction, message({ content: 'two' }))).toMatchObject({ status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } });
    });

    it('GIVEN a response after the window THEN 404 Unknown interaction', async () => {
      const interaction = fake.slash('about');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await callback(interaction, message({ content: 'late' }))).toMatchObject({ status: 404, body: { code: 10062 } });
    });

    it('GIVEN over-limit messages THEN each is rejected with 400 Invalid Form Body', async () => {
      const bad = [
        { content: 'x'.repeat(2001) },
        { embeds: [{ description: 'x'.repeat(4097) }] },
        { embeds: [{ title: 'x'.repeat(257), description: 'y' }] },
        { embeds: [{ description: 'x'.repeat(4000), footer: { text: 'y'.repeat(2001) } }] },
        { embeds: [{ description: 'x'.repeat(4096) }, { description: 'y'.repeat(1905) }] },
        { content: '' },
        { components: [{ type: 1, components: [{ type: 2, style: 2, label: 'a', custom_id: 'same' }, { type: 2, style: 2, label: 'b', custom_id: 'same' }] }] },
        { components: Array.from({ length: 6 }, (_, i) => ({ type: 1, components: [{ type: 2, style: 2, label: 'a', custom_id: `b${i}` }] })) },
        { components: [{ type: 1, components: [{ type: 2, style: 2, label: 'x'.repeat(81), custom_id: 'c' }] }] },
      ];
      for (const data of bad) {
        const result = await callback(fake.slash('about'), message(data));
        expect(result.status, JSON.stringify(data).slice(0, 80)).toBe(400);
        expect(result.body.code).toBe(50035);
      }
    });

    it('GIVEN autocomplete results THEN at most 25 choices of at most 100 characters are accepted, and only for autocomplete', async () => {
      const choices = (n: number, length = 5) => Array.from({ length: n }, (_, i) => ({ name: `${i}`.padEnd(length, 'x'), value: `${i}` }));
      expect((await callback(fake.autocomplete('ask', 'question', 'q'), { type: 8, data: { choices: choices(25, 100) } })).status).toBe(204);
      expect((await callback(fake.autocomplete('ask', 'question', 'q'), { type: 8, data: { choices: choices(26) } })).status).toBe(400);
      expect((await callback(fake.autocomplete('ask', 'question', 'q'), { type: 8, data: { choices: choices(1, 101) } })).status).toBe(400);
      expect((await callback(fake.slash('ask', { question: 'q' }), { type: 8, data: { choices: [] } })).status).toBe(400);
      expect((await callback(fake.autocomplete('ask', 'question', 'q'), message({ content: 'no' }))).status).toBe(400);
    });
  });

  it('GIVEN invalid command definitions THEN registration is rejected; valid ones are stored with stable ids', async () => {
    const good = { name: 'ask', description: 'Ask', name_localizations: { ru: 'спросить' }, options: [] };
    const invalid = [
      [{ ...good, name: 'Ask' }],
      [{ ...good, name: 'has space' }],
      [{ ...good, name: 'x'.repeat(33) }],
      [{ ...good, description: '' }],
      [{ ...good, description: 'x'.repeat(101) }],
      [{ ...good, description_localizations: { kk: 'сұрақ' } }],
      [{ ...good, name_localizations: { ru: 'Спросить' } }],
      [{ ...good, options: [{ type: 3, name: 'q', description: 'x'.repeat(101) }] }],
      [{ ...good, options: [{ type: 3, name: 'q', description: 'd', autocomplete: true, choices: [{ name: 'a', value: 'a' }] }] }],
      [good, good],
    ];
    for (const body of invalid) expect((await api('PUT', `/applications/${fake.applicationId}/commands`, body)).status, JSON.stringify(body)).toBe(400);
    const first = await api('PUT', `/applications/${fake.applicationId}/commands`, [good]);
    const second = await api('PUT', `/applications/${fake.applicationId}/commands`, [good]);
    expect(second.body[0].id).toBe(first.body[0].id);
  });

  it('GIVEN an injected 429 THEN the response carries Discord rate-limit headers, once', async () => {
    fake.rateLimitNext('GET', /^\/gateway\/bot$/, 2);
    const limited = await api('GET', '/gateway/bot');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toMatchObject({ retry_after: 2, global: false });
    expect((await api('GET', '/gateway/bot')).status).toBe(200);
  });
});
