/** A minimal logger for the bot processes: one line per event on stderr, with every secret scrubbed. */
export interface Logger {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

const MASK = '***';

/**
 * Every form in which a secret can leak: as is, URL-encoded, and for a Telegram token (`<bot id>:<secret>`)
 * its secret half, which also covers the `bot<token>` form of every Bot API URL and telegraf's partial redaction.
 */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    // Very short values would mask ordinary words; real tokens and webhook secrets are longer.
    if (typeof secret !== 'string' || secret.length < 6) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    const telegram = /^\d+:(.{6,})$/.exec(secret);
    if (telegram) {
      forms.add(telegram[1]!);
      forms.add(encodeURIComponent(telegram[1]!));
    }
  }
  // Longest first, so a token is masked whole rather than leaving its bot id beside a masked half.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each secret in `text` with `***`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const form of secretForms(secrets)) result = result.split(form).join(MASK);
  return result;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * Creates a logger that writes one line per event (`<ISO time> <LEVEL> <message>[: <error>]`) and scrubs
 * every secret from it, since errors from HTTP clients embed tokens in request URLs.
 */
export function createLogger(secrets: readonly string[], write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const forms = secretForms(secrets);
  const emit = (level: string, message: string, error?: unknown) => {
    let line = error === undefined ? message : `${message}: ${describe(error)}`;
    for (const form of forms) line = line.split(form).join(MASK);
    // One event, one line: stacks and multi-line messages are folded so log shippers keep them together.
    write(`${new Date().toISOString()} ${level} ${line.replace(/\r?\n\s*/g, ' | ')}\n`);
  };
  return {
    info: (message) => emit('INFO', message),
    warn: (message, error) => emit('WARN', message, error),
    error: (message, error) => emit('ERROR', message, error),
  };
}
