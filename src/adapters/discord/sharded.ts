import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { ConfigError } from '../../config.ts';
import { runProcess } from '../../entry.ts';
import type { Logger } from '../../log.ts';
import type { DiscordConfig } from './start.ts';

/** Each shard is a process running this file: the Discord bot only. */
const SHARD_FILE = fileURLToPath(new URL('./shard.ts', import.meta.url));

export interface ShardedOptions {
  config: DiscordConfig;
  log: Logger;
  /** Extra environment for the shard processes (they inherit this process's environment). */
  env?: Record<string, string>;
}

export interface RunningShards {
  manager: ShardingManager;
  /** Stops every shard (each finishes its replies and closes the store) and waits for them to exit. */
  stop(): Promise<void>;
}

/**
 * Discord's recommended shard count through `DISCORD_API_ROOT`. discord.js's own `'auto'` asks discord.com
 * directly, which would bypass an API proxy.
 */
async function recommendedShards(config: DiscordConfig & { apiRoot: string }): Promise<number> {
  const rest = new REST({ api: config.apiRoot }).setToken(config.token);
  try {
    const { shards } = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return Math.max(1, shards);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** Runs the bot under discord.js's ShardingManager, with as many shards as Discord recommends. */
export async function startSharded({ config, log, env = {} }: ShardedOptions): Promise<RunningShards> {
  const totalShards = config.apiRoot ? await recommendedShards({ ...config, apiRoot: config.apiRoot }) : 'auto';
  const manager = new ShardingManager(SHARD_FILE, {
    token: config.token,
    totalShards,
    mode: 'process',
    respawn: true,
    // The shard file is TypeScript: run it through tsx, as `npm start` does.
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    Object.assign(shard.env as Record<string, string>, env);
    shard.on('death', () => log.warn(`discord: shard ${shard.id} exited${manager.respawn ? '; restarting it' : ''}`));
    log.info(`discord: shard ${shard.id} of ${manager.totalShards} starting`);
  });
  const stop = async () => {
    manager.respawn = false;
    await Promise.all(
      manager.shards.map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }),
    );
  };
  try {
    await manager.spawn();
  } catch (error) {
    await stop();
    throw error;
  }
  return { manager, stop };
}

/** `npm run start:sharded`: the manager process; SIGHUP is passed on to every shard, which reloads its facts. */
async function main(): Promise<void> {
  await import('dotenv/config');
  await runProcess(async (config, log) => {
    if (!config.discord) throw new ConfigError('DISCORD_TOKEN: is required');
    const running = await startSharded({ config: config.discord, log });
    const shutdown = () => void running.stop().then(() => log.info('discord: all shards stopped'));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    process.on('SIGHUP', () => running.manager.shards.forEach((shard) => shard.process?.kill('SIGHUP')));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
