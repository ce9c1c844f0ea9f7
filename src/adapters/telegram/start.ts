import { createHmac } from 'node:crypto';
import { Context, Telegraf, TelegramError, type Telegram } from 'telegraf';
import type { BotCommand, Update } from 'telegraf/types';
import type { Config } from '../../config.ts';
import { clip, COMMANDS, describeCommand, LANGS, RateLimiter, type ChatService, type Lang, type RateLimitOptions, type Store } from '../../core/index.ts';
import { scrub } from '../../log.ts';
import { listen } from '../../ops/server.ts';
import { FatalPlatformError, type AdapterDeps, type RunningBot } from '../running.ts';
import { TransformedTelegram } from './api.ts';
import { ALLOWED_UPDATES, attachHandlers } from './bot.ts';
import { UpdateClaims, type Claim } from './claims.ts';
import { KeyedQueue } from './flow.ts';
import { LongPolling } from './polling.ts';
import { DEFAULT_RETRY_POLICY, describeApiError, retries, type RetryPolicy } from './retry.ts';
import { webhookServer } from './webhook.ts';

const DEFAULT_API_ROOT = 'https://api.telegram.org';

export interface TelegramOptions extends AdapterDeps {
  config: NonNullable<Config['telegram']>;
  /** Shared by replicas: update claims and rate-limit windows live here. */
  store: Store;
  /** Overrides of the retry policy (tests shorten the backoff). */
  retry?: Partial<RetryPolicy>;
  /** Overrides of the per-user limit of questions (default 20 a minute). */
  rateLimit?: RateLimitOptions;
  /** Overrides of long polling's conflict window (tests shorten it). */
  polling?: { conflictWindowMs?: number };
}

/** A start-up failure, with the token scrubbed from the message. */
export class TelegramStartError extends Error {
  override name = 'TelegramStartError';
}

/** The command menu in one language, generated from the core's command table. */
export function menuCommands(chat: ChatService, lang: Lang): BotCommand[] {
  return COMMANDS.map((command) => ({
    command: command.name,
    description: clip(describeCommand(chat.bot.t, lang, command).description, 256),
  }));
}

/** Registers the menu for en, ru and kk, and English as the default: the same calls from every replica, so harmless. */
async function registerCommands(telegram: Telegram, chat: ChatService): Promise<void> {
  await Promise.all([
    ...LANGS.map((lang) => telegram.setMyCommands(menuCommands(chat, lang), { language_code: lang })),
    telegram.setMyCommands(menuCommands(chat, 'en')),
  ]);
}

/**
 * The webhook secret when none is configured: derived from the token, so that every replica registers the same
 * one (a random secret per process would make the last replica to start the only one Telegram can reach),
 * and unguessable without the token.
 */
export function derivedWebhookSecret(token: string): string {
  return createHmac('sha256', token).update('silkroad-facts-bot webhook secret').digest('hex');
}

/**
 * Starts the Telegram bot: long polling, or a webhook server when `config.webhook` is set. Resolves once
 * the bot takes updates; rejects (token scrubbed) if Telegram cannot be reached or refuses the token.
 */
