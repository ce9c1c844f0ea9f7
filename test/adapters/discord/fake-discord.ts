/**
 * A fake Discord: REST API and Gateway on 127.0.0.1 (random port), enough of both for the real discord.js
 * client. Point the client at it with `rest: { api: fake.apiRoot }`; discord.js finds the gateway through
 * `GET /gateway/bot`. It speaks the gateway protocol (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats and
 * their ACKs, RESUME with replay of missed events, RECONNECT, INVALID_SESSION), delivers only the events the
 * identified intents allow (and message content only where Discord would without the privileged intent),
 * records every REST call, and rejects what Discord rejects (see discord-rules.ts), including late and
 * double interaction responses.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { checkAutocomplete, checkCommandList, checkMessage } from './discord-rules.ts';

type Json = Record<string, any>;

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

/** One REST call as the fake received and answered it. */
export interface RecordedCall {
  method: string;
  /** The route after `/api/v10`, e.g. `/interactions/123/abc/callback`. */
  path: string;
  query: URLSearchParams;
  body: any;
  status: number;
  /** Discord's error message when the call was rejected. */
  error?: string;
  at: number;
}

export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  payload: Json;
  createdAt: number;
  /** The accepted response (callback body), once there is one. */
  response?: Json;
  /** Resolves with the accepted callback body. */
  acknowledged: Promise<Json>;
  /** Resolves at the first final answer to a callback: accepted, or rejected with anything but 429. */
  settled: Promise<void>;
  /** Every callback attempt, accepted or not (including injected faults). */
  readonly attempts: RecordedCall[];
}

export interface FakeOptions {
  /** Heartbeat interval sent in HELLO. Discord's is about 41 s; tests use less so heartbeats happen. */
  heartbeatIntervalMs?: number;
  /** How long an interaction may wait for its response. Discord: 3 s. */
  interactionTimeoutMs?: number;
  /** Recommended shard count returned by GET /gateway/bot. */
  shards?: number;
  /** Guild preferred locale. */
  guildLocale?: string;
}

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A snowflake created at `at` (now by default), so discord.js computes creation times correctly. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

const user = (id: string, username: string, bot = false): FakeUser => ({
  id,
  username,
  global_name: bot ? null : username,
  discriminator: '0',
  avatar: null,
  ...(bot && { bot: true }),
});

/** Gateway intents (bits) and which ones Discord treats as privileged. */
export const INTENTS = { Guilds: 1 << 0, GuildMembers: 1 << 1, GuildPresences: 1 << 8, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 };
const PRIVILEGED = INTENTS.GuildMembers | INTENTS.GuildPresences | INTENTS.MessageContent;

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  events: { s: number; t: string; d: Json }[];
  socket: WebSocket | null;
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
  identified: boolean;
}

/**
 * An injected response for one request: a status (429 with rate-limit headers), and/or a delay before
 * answering. With `afterHandling`, the request takes effect first and only its response is lost (a proxy's 502).
 */
type Fault = { method: string; path: RegExp; status?: number; retryAfter?: number; body?: Json; delayMs?: number; afterHandling?: boolean };

export class FakeDiscord {
  readonly token = `${Buffer.from('100000000000000001').toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`;
  readonly applicationId = '100000000000000001';
  readonly botUser = user(this.applicationId, 'SilkRoadFacts', true);
  readonly guildId = '200000000000000002';
  readonly channelId = '300000000000000003';
  readonly alice = user('400000000000000004', 'alice');
  readonly bob = user('400000000000000005', 'bob');
  readonly otherBot = user('400000000000000006', 'otherbot', true);
  private nextUser = 500_000_000_000_000_000n;

  /** A fresh user, so tests that store a language choice do not affect each other. */
  newUser(username = 'user'): FakeUser {
    this.nextUser++;
    return user(this.nextUser.toString(), username);
  }

