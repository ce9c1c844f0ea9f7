import { z } from 'zod';

/** A configuration problem, one line per problem, each naming its variable, with no secret values in it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'pretty';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

/**
 * A secret pasted from somewhere: spaces or quotes around it are the usual slip (a `.env` file needs no quotes),
 * so they get their own hint instead of "malformed". Shapes only: the value is never echoed.
 */
const secret = (pattern: RegExp, message: string) =>
  z.string().superRefine((value, ctx) => {
    if (value !== value.trim()) ctx.addIssue({ code: 'custom', message: 'has spaces or a line break around it: remove them' });
    else if (/^(["'`]).*\1$/s.test(value)) ctx.addIssue({ code: 'custom', message: 'is wrapped in quotes: remove them (a .env file needs none)' });
    else if (!pattern.test(value)) ctx.addIssue({ code: 'custom', message });
  });

const port = (what: string) => z.coerce.number({ error: `must be a port number` }).int(`must be a port number`).min(1, what).max(65535, what);
const flag = z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1');

const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: optional(secret(/^\d+:[A-Za-z0-9_-]{30,}$/, 'does not look like a Telegram bot token (digits:secret)')),
  TELEGRAM_API_ROOT: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  TELEGRAM_WEBHOOK_URL: optional(z.url({ protocol: /^https$/, error: 'must be an https:// URL: Telegram delivers webhooks over HTTPS only' })),
  TELEGRAM_WEBHOOK_SECRET: optional(secret(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 of A-Z a-z 0-9 _ -')),
  PORT: optional(port('must be a port number')),
  DISCORD_TOKEN: optional(secret(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'does not look like a Discord bot token')),
  DISCORD_CLIENT_ID: optional(z.string().regex(/^\d{17,20}$/, 'must be the application id (a snowflake)')),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{17,20}$/, 'must be a server id (a snowflake)')),
  DISCORD_API_ROOT: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(secret(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL (postgres://user:password@host:5432/database)')),
  RETENTION_DAYS: optional(z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1')),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  LOG_FORMAT: optional(z.enum(['json', 'pretty'], { error: 'must be json or pretty' })),
  OPS_PORT: optional(port('must be a port number')),
  FACTS_WATCH: optional(flag),
  CONVERSATION_TTL_MINUTES: optional(z.coerce.number({ error: 'must be a whole number of minutes' }).int('must be a whole number of minutes').min(1, 'must be at least 1')),
  UPDATE_LEASE_SECONDS: optional(z.coerce.number({ error: 'must be a number of seconds' }).int('must be a whole number of seconds').min(1, 'must be at least 1')),
});

/** Where the bot keeps its state: a SQLite file in DATA_DIR (the default), or a PostgreSQL database shared by replicas. */
export type StoreConfig = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface Config {
  telegram?: {
    token: string;
    apiRoot?: string;
    webhook?: { url: string; secret?: string; port: number };
    /** How long an update being handled is reserved for its replica; past it, another may take it over. */
    leaseSeconds?: number;
  };
  discord?: { token: string; clientId?: string; guildId?: string; apiRoot?: string };
  store: StoreConfig;
  /** Declined questions and shared state older than this are deleted. */
  retentionDays: number;
  /** A conversation forgets what it was about after this much quiet (milliseconds; set in minutes). */
  conversationTtlMs: number;
  /** `format` undefined: JSON unless standard error is a terminal. */
  log: { level: LogLevel; format?: LogFormat };
  /** Port of the health and metrics listener, if any. */
  opsPort?: number;
  /** Reload `data/` when its files change (SIGHUP always reloads). */
  watchFacts: boolean;
}

/** Reads the configuration from the environment; throws ConfigError listing every problem. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const e = parsed.data;
  if (e?.OPS_PORT !== undefined && e.TELEGRAM_WEBHOOK_URL && e.OPS_PORT === (e.PORT ?? 8080)) {
    problems.push('OPS_PORT: must differ from PORT, where the webhook listens');
  }
  if (!e || problems.length > 0) throw new ConfigError(problems.join('\n'));
  const config: Config = {
    store: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', dataDir: e.DATA_DIR ?? './var' },
    retentionDays: e.RETENTION_DAYS ?? 90,
    conversationTtlMs: (e.CONVERSATION_TTL_MINUTES ?? 30) * 60_000,
    log: { level: e.LOG_LEVEL ?? 'info', ...(e.LOG_FORMAT && { format: e.LOG_FORMAT }) },
    ...(e.OPS_PORT !== undefined && { opsPort: e.OPS_PORT }),
    watchFacts: e.FACTS_WATCH ?? false,
  };
  if (e.TELEGRAM_BOT_TOKEN) {
    config.telegram = {
      token: e.TELEGRAM_BOT_TOKEN,
      ...(e.UPDATE_LEASE_SECONDS !== undefined && { leaseSeconds: e.UPDATE_LEASE_SECONDS }),
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

/** Every secret the configuration holds, for scrubbing logs and errors. */
export function secretsOf(config: Config | undefined, env: NodeJS.ProcessEnv = process.env): string[] {
  const values = config
    ? [config.telegram?.token, config.telegram?.webhook?.secret, config.discord?.token, config.store.kind === 'postgres' ? config.store.url : undefined]
    : [env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET, env.DISCORD_TOKEN, env.DATABASE_URL];
  const secrets = values.filter((s): s is string => !!s).map((s) => s.trim());
  // A database password alone, as it appears in driver errors.
  for (const value of secrets.filter((s) => /^postgres/.test(s))) {
    try {
      const password = decodeURIComponent(new URL(value).password);
      if (password) secrets.push(password);
    } catch {
      // A malformed URL was reported by readConfig already.
    }
  }
  return secrets;
}
