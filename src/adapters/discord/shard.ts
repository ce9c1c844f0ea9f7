import { runBots } from '../../app.ts';
import { ConfigError } from '../../config.ts';
import { runProcess } from '../../entry.ts';

/**
 * One shard's process under `npm run start:sharded`: the Discord bot only. The ShardingManager passes the
 * token and this shard's id and count through the environment; discord.js reads them. Every shard opens the
 * same store: SQLite in WAL mode for shards on one host, PostgreSQL (DATABASE_URL) for shards on several.
 */
await runProcess(async (config, log) => {
  if (!config.discord) throw new ConfigError('DISCORD_TOKEN: is required');
  // Shard processes share a host: each takes its own ops port, OPS_PORT plus its shard id.
  const shard = Number((JSON.parse(process.env.SHARDS ?? '[0]') as number[])[0] ?? 0);
  const opsPort = config.opsPort === undefined ? {} : { opsPort: config.opsPort + shard };
  const { stopped } = await runBots({ ...config, ...opsPort }, ['discord'], log.child({ shards: process.env.SHARDS }));
  // The IPC channel to the ShardingManager would keep this process alive after the bot stopped.
  void stopped.then(() => process.exit());
});
