import pino from 'pino';
import type { LogFormat, LogLevel } from './config.ts';

/**
 * The bot's logger: pino underneath, one line per event. The second argument of each level carries the details:
 * an Error (logged as `err`, stack included), an object of fields, or any other value (logged as `detail`).
 */
export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  fatal(message: string, detail?: unknown): void;
  /** A logger whose every line also carries `fields` (a platform, a shard). */
  child(fields: Record<string, unknown>): Logger;
  /** Whether `debug` lines are written (the question text is logged only then). */
  readonly debugEnabled: boolean;
}

export interface LoggerOptions {
  /** Values that must never appear in a line: tokens, the webhook secret, the database password. */
  secrets?: readonly string[];
  level?: LogLevel;
  /** Default: pretty when writing to a terminal, JSON otherwise (log shippers read JSON). */
  format?: LogFormat;
  /** Where lines go (default standard error). */
  write?: (line: string) => void;
}

const MASK = '***';

/**
 * Every form in which a secret can leak: as is, URL-encoded, escaped inside a JSON string, and for a Telegram
 * token (`<bot id>:<secret>`) its secret half, which also covers the `bot<token>` form of every Bot API URL and
 * telegraf's partial redaction.
 */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  const add = (value: string) => {
    forms.add(value);
    forms.add(encodeURIComponent(value));
    forms.add(JSON.stringify(value).slice(1, -1));
  };
  for (const secret of secrets) {
    // Very short values would mask ordinary words; real tokens and webhook secrets are longer.
    if (typeof secret !== 'string' || secret.length < 6) continue;
    add(secret);
    const telegram = /^\d+:(.{6,})$/.exec(secret);
    if (telegram) add(telegram[1]!);
  }
  // Longest first, so a token is masked whole rather than leaving its bot id beside a masked half.
  return [...forms].sort((a, b) => b.length - a.length);
}

function mask(text: string, forms: readonly string[]): string {
  let result = text;
  for (const form of forms) result = result.split(form).join(MASK);
  return result;
}

/** Replaces every occurrence of each secret in `text` with `***`. */
export function scrub(text: string, secrets: readonly string[]): string {
  return mask(text, secretForms(secrets));
}

/** A line as pino writes it, with the level named by `formatters.level`. */
interface LogRecord {
  time: string;
  level: string;
  msg: string;
  err?: { type?: string; message?: string; stack?: string };
  [field: string]: unknown;
}

/** A JSON line as one human-readable line: `<time> <LEVEL> <msg> key=value…[: <error>]`, stacks folded. */
export function prettyLine(json: string): string {
  const { time, level, msg, err, pid: _pid, hostname: _host, ...fields } = JSON.parse(json) as LogRecord;
  const extra = Object.entries(fields).map(([key, value]) => ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const error = err ? `: ${err.stack ?? `${err.type}: ${err.message}`}` : '';
  // One event, one line: stacks and multi-line messages are folded so log shippers keep them together.
  return `${time} ${level.toUpperCase()} ${msg}${extra.join('')}${error}`.replace(/\r?\n\s*/g, ' | ') + '\n';
}

function wrap(logger: pino.Logger): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error' | 'fatal') =>
    (message: string, detail?: unknown): void => {
      if (detail === undefined) logger[level](message);
      else if (detail instanceof Error) logger[level]({ err: detail }, message);
      else if (typeof detail === 'object' && detail !== null && !Array.isArray(detail)) logger[level](detail, message);
      else logger[level]({ detail }, message);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
    child: (fields) => wrap(logger.child(fields)),
    get debugEnabled() {
      return logger.isLevelEnabled('debug');
    },
  };
}

/**
 * Creates the logger. Every line is scrubbed of every secret as it is written (after serialization, so error
 * stacks and fields are covered too), since errors from HTTP clients embed tokens in request URLs.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const format = options.format ?? (options.write === undefined && process.stderr.isTTY ? 'pretty' : 'json');
  const forms = secretForms(options.secrets ?? []);
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: { streamWrite: (line) => mask(line, forms) },
    },
    { write: (line: string) => write(format === 'pretty' ? prettyLine(line) : line) },
  );
  return wrap(logger);
}
