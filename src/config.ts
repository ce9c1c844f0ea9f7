import { z } from 'zod';

/** A configuration problem, one line per problem, with no secret values in it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

// Shapes only: the token values are never echoed in messages.
const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[A-Za-z0-9_-]{30,}$/, 'does not look like a Telegram bot token (digits:secret)')),
  TELEGRAM_API_ROOT: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  TELEGRAM_WEBHOOK_URL: optional(z.url({ protocol: /^https$|^http$/, error: 'must be an http(s) URL' })),
  TELEGRAM_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 of A-Z a-z 0-9 _ -')),
  PORT: optional(z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535)),
  DISCORD_TOKEN: optional(z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'does not look like a Discord bot token')),
  DISCORD_CLIENT_ID: optional(z.string().regex(/^\d{17,20}$/, 'must be the application id (a snowflake)')),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{17,20}$/, 'must be a server id (a snowflake)')),
  DISCORD_API_ROOT: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  DATA_DIR: optional(z.string()),
});

export interface Config {
  telegram?: { token: string; apiRoot?: string; webhook?: { url: string; secret?: string; port: number } };
  discord?: { token: string; clientId?: string; guildId?: string; apiRoot?: string };
  dataDir: string;
}

/** Reads the configuration from the environment; throws ConfigError listing every problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const e = parsed.data;
  const config: Config = { dataDir: e.DATA_DIR ?? './var' };
  if (e.TELEGRAM_BOT_TOKEN) {
    config.telegram = {
      token: e.TELEGRAM_BOT_TOKEN,
      ...(e.TELEGRAM_API_ROOT && { apiRoot: e.TELEGRAM_API_ROOT }),
      ...(e.TELEGRAM_WEBHOOK_URL && {
        webhook: { url: e.TELEGRAM_WEBHOOK_URL, port: e.PORT ?? 8080, ...(e.TELEGRAM_WEBHOOK_SECRET && { secret: e.TELEGRAM_WEBHOOK_SECRET }) },
      }),
    };
  }
  if (e.DISCORD_TOKEN) {
    config.discord = {
      token: e.DISCORD_TOKEN,
      ...(e.DISCORD_CLIENT_ID && { clientId: e.DISCORD_CLIENT_ID }),
      ...(e.DISCORD_GUILD_ID && { guildId: e.DISCORD_GUILD_ID }),
      ...(e.DISCORD_API_ROOT && { apiRoot: e.DISCORD_API_ROOT }),
    };
  }
  return config;
}
