import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, secretsOf } from '../src/config.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function problems(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.split('\n');
  }
  return [];
}

describe('readConfig', () => {
  it('GIVEN nothing THEN SQLite in ./var, 90 days of retention, conversations of 30 minutes, info logs, no ops listener, no watch', () => {
    expect(readConfig({})).toEqual({
      store: { kind: 'sqlite', dataDir: './var' },
      retentionDays: 90,
      conversationTtlMs: 30 * 60_000,
      log: { level: 'info' },
      watchFacts: false,
    });
  });

  it('GIVEN DATABASE_URL THEN the PostgreSQL store, whatever DATA_DIR says', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://bot:pw@db:5432/bot', DATA_DIR: '/data' }).store).toEqual({ kind: 'postgres', url: 'postgres://bot:pw@db:5432/bot' });
    expect(problems({ DATABASE_URL: 'mysql://x' })).toEqual([expect.stringMatching(/^DATABASE_URL: must be a postgres:\/\/ URL/)]);
  });

  it('GIVEN an http:// webhook URL THEN refused at start: Telegram delivers over HTTPS only', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'http://bot.example.org/hook' })).toEqual([
      'TELEGRAM_WEBHOOK_URL: must be an https:// URL: Telegram delivers webhooks over HTTPS only',
    ]);
    expect(readConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook' }).telegram?.webhook?.port).toBe(8080);
  });

  it.each([
    ['a trailing space', `${TOKEN} `, 'has spaces or a line break around it: remove them'],
    ['a line break', `${TOKEN}\n`, 'has spaces or a line break around it: remove them'],
    ['double quotes', `"${TOKEN}"`, 'is wrapped in quotes: remove them (a .env file needs none)'],
    ['single quotes', `'${TOKEN}'`, 'is wrapped in quotes: remove them (a .env file needs none)'],
  ])('GIVEN a token with %s THEN a hint, never the value', (_what, value, hint) => {
    const lines = problems({ TELEGRAM_BOT_TOKEN: value, DISCORD_TOKEN: value.replace(TOKEN, 'MTA5.GhIjKl.abcdefghijklmnop') });
    expect(lines).toEqual([`TELEGRAM_BOT_TOKEN: ${hint}`, `DISCORD_TOKEN: ${hint}`]);
    expect(lines.join('')).not.toContain(TOKEN.split(':')[1]);
  });

  it('GIVEN the operations variables THEN they are read, and bad values named one line each', () => {
    const config = readConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json', OPS_PORT: '9090', RETENTION_DAYS: '30', FACTS_WATCH: 'true', CONVERSATION_TTL_MINUTES: '5' });
    expect(config).toMatchObject({ log: { level: 'debug', format: 'json' }, opsPort: 9090, retentionDays: 30, watchFacts: true, conversationTtlMs: 5 * 60_000 });
    const lines = problems({ LOG_LEVEL: 'loud', LOG_FORMAT: 'xml', OPS_PORT: '0', RETENTION_DAYS: '-1', FACTS_WATCH: 'maybe', UPDATE_LEASE_SECONDS: 'x', CONVERSATION_TTL_MINUTES: '0' });
    expect(lines.sort()).toEqual([
      'CONVERSATION_TTL_MINUTES: must be at least 1',
      'FACTS_WATCH: must be true or false',
      'LOG_FORMAT: must be json or pretty',
      'LOG_LEVEL: must be one of trace, debug, info, warn, error, fatal, silent',
      'OPS_PORT: must be a port number',
      'RETENTION_DAYS: must be at least 1',
      'UPDATE_LEASE_SECONDS: must be a number of seconds',
    ]);
    expect(problems({ CONVERSATION_TTL_MINUTES: '2.5' })).toEqual(['CONVERSATION_TTL_MINUTES: must be a whole number of minutes']);
  });

  it('GIVEN webhook mode with OPS_PORT equal to PORT THEN refused: they are separate listeners', () => {
    expect(problems({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://x.org/h', PORT: '9000', OPS_PORT: '9000' })).toEqual([
      'OPS_PORT: must differ from PORT, where the webhook listens',
    ]);
  });
});

describe('secretsOf', () => {
  it('GIVEN a configuration THEN the tokens, the webhook secret, the database URL and its password alone', () => {
    const config = readConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://x.org/h',
      TELEGRAM_WEBHOOK_SECRET: 'hook-secret-1',
      DATABASE_URL: 'postgres://bot:p%40ssw0rd-long@db/bot',
    });
    expect(secretsOf(config)).toEqual([TOKEN, 'hook-secret-1', 'postgres://bot:p%40ssw0rd-long@db/bot', 'p@ssw0rd-long']);
  });

  it('GIVEN no configuration (it was invalid) THEN the raw values of the environment, trimmed', () => {
    expect(secretsOf(undefined, { TELEGRAM_BOT_TOKEN: ` ${TOKEN} ` })).toEqual([TOKEN]);
  });
});
