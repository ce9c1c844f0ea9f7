import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../../../src/store/postgres-store.ts';
import { startBotProcess, waitReady } from '../../helpers/bot-process.ts';
import { cleanupAfterEach } from '../../helpers/cleanup.ts';
import { freePort } from '../../helpers/net.ts';
import { freshDatabase } from '../../helpers/postgres.ts';
import { FakeDiscord } from './fake-discord.ts';
import { replyTo } from './harness.ts';

const cleanup = cleanupAfterEach();

describe('GIVEN Discord shards run as separate processes (or hosts) with SHARDS and SHARD_COUNT, on one database', () => {
  it('THEN each identifies as its own shard, and a choice made through one is in the shared store', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    const databaseUrl = await freshDatabase();
    const shards = await Promise.all(
      [0, 1].map(async (shard) => {
        const ops = await freePort();
        const running = startBotProcess({
          DISCORD_TOKEN: fake.token,
          DISCORD_API_ROOT: fake.apiRoot,
          DATABASE_URL: databaseUrl,
          SHARDS: `[${shard}]`,
          SHARD_COUNT: '2',
          OPS_PORT: String(ops),
          LOG_LEVEL: 'warn',
        });
        cleanup.push(async () => {
          running.child.kill('SIGTERM');
          await running.exited;
        });
        await waitReady(ops, running);
        return running;
      }),
    );
    expect(shards).toHaveLength(2);
    expect(fake.gateway.identifies.map((d) => d.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Direct messages reach shard 0; its choice is stored where shard 1 (on another host) reads it too.
    const response = await replyTo(fake, fake.slash('lang', { language: 'kk' }, { dm: true, from: fake.alice }));
    expect(response.type).toBe(4);
    const store = await PostgresStore.open(databaseUrl);
    cleanup.push(() => store.close());
    expect(await store.getLanguage('discord-user', fake.alice.id)).toBe('kk');
  }, 60_000);
});
