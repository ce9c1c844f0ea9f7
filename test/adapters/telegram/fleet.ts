import { startBotProcess, waitReady, type BotProcess } from '../../helpers/bot-process.ts';
import { freePort } from '../../helpers/net.ts';
import { FakeBotApi, type BotMessage, type FakeUser } from './fake-bot-api.ts';
import { LoadBalancer } from './load-balancer.ts';

/** The URL every replica registers: TLS ends at the load balancer, which the fake Bot API posts to. */
export const FLEET_WEBHOOK_URL = 'https://bot.example.org/telegram/hook';
const FLEET_SECRET = 'fleet-secret_for-tests';

export interface FleetOptions {
  replicas: number;
  /** Where the replicas keep their state: one PostgreSQL database (shared), or a SQLite folder (one replica). */
  store: { databaseUrl: string } | { dataDir: string };
  /** Seconds before an update claimed by a replica that died is taken over (default 2, to keep tests short). */
  leaseSeconds?: number;
}

export interface Fleet {
  api: FakeBotApi;
  lb: LoadBalancer;
  replicas: BotProcess[];
  /** Kills a replica at once (SIGKILL): no reply in flight is finished, no claim released. */
  kill(index: number): void;
  stop(): Promise<void>;
}

/**
 * Several webhook replicas of the real bot (`src/main.ts` processes) behind a load balancer, with the same
 * token, webhook URL, secret and store, as an operator would run them; the fake Bot API delivers to the load
 * balancer and delivers again every update that got no 2xx.
 */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const ports = await Promise.all(Array.from({ length: options.replicas }, () => freePort()));
  const opsPorts = await Promise.all(Array.from({ length: options.replicas }, () => freePort()));
  const lb = await new LoadBalancer(ports).start();
  const api = await new FakeBotApi({ webhookOrigin: lb.url, redeliverAfterMs: 100 }).start();
  const store: Record<string, string> = 'databaseUrl' in options.store ? { DATABASE_URL: options.store.databaseUrl } : { DATA_DIR: options.store.dataDir };
  const replicas = ports.map((port, i) =>
    startBotProcess({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_URL: FLEET_WEBHOOK_URL,
      TELEGRAM_WEBHOOK_SECRET: FLEET_SECRET,
      PORT: String(port),
      OPS_PORT: String(opsPorts[i]),
      UPDATE_LEASE_SECONDS: String(options.leaseSeconds ?? 2),
      LOG_LEVEL: 'warn',
      ...store,
    }),
  );
  const stop = async () => {
    await Promise.all(
      replicas.map(async (replica) => {
        if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
        replica.child.kill('SIGTERM');
        await replica.exited;
      }),
    );
    await api.close();
    await lb.close();
  };
  try {
    await Promise.all(replicas.map((replica, i) => waitReady(opsPorts[i]!, replica)));
  } catch (error) {
    replicas.forEach((replica) => replica.child.kill('SIGKILL'));
    await stop();
    throw error;
  }
  return { api, lb, replicas, kill: (index) => replicas[index]!.child.kill('SIGKILL'), stop };
}

export interface FleetBurst {
  users: FakeUser[];
  /** The questions each user sent, in order. */
  questions: Map<number, string[]>;
  /** The updates sent: id and chat. */
  updates: Array<{ id: number; chat: number }>;
}

/** `users` new users send `perUser` questions each from `pool`, interleaved, as fast as the fake can push them. */
export function sendBurst(api: FakeBotApi, users: number, perUser: number, pool: readonly string[], label = 'u'): FleetBurst {
  const people = Array.from({ length: users }, (_, i) => api.user(`${label}${i}`, 'en'));
  const questions = new Map(people.map((user) => [user.id, [] as string[]]));
  const updates: Array<{ id: number; chat: number }> = [];
  for (let j = 0; j < perUser; j++) {
    for (const [i, user] of people.entries()) {
      const question = pool[(i * perUser + j * 7) % pool.length]!;
      api.sendText(user, question);
      questions.get(user.id)!.push(question);
      updates.push({ id: api.lastUpdateId, chat: user.id });
    }
  }
  return { users: people, questions, updates };
}

/** Per-update latency: from the update's push to the reply in its chat, pairing each chat's replies with its updates in order. */
export function burstLatencies(api: FakeBotApi, burst: FleetBurst): number[] {
  const byChat = new Map<number, number[]>();
  for (const { id, chat } of burst.updates) byChat.set(chat, [...(byChat.get(chat) ?? []), api.pushedAt.get(id)!]);
  const latencies: number[] = [];
  for (const [chat, pushed] of byChat) {
    const replies: BotMessage[] = api.sentTo(chat);
    replies.forEach((reply, k) => pushed[k] !== undefined && latencies.push(reply.at - pushed[k]!));
  }
  return latencies;
}