  /** Every REST call, in arrival order. */
  readonly calls: RecordedCall[] = [];
  readonly interactions = new Map<string, FakeInteraction>();
  /** Registered commands: `global` or a guild id → commands. */
  readonly commands = new Map<string, Json[]>();
  /** Messages created through REST (channel messages, interaction responses, follow-ups). */
  readonly messages: Json[] = [];
  /** Gateway statistics. */
  readonly gateway = { connections: 0, identifies: [] as Json[], resumes: 0, heartbeats: 0, closes: [] as number[] };
  /** While false, heartbeats go unacknowledged (a zombie connection). */
  ackHeartbeats = true;

  private readonly server: http.Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private readonly faults: Fault[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly dmChannels = new Map<string, string>();
  private readonly pending = new Map<string, { resolve: (body: Json) => void; settle: () => void }>();
  private readonly options: Required<FakeOptions>;
  private port = 0;

  private constructor(options: FakeOptions) {
    this.options = { heartbeatIntervalMs: 41_250, interactionTimeoutMs: 3_000, shards: 1, guildLocale: 'en-US', ...options };
    this.server = http.createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  static async start(options: FakeOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for `DISCORD_API_ROOT` / discord.js `rest.api`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- waiting

  private changed(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves once `condition` holds (checked on every REST call and gateway event). */
  async until<T>(condition: () => T | undefined | false | null, what = 'condition', timeoutMs = 10_000): Promise<T> {
    const now = condition();
    if (now) return now;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake Discord: timed out waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        const value = condition();
        if (!value) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      this.waiters.add(check);
    });
  }

  /** Resolves when a session has READY and GUILD_CREATE delivered and is connected. */
  async ready(): Promise<void> {
    await this.until(() => [...this.sessions.values()].some((s) => s.socket && s.seq >= 2), 'a ready gateway session');
  }

  // ---------------------------------------------------------------- faults

  /** The next request matching `method` and `path` gets this response instead (once). */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The next matching request gets a 429 with Discord's rate-limit headers. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds = 1): void {
    this.failNext({ method, path, status: 429, retryAfter: retryAfterSeconds });
  }

  /** The next matching request is answered normally, but only after `ms`. */
  delayNext(method: string, path: RegExp, ms: number): void {
    this.failNext({ method, path, delayMs: ms });
  }

  /** Cuts every gateway connection without a close frame, as a network failure does. */
  dropConnections(): void {
    for (const connection of this.connections) connection.socket.terminate();
  }

  /** Sends opcode 7 (RECONNECT): Discord asks the client to reconnect and resume. */
  requestReconnect(): void {
    for (const connection of this.connections) connection.socket.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Forgets every session: the next RESUME gets INVALID_SESSION and the client must identify again. */
  forgetSessions(): void {
    this.sessions.clear();
  }

  // ---------------------------------------------------------------- gateway

  private onSocket(socket: WebSocket): void {
    const connection: Connection = { socket, session: null, identified: false };
    this.connections.add(connection);
    this.gateway.connections++;
    socket.on('message', (raw) => this.onGatewayMessage(connection, raw.toString()));
    socket.on('close', (code) => {
      this.connections.delete(connection);
      this.gateway.closes.push(code);
      if (connection.session?.socket === socket) connection.session.socket = null;
      this.changed();
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null }));
    this.changed();
  }

  private onGatewayMessage(connection: Connection, raw: string): void {
    let payload: Json;
    try {
      payload = JSON.parse(raw);
    } catch {
      connection.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case 1:
        this.gateway.heartbeats++;
        if (this.ackHeartbeats) connection.socket.send(JSON.stringify({ op: 11, d: null }));
        break;
      case 2:
        this.identify(connection, payload.d ?? {});
        break;
      case 6:
        this.resume(connection, payload.d ?? {});
        break;
      case 3:
      case 4:
      case 8:
        break;
      default:
        connection.socket.close(4001, 'Unknown opcode.');
    }
    this.changed();
  }

  private identify(connection: Connection, d: Json): void {
    if (connection.identified) return connection.socket.close(4005, 'Already authenticated.');
    if (d.token !== this.token) return connection.socket.close(4004, 'Authentication failed.');
    if (typeof d.intents !== 'number') return connection.socket.close(4013, 'Invalid intent(s).');
    if (d.intents & PRIVILEGED) return connection.socket.close(4014, 'Disallowed intent(s).');
    const shard: [number, number] = Array.isArray(d.shard) ? [d.shard[0], d.shard[1]] : [0, 1];
    if (shard[0] >= shard[1]) return connection.socket.close(4010, 'Invalid shard.');
    this.gateway.identifies.push(d);
    const session: Session = { id: randomBytes(16).toString('hex'), shard, intents: d.intents, seq: 0, events: [], socket: connection.socket };
    this.sessions.set(session.id, session);
    connection.session = session;
    connection.identified = true;
    const guilds = this.guildOnShard(shard) ? [{ id: this.guildId, unavailable: true }] : [];
    this.emit(session, 'READY', {
      v: 10,
      user: this.botUser,
      guilds,
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 },
      user_settings: {},
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
    });
    if (guilds.length && session.intents & INTENTS.Guilds) this.emit(session, 'GUILD_CREATE', this.guildPayload());
  }

