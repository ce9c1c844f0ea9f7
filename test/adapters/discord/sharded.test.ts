import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharded, type RunningShards } from '../../../src/adapters/discord/sharded.ts';
import { createLogger } from '../../../src/log.ts';
import { FakeDiscord } from './fake-discord.ts';
import { replyTo } from './harness.ts';

describe('npm run start:sharded', () => {
  let fake: FakeDiscord;
  let dir: string;
  let shards: RunningShards;
  const logs: string[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'discord-shards-'));
    const log = createLogger({ secrets: [fake.token], format: 'pretty', write: (line) => logs.push(line) });
    shards = await startSharded({
      config: { token: fake.token, apiRoot: fake.apiRoot },
      log,
      env: { DISCORD_API_ROOT: fake.apiRoot, DATA_DIR: dir, LOG_LEVEL: 'warn' },
    });
  }, 60_000);
  afterAll(async () => {
    await shards?.stop();
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN the recommended shard count THEN each shard is a process that identifies as its shard and answers', async () => {
    expect(shards.manager.totalShards).toBe(1);
    expect(fake.gateway.identifies.map((d) => d.shard)).toEqual([[0, 1]]);
    const answer = await replyTo(fake, fake.slash('about'));
    expect(answer.type).toBe(4);
    expect(answer.data.embeds).toHaveLength(1);
  });

  it('GIVEN stop() THEN every shard process shuts down cleanly', async () => {
    const child = shards.manager.shards.first()!.process!;
    await shards.stop();
    expect(child.exitCode).toBe(0);
    await fake.until(() => fake.gateway.closes.includes(1000), 'the shard to close its gateway connection');
    expect(logs.some((line) => line.includes('shard 0 of 1 starting'))).toBe(true);
  });
});
