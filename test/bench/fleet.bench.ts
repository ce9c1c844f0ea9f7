import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { burstLatencies, sendBurst, startFleet, type FleetOptions } from '../adapters/telegram/fleet.ts';
import { factsBot } from '../adapters/telegram/harness.ts';
import { createDatabase, startPostgres } from '../helpers/postgres-server.ts';
import { ms, summarize } from './stats.ts';

const USERS = 50;
const PER_USER = 10;

/** Questions that are answered, in all three languages. */
const POOL = factsBot().facts.flatMap((f) => [f.en.questions[0]!, f.ru.questions[0]!, f.kk.questions[0]!]).filter((_, i) => i % 5 === 0);

/** One burst through the load balancer to a fleet: throughput and per-update latency, from push to reply. */
async function measure(options: FleetOptions): Promise<string> {
  const fleet = await startFleet(options);
  try {
    const warm = sendBurst(fleet.api, 5, 2, POOL, 'warm');
    await fleet.api.until(() => warm.users.every((u) => fleet.api.sentTo(u.id).length >= 2), 'the warm-up', 60_000);
    const start = performance.now();
    const burst = sendBurst(fleet.api, USERS, PER_USER, POOL, 'bench');
    await fleet.api.until(() => burst.users.every((u) => fleet.api.sentTo(u.id).length >= PER_USER), 'the burst', 120_000);
    const last = Math.max(...burst.users.flatMap((u) => fleet.api.sentTo(u.id).map((m) => m.at)));
    const { median, p99, n } = summarize(burstLatencies(fleet.api, burst));
    const rate = ((USERS * PER_USER) / (last - start)) * 1000;
    return `${rate.toFixed(0).padStart(5)} updates/s   latency median ${ms(median).padStart(10)}   p99 ${ms(p99).padStart(10)}   (n=${n})`;
  } finally {
    await fleet.stop();
  }
}

/**
 * The webhook fleet: the real bot processes behind a load balancer, the fake Bot API delivering over at most 40
 * connections as Telegram does, for one replica on SQLite, one on PostgreSQL and three on PostgreSQL.
 */
export async function run(): Promise<string> {
  const server = await startPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'silkroad-bench-'));
  try {
    const rows = [
      ['1 replica,  SQLite    ', await measure({ replicas: 1, store: { dataDir } })],
      ['1 replica,  PostgreSQL', await measure({ replicas: 1, store: { databaseUrl: await createDatabase(server.url) } })],
      ['3 replicas, PostgreSQL', await measure({ replicas: 3, store: { databaseUrl: await createDatabase(server.url) } })],
    ];
    return [
      `webhook fleet: ${USERS * PER_USER} updates from ${USERS} users at once, through a load balancer (every process on this machine)`,
      ...rows.map(([name, line]) => `${name}  ${line}`),
    ].join('\n');
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