  private resume(connection: Connection, d: Json): void {
    const session = this.sessions.get(d.session_id);
    if (d.token !== this.token) return connection.socket.close(4004, 'Authentication failed.');
    if (!session) {
      connection.socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    this.gateway.resumes++;
    if (session.socket && session.socket !== connection.socket) session.socket.terminate();
    session.socket = connection.socket;
    connection.session = session;
    connection.identified = true;
    for (const event of session.events.filter((e) => e.s > (d.seq ?? 0))) {
      connection.socket.send(JSON.stringify({ op: 0, ...event }));
    }
    this.emit(session, 'RESUMED', {});
  }

  private guildOnShard([id, count]: [number, number]): boolean {
    return Number((BigInt(this.guildId) >> 22n) % BigInt(count)) === id;
  }

  /** Sends a dispatch on a session; if its connection is down, the event waits for a RESUME. */
  private emit(session: Session, t: string, d: Json): void {
    session.seq++;
    const event = { s: session.seq, t, d };
    session.events.push(event);
    if (session.socket?.readyState === 1) session.socket.send(JSON.stringify({ op: 0, ...event }));
  }

  /** The session that receives events for the guild (or DMs: shard 0), newest first. */
  private sessionFor(guild: boolean): Session {
    const sessions = [...this.sessions.values()].reverse();
    const session = sessions.find((s) => (guild ? this.guildOnShard(s.shard) : s.shard[0] === 0));
    if (!session) throw new Error('fake Discord: no gateway session to dispatch to');
    return session;
  }

  // ---------------------------------------------------------------- payloads

  private channelPayload(): Json {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    };
  }

  private dmChannelId(of: FakeUser): string {
    let id = this.dmChannels.get(of.id);
    if (!id) {
      id = snowflake();
      this.dmChannels.set(of.id, id);
    }
    return id;
  }

