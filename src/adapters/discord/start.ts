import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayCloseCodes, GatewayIntentBits, HTTPError, Message, Partials, Status, type Interaction } from 'discord.js';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { FatalPlatformError, type AdapterDeps, type RunningBot } from '../running.ts';
import { track, type Turn } from '../turn.ts';
import { conversationOf, onInteraction, onMessage, type DiscordContext } from './handlers.ts';
import { respond, type ReplyTarget } from './respond.ts';

export type DiscordConfig = NonNullable<Config['discord']>;

export interface DiscordOptions extends AdapterDeps {
  config: DiscordConfig;
}

/** Gateway close codes after which discord.js does not reconnect: the bot would sit there, connected to nothing. */
const UNRECOVERABLE: ReadonlySet<number> = new Set([
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

/** A discord.js client with only the intents the bot needs (none privileged) and `DISCORD_API_ROOT` honoured. */
export function createClient(config: DiscordConfig): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached until used: without this partial their first message would be dropped.
    partials: [Partials.Channel],
    // A default for anything that does not go through `respond`, which also sets it explicitly.
    allowedMentions: { parse: [] },
    rest: config.apiRoot ? { api: config.apiRoot } : {},
  });
}

/** Tells the user something went wrong, if the event is still unanswered; never throws. */
async function apologize(ctx: DiscordContext, event: Interaction | Message, log: Logger): Promise<void> {
  const notice = async (target: ReplyTarget) => {
    const lang = await ctx.chat.language(conversationOf(target));
    await respond(ctx.chat.bot, target, ctx.chat.bot.message(lang, ctx.chat.bot.t(lang, 'discord:error')), { ephemeral: true });
  };
  try {
    if (event instanceof Message) await notice(event);
    else if (event.isAutocomplete()) {
      if (!event.responded) await event.respond([]);
    } else if (event.isRepliable() && !event.replied) await notice(event);
  } catch (error) {
    log.warn('discord: could not send the error notice', error);
  }
}

/** Connects the Discord bot and resolves once it is ready (its guilds received). */
export async function startDiscord({ config, chat, log, metrics, onFatal }: DiscordOptions): Promise<RunningBot> {
  const client = createClient(config);
  const ctx: DiscordContext = { chat, botUserId: () => client.user!.id };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  // The error boundary: one failing event is logged (scrubbed by the logger) and never stops the bot.
  const handle = (kind: string, event: Interaction | Message, run: (turn: Turn) => Promise<void>) => {
    if (stopping) return;
    const task = track('discord', log, metrics, run)
      .catch(async (error: unknown) => {
        log.error(`discord: ${kind} failed`, error);
        if (error instanceof DiscordAPIError || error instanceof HTTPError) metrics.apiFailure('discord');
        if (error instanceof DiscordAPIError && error.status === 401) {
          onFatal(new FatalPlatformError('Discord refused the bot token (401 Unauthorized): it was reset or is wrong; check DISCORD_TOKEN'));
        }
        await apologize(ctx, event, log);
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  client.on(Events.InteractionCreate, (interaction) => handle('interaction', interaction, (turn) => onInteraction(ctx, interaction, turn)));
  client.on(Events.MessageCreate, (message) => handle('message', message, (turn) => onMessage(ctx, message, turn)));
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (stopping || !UNRECOVERABLE.has(event.code)) return;
    const reason = GatewayCloseCodes[event.code] ?? event.code;
    onFatal(new FatalPlatformError(`Discord closed the gateway of shard ${shard} for good (${event.code} ${reason}); check DISCORD_TOKEN and the sharding settings`));
  });
  client.on(Events.Error, (error) => log.error('discord: client error', error));
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
  client.on(Events.ShardError, (error, shard) => log.warn(`discord: shard ${shard} connection error`, error));
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping) log.info(`discord: shard ${shard} reconnecting`);
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info(`discord: shard ${shard} resumed (${replayed} events replayed)`));
  client.rest.on('rateLimited', (info) => log.warn(`discord: rate limited on ${info.method.toUpperCase()} ${info.route}; retrying in ${info.retryAfter} ms`));
  // discord.js retries a 429 or a 5xx itself: each such response is one retry.
  client.rest.on('response', (_request, response) => {
    if (response.status === 429 || response.status >= 500) metrics.apiRetry('discord');
  });

  const ready = once(client, Events.ClientReady);
  // Awaited below; should login fail instead, its error is the one reported.
  ready.catch(() => {});
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info(`discord: logged in as ${client.user!.tag}, in ${client.guilds.cache.size} server(s)`);

  return {
    isReady: () => !stopping && client.ws.status === Status.Ready,
    async stop() {
      if (stopping) return;
      stopping = true;
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      log.info('discord: stopped');
    },
  };
}