export async function startTelegram(options: TelegramOptions): Promise<RunningBot> {
  const { config, chat, log, metrics, store } = options;
  const secrets = [config.token, ...(config.webhook?.secret ? [config.webhook.secret] : [])];
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const apiRoot = config.apiRoot ?? DEFAULT_API_ROOT;
  // webhookReply off: every call is a real request whose failure is seen, retried and logged.
  const telegram = new TransformedTelegram(config.token, { webhookReply: false, apiRoot });
  let started = false;
  telegram
    .use(async (call, method) => {
      try {
        return await call();
      } catch (error) {
        metrics.apiFailure('telegram');
        // A token revoked while running: no retry can help, and a silent bot helps no one.
        if (started && error instanceof TelegramError && error.code === 401) {
          options.onFatal(new FatalPlatformError(`Telegram refused the bot token on ${method} (401 Unauthorized): it was revoked or is wrong; check TELEGRAM_BOT_TOKEN`));
        }
        throw error;
      }
    })
    .use(
      retries(policy, {
        onRetry: (method, error, attempt, delay) => {
          metrics.apiRetry('telegram');
          log.warn(`Telegram ${method} failed (${describeApiError(error)}); retry ${attempt} of ${policy.maxAttempts - 1} in ${Math.round(delay)} ms`);
        },
      }),
    );

  const bot = new Telegraf(config.token);
  bot.telegram = telegram;
  const queue = attachHandlers(bot, { chat, log, metrics, limiter: new RateLimiter(store, options.rateLimit) });
  const middleware = bot.middleware();

  try {
    bot.botInfo = await telegram.getMe();
  } catch (error) {
    throw new TelegramStartError(scrub(`cannot connect to the Telegram Bot API: ${(error as Error).message}`, secrets));
  }
  const botInfo = bot.botInfo;
  try {
    await registerCommands(telegram, chat);
  } catch (error) {
    // The menu is a convenience: the bot works without it.
    log.warn('could not register the command menu', error);
  }

  const claims = new UpdateClaims(store, botInfo.id, config.leaseSeconds === undefined ? {} : { leaseMs: config.leaseSeconds * 1000 });
  // Every update is handled with the bot's one client, so every call passes its transformers.
  const dispatch = async (update: Update) => {
    try {
      await middleware(new Context(update, telegram, botInfo), async () => {});
    } catch (error) {
      // The error boundary: a failed update is logged and the bot goes on with the next one.
      log.error(`Telegram update ${update.update_id} failed`, error);
    }
  };
  const handling = new KeyedQueue();
  const handle = (update: Update, takeOver: boolean): Promise<Claim> =>
    handling.run(undefined, async () => {
      const claim = await claims.claim(update.update_id, takeOver);
      if (claim === 'done') log.info(`update ${update.update_id} delivered again; already answered`);
      if (claim !== 'mine') return claim;
      await dispatch(update);
      await claims.done(update.update_id);
      return claim;
    });

  let stopping: Promise<void> | undefined;
  const finish = async (stopIntake: () => Promise<void>) => {
    await stopIntake();
    await handling.idle();
    await queue.idle();
    log.info('Telegram bot stopped');
  };

  if (config.webhook) {
    const webhook = config.webhook;
    const secret = webhook.secret ?? derivedWebhookSecret(config.token);
    const { pathname, search } = new URL(webhook.url);
    const path = pathname + search;
    const server = webhookServer({ port: webhook.port, path, secret, log, handle: (update) => handle(update, false) });
    try {
      await listen(server, webhook.port);
      await telegram.setWebhook(webhook.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
    } catch (error) {
      server.close();
      throw new TelegramStartError(scrub(`cannot start the webhook on port ${webhook.port}: ${(error as Error).message}`, [...secrets, secret]));
    }
    started = true;
    log.info(`Telegram bot @${botInfo.username} started (webhook on port ${webhook.port}, path ${path})`);
    return {
      isReady: () => server.listening,
      // The webhook stays registered: Telegram keeps new updates until a replica takes them.
      stop: () =>
        (stopping ??= finish(async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          await handling.idle();
          await closed;
        })),
    };
  }

  try {
    // A webhook left registered would make every getUpdates fail with 409.
    await telegram.deleteWebhook({ drop_pending_updates: false });
  } catch (error) {
    throw new TelegramStartError(scrub(`cannot switch the bot to long polling: ${(error as Error).message}`, secrets));
  }
  const polling = new LongPolling({
    token: config.token,
    apiRoot,
    handle: async (update) => void (await handle(update, true)),
    log,
    policy,
    allowedUpdates: ALLOWED_UPDATES,
    onFatal: options.onFatal,
    ...options.polling,
  });
  void polling.start();
  started = true;
  log.info(`Telegram bot @${botInfo.username} started (long polling)`);
  return {
    isReady: () => polling.isHealthy,
    // Polling ends after the current batch and confirms it to Telegram, so it is not delivered again.
    stop: () => (stopping ??= finish(() => polling.stop())),
  };
}