  private guildPayload(): Json {
    const joined = new Date().toISOString();
    return {
      id: this.guildId,
      name: 'Silk Road Club',
      icon: null,
      owner_id: this.alice.id,
      preferred_locale: this.options.guildLocale,
      roles: [{ id: this.guildId, name: '@everyone', permissions: '1071698660929', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      member_count: 3,
      large: false,
      unavailable: false,
      joined_at: joined,
      channels: [this.channelPayload()],
      threads: [],
      members: [{ user: this.botUser, roles: [], joined_at: joined, deaf: false, mute: false, flags: 0 }],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      premium_tier: 0,
      system_channel_flags: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      afk_timeout: 300,
    };
  }

  private member(of: FakeUser): Json {
    return { user: of, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: '1071698660929' };
  }

  private messagePayload(fields: Json): Json {
    return {
      id: snowflake(),
      type: 0,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...fields,
    };
  }

  // ---------------------------------------------------------------- dispatching events

  /** Where an interaction or message happens, and who does it. */
  private context({ from = this.alice, dm = false, locale = 'en-US' }: EventOptions) {
    return dm
      ? {
          channel_id: this.dmChannelId(from),
          channel: { id: this.dmChannelId(from), type: 1, recipients: [from], last_message_id: null, flags: 0 },
          user: from,
          locale,
          context: 1,
          authorizing_integration_owners: { '0': '0' },
        }
      : {
          guild_id: this.guildId,
          guild_locale: this.options.guildLocale,
          channel_id: this.channelId,
          channel: this.channelPayload(),
          member: this.member(from),
          locale,
          context: 0,
          authorizing_integration_owners: { '0': this.guildId },
        };
  }

  private interaction(type: number, data: Json, options: EventOptions, extra: Json = {}): FakeInteraction {
    const createdAt = Date.now() - (options.ageMs ?? 0);
    const id = snowflake(createdAt);
    const token = `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;
    let resolve!: (body: Json) => void;
    const acknowledged = new Promise<Json>((r) => (resolve = r));
    const payload = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data,
      app_permissions: '1071698660929',
      entitlements: [],
      attachment_size_limit: 10_485_760,
      ...this.context(options),
      ...extra,
    };
    let settle!: () => void;
    const settled = new Promise<void>((r) => (settle = r));
    const record: FakeInteraction = { id, token, type, payload, createdAt, acknowledged, settled, attempts: [] };
    this.pending.set(id, { resolve, settle });
    this.interactions.set(id, record);
    this.emit(this.sessionFor(!options.dm), 'INTERACTION_CREATE', payload);
    return record;
  }

  /** A user runs a slash command, e.g. `slash('ask', { question: 'hi' })`. */
  slash(name: string, options: Record<string, string> = {}, event: EventOptions = {}): FakeInteraction {
    const command = this.findCommand(name);
    return this.interaction(
      2,
      {
        id: command?.id ?? snowflake(),
        name,
        type: 1,
        options: Object.entries(options).map(([key, value]) => ({ name: key, type: 3, value })),
        ...(!event.dm && { guild_id: this.guildId }),
      },
      event,
    );
  }

  /** A user types into an autocompleted option. */
  autocomplete(name: string, option: string, value: string, event: EventOptions = {}): FakeInteraction {
    const command = this.findCommand(name);
    return this.interaction(4, { id: command?.id ?? snowflake(), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] }, event);
  }

  /** A user presses a button (custom id) on a message the bot sent. */
  button(customId: string, event: EventOptions & { message?: Json } = {}): FakeInteraction {
    return this.interaction(3, { custom_id: customId, component_type: 2 }, event, { message: this.componentMessage(event) });
  }

  /** A user picks an entry of a select menu. */
  select(customId: string, values: string[], event: EventOptions & { message?: Json } = {}): FakeInteraction {
    return this.interaction(3, { custom_id: customId, component_type: 3, values }, event, { message: this.componentMessage(event) });
  }

  private componentMessage(event: EventOptions & { message?: Json }): Json {
    return (
      event.message ??
      this.messagePayload({
        channel_id: event.dm ? this.dmChannelId(event.from ?? this.alice) : this.channelId,
        author: this.botUser,
        embeds: [{ description: 'an earlier answer' }],
      })
    );
  }

  /** A message is posted. `mentions` lists mentioned users (the bot's `<@id>` must then be in the content). */
  message({ content, from = this.alice, dm = false, mentions = [], webhookId }: EventOptions & { content: string; mentions?: FakeUser[]; webhookId?: string }): Json {
    const payload = this.messagePayload({
      channel_id: dm ? this.dmChannelId(from) : this.channelId,
      author: from,
      content,
      mentions: mentions.map((u) => (dm ? u : { ...u, member: this.member(u) })),
      ...(dm ? { channel_type: 1 } : { guild_id: this.guildId, member: this.member(from), channel_type: 0 }),
      ...(webhookId && { webhook_id: webhookId }),
    });
    const session = this.sessionFor(!dm);
    const needed = dm ? INTENTS.DirectMessages : INTENTS.GuildMessages;
    if (!(session.intents & needed)) return payload;
    // Without the privileged intent, Discord blanks the content of server messages that do not mention the bot.
    const visible =
      dm || session.intents & INTENTS.MessageContent || from.id === this.botUser.id || mentions.some((u) => u.id === this.botUser.id);
    this.emit(session, 'MESSAGE_CREATE', visible ? payload : { ...payload, content: '' });
    return payload;
  }

  private findCommand(name: string): Json | undefined {
    return [...this.commands.values()].flat().find((c) => c.name === name);
  }

  // ---------------------------------------------------------------- REST

  /** REST calls to routes matching `path` (and `method`, if given). */
  callsTo(path: RegExp, method?: string): RecordedCall[] {
    return this.calls.filter((c) => path.test(c.path) && (!method || c.method === method));
  }

  /** Every message the bot sent or tried to send (callbacks with a message, follow-ups, edits, channel messages). */
  sentMessages(): RecordedCall[] {
    return this.calls.filter(
      (c) =>
        (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) ||
        (/^\/interactions\/\d+\/[^/]+\/callback$/.test(c.path) && [4, 7].includes(c.body?.type)) ||
        /^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/.test(c.path),
    );
  }

  private async onHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const call: RecordedCall = { method, path, query: url.searchParams, body, status: 0, at: Date.now() };
    this.calls.push(call);
    const interactionId = /^\/interactions\/(\d+)\//.exec(path)?.[1];
    this.interactions.get(interactionId ?? '')?.attempts.push(call);
    let lostResponse: Fault | undefined;
    const reply = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      if (lostResponse) {
        status = lostResponse.status ?? 502;
        data = lostResponse.body ?? { message: 'Bad Gateway', code: 0 };
        headers = {};
      }
      call.status = status;
      call.at = Date.now();
      if (interactionId && status !== 429) this.pending.get(interactionId)?.settle();
      if (status >= 400 && data && typeof data === 'object') call.error = (data as Json).message;
      res.writeHead(status, { ...(data !== undefined && { 'content-type': 'application/json' }), ...headers });
      res.end(data === undefined ? undefined : JSON.stringify(data));
      this.changed();
    };
    const error = (status: number, code: number, message: string, problems?: string[]) =>
      reply(status, { message, code, ...(problems && { errors: { _problems: problems } }) });

    if (!url.pathname.startsWith('/api/v10/')) return error(404, 0, '404: Not Found');
    if (req.headers['content-type']?.startsWith('multipart/')) return error(400, 50035, 'Invalid Form Body', ['files are not expected here']);

    const faultAt = this.faults.findIndex((f) => f.method === method && f.path.test(path));
    if (faultAt >= 0) {
      const [fault] = this.faults.splice(faultAt, 1);
      if (fault!.delayMs) await new Promise((resolve) => setTimeout(resolve, fault!.delayMs));
      if (fault!.afterHandling) lostResponse = fault;
      else if (fault!.status === 429) {
        const after = fault!.retryAfter ?? 1;
        return reply(
          429,
          { message: 'You are being rate limited.', retry_after: after, global: false },
          {
            'retry-after': String(after),
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset-after': String(after),
            'x-ratelimit-bucket': 'fakebucket',
            'x-ratelimit-scope': 'user',
          },
        );
      }
      else if (fault!.status) return reply(fault!.status, fault!.body ?? { message: 'injected failure', code: 0 });
    }

    // Interaction callbacks and webhooks authenticate with the interaction token, everything else with the bot token.
    const tokenRoute = /^\/(interactions|webhooks)\//.test(path);
    if (!tokenRoute && req.headers.authorization !== `Bot ${this.token}`) return error(401, 0, '401: Unauthorized');

    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return reply(200, {
        url: this.gatewayUrl,
        shards: this.options.shards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      return this.onCallback(m[1]!, m[2]!, call, reply, error);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      return this.onWebhook(m[2]!, m[3], call, reply, error);
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      const channelId = m[1]!;
      const known = channelId === this.channelId || [...this.dmChannels.values()].includes(channelId);
      if (!known) return error(404, 10003, 'Unknown Channel');
      const problems = checkMessage(body);
      if (problems.length) return error(400, 50035, 'Invalid Form Body', problems);
      // With enforce_nonce, Discord returns the message already created with this nonce instead of a duplicate.
      const nonce = body.nonce === undefined ? undefined : String(body.nonce);
      const existing = body.enforce_nonce && nonce ? this.messages.find((m) => m.channel_id === channelId && m.nonce === nonce) : undefined;
      if (existing) return reply(200, existing);
      const message = this.messagePayload({
        ...(nonce && { nonce }),
        channel_id: channelId,
        author: this.botUser,
        content: body.content ?? '',
        embeds: body.embeds ?? [],
        components: body.components ?? [],
        ...(channelId === this.channelId && { guild_id: this.guildId }),
        ...(body.message_reference && { type: 19, message_reference: body.message_reference }),
      });
      this.messages.push(message);
      return reply(200, message);
    }
    if ((m = /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/.exec(path))) {
      if (m[1] !== this.applicationId) return error(403, 50001, 'Missing Access');
      if (m[2] && m[2] !== this.guildId) return error(403, 50001, 'Missing Access');
      const scope = m[2] ?? 'global';
      if (method === 'GET') return reply(200, this.commands.get(scope) ?? []);
      if (method !== 'PUT') return error(405, 0, '405: Method Not Allowed');
      const problems = checkCommandList(body);
      if (problems.length) return error(400, 50035, 'Invalid Form Body', problems);
      const previous = this.commands.get(scope) ?? [];
      const registered = (body as Json[]).map((command) => ({
        ...command,
        id: previous.find((p) => p.name === command.name)?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        default_member_permissions: null,
        type: command.type ?? 1,
        ...(m![2] && { guild_id: m![2] }),
      }));
      this.commands.set(scope, registered);
      return reply(200, registered);
    }
    return error(404, 0, '404: Not Found');
  }

  private onCallback(
    id: string,
    token: string,
    call: RecordedCall,
    reply: (status: number, data?: unknown) => void,
    error: (status: number, code: number, message: string, problems?: string[]) => void,
  ): void {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) return error(404, 10062, 'Unknown interaction');
    if (Date.now() - interaction.createdAt > this.options.interactionTimeoutMs) return error(404, 10062, 'Unknown interaction');
    if (interaction.response) return error(400, 40060, 'Interaction has already been acknowledged.');
    const body = call.body ?? {};
    const allowed: Record<number, number[]> = { 2: [4, 5], 3: [4, 5, 6, 7], 4: [8], 5: [4, 5, 6, 7] };
    if (!allowed[interaction.type]?.includes(body.type)) return error(400, 50035, 'Invalid Form Body', [`type: ${body.type} is not valid for this interaction`]);
    const problems = body.type === 8 ? checkAutocomplete(body.data) : [4, 7].includes(body.type) ? checkMessage(body.data, { partial: body.type === 7 }) : [];
    if (problems.length) return error(400, 50035, 'Invalid Form Body', problems);
    interaction.response = body;
    if (body.type === 4) this.messages.push(this.messagePayload({ ...body.data, author: this.botUser, interaction_id: id }));
    this.pending.get(id)?.resolve(body);
    if (call.query.get('with_response') === 'true') {
      return reply(200, { interaction: { id, type: interaction.type }, resource: { type: body.type } });
    }
    return reply(204);
  }

  private onWebhook(
    token: string,
    messageId: string | undefined,
    call: RecordedCall,
    reply: (status: number, data?: unknown) => void,
    error: (status: number, code: number, message: string, problems?: string[]) => void,
  ): void {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    // The interaction token is valid for 15 minutes, but only once the interaction was acknowledged.
    if (!interaction?.response || Date.now() - interaction.createdAt > 15 * 60_000) return error(404, 10015, 'Unknown Webhook');
    const problems = call.method === 'GET' || call.method === 'DELETE' ? [] : checkMessage(call.body, { partial: call.method === 'PATCH' });
    if (problems.length) return error(400, 50035, 'Invalid Form Body', problems);
    const message = this.messagePayload({ ...(call.body ?? {}), author: this.botUser, webhook_id: this.applicationId, channel_id: interaction.payload.channel_id });
    if (call.method === 'POST' && !messageId) this.messages.push(message);
    if (call.method === 'DELETE') return reply(204);
    return reply(200, message);
  }
}

export interface EventOptions {
  from?: FakeUser;
  /** A direct message with the bot instead of the server channel. */
  dm?: boolean;
  /** The user's Discord client locale. */
  locale?: string;
  /** For interactions: created this long ago (as if it had waited in a backlog); its 3 s window is shorter by as much. */
  ageMs?: number;
}
