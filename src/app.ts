import http from 'node:http';
import { fileURLToPath } from 'node:url';
import type { RunningBot } from './adapters/running.ts';
import { FatalPlatformError } from './adapters/running.ts';
import { secretsOf, type Config } from './config.ts';
import { ChatService, FactsBot, type Store } from './core/index.ts';
import { scrub, type Logger } from './log.ts';
import { Metrics } from './ops/metrics.ts';
import { FactsReloader } from './ops/reload.ts';
import { startRetention } from './ops/retention.ts';
import { listen, opsServer, type ReadinessCheck } from './ops/server.ts';
import { openStore } from './store/open.ts';

/** The facts folder that SIGHUP and the file watch reload. */
const FACTS_DIR = fileURLToPath(new URL('../data', import.meta.url));

/** A stop that takes longer than this is cut short: supervisors wait about 10 s before they kill. */
const STOP_DEADLINE_MS = 8000;

/** A chat bot could not start (bad token, unreachable API): reported in one line, secrets scrubbed. */
export class StartError extends Error {
  override name = 'StartError';
}

export type PlatformName = 'telegram' | 'discord';

/** Starts the bots of `platforms` that the configuration has tokens for; the platform libraries load only when used. */
async function startBots(config: Config, platforms: readonly PlatformName[], deps: Parameters<typeof startPlatform>[2]): Promise<Map<PlatformName, RunningBot>> {
  const running = new Map<PlatformName, RunningBot>();
  for (const platform of platforms) {
    if (!config[platform]) continue;
    try {
      running.set(platform, await startPlatform(config, platform, deps));
    } catch (error) {
      await Promise.allSettled([...running.values()].map((bot) => bot.stop()));
      throw new StartError(scrub(`${platform}: cannot start: ${(error as Error).message}`, secretsOf(config)));
    }
    deps.log.info(`${platform}: running`);
  }
  return running;
}

async function startPlatform(
  config: Config,
  platform: PlatformName,
  deps: { chat: ChatService; log: Logger; metrics: Metrics; store: Store; onFatal: (error: FatalPlatformError) => void },
): Promise<RunningBot> {
  if (platform === 'telegram') {
    const { startTelegram } = await import('./adapters/telegram/start.ts');
    return startTelegram({ ...deps, config: config.telegram! });
  }
  const { startDiscord } = await import('./adapters/discord/start.ts');
  return startDiscord({ ...deps, config: config.discord! });
}

/**
 * Runs the configured bots of `platforms` in this process until SIGTERM or SIGINT (exit code 0 once replies in
 * flight are sent) or an unrecoverable platform error (exit code 1 after one fatal log line); `stopped` then
 * resolves. Around them: the
 * store chosen by the configuration, the ops listener, retention, and reloading the facts on SIGHUP.
 */
export async function runBots(config: Config, platforms: readonly PlatformName[], log: Logger): Promise<{ stopped: Promise<void> }> {
  const metrics = new Metrics();
  const store = await openStore(config.store, { log });
  const chat = new ChatService(new FactsBot(), store, { conversationTtlMs: config.conversationTtlMs });
  let running = new Map<PlatformName, RunningBot>();
  let ops: http.Server | undefined;
  let stopRetention = () => {};
  let stopWatching = () => {};
  let stopping: Promise<void> | undefined;
  let stopped = () => {};
  const done = new Promise<void>((resolve) => (stopped = resolve));
  const shutdown = (reason: string, code: number) =>
    (stopping ??= (async () => {
      log.info(`${reason}: finishing replies in flight, then stopping`);
      // Past the deadline the process exits anyway, with what it was going to exit with.
      setTimeout(() => process.exit(code), STOP_DEADLINE_MS).unref();
      await Promise.allSettled([...running.values()].map((bot) => bot.stop()));
      stopRetention();
      stopWatching();
      await new Promise<void>((resolve) => (ops ? ops.close(() => resolve()) : resolve()));
      await store.close();
      log.info('stopped');
      process.exitCode = code;
      stopped();
    })());
  const onFatal = (error: FatalPlatformError) => {
    if (stopping) return;
    log.fatal(error.message);
    void shutdown('fatal error', 1);
  };

  try {
    running = await startBots(config, platforms, { chat, log, metrics, store, onFatal });
  } catch (error) {
    await store.close();
    throw error;
  }

  if (config.opsPort !== undefined) {
    const checks: ReadinessCheck[] = [
      ...[...running].map(([name, bot]) => ({ name, check: () => bot.isReady() })),
      { name: 'store', check: () => store.ping().then(() => true) },
    ];
    ops = opsServer({ metrics, checks, log });
    try {
      await listen(ops, config.opsPort);
    } catch (error) {
      ops = undefined;
      await shutdown('cannot listen on OPS_PORT', 1);
      throw new StartError(`OPS_PORT: cannot listen on port ${config.opsPort} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    log.info(`ops: /healthz, /readyz and /metrics on port ${config.opsPort}`);
  }

  stopRetention = startRetention(store, config.retentionDays, log);
  const reloader = new FactsReloader({ chat, log });
  if (config.watchFacts) stopWatching = reloader.watch(FACTS_DIR);
  process.on('SIGHUP', () => reloader.reload('SIGHUP'));
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  return { stopped: done };
}
