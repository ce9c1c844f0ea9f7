import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Telegraf, type Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Config } from '../../config.ts';
import { clip, COMMANDS, LANGS, RateLimiter, type ChatService, type Lang, type RateLimitOptions } from '../../core/index.ts';
import { scrub, type Logger } from '../../log.ts';
import { ALLOWED_UPDATES, attachHandlers } from './bot.ts';
import { LongPolling } from './polling.ts';
import { DEFAULT_RETRY_POLICY, installRetries, type RetryPolicy } from './retry.ts';

export interface TelegramOptions {
  config: NonNullable<Config['telegram']>;
  chat: ChatService;
  log: Logger;
  /** Overrides of the retry policy (tests shorten the backoff). */
  retry?: Partial<RetryPolicy>;
  /** Overrides of the per-user limit of questions (default 20 a minute). */
  rateLimit?: RateLimitOptions;
}

export interface RunningBot {
  /** Stops taking updates, finishes the replies in flight, then resolves. */
  stop(): Promise<void>;
}

/** A start-up failure, with the token scrubbed from the message. */
export class TelegramStartError extends Error {
  override name = 'TelegramStartError';
}

/** The command menu in one language, generated from the core's command table. */
export function menuCommands(chat: ChatService, lang: Lang): BotCommand[] {
  return COMMANDS.map((command) => ({
    command: command.name,
    description: clip(chat.bot.t(lang, `commands.${command.name}.description`), 256),
  }));
}

/** Registers the menu for en, ru and kk, and English as the default for every other language. */
async function registerCommands(telegram: Telegram, chat: ChatService): Promise<void> {
  await Promise.all([
    ...LANGS.map((lang) => telegram.setMyCommands(menuCommands(chat, lang), { language_code: lang })),
    telegram.setMyCommands(menuCommands(chat, 'en')),
  ]);
}

const listen = (server: http.Server, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });

/**
 * Starts the Telegram bot: long polling, or a webhook server when `config.webhook` is set. Resolves once
 * the bot takes updates; rejects (token scrubbed) if Telegram cannot be reached or refuses the token.
 */
export async function startTelegram(options: TelegramOptions): Promise<RunningBot> {
  const { config, chat, log } = options;
  const secrets = [config.token, ...(config.webhook?.secret ? [config.webhook.secret] : [])];
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  // webhookReply off: every call is a real request whose failure is seen, retried and logged.
  const bot = new Telegraf(config.token, { telegram: { webhookReply: false, ...(config.apiRoot && { apiRoot: config.apiRoot }) } });
  const prepare = (telegram: Telegram) => installRetries(telegram, log, policy);
  prepare(bot.telegram);
  const queue = attachHandlers(bot, { chat, log, limiter: new RateLimiter(options.rateLimit), prepareTelegram: prepare });
  // The error boundary: a failed update is logged and the bot goes on with the next one.
  bot.catch((error, ctx) => log.error(`Telegram update ${ctx.update.update_id} failed`, error));

  try {
    bot.botInfo = await bot.telegram.getMe();
  } catch (error) {
    throw new TelegramStartError(scrub(`cannot connect to the Telegram Bot API: ${(error as Error).message}`, secrets));
  }
  try {
    await registerCommands(bot.telegram, chat);
  } catch (error) {
    // The menu is a convenience: the bot works without it.
    log.warn('could not register the command menu', error);
  }

  if (config.webhook) return startWebhook(bot, { ...config.webhook, secrets, log, queue });

  try {
    // A webhook left registered would make every getUpdates fail with 409.
    await bot.telegram.deleteWebhook({ drop_pending_updates: false });
  } catch (error) {
    throw new TelegramStartError(scrub(`cannot switch the bot to long polling: ${(error as Error).message}`, secrets));
  }
  const polling = new LongPolling(bot.telegram, (update) => bot.handleUpdate(update), log, policy, ALLOWED_UPDATES);
  void polling.start();
  log.info(`Telegram bot @${bot.botInfo.username} started (long polling)`);
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        // Polling ends after the current batch and confirms it to Telegram, so it is not delivered again.
        await polling.stop();
        await queue.idle();
        log.info('Telegram bot stopped');
      })()),
  };
}

async function startWebhook(
  bot: Telegraf,
  options: { url: string; port: number; secret?: string; secrets: string[]; log: Logger; queue: ReturnType<typeof attachHandlers> },
): Promise<RunningBot> {
  const { log, queue } = options;
  // Without a configured secret a fresh one per start still proves each request comes from Telegram.
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const { pathname, search } = new URL(options.url);
  const path = pathname + search;
  const callback = bot.webhookCallback(path, { secretToken: secret });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return void res.end('ok');
    // A request without the secret token header (or with a wrong one, or to another path) gets 403.
    callback(req, res).catch((error: unknown) => {
      log.error('webhook request failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  try {
    await listen(server, options.port);
    await bot.telegram.setWebhook(options.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
  } catch (error) {
    server.close();
    throw new TelegramStartError(scrub(`cannot start the webhook on port ${options.port}: ${(error as Error).message}`, [...options.secrets, secret]));
  }
  log.info(`Telegram bot @${bot.botInfo?.username} started (webhook on port ${options.port}, path ${path})`);
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        // The webhook stays registered: Telegram keeps new updates until the bot is back.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await queue.idle();
        await closed;
        log.info('Telegram bot stopped');
      })()),
  };
}
